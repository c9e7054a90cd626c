"""The monthly report of the goals, for the funder: a page in the admin, a printable page and
a CSV file. Only people who may see the goals get them."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wagtail.models import Site

from accounts.centres import sites_in_care_of

from .forms import MonthForm
from .progress import month_report


def site_of(request):
    """The centre whose goals to show: the one the admin is opened on, if this person looks
    after it, else the first one they look after; None for someone who looks after none."""
    own_sites = sites_in_care_of(request.user).order_by("-is_default_site", "site_name")
    site = Site.find_for_request(request)
    if site is not None and own_sites.filter(pk=site.pk).exists():
        return site
    return own_sites.first()


def _month(request):
    """The form and the month asked for; this month when none was asked, None when the
    month asked for is wrong (the form then says why)."""
    if "month" not in request.GET:
        return MonthForm(initial={"month": timezone.localdate()}), timezone.localdate()
    form = MonthForm(request.GET)
    return form, form.cleaned_data["month"] if form.is_valid() else None


def _as_csv(site, month, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"doelen-{month:%Y-%m}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Site"),
            _("Month"),
            _("What we count"),
            _("Goal"),
            _("Reached by"),
            _("Figure"),
            _("Per week"),
            _("Expected"),
            _("Behind"),
        ]
    )
    for row in rows:
        writer.writerow(
            [
                site.site_name or site.hostname,
                f"{month:%Y-%m}",
                row.goal.get_figure_display(),
                row.goal.target,
                row.goal.target_date.isoformat(),
                "" if row.value is None else row.value,
                "" if row.per_week is None else row.per_week,
                row.expected,
                _("yes") if row.behind else _("no"),
            ]
        )
    return response


def monthly_report(request):
    site = site_of(request)
    if not request.user.has_perm("doelen.view_goal") or site is None:
        raise PermissionDenied
    form, month = _month(request)
    if month is None:
        return render(request, "doelen/admin/report.html", {"form": form, "site": site})
    rows = month_report(site, month.year, month.month)
    wanted = request.GET.get("format")
    if wanted == "csv":
        return _as_csv(site, month, rows)
    context = {
        "form": form,
        "site": site,
        "month": month,
        "month_name": formats.date_format(month, "YEAR_MONTH_FORMAT"),
        "rows": rows,
    }
    template = "doelen/report_print.html" if wanted == "print" else "doelen/admin/report.html"
    return render(request, template, context)

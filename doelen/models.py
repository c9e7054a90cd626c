from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from .forms import GoalForm


class Figure(models.TextChoices):
    """What a goal measures. Each has a way to count it in doelen/figures.py."""

    RESIDENTS = "residents", _("Resident accounts")
    PARTNERS = "partners", _("Partner accounts")
    ONLINE_ACTIVITIES = "online_activities", _("Recurring online activities")
    ARTICLES_PER_WEEK = "articles_per_week", _("Buurtkrant articles per week")
    ACTIVE_EDITORS = "active_editors", _("Active redactieleden")
    SIGN_UPS_PER_WEEK = "sign_ups_per_week", _("Sign-ups per week")
    CARDS_ANSWERED_PER_WEEK = "cards_answered_per_week", _("Prikbord cards answered per week")
    CARDS_RESOLVED_PER_WEEK = "cards_resolved_per_week", _("Prikbord cards solved per week")
    REQUESTS_PER_WEEK = "requests_per_week", _("Requests per week")
    REFERRED_ACCOUNTS = "referred_accounts", _("Referrals that led to an account")


def mid_year():
    """The next 30 June: the launch article's goals are 'by mid-year'."""
    today = timezone.localdate()
    this_year = date(today.year, 6, 30)
    return this_year if today <= this_year else date(today.year + 1, 6, 30)


class Goal(models.Model):
    """A number the centre wants to reach for one figure, on one site, by a date."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="goals"
    )
    figure = models.CharField(_("what we count"), max_length=30, choices=Figure.choices)
    target = models.PositiveIntegerField(
        _("goal"), help_text=_("For a figure 'per week': the number we want each week.")
    )
    starts_on = models.DateField(
        _("counting from"),
        default=timezone.localdate,
        help_text=_("From this day we expect the number to grow evenly towards the goal."),
    )
    target_date = models.DateField(_("reached by"), default=mid_year)

    base_form_class = GoalForm
    panels = [
        FieldPanel("site"),
        FieldPanel("figure"),
        FieldPanel("target"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("target_date")]),
    ]

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["site", "figure"]
        constraints = [
            models.UniqueConstraint(fields=["site", "figure"], name="one_goal_per_figure_and_site"),
            models.CheckConstraint(
                condition=models.Q(target_date__gt=models.F("starts_on")),
                name="goal_reached_after_it_starts",
                violation_error_message=_("The date to reach the goal must come after its start."),
            ),
        ]

    def __str__(self):
        return f"{self.get_figure_display()}: {self.target}"


class DemoAccount(models.Model):
    """An account the demo made. Figures leave these out unless DEBUG is on (the demo site).

    The demo marks its own accounts (demo/doelen.py), so real people are never mistaken for
    demo accounts, whatever name or address they choose.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="demo_account",
    )

    class Meta:
        verbose_name = _("demo account")
        verbose_name_plural = _("demo accounts")

    def __str__(self):
        return str(self.user)

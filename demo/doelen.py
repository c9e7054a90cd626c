"""The demo centre's goals, partly reached: the goals of the launch article plus a few more,
counted from a date early this year, and more neighbours with an account who joined over the
last weeks so the dashboard shows a trend.

Every account the demo made (all use the reserved domain example.org) is marked as a
doelen.DemoAccount, so a database that began as the demo never counts them with DEBUG off.
"""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Site

from accounts.roles import RESIDENTS
from doelen.models import DemoAccount, Figure, Goal, mid_year

# More residents, so the resident goal is partly reached: username, display name
NEIGHBOURS = [
    ("anouk", "Anouk"), ("bram", "Bram"), ("chaima", "Chaïma"), ("daan", "Daan"),
    ("elif", "Elif"), ("fenna", "Fenna"), ("gijs", "Gijs"), ("hanna", "Hanna"),
    ("ilias", "Ilias"), ("jasmijn", "Jasmijn"), ("kerem", "Kerem"), ("lotte", "Lotte"),
    ("mohamed", "Mohamed"), ("nadia", "Nadia"), ("olga", "Olga"), ("piet", "Piet"),
    ("rachid", "Rachid"), ("sevda", "Sevda"), ("tomasz", "Tomasz"), ("ulla", "Ulla"),
    ("vera", "Vera"), ("wim", "Wim"),
]  # fmt: skip
DAYS_BETWEEN_NEIGHBOURS = 4  # over about twelve weeks

# figure: goal; the defaults of a new site (residents, partners, activities, articles) stay
MORE_GOALS = {
    Figure.ACTIVE_EDITORS: 3,
    Figure.SIGN_UPS_PER_WEEK: 10,
    Figure.CARDS_ANSWERED_PER_WEEK: 3,
    Figure.CARDS_RESOLVED_PER_WEEK: 2,
    Figure.REQUESTS_PER_WEEK: 5,
    Figure.REFERRED_ACCOUNTS: 10,
}


def _neighbours():
    User = get_user_model()
    residents = Group.objects.get(name=RESIDENTS)
    now = timezone.now()
    created = 0
    for number, (username, display_name) in enumerate(NEIGHBOURS):
        joined = now - timedelta(days=DAYS_BETWEEN_NEIGHBOURS * number + 1)
        user, is_new = User.objects.get_or_create(
            username=username,
            defaults={
                "display_name": display_name,
                "email": f"{username}@example.org",
                "email_confirmed_at": joined,
                "date_joined": joined,
            },
        )
        if is_new:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            user.groups.add(residents)
            created += 1
    return created


def _mark_demo_accounts():
    accounts = get_user_model().objects.filter(email__iendswith="@example.org")
    DemoAccount.objects.bulk_create(
        [DemoAccount(user=user) for user in accounts.filter(demo_account__isnull=True)]
    )


def set_goals(site):
    """Counted from the first of January before the goals' date: partly reached by now."""
    target_date = mid_year()
    starts_on = date(target_date.year - 1, 1, 1)
    for figure, target in MORE_GOALS.items():
        Goal.objects.get_or_create(
            site=site,
            figure=figure,
            defaults={"target": target, "starts_on": starts_on, "target_date": target_date},
        )
    Goal.objects.filter(site=site, starts_on__gt=starts_on).update(starts_on=starts_on)
    return Goal.objects.filter(site=site).count()


def load(log):
    created = _neighbours()
    _mark_demo_accounts()
    goals = set_goals(Site.objects.get(is_default_site=True))
    log(f"doelen: {created} neighbours created, {goals} goals")

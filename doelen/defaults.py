"""The goals a new site starts with, from the launch article of Buurtcentrum Rosa online:
"50 resident accounts and 15 partner accounts by mid-year, 15 recurring online activities, a
buurtkrant run by residents who post weekly". Staff change them in the admin."""

from .models import Figure, mid_year

DEFAULT_GOALS = {
    Figure.RESIDENTS: 50,
    Figure.PARTNERS: 15,
    Figure.ONLINE_ACTIVITIES: 15,
    Figure.ARTICLES_PER_WEEK: 1,
}


def create_default_goals(goal_model, site_id):
    """Works with the real model and with a migration's historical one."""
    for figure, target in DEFAULT_GOALS.items():
        goal_model.objects.get_or_create(
            site_id=site_id,
            figure=figure.value,
            defaults={"target": target, "target_date": mid_year()},
        )

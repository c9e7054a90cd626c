"""Goals (doelen): a new site gets the launch article's goals; every figure equals a count made
here from the data the test created (residents and partners apart, without staff and demo
accounts); the dashboard panel is for Medewerkers and Beheerders only (its number of queries:
tests/test_query_budgets.py); the monthly report (page, printable page, CSV) is for them
only."""

import csv
import io
from datetime import date, datetime, time, timedelta

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Page, Site

from accounts.factories import OrganisationFactory, UserFactory
from accounts.models import Organisation, Referral
from agenda.factories import ActivityPageFactory, OnlineActivityPageFactory, weekly
from agenda.models import Occurrence, SignUp
from buurtkrant.factories import ArticlePageFactory
from doelen.models import DemoAccount, Figure, Goal
from doelen.progress import dashboard, month_report
from doelen.wagtail_hooks import GoalsPanel
from home.factories import HomePageFactory
from home.models import RequestSubmission
from huiskamer.models import Conversation
from prikbord.factories import PrikbordItemPageFactory

RESIDENTS, EDITORS, PARTNERS, STAFF, ADMINISTRATORS = (
    "Bewoners",
    "Redactie",
    "Partners",
    "Medewerkers",
    "Beheerders",
)
REPORT = reverse("doelen_monthly_report")

pytestmark = pytest.mark.django_db


def ago(days, hours=0):
    return timezone.now() - timedelta(days=days, hours=hours)


def mondays():
    """The Mondays (local midnight) of the last 12 weeks, this week's last."""
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    return [
        timezone.make_aware(datetime.combine(monday - timedelta(weeks=12 - 1 - n), time.min))
        for n in range(12)
    ]


def in_week(moments, monday):
    return sum(monday <= moment < monday + timedelta(weeks=1) for moment in moments)


def up_to_week(moments, monday):
    end = min(monday + timedelta(weeks=1), timezone.now())
    return sum(moment < end for moment in moments)


def last_whole_week(moments):
    return in_week(moments, mondays()[-1] - timedelta(weeks=1))


@pytest.fixture
def site(db):
    """A second centre with its own pages, so content figures see only this test's data."""
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="andere-buurt")
    return Site.objects.create(hostname="andere.example", root_page=home, site_name="Andere buurt")


def progress_of(site, figure, target=10):
    Goal.objects.update_or_create(site=site, figure=figure, defaults={"target": target})
    return next(row for row in dashboard(site) if row.goal.figure == figure)


def values(row):
    return [week.value for week in row.weeks]


def test_a_new_site_gets_the_goals_of_the_launch_article(site):
    goals = {goal.figure: goal.target for goal in Goal.objects.filter(site=site)}
    assert goals == {
        Figure.RESIDENTS: 50,
        Figure.PARTNERS: 15,
        Figure.ONLINE_ACTIVITIES: 15,
        Figure.ARTICLES_PER_WEEK: 1,
    }
    target_date = Goal.objects.filter(site=site).first().target_date
    assert (target_date.month, target_date.day) == (6, 30)


def test_residents_and_partners_are_counted_apart_without_staff_or_demo(site, settings):
    resident_days = [0, 3, 10, 20, 40, 100]
    residents = [UserFactory(groups=[RESIDENTS], date_joined=ago(days)) for days in resident_days]
    residents.append(UserFactory(groups=[RESIDENTS, EDITORS], date_joined=ago(15)))
    partners = [UserFactory(groups=[PARTNERS], date_joined=ago(days)) for days in [1, 50]]
    UserFactory(groups=[RESIDENTS, STAFF], date_joined=ago(2))
    UserFactory(groups=[RESIDENTS, ADMINISTRATORS], date_joined=ago(2))
    UserFactory(groups=[RESIDENTS], is_superuser=True, date_joined=ago(2))
    UserFactory(groups=[RESIDENTS], is_active=False, date_joined=ago(2))
    demo = UserFactory(groups=[RESIDENTS], date_joined=ago(2))
    DemoAccount.objects.create(user=demo)

    joined = [user.date_joined for user in residents]
    row = progress_of(site, Figure.RESIDENTS)
    assert row.actual == len(residents)
    assert values(row) == [up_to_week(joined, monday) for monday in mondays()]
    partner_row = progress_of(site, Figure.PARTNERS)
    assert partner_row.actual == len(partners)
    assert values(partner_row) == [
        up_to_week([user.date_joined for user in partners], monday) for monday in mondays()
    ]

    settings.DEBUG = True  # the demo site counts its own demo accounts
    demo_residents = DemoAccount.objects.filter(user__groups__name=RESIDENTS).count()
    assert demo_residents > 1
    assert progress_of(site, Figure.RESIDENTS).actual == len(residents) + demo_residents


def test_articles_per_week_count_the_last_whole_week_of_this_site(site):
    this_monday = mondays()[-1]
    moments = [
        this_monday - timedelta(days=1),
        this_monday - timedelta(days=6),
        this_monday - timedelta(days=9),
        this_monday - timedelta(days=30),
        min(this_monday + timedelta(hours=1), timezone.now()),
    ]
    for moment in moments:
        ArticlePageFactory(parent=site.root_page, first_published_at=moment)
    ArticlePageFactory(parent=site.root_page, first_published_at=ago(3), live=False)

    row = progress_of(site, Figure.ARTICLES_PER_WEEK, target=3)
    assert row.actual == last_whole_week(moments) == 2
    assert values(row) == [in_week(moments, monday) for monday in mondays()]
    assert row.behind


def test_active_redactieleden_wrote_in_the_last_four_weeks(site):
    henk, youssef, gone = (UserFactory(groups=[RESIDENTS, EDITORS]) for _ in range(3))
    writer = UserFactory(groups=[RESIDENTS])
    for author, days in [(henk, 2), (henk, 5), (youssef, 20), (gone, 40), (writer, 1)]:
        ArticlePageFactory(parent=site.root_page, author=author, first_published_at=ago(days))

    row = progress_of(site, Figure.ACTIVE_EDITORS)
    assert row.actual == 2  # henk (twice) and youssef; not the one of 40 days ago


def test_sign_ups_per_week_count_sign_ups_for_this_sites_activities(site):
    activity = ActivityPageFactory(parent=site.root_page)
    occurrence = Occurrence.objects.create(
        activity_key=activity.translation_key, starts_at=ago(-7), title=activity.title
    )
    moments = [ago(days) for days in [1, 4, 8, 9, 12, 26, 90]]
    for number, moment in enumerate(moments):
        sign_up = SignUp.objects.create(occurrence=occurrence, name=f"Gast {number}")
        SignUp.objects.filter(pk=sign_up.pk).update(created_at=moment)

    row = progress_of(site, Figure.SIGN_UPS_PER_WEEK)
    assert SignUp.objects.count() > len(moments)  # the demo's sign-ups are not this site's
    assert row.actual == last_whole_week(moments)
    assert values(row) == [in_week(moments, monday) for monday in mondays()]


def test_answered_cards_count_per_week_once_per_card(site):
    """A card counts in a week when a neighbour started a conversation about it then; two
    reactions to one card in a week count once, and the living room does not count."""
    cards = [PrikbordItemPageFactory(parent=site.root_page) for _number in range(3)]
    reactions = [(cards[0], ago(1)), (cards[0], ago(1, 2)), (cards[1], ago(3)), (cards[1], ago(10))]
    reactions.append((cards[2], ago(30)))
    for card, moment in reactions:
        conversation = Conversation.objects.create(
            kind=Conversation.Kind.PRIVATE, site=site, about_page=card
        )
        Conversation.objects.filter(pk=conversation.pk).update(created_at=moment)
    Conversation.objects.create(kind=Conversation.Kind.LIVING_ROOM, site=site)

    row = progress_of(site, Figure.CARDS_ANSWERED_PER_WEEK)

    def cards_in_week(monday):
        week = (monday, monday + timedelta(weeks=1))
        return len({card.pk for card, moment in reactions if week[0] <= moment < week[1]})

    assert values(row) == [cards_in_week(monday) for monday in mondays()]
    assert row.actual == cards_in_week(mondays()[-1] - timedelta(weeks=1))


def test_solved_cards_count_per_week_once_per_card(site):
    days = [2, 6, 13, 15, 50]
    today = timezone.localdate()
    for number in days:
        PrikbordItemPageFactory(parent=site.root_page, resolved_on=today - timedelta(days=number))
    PrikbordItemPageFactory(parent=site.root_page)  # not solved

    moments = [
        timezone.make_aware(datetime.combine(today - timedelta(days=n), time.min)) for n in days
    ]
    row = progress_of(site, Figure.CARDS_RESOLVED_PER_WEEK)
    assert row.actual == last_whole_week(moments)
    assert values(row) == [in_week(moments, monday) for monday in mondays()]


def test_requests_per_week_count_this_sites_requests(site):
    moments = [ago(days) for days in [0, 3, 7, 8, 8, 20]]
    for moment in moments:
        request = RequestSubmission.objects.create(page=site.root_page, form_data={})
        RequestSubmission.objects.filter(pk=request.pk).update(submit_time=moment)

    row = progress_of(site, Figure.REQUESTS_PER_WEEK)
    assert row.actual == last_whole_week(moments)
    assert values(row) == [in_week(moments, monday) for monday in mondays()]


def test_referrals_count_once_they_led_to_an_account_for_the_referrers_centre(site):
    organisation = OrganisationFactory(site=site, refers_residents=True)
    moments = [ago(1), ago(15), ago(60)]
    for moment in moments:
        Referral.objects.create(
            organisation=organisation,
            resident=UserFactory(groups=[RESIDENTS]),
            account_made_at=moment,
        )
    Referral.objects.create(organisation=organisation)  # the resident has not come yet
    Referral.objects.create(  # through a referrer of Rosa
        organisation=Organisation.objects.filter(refers_residents=True).first(),
        resident=UserFactory(groups=[RESIDENTS]),
        account_made_at=ago(2),
    )

    row = progress_of(site, Figure.REFERRED_ACCOUNTS)
    assert row.actual == len(moments)
    assert values(row) == [up_to_week(moments, monday) for monday in mondays()]


def test_live_recurring_online_activities_are_counted_today_only(site):
    OnlineActivityPageFactory.create_batch(2, parent=site.root_page)
    OnlineActivityPageFactory(parent=site.root_page, recurrence=weekly(0, until=ago(30)))
    OnlineActivityPageFactory(parent=site.root_page, live=False)
    ActivityPageFactory(parent=site.root_page)  # in the centre

    row = progress_of(site, Figure.ONLINE_ACTIVITIES, target=15)
    assert row.actual == 2
    assert values(row) == [None] * 11 + [2]


def test_a_total_is_behind_when_below_its_even_way_to_the_goal(site):
    for days in [1, 2, 3]:
        UserFactory(groups=[RESIDENTS], date_joined=ago(days))
    today = timezone.localdate()
    goal = Goal.objects.get(site=site, figure=Figure.RESIDENTS)
    goal.target = 40
    goal.starts_on, goal.target_date = today - timedelta(days=10), today + timedelta(days=10)
    goal.save()
    row = next(row for row in dashboard(site) if row.goal == goal)
    assert (row.actual, row.expected, row.behind) == (3, 20, True)
    goal.target = 4
    goal.save()
    row = next(row for row in dashboard(site) if row.goal == goal)
    assert (row.expected, row.behind) == (2, False)


@pytest.mark.parametrize(
    ("groups", "sees_goals"),
    [([STAFF], True), ([ADMINISTRATORS], True), ([RESIDENTS, EDITORS], False), ([PARTNERS], False)],
)
def test_the_goals_panel_is_for_medewerkers_and_beheerders_only(client, groups, sees_goals):
    user = UserFactory(groups=groups)
    user.groups.add(Group.objects.get(name=EDITORS)) if groups == [PARTNERS] else None
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert ('id="goals-heading"' in response.content.decode()) is sees_goals


def test_the_panel_shows_a_chart_with_its_numbers(site):
    UserFactory(groups=[RESIDENTS], date_joined=ago(9))
    html = GoalsPanel(dashboard(site)).render_html({})
    assert '<svg viewBox="0 -2 240 52" aria-hidden="true"' in html
    assert "<table>" in html


def staff_client(client, groups=(STAFF,)):
    client.force_login(UserFactory(groups=list(groups)))
    return client


def test_the_monthly_report_downloads_as_csv(client):
    site = Site.objects.get(is_default_site=True)
    month = timezone.localdate().replace(day=1) - timedelta(days=1)
    new = [UserFactory(groups=[RESIDENTS], date_joined=ago(400)) for _ in range(3)]

    response = staff_client(client).get(REPORT, {"month": f"{month:%Y-%m}", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert f"doelen-{month:%Y-%m}.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    goals = Goal.objects.filter(site=site)
    assert len(rows) == 1 + goals.count()
    with translation.override("nl"):
        residents = next(row for row in rows if row[2] == Figure.RESIDENTS.label)
    assert residents[1] == f"{month:%Y-%m}"
    assert residents[3] == str(goals.get(figure=Figure.RESIDENTS).target)
    assert residents[5] == str(len(new))  # demo accounts left out
    report = {row.goal.figure: row for row in month_report(site, month.year, month.month)}
    assert residents[7] == str(report[Figure.RESIDENTS].expected)


def test_the_monthly_report_has_a_printable_page(client):
    response = staff_client(client, [ADMINISTRATORS]).get(REPORT, {"format": "print"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith("<!DOCTYPE html>") and 'lang="nl"' in html
    assert '<caption id="report-caption">' in html


def test_a_wrong_month_gets_a_clear_message(client):
    response = staff_client(client).get(REPORT, {"month": "maart", "format": "csv"})
    assert response.status_code == 200
    assert "maart" in response.content.decode()
    assert response.context["form"].errors["month"]


@pytest.mark.parametrize("groups", [[RESIDENTS], [RESIDENTS, EDITORS], [PARTNERS]])
def test_only_staff_get_the_monthly_report(client, groups):
    client.force_login(UserFactory(groups=groups))
    response = client.get(REPORT, {"format": "csv"})
    assert response.status_code in (302, 403)
    assert not response.get("Content-Type", "").startswith("text/csv")


def test_visitors_are_sent_to_log_in_for_the_report(client):
    response = client.get(REPORT)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_demo_has_goals_partly_reached(settings):
    settings.DEBUG = True
    rows = dashboard(Site.objects.get(is_default_site=True))
    assert len(rows) == len(Figure)
    assert any(row.behind for row in rows) and not all(row.behind for row in rows)


def test_the_demo_marked_its_accounts():
    assert DemoAccount.objects.filter(user__username="bewoner").exists()
    assert DemoAccount.objects.filter(user__username="anouk").exists()


def test_staff_can_change_a_goal_in_the_admin(client):
    goal = Goal.objects.get(site__is_default_site=True, figure=Figure.RESIDENTS)
    response = staff_client(client).post(
        reverse("goals:edit", args=[goal.pk]),
        {
            "site": goal.site_id,
            "figure": goal.figure,
            "target": 60,
            "starts_on": "2026-01-01",
            "target_date": f"{date.today().year + 1}-12-31",
        },
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.target == 60


@pytest.mark.parametrize("groups", [[RESIDENTS, EDITORS], [PARTNERS]])
def test_only_staff_open_the_goals_in_the_admin(client, groups):
    client.force_login(UserFactory(groups=groups))
    response = client.get(reverse("goals:index"))
    assert response.status_code in (302, 403)


def test_staff_see_the_goals_in_the_admin(client):
    response = staff_client(client).get(reverse("goals:index"))
    assert response.status_code == 200
    assert "Bewoneraccounts" in response.content.decode()

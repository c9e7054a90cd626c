"""Extra demo centres next to Rosa, for load and isolation tests: `load_demo --centres N`.

Each one is a Wagtail site of its own on <slug>.localhost (the port as Rosa's): a home page in
Dutch, translated into English and Arabic, with the four sections (under the staff's approval
workflow, as Rosa's), a help page and a request form; its address, opening hours, looks per
language and goals; and a medewerker who is staff of that centre only (medewerker-<slug>,
password demo). Idempotent: what exists is left alone.
"""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale, Page, Site, WorkflowPage
from wagtail.rich_text import RichText

from accounts.centres import add_centre_staff
from accounts.schedule import slot
from agenda.models import AgendaIndexPage
from buurtkrant.models import BuurtkrantIndexPage, give_editors_access
from demo import (
    agenda,
    agenda_i18n,
    buurtkrant,
    buurtkrant_i18n,
    centre,
    doelen,
    huiskamer,
    prikbord_i18n,
    requests,
)
from demo.people import DEMO_PASSWORD
from demo.requests_i18n import TRANSLATIONS as REQUEST_TRANSLATIONS
from demo.translation import publish_translation
from home.models import (
    CentreSettings,
    HelpPage,
    HomePage,
    LanguageTheme,
    OpeningHours,
    ThemeSettings,
)
from home.themes import default_theme
from huiskamer.models import Conversation, HuiskamerPage
from prikbord.models import PrikbordPage
from prikbord.moderation import approval_workflow

LANGUAGES = ["en", "ar"]
# Neighbourhoods of Utrecht besides Lombok; later centres are numbered.
AREAS = ["Ondiep", "Zuilen", "Overvecht", "Kanaleneiland", "Hoograven", "Tuindorp"]

# The texts that name the centre; the rest is the same as Rosa's and translated the same way.
HOME_TITLE = "Welkom bij buurtcentrum {area}"
HOME_INTRO = (
    "Het buurtcentrum van {area}. Lees het nieuws uit de buurt, kijk wat er te doen is en vind "
    "je buren."
)
HELP_INTRO = "Lukt iets niet? De medewerkers van {area} helpen je graag. Bel, mail of kom langs."
BUURTKRANT_INTRO = "Nieuws uit {area}, geschreven door bewoners."
AGENDA_INTRO = "Wat is er te doen? Kom langs of doe online mee, vanuit je eigen huis."
OWN_TRANSLATIONS = {
    "en": {
        HOME_TITLE: "Welcome to neighbourhood centre {area}",
        HOME_INTRO: (
            "The neighbourhood centre of {area}. Read the news from the neighbourhood, see what "
            "is on and find your neighbours."
        ),
        HELP_INTRO: "Something not working? The staff of {area} are glad to help. Call, e-mail "
        "or drop by.",
        BUURTKRANT_INTRO: "News from {area}, written by residents.",
        AGENDA_INTRO: "What is on? Come by or join online, from your own home.",
    },
    "ar": {
        HOME_TITLE: "أهلاً بك في مركز الحي {area}",
        HOME_INTRO: "مركز الحي في {area}. اقرأ أخبار الحي، وشاهد ما يحدث، وتعرّف على جيرانك.",
        HELP_INTRO: (
            "هل هناك شيء لا ينجح؟ يسعد موظفو {area} بمساعدتك. اتصل بنا أو راسلنا أو تعال إلينا."
        ),
        BUURTKRANT_INTRO: "أخبار {area}، يكتبها السكان.",
        AGENDA_INTRO: "ماذا يحدث؟ تعال إلينا أو شارك عبر الإنترنت من بيتك.",
    },
}
STAFF_NAMES = ["Ingrid", "Mustafa", "Ewa", "Kees", "Leila", "Joost"]


@dataclass(frozen=True)
class DemoCentre:
    """Centre number 2, 3, …: Rosa is number 1."""

    number: int

    @property
    def slug(self):
        return f"centrum-{self.number}"

    @property
    def area(self):
        index = self.number - 2
        return AREAS[index] if index < len(AREAS) else f"wijk {self.number}"

    @property
    def name(self):
        return f"Buurtcentrum {self.area}"

    @property
    def hostname(self):
        return f"{self.slug}.localhost"

    @property
    def staff_username(self):
        return f"medewerker-{self.slug}"

    def text(self, template):
        return template.format(area=self.area)

    @cached_property
    def catalogues(self):
        """Per language, each Dutch text of this centre and its translation."""
        shared = [
            centre.TRANSLATIONS,
            buurtkrant_i18n.TRANSLATIONS,
            agenda_i18n.TRANSLATIONS,
            prikbord_i18n.TRANSLATIONS,
            huiskamer.TRANSLATIONS,
            REQUEST_TRANSLATIONS,
        ]
        catalogues = {}
        for code in LANGUAGES:
            catalogue = {}
            for translations in shared:
                catalogue.update(translations[code])
            for dutch, translated in OWN_TRANSLATIONS[code].items():
                catalogue[self.text(dutch)] = self.text(translated)
            catalogues[code] = catalogue
        return catalogues


def rosa_site():
    return Site.objects.get(is_default_site=True)


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _home(demo, dutch):
    home = HomePage.objects.filter(locale=dutch, depth=2, slug=demo.slug).first()
    if home is None:
        home = _publish(
            Page.get_first_root_node(),
            HomePage(
                locale=dutch,
                slug=demo.slug,
                title=demo.text(HOME_TITLE),
                intro=demo.text(HOME_INTRO),
            ),
        )
    return home


def _site(demo, home):
    site, _created = Site.objects.get_or_create(
        hostname=demo.hostname,
        defaults={"port": rosa_site().port, "root_page": home, "site_name": demo.name},
    )
    return site


def _child(home, page_class, page):
    """The section (or other page) of this class under the home page, made once."""
    existing = page_class.objects.child_of(home).first()
    return existing or _publish(home, page)


def _sections(demo, home, hours):
    """The four sections in the order of Rosa's tiles, then the help page and a request form.

    The buurtkrant and the agenda get the staff's approval workflow when they are created
    (their post_save signals), the prikbord here, in every language, as in demo/prikbord.py."""
    paper = _child(
        home,
        BuurtkrantIndexPage,
        BuurtkrantIndexPage(
            show_in_menus=True,
            title=buurtkrant.INDEX["title"],
            slug="buurtkrant",
            intro=demo.text(BUURTKRANT_INTRO),
        ),
    )
    give_editors_access(paper)
    activities = _child(
        home,
        AgendaIndexPage,
        AgendaIndexPage(
            show_in_menus=True,
            title=agenda.INDEX["title"],
            slug="agenda",
            intro=demo.text(AGENDA_INTRO),
        ),
    )
    board = _child(
        home,
        PrikbordPage,
        PrikbordPage(
            show_in_menus=True,
            title=prikbord_i18n.BOARD_TITLE,
            slug="prikbord",
            intro=prikbord_i18n.BOARD_INTRO,
        ),
    )
    living_room = _child(
        home,
        HuiskamerPage,
        HuiskamerPage(show_in_menus=True, opening_hours=hours, **huiskamer.PAGE),
    )
    help_page = _child(
        home,
        HelpPage,
        HelpPage(
            title=centre.HELP["title"],
            slug="hulp",
            intro=demo.text(HELP_INTRO),
            body=[("paragraph", RichText(f"<p>{centre.HELP['paragraphs'][1]}</p>"))],
            show_in_menus=True,
        ),
    )
    request_form = requests.request_form(home, *requests.FORMS[0])
    return [paper, activities, board, living_room, help_page, request_form]


def _translate(demo, home, hours, pages):
    """The home page first: its translations are the parents of the other pages'."""
    for code in LANGUAGES:
        for instance in [hours, home, *pages]:
            publish_translation(instance, code, demo.catalogues[code])


def _board_workflow(board):
    workflow = approval_workflow(board)
    for each in board.get_translations(inclusive=True):
        WorkflowPage.objects.get_or_create(page=each, defaults={"workflow": workflow})


def _opening_hours(demo, dutch):
    hours, _created = OpeningHours.objects.get_or_create(
        name=demo.name,
        locale=dutch,
        defaults={
            "note": centre.HOURS_NOTE,
            "slots": [slot(*times) for times in centre.HOURS],
        },
    )
    return hours


def _settings(demo, site, hours):
    contact = CentreSettings.for_site(site)
    if not contact.street_address:
        contact.street_address = f"{demo.area}plein {demo.number}"
        contact.postcode = f"35{demo.number:02d} AB"
        contact.city = "Utrecht"
        contact.phone = f"030 123 45{demo.number:02d}"
        contact.email = f"{demo.slug}@example.org"
        contact.opening_hours = hours
        contact.save()
    themes = ThemeSettings.for_site(site)
    if not themes.themes.exists():
        for code, _name in settings.LANGUAGES:
            LanguageTheme.objects.create(site_settings=themes, language=code, **default_theme(code))
    doelen.set_goals(site)


def _staff(demo, site):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=demo.staff_username,
        defaults={
            "display_name": STAFF_NAMES[(demo.number - 2) % len(STAFF_NAMES)],
            "email": f"{demo.staff_username}@example.org",
            "email_confirmed_at": timezone.now(),
            "spoken_languages": ["nl", "en"],
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    add_centre_staff(user, site)
    return user


def build(demo):
    """One extra centre, complete; returns its site."""
    dutch = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = _home(demo, dutch)
    site = _site(demo, home)
    hours = _opening_hours(demo, dutch)
    pages = _sections(demo, home, hours)
    _translate(demo, home, hours, pages)
    _board_workflow(pages[2])
    _settings(demo, site, hours)
    Conversation.living_room(site)
    _staff(demo, site)
    return site


def extra_centres(count):
    """The demo centres besides Rosa when there are `count` centres in all."""
    return [DemoCentre(number) for number in range(2, count + 1)]


def load(count, log):
    sites = [build(demo) for demo in extra_centres(count)]
    if sites:
        log(f"centres: Rosa and {len(sites)} more: {', '.join(site.hostname for site in sites)}")
    return sites

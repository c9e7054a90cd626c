"""The centre itself: the site, its home and help pages, address and opening hours."""

from django.conf import settings

from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from accounts.schedule import slot
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

SITE_NAME = "Buurtcentrum Rosa (Lombok)"
HOME_SLUG = "rosa"

HOME = {
    "title": "Welkom bij Buurtcentrum Rosa",
    "intro": (
        "Rosa is het buurtcentrum van Lombok. Hier lees je het nieuws uit de buurt, zie je wat er "
        "te doen is en vind je je buren. Kom binnen, ook online."
    ),
}
HELP = {
    "title": "Hulp nodig?",
    "intro": "Lukt iets niet? Wij helpen je graag. Bel, mail of kom langs.",
    "paragraphs": [
        "René is de sociaal beheerder van Rosa. Samen met de sociaal makelaars helpt hij je met "
        "de website, met een vraag over de buurt of als je zelf iets wilt organiseren.",
        "Je mag ook gewoon langskomen. Neem gerust iemand mee die kan helpen met de taal.",
    ],
}
HOURS_NOTE = "Op feestdagen zijn we dicht."
# (weekday, opens, closes): weekdays during the day, Tuesday and Thursday evenings too.
HOURS = [(day, "09:00", "17:00") for day in range(5)] + [
    (1, "19:00", "21:30"),
    (3, "19:00", "21:30"),
]
# The demo's address and numbers are made up.
CONTACT = {
    "street_address": "Damstraat 22",
    "postcode": "3531 BV",
    "city": "Utrecht",
    "phone": "030 123 4567",
    "email": "rosa@example.org",
}

TRANSLATIONS = {
    "en": {
        HOME["title"]: "Welcome to Buurtcentrum Rosa",
        HOME["intro"]: (
            "Rosa is the neighbourhood centre of Lombok. Here you read the news from the "
            "neighbourhood, see what is on and find your neighbours. Come in, online too."
        ),
        HELP["title"]: "Need help?",
        HELP["intro"]: "Something not working? We are glad to help. Call, e-mail or drop by.",
        HELP["paragraphs"][0]: (
            "René is Rosa's community caretaker. Together with the community workers he helps "
            "you with the website, with a question about the neighbourhood, or when you want to "
            "organise something yourself."
        ),
        HELP["paragraphs"][1]: (
            "You are also welcome to just drop by. Feel free to bring someone who can help with "
            "the language."
        ),
        HOURS_NOTE: "Closed on public holidays.",
    },
    "ar": {
        HOME["title"]: "أهلاً بك في مركز الحي روزا",
        HOME["intro"]: (
            "روزا هو مركز الحي في لومبوك. هنا تقرأ أخبار الحي، وترى ما يحدث، وتتعرّف على جيرانك. "
            "تفضّل بالدخول، عبر الإنترنت أيضاً."
        ),
        HELP["title"]: "هل تحتاج إلى مساعدة؟",
        HELP["intro"]: "هل هناك شيء لا ينجح؟ يسعدنا أن نساعدك. اتصل بنا أو راسلنا أو تعال إلينا.",
        HELP["paragraphs"][0]: (
            "رينيه هو المسؤول الاجتماعي في روزا. يساعدك هو والوسطاء الاجتماعيون في استخدام الموقع، "
            "أو في سؤال عن الحي، أو إذا أردت أن تنظّم شيئاً بنفسك."
        ),
        HELP["paragraphs"][1]: (
            "يمكنك أيضاً أن تأتي إلينا ببساطة. لا بأس أن تُحضر معك شخصاً يساعدك في اللغة."
        ),
        HOURS_NOTE: "نغلق في أيام العطل الرسمية.",
    },
    "tr": {
        HOME["title"]: "Buurtcentrum Rosa'ya hoş geldin",
        HOME["intro"]: (
            "Rosa, Lombok'un mahalle merkezidir. Burada mahalleden haberleri okur, neler olduğunu "
            "görür ve komşularınla tanışırsın. İçeri gel, internetten de."
        ),
        HELP["title"]: "Yardım mı lazım?",
        HELP["intro"]: (
            "Bir şey olmuyor mu? Sana seve seve yardım ederiz. Ara, e-posta gönder ya da uğra."
        ),
        HELP["paragraphs"][0]: (
            "René, Rosa'nın sosyal yöneticisidir. Sosyal danışmanlarla birlikte sana web "
            "sitesiyle, mahalleyle ilgili bir soruyla ya da kendin bir şey düzenlemek istediğinde "
            "yardım eder."
        ),
        HELP["paragraphs"][1]: (
            "İstersen doğrudan da gelebilirsin. Dil konusunda yardım edebilecek birini yanında "
            "getirebilirsin."
        ),
        HOURS_NOTE: "Resmî tatillerde kapalıyız.",
    },
    "pl": {
        HOME["title"]: "Witaj w Buurtcentrum Rosa",
        HOME["intro"]: (
            "Rosa to centrum sąsiedzkie dzielnicy Lombok. Tutaj przeczytasz wiadomości z okolicy, "
            "zobaczysz, co się dzieje, i poznasz sąsiadów. Wejdź, także przez internet."
        ),
        HELP["title"]: "Potrzebujesz pomocy?",
        HELP["intro"]: "Coś nie działa? Chętnie pomożemy. Zadzwoń, napisz albo przyjdź do nas.",
        HELP["paragraphs"][0]: (
            "René jest opiekunem społecznym w Rosie. Razem z pracownikami społecznymi pomaga ci "
            "ze stroną internetową, z pytaniem o okolicę albo gdy chcesz sam coś zorganizować."
        ),
        HELP["paragraphs"][1]: (
            "Możesz też po prostu przyjść. Śmiało weź ze sobą kogoś, kto pomoże z językiem."
        ),
        HOURS_NOTE: "W dni świąteczne jesteśmy zamknięci.",
    },
}


def rosa_home(locale):
    """Rosa's home page in this language; `load_demo --centres` puts other centres' next to it."""
    return HomePage.objects.get(locale=locale, depth=2, slug=HOME_SLUG)


def _home_page(locale):
    home = HomePage.objects.filter(locale=locale, depth=2, slug=HOME_SLUG).first()
    if home:
        return home
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(locale=locale, slug=HOME_SLUG, **HOME))
    home.save_revision().publish()
    return home


def _site(home):
    """Point the default site at the centre, replacing Wagtail's 'Welcome' placeholder page."""
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.site_name = SITE_NAME
    site.save()
    Page.objects.filter(
        depth=2, content_type__model="page", content_type__app_label="wagtailcore"
    ).delete()
    return site


def _help_page(home):
    help_page = HelpPage.objects.child_of(home).first()
    if help_page:
        return help_page
    help_page = home.add_child(
        instance=HelpPage(
            title=HELP["title"],
            slug="hulp",
            intro=HELP["intro"],
            body=[("paragraph", RichText(f"<p>{text}</p>")) for text in HELP["paragraphs"]],
            show_in_menus=True,
        )
    )
    help_page.save_revision().publish()
    return help_page


def _opening_hours(locale):
    hours, _created = OpeningHours.objects.get_or_create(
        name="Buurtcentrum Rosa",
        locale=locale,
        defaults={
            "note": HOURS_NOTE,
            "slots": [slot(*times) for times in HOURS],
        },
    )
    return hours


def load(log):
    dutch = Locale.objects.get(language_code="nl")
    home = _home_page(dutch)
    site = _site(home)
    help_page = _help_page(home)
    hours = _opening_hours(dutch)

    centre = CentreSettings.for_site(site)
    if not centre.street_address:
        for field, value in CONTACT.items():
            setattr(centre, field, value)
        centre.opening_hours = hours
        centre.save()

    themes = ThemeSettings.for_site(site)
    if not themes.themes.exists():
        for code, _name in settings.LANGUAGES:
            LanguageTheme.objects.create(site_settings=themes, language=code, **default_theme(code))

    # The home page first: its translations are the parents of the other pages' translations.
    for code, _name in settings.LANGUAGES:
        if code == dutch.language_code:
            continue
        for instance in (home, help_page, hours):
            publish_translation(instance, code, TRANSLATIONS[code])
    log(f"centre: {site.site_name} with {HomePage.objects.count()} home pages")

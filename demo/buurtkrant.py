"""The buurtkrant of the demo centre: nine pieces by three resident editors over the last
weeks, in Dutch, four of them translated, one still waiting for a medewerker's approval.

The demo has no photos, so each piece gets a simple drawing (Pillow), with a description.
Idempotent: what exists is left alone.
"""

import io
from datetime import timedelta

from PIL import Image, ImageDraw

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db.models import Q
from django.test.utils import override_settings
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from accounts.roles import EDITORS
from buurtkrant.models import ArticlePage, ArticleTheme, BuurtkrantIndexPage, give_editors_access
from demo.buurtkrant_i18n import TRANSLATIONS
from demo.centre import rosa_home
from demo.translation import publish_translation

INDEX = {
    "title": "Buurtkrant",
    "slug": "buurtkrant",
    "intro": "Nieuws uit Lombok, geschreven door bewoners. Elke week iets nieuws.",
}
THEMES = [("groen", "Groen"), ("samen", "Samen"), ("cultuur", "Cultuur"), ("eten", "Eten")]
# Henk and Youssef are resident editors already; Joke becomes one here.
NEW_EDITORS = ["joke"]

# Each piece: who wrote it, when, where, about what, the drawing, and the text (paragraphs,
# headings as ("h2", text), quotes as ("quote", text, who)). `languages` it is translated into.
ARTICLES = [
    {
        "slug": "nieuwe-bomen-in-de-damstraat",
        "author": "redactie",
        "days_ago": 20,
        "theme": "groen",
        "streets": ["Damstraat"],
        "languages": ["en", "ar", "tr", "pl"],
        "drawing": "street",
        "image": "Getekende straat met huizen en jonge bomen",
        "title": "Nieuwe bomen in de Damstraat",
        "intro": (
            "In de Damstraat staan sinds zaterdag zes nieuwe bomen. Buren hebben ze samen geplant."
        ),
        "alt": "Een straat met huizen en jonge bomen, en een schep in de aarde.",
        "body": [
            "Zaterdagochtend was het druk in de Damstraat. Twintig buren kwamen helpen. De "
            "gemeente bracht de bomen en de aarde.",
            "Kinderen gaven de bomen water. Iedere boom heeft nu een naam. De grootste heet "
            "Rosa, net als ons buurtcentrum.",
            (
                "quote",
                "Eerst was hier alleen steen. Nu wordt het een groene straat.",
                "Marja, buurvrouw",
            ),
            "Wil je ook een boom in jouw straat? Vraag het aan de medewerkers van Rosa. Zij "
            "helpen je met de aanvraag.",
        ],
    },
    {
        "slug": "op-de-markt-van-de-kanaalstraat",
        "author": "youssef",
        "days_ago": 13,
        "theme": "eten",
        "streets": ["Kanaalstraat"],
        "languages": ["en", "ar", "tr", "pl"],
        "drawing": "market",
        "image": "Getekende marktkraam met groente en fruit",
        "title": "Op de markt van de Kanaalstraat",
        "intro": (
            "In de Kanaalstraat koop je groente uit de hele wereld. Ik sprak met Hassan van de "
            "groentekraam."
        ),
        "alt": "Een marktkraam met een gestreept dak en kisten vol groente en fruit.",
        "body": [
            "Hassan staat al dertig jaar in de Kanaalstraat. Om zes uur 's ochtends haalt hij "
            "verse groente.",
            "Hij verkoopt tomaten, munt, okra en dadels. Zijn klanten komen uit Marokko, "
            "Turkije, Polen en Utrecht.",
            (
                "quote",
                "Iedereen is hier welkom. Ken je iets niet? Dan mag je het proeven.",
                "Hassan, groenteman",
            ),
            ("h2", "Tip van Hassan"),
            "Koop fruit aan het einde van de dag. Dan is het goedkoper.",
        ],
    },
    {
        "slug": "samen-tuinieren-aan-de-bilitonkade",
        "author": "joke",
        "days_ago": 8,
        "theme": "groen",
        "streets": ["Bilitonkade"],
        "languages": ["en", "ar", "tr", "pl"],
        "drawing": "garden",
        "image": "Getekende buurttuin met groente, bloemen en een gieter",
        "title": "Samen tuinieren aan de Bilitonkade",
        "intro": (
            "Aan de Bilitonkade is een kleine buurttuin. Iedere woensdag werken buren er samen."
        ),
        "alt": "Een tuin met bedden vol groente, bloemen en een gieter.",
        "body": [
            "De tuin is van iedereen. Je hoeft niets te weten van planten. Je leert het vanzelf.",
            "Nu groeien er bonen, pompoenen en zonnebloemen. In de zomer eten we samen wat we "
            "oogsten.",
            "Kom gerust kijken op woensdag vanaf tien uur. Neem een beker mee, er is koffie.",
        ],
    },
    {
        "slug": "koken-met-vijf-keukens",
        "author": "youssef",
        "days_ago": 4,
        "theme": "eten",
        "streets": ["Vleutenseweg"],
        "languages": ["en", "ar"],
        "drawing": "table",
        "image": "Getekende lange tafel met pannen en borden",
        "title": "Koken met vijf keukens",
        "intro": ("In Rosa koken buren elke maand samen. Deze keer kwam het eten uit vijf landen."),
        "alt": "Een lange tafel met pannen, borden en schalen met eten.",
        "body": [
            "Er was soep uit Turkije, couscous uit Marokko en pierogi uit Polen. Henk maakte "
            "stamppot.",
            "Veertig buren aten mee. Iedereen nam een recept mee naar huis.",
            "De volgende buurtmaaltijd is over vier weken. Je kunt je aanmelden in de agenda.",
        ],
    },
    {
        "slug": "muziek-op-de-stoep",
        "author": "joke",
        "days_ago": 2,
        "theme": "cultuur",
        "streets": ["Kanaalstraat"],
        "languages": [],
        "drawing": "music",
        "image": "Getekende gitaar met muzieknoten voor een rij huizen",
        "title": "Muziek op de stoep",
        "intro": (
            "Vrijdagavond speelden buren muziek op de stoep van de Kanaalstraat. Mensen bleven "
            "staan."
        ),
        "alt": "Een gitaar en muzieknoten voor een rij huizen.",
        "body": [
            "Ahmet speelde saz, Ewa zong een Pools lied en de kinderen trommelden op emmers.",
            "Het was een warme avond. Veel mensen dansten mee. Volgende maand doen we het weer.",
        ],
    },
    {
        "slug": "een-bankje-voor-een-praatje",
        "author": "redactie",
        "days_ago": 27,
        "theme": "samen",
        "streets": ["Jan Pieterszoon Coenstraat"],
        "languages": [],
        "drawing": "bench",
        "image": "Getekend bankje onder een boom in de zon",
        "title": "Een bankje voor een praatje",
        "intro": (
            "Op de hoek van de Jan Pieterszoon Coenstraat staat een nieuw bankje. Hier kun je "
            "even zitten en praten."
        ),
        "alt": "Een houten bankje onder een boom, met de zon in de lucht.",
        "body": [
            "Het bankje kwam er omdat de ouderen in de straat het vroegen. Zij wilden een plek "
            "om uit te rusten.",
            "Nu zitten er elke middag mensen. Soms kennen ze elkaar nog niet. Na tien minuten wel.",
        ],
    },
    {
        "slug": "fietsen-maken-in-de-damstraat",
        "author": "youssef",
        "days_ago": 17,
        "theme": "samen",
        "streets": ["Damstraat"],
        "languages": [],
        "drawing": "bicycle",
        "image": "Getekende fiets op zijn kop met gereedschap",
        "title": "Fietsen maken in de Damstraat",
        "intro": ("Is je fiets kapot? Op zaterdag helpen buren je in de Damstraat. Het is gratis."),
        "alt": "Een fiets op zijn kop, met een moersleutel ernaast.",
        "body": [
            "Samen plakken we banden en maken we remmen en lampen. Zo leer je het zelf.",
            "Onderdelen kosten een klein bedrag. Heb je geen geld? Dan zoeken we samen een "
            "oplossing.",
        ],
    },
    {
        "slug": "een-boekenkast-aan-de-kade",
        "author": "redactie",
        "days_ago": 34,
        "theme": "cultuur",
        "streets": ["Bilitonkade"],
        "languages": [],
        "drawing": "books",
        "image": "Getekend boekenkastje aan het water",
        "title": "Een boekenkast aan de kade",
        "intro": (
            "Aan de Bilitonkade hangt een kastje vol boeken. Neem een boek mee of breng er een."
        ),
        "alt": "Een klein houten kastje met boeken, aan het water.",
        "body": [
            "Het kastje is gemaakt van oud hout. Buren brengen boeken in het Nederlands, "
            "Arabisch, Turks en Pools.",
            "Er zijn ook kinderboeken. Die zijn het snelst weg.",
        ],
    },
]
# Written and sent to the medewerkers, not approved yet.
WAITING = {
    "slug": "schoonmaken-langs-het-kanaal",
    "author": "joke",
    "days_ago": 1,
    "theme": "groen",
    "streets": ["Bilitonkade", "Kanaalstraat"],
    "languages": [],
    "drawing": "canal",
    "image": "Getekend kanaal met een bootje en een brug",
    "title": "Schoonmaken langs het kanaal",
    "intro": "Volgende maand ruimen we samen afval op langs het kanaal. Doe je mee?",
    "alt": "Het kanaal met een bootje, een brug en bomen aan de kant.",
    "body": [
        "We beginnen om tien uur bij de brug. Rosa zorgt voor handschoenen, grijpers en zakken.",
        "Na afloop drinken we samen thee in het buurtcentrum.",
    ],
}

# Drawings: friendly shapes in the site's warm colours.
SKY = "#cfe8ef"
GROUND = "#8fbf6a"
STONE = "#d9cfc4"
WOOD = "#9a6a3f"
LEAF = "#3f8a4a"
HOUSE_COLOURS = ["#c0504d", "#e0a458", "#7a9cc6", "#b07aa1", "#d98c5f"]
FRUIT = ["#d83a3a", "#f29d38", "#f2d13a", "#6cae4a", "#8e44ad"]


def _houses(draw, base, count=5, width=1200):
    step = width // count
    for number in range(count):
        left = number * step + 10
        colour = HOUSE_COLOURS[number % len(HOUSE_COLOURS)]
        top = base - 260 - (number % 2) * 40
        draw.rectangle((left, top, left + step - 20, base), fill=colour)
        draw.polygon(
            [(left - 5, top), (left + (step - 20) // 2, top - 90), (left + step - 15, top)],
            fill="#6b3e2e",
        )
        for row in range(2):
            for column in range(2):
                x = left + 25 + column * (step // 2 - 10)
                y = top + 30 + row * 90
                draw.rectangle((x, y, x + 55, y + 60), fill="#fff6d8", outline="#4b443e", width=4)
        door = left + step // 2
        draw.rectangle((door - 40, base - 110, door + 10, base), fill="#4b443e")


def _tree(draw, x, ground, size=1.0):
    draw.rectangle((x - 12 * size, ground - 150 * size, x + 12 * size, ground), fill=WOOD)
    crown = (x - 80 * size, ground - 300 * size, x + 80 * size, ground - 130 * size)
    draw.ellipse(crown, fill=LEAF)


def _sun(draw, x=1040, y=130):
    draw.ellipse((x - 70, y - 70, x + 70, y + 70), fill="#f6c945")


def draw_street(draw):
    draw.rectangle((0, 560, 1200, 800), fill=STONE)
    _houses(draw, 560)
    for x in (150, 450, 750, 1050):
        _tree(draw, x, 700, 0.8)
    draw.line((880, 720, 960, 600), fill="#4b443e", width=10)
    draw.polygon([(860, 700), (900, 760), (930, 720)], fill="#7d7d7d")


def draw_market(draw):
    draw.rectangle((0, 600, 1200, 800), fill=STONE)
    for stripe in range(8):
        colour = "#c0504d" if stripe % 2 else "#ffffff"
        draw.rectangle((150 + stripe * 112, 150, 262 + stripe * 112, 260), fill=colour)
    draw.rectangle((170, 260, 190, 620), fill=WOOD)
    draw.rectangle((1010, 260, 1030, 620), fill=WOOD)
    draw.rectangle((150, 420, 1050, 460), fill=WOOD)
    for crate in range(5):
        left = 180 + crate * 170
        draw.rectangle((left, 470, left + 150, 600), fill="#c8a06a", outline=WOOD, width=6)
        for ball in range(6):
            x = left + 25 + (ball % 3) * 45
            y = 440 + (ball // 3) * 35
            draw.ellipse((x - 22, y - 22, x + 22, y + 22), fill=FRUIT[crate])


def draw_garden(draw):
    draw.rectangle((0, 420, 1200, 800), fill=GROUND)
    _sun(draw)
    for bed in range(3):
        top = 470 + bed * 105
        draw.rectangle((100, top, 900, top + 80), fill="#7a5134")
        for plant in range(8):
            x = 150 + plant * 100
            draw.ellipse((x - 30, top - 30, x + 30, top + 20), fill=LEAF)
            if (plant + bed) % 3 == 0:
                draw.ellipse((x - 14, top - 50, x + 14, top - 22), fill=FRUIT[(plant + bed) % 5])
    draw.rectangle((960, 560, 1100, 680), fill="#7a9cc6")
    draw.line((1100, 590, 1170, 540), fill="#7a9cc6", width=18)
    draw.arc((910, 560, 1000, 650), 90, 270, fill="#7a9cc6", width=14)


def draw_bench(draw):
    draw.rectangle((0, 540, 1200, 800), fill=GROUND)
    _sun(draw)
    _tree(draw, 300, 600, 1.6)
    draw.rectangle((450, 480, 950, 520), fill=WOOD)
    draw.rectangle((450, 540, 950, 580), fill=WOOD)
    for x in (480, 900):
        draw.rectangle((x, 580, x + 25, 680), fill="#4b443e")


def draw_table(draw):
    draw.rectangle((0, 0, 1200, 800), fill="#f3e3cf")
    draw.rectangle((80, 380, 1120, 450), fill=WOOD)
    for x in (120, 1060):
        draw.rectangle((x, 450, x + 30, 700), fill=WOOD)
    for number, x in enumerate(range(170, 1100, 190)):
        draw.ellipse((x, 330, x + 130, 390), fill="#ffffff", outline="#8a7e73", width=4)
        draw.ellipse((x + 25, 340, x + 105, 380), fill=FRUIT[number % len(FRUIT)])
    for x in (260, 640, 900):
        draw.rectangle((x, 230, x + 120, 330), fill="#4b443e")
        draw.rectangle((x - 20, 220, x + 140, 240), fill="#4b443e")


def draw_music(draw):
    draw.rectangle((0, 600, 1200, 800), fill=STONE)
    _houses(draw, 600)
    draw.ellipse((420, 420, 620, 640), fill="#c8843a", outline="#6b3e2e", width=6)
    draw.ellipse((480, 340, 600, 470), fill="#c8843a", outline="#6b3e2e", width=6)
    draw.ellipse((500, 480, 540, 520), fill="#4b443e")
    draw.rectangle((560, 120, 590, 360), fill="#6b3e2e")
    for x, y in ((760, 300), (860, 220), (960, 320)):
        draw.ellipse((x, y, x + 50, y + 40), fill="#1c1917")
        draw.rectangle((x + 42, y - 110, x + 50, y + 20), fill="#1c1917")


def draw_bicycle(draw):
    draw.rectangle((0, 560, 1200, 800), fill=STONE)
    for x in (320, 780):
        draw.ellipse((x - 170, 180, x + 170, 520), outline="#1c1917", width=16)
        draw.ellipse((x - 15, 335, x + 15, 365), fill="#1c1917")
    draw.line((320, 350, 550, 470, 780, 350), fill="#0b5458", width=18)
    draw.line((550, 470, 470, 350, 320, 350), fill="#0b5458", width=18)
    draw.line((470, 350, 450, 560), fill="#0b5458", width=14)
    draw.line((780, 350, 760, 560), fill="#0b5458", width=14)
    draw.rectangle((400, 560, 520, 590), fill="#4b443e")
    draw.line((880, 690, 1060, 620), fill="#7d7d7d", width=22)
    draw.ellipse((1040, 590, 1100, 650), outline="#7d7d7d", width=14)


def draw_books(draw):
    draw.rectangle((0, 560, 1200, 800), fill="#5b8fb9")
    for y in range(600, 800, 45):
        draw.arc((0, y, 300, y + 60), 200, 340, fill="#ffffff", width=5)
        draw.arc((600, y + 20, 900, y + 80), 200, 340, fill="#ffffff", width=5)
    draw.rectangle((0, 520, 1200, 570), fill=STONE)
    draw.rectangle((560, 380, 600, 540), fill=WOOD)
    draw.rectangle((380, 120, 780, 400), fill=WOOD)
    draw.rectangle((400, 140, 760, 380), fill="#f3e3cf")
    for shelf, top in enumerate((150, 265)):
        for book in range(9):
            left = 410 + book * 38
            height = 95 - (book % 3) * 12
            colour = HOUSE_COLOURS[(book + shelf) % len(HOUSE_COLOURS)]
            draw.rectangle((left, top + 100 - height, left + 30, top + 100), fill=colour)
        draw.rectangle((400, top + 100, 760, top + 110), fill=WOOD)


def draw_canal(draw):
    draw.rectangle((0, 430, 1200, 800), fill="#5b8fb9")
    draw.rectangle((0, 380, 1200, 440), fill=GROUND)
    for x in (100, 300, 900, 1100):
        _tree(draw, x, 420, 0.9)
    draw.arc((420, 240, 780, 620), 180, 360, fill="#8a1c4b", width=40)
    draw.rectangle((380, 400, 820, 440), fill="#8a1c4b")
    draw.polygon([(180, 600), (480, 600), (440, 660), (220, 660)], fill="#c0504d")
    draw.rectangle((280, 540, 380, 600), fill="#ffffff")


DRAWINGS = {
    "street": draw_street,
    "market": draw_market,
    "garden": draw_garden,
    "bench": draw_bench,
    "table": draw_table,
    "music": draw_music,
    "bicycle": draw_bicycle,
    "books": draw_books,
    "canal": draw_canal,
}


def _drawing(piece):
    """The piece's drawing as a Wagtail image, made once."""
    Picture = get_image_model()
    title = f"Buurtkrant: {piece['title']}"
    existing = Picture.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image.new("RGB", (1200, 800), SKY)
    DRAWINGS[piece["drawing"]](ImageDraw.Draw(image))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return Picture.objects.create(
        title=title,
        description=piece["image"],
        file=ImageFile(buffer, name=f"buurtkrant-{piece['drawing']}.png"),
    )


def _body(piece):
    blocks, html = [], []

    def flush():
        if html:
            blocks.append(("paragraph", RichText("".join(html))))
            html.clear()

    for part in piece["body"]:
        if isinstance(part, str):
            html.append(f"<p>{part}</p>")
        elif part[0] == "h2":
            html.append(f"<h2>{part[1]}</h2>")
        else:
            flush()
            blocks.append(("quote", {"text": part[1], "attribution": part[2]}))
    flush()
    return blocks


def _index(home):
    index_page = BuurtkrantIndexPage.objects.child_of(home).first()
    if index_page is None:
        index_page = home.add_child(instance=BuurtkrantIndexPage(show_in_menus=True, **INDEX))
        index_page.save_revision().publish()
    give_editors_access(index_page)
    return index_page


def _first_among_sections(index_page):
    """The buurtkrant's tile comes first on the home page, in every language."""
    first = index_page.get_parent().get_first_child()
    if first.pk != index_page.pk:
        index_page.move(first, pos="left")


def _themes(dutch):
    themes = {}
    for slug, name in THEMES:
        themes[slug], _created = ArticleTheme.objects.get_or_create(
            locale=dutch, slug=slug, defaults={"name": name}
        )
    return themes


def _editors():
    User = get_user_model()
    Group.objects.get(name=EDITORS).user_set.add(*User.objects.filter(username__in=NEW_EDITORS))
    return {user.username: user for user in User.objects.filter(groups__name=EDITORS)}


def _write(index_page, piece, authors, themes):
    """Create a piece as its author would write it; returns (article, created)."""
    article = ArticlePage.objects.child_of(index_page).filter(slug=piece["slug"]).first()
    if article is not None:
        return article, False
    author = authors[piece["author"]]
    article = ArticlePage(
        title=piece["title"],
        slug=piece["slug"],
        intro=piece["intro"],
        main_image=_drawing(piece),
        main_image_alt_text=piece["alt"],
        body=_body(piece),
        theme=themes[piece["theme"]],
        author=author,
        owner=author,
        live=False,
    )
    index_page.add_child(instance=article)
    article.streets.add(*piece["streets"])
    article.save_revision(user=author)
    return article, True


def _date(article, moment):
    """Pretend the piece (and its translations) appeared some days ago."""
    ArticlePage.objects.filter(translation_key=article.translation_key).update(
        first_published_at=moment, last_published_at=moment, latest_revision_created_at=moment
    )


def load(log):
    dutch = Locale.objects.get(language_code="nl")
    home = rosa_home(dutch)
    index_page = _index(home)
    themes = _themes(dutch)
    authors = _editors()
    staff = get_user_model().objects.filter(username="medewerker").first()
    now = timezone.now()
    written = 0

    for code, _name in settings.LANGUAGES:
        if code != dutch.language_code:
            for instance in [index_page, *themes.values()]:
                publish_translation(instance, code, TRANSLATIONS[code])

    for piece in ARTICLES:
        article, created = _write(index_page, piece, authors, themes)
        if created:
            article.get_latest_revision().publish(user=staff)
            written += 1
        for code in piece["languages"]:
            publish_translation(article, code, TRANSLATIONS[code])
        if created:
            _date(article, now - timedelta(days=piece["days_ago"]))

    article, created = _write(index_page, WAITING, authors, themes)
    if created:
        written += 1
        # The medewerkers would get Wagtail's "waiting for you" e-mail; not from the demo.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            article.get_workflow().start(article, authors[WAITING["author"]])

    for translated_index in BuurtkrantIndexPage.objects.filter(
        Q(pk=index_page.pk) | Q(translation_key=index_page.translation_key)
    ):
        _first_among_sections(Page.objects.get(pk=translated_index.pk))

    live = ArticlePage.objects.live().filter(locale=dutch).count()
    log(f"buurtkrant: {written} pieces written, {live} published in Dutch, 1 waiting for approval")

"""The prikbord of the demo centre: a dozen cards by the demo residents, each in the language
its poster wrote it in. Most are Dutch; Aylin writes Turkish, Marek Polish, Fatima and Youssef
Arabic now and then. One call-out was translated by staff, as they do for news the whole street
should read. Two cards wait for a medewerker's approval and one has worked out ("Gelukt!").

The board hangs under the "Goedkeuring door medewerkers" workflow in every language, as a real
install needs too (admin: Settings > Workflows > add the board).
"""

import io
from datetime import timedelta

from PIL import Image, ImageDraw

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from wagtail.models import Locale, WorkflowPage

from demo.centre import rosa_home
from demo.prikbord_i18n import TRANSLATIONS
from demo.translation import publish_translation
from prikbord.models import Category, Kind, PrikbordItemPage, PrikbordPage
from prikbord.moderation import approval_workflow, card_slug, post_card
from prikbord.photos import prikbord_collection

BOARD = {
    "title": "Prikbord",
    "slug": "prikbord",
    "intro": (
        "Zoals het prikbord in de supermarkt. Vraag iets, bied iets aan of deel een idee. "
        "Zo helpen buren elkaar."
    ),
}
# Tiles that come after the sections on the home page.
LATER_TILES = ["huiskamerpage", "helppage", "partnerspage", "teampage"]

# (poster, language, kind, subject, days ago, title, text, state). State: "live", "waiting",
# "resolved"; "translated" is live in every language. The first card is the drill Marek asks
# Joke about in the huiskamer.
CARDS = [
    (
        "joke",
        "nl",
        Kind.OFFER,
        Category.ODD_JOBS,
        16,
        "Boormachine te leen",
        "Ik heb een goede boormachine. Je mag hem lenen voor een klusje in huis. Breng hem "
        "binnen een week terug, dan kan de volgende buur hem ook gebruiken.",
        "live",
    ),
    (
        "marek",
        "pl",
        Kind.QUESTION,
        Category.TRANSPORT,
        2,
        "Kto podwiezie mnie do szpitala?",
        "W czwartek rano mam wizytę w szpitalu Antonius. Czy ktoś może mnie podwieźć? Chętnie "
        "zapłacę za benzynę.",
        "live",
    ),
    (
        "aylin",
        "tr",
        Kind.OFFER,
        Category.SHOPPING,
        5,
        "Cumartesi pazara gidiyorum",
        "Her cumartesi sabahı Lombok pazarına gidiyorum. Bir şey lazımsa senin için de "
        "alabilirim. Yaşlı komşularımıza memnuniyetle yardım ederim.",
        "live",
    ),
    (
        "youssef",
        "nl",
        Kind.IDEA,
        Category.COMPANY,
        9,
        "Samen koken op vrijdag",
        "Wie kookt er mee? Elke vrijdag koken we samen in de keuken van Rosa. Iedereen neemt "
        "een recept uit zijn eigen land mee. Daarna eten we samen.",
        "live",
    ),
    (
        "joke",
        "nl",
        Kind.CALL,
        Category.COMPANY,
        4,
        "Wandel je mee op zondag?",
        "Elke zondag om 10 uur wandelen we een uur door het Máximapark. Rustig tempo, "
        "iedereen is welkom. We verzamelen bij Rosa.",
        "translated",
    ),
    (
        "bewoner",
        "nl",
        Kind.QUESTION,
        Category.THINGS,
        12,
        "Wie heeft een kinderfiets over?",
        "Mijn dochter is zes jaar en wil leren fietsen. Heeft iemand een kleine fiets die niet "
        "meer gebruikt wordt?",
        "resolved",
    ),
    (
        "bewoner",
        "ar",
        Kind.QUESTION,
        Category.LANGUAGE,
        3,
        "من يتدرّب معي على اللغة الهولندية؟",
        "أريد أن أتكلم الهولندية بشكل أفضل. هل يريد أحد أن يشرب القهوة معي مرة في الأسبوع "
        "ونتكلم بالهولندية؟ أستطيع أن أعلّمك العربية أيضاً.",
        "live",
    ),
    (
        "marek",
        "nl",
        Kind.OFFER,
        Category.ODD_JOBS,
        7,
        "Ik repareer je fiets",
        "Lekke band of een piepende rem? Ik help je graag. Op zaterdagmiddag sta ik met mijn "
        "gereedschap bij Rosa.",
        "live",
    ),
    (
        "aylin",
        "nl",
        Kind.IDEA,
        Category.LANGUAGE,
        6,
        "Taalmaatjes Turks en Nederlands",
        "Ik wil Nederlands oefenen, en misschien wil jij Turks leren? Laten we een groepje "
        "maken en elke week samen praten.",
        "live",
    ),
    (
        "youssef",
        "ar",
        Kind.OFFER,
        Category.LANGUAGE,
        1,
        "أساعدك في قراءة الرسائل",
        "هل تصلك رسائل بالهولندية ولا تفهمها؟ أساعدك في قراءتها وترجمتها إلى العربية. تعال "
        "إلى غرفة الجلوس يوم الأربعاء مساءً.",
        "live",
    ),
    (
        "joke",
        "nl",
        Kind.QUESTION,
        Category.COMPANY,
        0,
        "Wie wil er met mij kaarten?",
        "Ik speel graag klaverjassen, maar mijn kaartmaatje is verhuisd. Wie komt op "
        "dinsdagmiddag een potje kaarten bij Rosa?",
        "waiting",
    ),
    (
        "marek",
        "pl",
        Kind.CALL,
        Category.OTHER,
        0,
        "Sprzątamy podwórko w sobotę",
        "W sobotę o 11:00 sprzątamy podwórko przy Kanaalstraat. Przynieś rękawice, my mamy "
        "worki i kawę. Każda pomoc się przyda!",
        "waiting",
    ),
]
# The bicycle card has a drawing, to show a card with a photo and its description.
PHOTO_CARD = "Ik repareer je fiets"
PHOTO_ALT_TEXT = "Tekening van een fiets met een gereedschapskist ernaast"


def _drawn_bicycle():
    image = Image.new("RGB", (960, 600), "#e3f1f1")
    draw = ImageDraw.Draw(image)
    for centre in (280, 680):
        draw.ellipse((centre - 150, 250, centre + 150, 550), outline="#0b5458", width=18)
    draw.line((280, 400, 440, 250, 600, 250, 680, 400), fill="#8a1c4b", width=18)
    draw.line((440, 250, 480, 400, 280, 400), fill="#8a1c4b", width=18)
    draw.line((600, 250, 580, 180, 640, 170), fill="#1c1917", width=14)
    draw.rectangle((760, 470, 930, 560), fill="#8a1c4b")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ImageFile(buffer, name="prikbord-fiets.png")


def _photo(site):
    from wagtail.images import get_image_model

    return get_image_model().objects.create(
        title="Fiets",
        description=PHOTO_ALT_TEXT,
        file=_drawn_bicycle(),
        collection=prikbord_collection(site),
    )


def _place_tile(board):
    """Section tiles first: the board goes before the huiskamer, help and the rest."""
    later = (
        board.get_siblings()
        .filter(content_type__model__in=LATER_TILES, path__lt=board.path)
        .order_by("path")
        .first()
    )
    if later is not None:
        board.move(later, pos="left")


def _boards(home):
    board = PrikbordPage.objects.child_of(home).first()
    if board is None:
        board = home.add_child(instance=PrikbordPage(show_in_menus=True, **BOARD))
        board.save_revision().publish()
        _place_tile(board)
    boards = {home.locale.language_code: board}
    for code, _name in settings.LANGUAGES:
        if code != home.locale.language_code:
            translated = publish_translation(board, code, TRANSLATIONS[code])
            _place_tile(translated.specific)
            boards[code] = translated.specific
    workflow = approval_workflow(board)
    for each in boards.values():
        WorkflowPage.objects.get_or_create(page=each, defaults={"workflow": workflow})
    return boards


def _publish(board, poster, staff, fields, days_ago, state):
    today = timezone.localdate()
    if state == "resolved":
        fields.update(resolved_on=today - timedelta(days=2), valid_until=today + timedelta(days=5))
    card = board.add_child(
        instance=PrikbordItemPage(
            slug=card_slug(board, fields["title"]), owner=poster, posted_by=poster, **fields
        )
    )
    card.save_revision(user=poster).publish(user=staff)
    posted = timezone.now() - timedelta(days=days_ago, hours=3)
    PrikbordItemPage.objects.filter(pk=card.pk).update(
        posted_at=posted, first_published_at=posted + timedelta(hours=2)
    )
    card.refresh_from_db()
    return card


def _cards(boards):
    users = get_user_model().objects.in_bulk(
        ["joke", "marek", "aylin", "youssef", "bewoner", "medewerker"], field_name="username"
    )
    existing = set(
        PrikbordItemPage.objects.filter(posted_by__in=users.values()).values_list(
            "title", flat=True
        )
    )
    created = 0
    for username, language, kind, category, days_ago, title, text, state in CARDS:
        if title in existing:
            continue
        fields = {
            "kind": kind,
            "category": category,
            "title": title,
            "text": text,
            "valid_until": timezone.localdate() + timedelta(days=28 - days_ago),
        }
        board, poster = boards[language], users[username]
        if title == PHOTO_CARD:
            fields.update(photo=_photo(board.get_site()), photo_alt_text=PHOTO_ALT_TEXT)
        if state == "waiting":
            # Demo cards are no news: nobody gets an e-mail about them.
            with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
                post_card(board, poster, fields)
        else:
            card = _publish(board, poster, users["medewerker"], fields, days_ago, state)
            if state == "translated":
                _translate(card)
        created += 1
    return created


def _translate(card):
    for code, _name in settings.LANGUAGES:
        if code != card.locale.language_code:
            translated = publish_translation(card, code, TRANSLATIONS[code])
            PrikbordItemPage.objects.filter(pk=translated.pk).update(
                first_published_at=card.first_published_at
            )


@transaction.atomic
def load(log):
    home = rosa_home(Locale.objects.get(language_code="nl"))
    boards = _boards(home)
    created = _cards(boards)
    log(f"prikbord: {len(boards)} boards, {created} cards created")

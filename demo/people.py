"""The people of the demo centre: residents, a partner, staff faces, partner organisations,
and the pages that show them (partners, "wie zijn wij", the privacy statement)."""

import io

from PIL import Image, ImageDraw

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Locale, Site
from wagtail.rich_text import RichText

from accounts.models import Organisation, PartnerMembership, StaffProfile
from accounts.roles import EDITORS, PARTNERS, RESIDENTS, STAFF
from accounts.schedule import slot
from demo.centre import rosa_home
from demo.people_i18n import TRANSLATIONS
from demo.translation import publish_translation
from home.models import CentreSettings, ContentPage, PartnersPage, TeamPage

DEMO_PASSWORD = "demo"  # noqa: S105 - the documented demo password; load_demo refuses production

# username, display name, groups, neighbourhood, languages spoken
PEOPLE = [
    ("bewoner", "Fatima", [RESIDENTS], "Kanaalstraat", ["ar", "ber", "nl"]),
    ("redactie", "Henk", [RESIDENTS, EDITORS], "Bilitonkade", ["nl"]),
    ("partner", "Sanne", [], "", ["nl", "en"]),
    ("medewerker", "René", [STAFF], "", ["nl", "en"]),
    ("samira", "Samira", [STAFF], "", ["nl", "ar", "ber", "fr"]),
    ("aylin", "Aylin", [RESIDENTS], "Damstraat", ["tr", "nl"]),
    ("marek", "Marek", [RESIDENTS], "Lombok-Oost", ["pl", "en"]),
    ("joke", "Joke", [RESIDENTS], "Jan Pieterszoon Coenstraat", ["nl"]),
    ("youssef", "Youssef", [RESIDENTS, EDITORS], "Kanaalstraat", ["ar", "nl", "en"]),
]
# username, role, languages, online slots, centre slots, colour of the portrait
STAFF_FACES = [
    (
        "medewerker",
        StaffProfile.Role.CARETAKER,
        ["nl", "en"],
        [(0, "09:00", "12:00"), (2, "09:00", "12:00"), (4, "13:00", "16:00")],
        [(1, "09:00", "17:00"), (3, "09:00", "17:00")],
        "#8a1c4b",
    ),
    (
        "samira",
        StaffProfile.Role.COMMUNITY_WORKER,
        ["nl", "ar", "ber", "fr"],
        [(1, "13:00", "16:00"), (3, "10:00", "12:00")],
        [(0, "09:00", "17:00"), (2, "13:00", "17:00"), (4, "09:00", "12:00")],
        "#0b5458",
    ),
]

ORGANISATIONS = [
    {
        "name": "Buurtteam",
        "description": (
            "Het buurtteam helpt bij vragen over geld, wonen, zorg, opvoeding en werk. De hulp "
            "is gratis. Wij komen ook bij je thuis."
        ),
        "offers": (
            "Hulp bij geldzaken en schulden\nHulp bij zorg en gezondheid\n"
            "Steun voor ouders en kinderen\nEen luisterend oor"
        ),
        "how_to_reach": (
            "Bel 030 765 4321 op werkdagen van 9 tot 17 uur.\n"
            "Of loop binnen in Buurtcentrum Rosa op dinsdagochtend."
        ),
        "website": "https://example.org/buurtteam",
        "refers_residents": True,
    },
    {
        "name": "Welzijn op Recept",
        "description": (
            "Voel je je somber, eenzaam of gestrest? Je huisarts kan je doorverwijzen naar Welzijn "
            "op Recept. Een welzijnscoach zoekt samen met jou naar activiteiten die je goed doen."
        ),
        "offers": (
            "Gesprekken met een welzijnscoach\nActiviteiten in de buurt die bij je passen\n"
            "Contact met andere mensen"
        ),
        "how_to_reach": "Vraag je huisarts of praktijkondersteuner om een verwijzing.",
        "website": "https://example.org/welzijn-op-recept",
        "refers_residents": True,
    },
    {
        "name": "Taal Doet Meer",
        "description": (
            "Taal Doet Meer helpt mensen in Utrecht om Nederlands te leren en mee te doen. "
            "Vrijwilligers oefenen met je, in een groep of één op één."
        ),
        "offers": (
            "Taalcafé: samen Nederlands praten\nEen taalmaatje dat met je oefent\n"
            "Hulp bij lezen en schrijven"
        ),
        "how_to_reach": "Kom naar het taalcafé in Rosa op donderdagmiddag.",
        "website": "https://example.org/taal-doet-meer",
        "refers_residents": False,
    },
]

PARTNERS_PAGE = {
    "title": "Partners",
    "slug": "partners",
    "intro": "Met deze organisaties werkt Rosa samen. Zij helpen je graag verder.",
}
TEAM_PAGE = {
    "title": "Wie zijn wij",
    "slug": "wie-zijn-wij",
    "intro": "Dit zijn de mensen van Rosa. Je ziet dezelfde gezichten in het buurtcentrum.",
}
PRIVACY_PAGE = {
    "title": "Privacyverklaring",
    "slug": "privacy",
    "intro": (
        "Hier lees je welke gegevens het buurtcentrum van jou bewaart, waarom, en wat je "
        "rechten zijn."
    ),
    "body": [
        ("h2", "Welke gegevens bewaren we?"),
        (
            "p",
            "Als je een account maakt, bewaren we je naam, je e-mailadres en je wachtwoord "
            "(versleuteld). Als je dat wilt, ook je straat of buurt en de talen die je spreekt.",
        ),
        (
            "p",
            "Wat je op de site zet, zoals een kaartje op het prikbord of een bericht in de "
            "huiskamer, bewaren we ook.",
        ),
        ("h2", "Wie ziet wat?"),
        (
            "p",
            "Andere mensen zien alleen je naam en wat je zelf op de site zet. Je e-mailadres ziet "
            "niemand, behalve de medewerkers van het buurtcentrum.",
        ),
        ("h2", "Waarom bewaren we dit?"),
        (
            "p",
            "Zodat je kunt meedoen, we je een bericht kunnen sturen en we kunnen zien hoe het "
            "buurtcentrum gebruikt wordt. We verkopen niets en we delen niets met "
            "reclamebedrijven.",
        ),
        ("h2", "Hoe lang?"),
        ("p", "Zolang je een account hebt. Als je je account verwijdert, wissen we je gegevens."),
        ("h2", "Je account verwijderen"),
        (
            "p",
            "Dat kan altijd, via 'Mijn account'. Je kaartjes op het prikbord, je aanmeldingen en "
            "je berichten halen we weg. Stukken in de buurtkrant blijven staan, maar zonder je "
            "naam.",
        ),
        (
            "p",
            "Een verzoek dat je stuurt als je bent ingelogd, hoort bij je account: je "
            "downloadt het en het verdwijnt met je account.",
        ),
        (
            "p",
            "Kom je via een verwijzing, bijvoorbeeld van het buurtteam? Dan zien alleen de "
            "medewerkers je naam en hoe we je bereiken. De verwijzer ziet dat niet. We wissen "
            "het twaalf weken nadat we je hebben geholpen.",
        ),
        ("h2", "Je rechten"),
        (
            "p",
            "Je mag altijd zien welke gegevens we van je hebben. Via 'Mijn account' kun je ze "
            "downloaden. Klopt er iets niet? Dan kun je het zelf veranderen, of vraag het aan een "
            "medewerker.",
        ),
        (
            "p",
            "Heb je een vraag of een klacht? Bel of mail het buurtcentrum. Je kunt ook een klacht "
            "indienen bij de Autoriteit Persoonsgegevens.",
        ),
    ],
}

ACCESSIBILITY_PAGE = {
    "title": "Toegankelijkheid",
    "slug": "toegankelijkheid",
    "intro": (
        "Iedereen moet deze site kunnen gebruiken. Hier lees je wat we daarvoor doen, en wat "
        "nog niet goed gaat."
    ),
    "body": [
        ("h2", "Wat we doen"),
        (
            "p",
            "De site volgt de regels voor toegankelijkheid: WCAG 2.2, niveau AA. We testen elke "
            "soort pagina automatisch, in het Nederlands en in het Arabisch.",
        ),
        (
            "p",
            "Met de knop 'Tekst en kleur' maak je de letters groter of kies je hoog contrast. Met "
            "de knop 'Voorlezen' hoor je de pagina in je eigen taal.",
        ),
        ("p", "Alles werkt ook met alleen een toetsenbord, en op een kleine telefoon."),
        ("h2", "Wat nog niet goed gaat"),
        (
            "p",
            "Voorlezen werkt alleen als je apparaat een stem heeft voor jouw taal. Video's van "
            "andere sites hebben niet altijd ondertiteling.",
        ),
        ("h2", "Werkt er iets niet?"),
        (
            "p",
            "Laat het ons weten. Bel of mail het buurtcentrum, of vraag het een medewerker in de "
            "huiskamer. We antwoorden binnen twee weken.",
        ),
    ],
}


def _portrait(name, colour):
    """A friendly drawn portrait (head and shoulders) in a colour: the demo has no photos."""
    image = Image.new("RGB", (480, 480), colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((150, 80, 330, 260), fill="#fde8d7")
    draw.ellipse((70, 280, 410, 620), fill="#fde8d7")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    slug = name.lower().replace("é", "e")
    return get_image_model().objects.create(
        title=f"Portret {name}",
        description=f"Getekend portret van {name}",
        file=ImageFile(buffer, name=f"portret-{slug}.png"),
    )


def _people():
    User = get_user_model()
    created = 0
    for username, display_name, group_names, neighbourhood, languages in PEOPLE:
        user, is_new = User.objects.get_or_create(
            username=username,
            defaults={
                "display_name": display_name,
                "email": f"{username}@example.org",
                "email_confirmed_at": timezone.now(),
                "neighbourhood": neighbourhood,
                "spoken_languages": languages,
            },
        )
        if is_new:
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.set(Group.objects.filter(name__in=group_names))
            created += 1
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser(
            "admin",
            "admin@example.org",
            DEMO_PASSWORD,
            display_name="Beheerder",
            email_confirmed_at=timezone.now(),
        )
        created += 1
    return created


def _staff_faces():
    """The faces of Rosa's people: they work in that centre."""
    User = get_user_model()
    rosa = Site.objects.get(is_default_site=True)
    for username, role, languages, online, centre, colour in STAFF_FACES:
        user = User.objects.get(username=username)
        if StaffProfile.objects.filter(user=user).exists():
            continue
        StaffProfile.objects.create(
            user=user,
            site=rosa,
            photo=_portrait(user.display_name, colour),
            role=role,
            spoken_languages=languages,
            online_hours=[slot(*times) for times in online],
            centre_hours=[slot(*times) for times in centre],
        )


def _organisations(dutch):
    rosa = Site.objects.get(is_default_site=True)
    organisations = []
    for fields in ORGANISATIONS:
        organisation, _created = Organisation.objects.get_or_create(
            name=fields["name"], locale=dutch, defaults={**fields, "site": rosa}
        )
        organisations.append(organisation)
    partner = get_user_model().objects.get(username="partner")
    membership, _created = PartnerMembership.objects.get_or_create(
        user=partner, organisation=organisations[0], defaults={"role": "coördinator"}
    )
    if membership.status != PartnerMembership.Status.APPROVED:
        membership.status = PartnerMembership.Status.APPROVED
        membership.save()
    return organisations


def _page(home, page_class, fields, body=None, in_menus=True):
    page = page_class.objects.child_of(home).filter(slug=fields["slug"]).first()
    if page:
        return page
    page = home.add_child(instance=page_class(show_in_menus=in_menus, body=body or [], **fields))
    page.save_revision().publish()
    return page


def _text_page(home, content):
    """A text page (privacy, accessibility) from (tag, text) pairs, kept out of the menus."""
    html = "".join(f"<{tag}>{text}</{tag}>" for tag, text in content["body"])
    fields = {key: value for key, value in content.items() if key != "body"}
    return _page(home, ContentPage, fields, body=[("paragraph", RichText(html))], in_menus=False)


def load(log):
    dutch = Locale.objects.get(language_code="nl")
    created = _people()
    _staff_faces()
    organisations = _organisations(dutch)
    home = rosa_home(dutch)
    privacy = _text_page(home, PRIVACY_PAGE)
    accessibility = _text_page(home, ACCESSIBILITY_PAGE)
    pages = [
        _page(home, PartnersPage, PARTNERS_PAGE),
        _page(home, TeamPage, TEAM_PAGE),
        privacy,
        accessibility,
    ]
    centre = CentreSettings.for_site(home.get_site())
    if centre.privacy_page_id is None or centre.accessibility_page_id is None:
        centre.privacy_page = privacy
        centre.accessibility_page = accessibility
        centre.save()
    for code, _name in settings.LANGUAGES:
        if code != dutch.language_code:
            for instance in organisations + pages:
                publish_translation(instance, code, TRANSLATIONS[code])
    partners = Group.objects.get(name=PARTNERS).user_set.count()
    log(f"people: {created} users created, {len(organisations)} organisations, {partners} partner")

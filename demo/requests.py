"""The demo centre's three request forms ("Ik wil meedoen", "Ik heb een idee voor de buurt",
"Ik wil vrijwilliger worden") in every language, and a few requests: three open, one handled.

Requests reach staff by e-mail at the centre's address (Instellingen > Centrum), as on a real
install; a form's own "to address" overrides it.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

from demo.centre import rosa_home
from demo.requests_i18n import TRANSLATIONS
from demo.translation import publish_translation
from home.models import (
    Prefill,
    RequestFormField,
    RequestFormPage,
    RequestKind,
    RequestSubmission,
)

NAME = ("Je naam", "singleline", True, Prefill.NAME, "")
EMAIL = (
    "Je e-mailadres",
    "email",
    False,
    Prefill.EMAIL,
    "Vul je e-mailadres of je telefoonnummer in. Dan kunnen we je antwoorden.",
)
PHONE = ("Je telefoonnummer", "singleline", False, Prefill.NOTHING, "")

# (kind, title, slug, intro, thank-you text, questions: (label, type, required, prefill, help))
FORMS = [
    (
        RequestKind.JOIN,
        "Ik wil meedoen",
        "ik-wil-meedoen",
        "Wil je meedoen met een activiteit? Vertel ons wat je leuk vindt. Wij helpen je op weg.",
        "Dank je wel! Een medewerker belt of mailt je binnen een week.",
        [
            NAME,
            EMAIL,
            PHONE,
            (
                "Waar wil je aan meedoen?",
                "multiline",
                True,
                Prefill.NOTHING,
                "Bijvoorbeeld: de koffieochtend, yoga of het taalcafé.",
            ),
        ],
    ),
    (
        RequestKind.IDEA,
        "Ik heb een idee voor de buurt",
        "ik-heb-een-idee",
        "Heb je een idee om de buurt mooier of gezelliger te maken? Wij denken graag mee.",
        "Dank je wel voor je idee! Een medewerker neemt binnen een week contact met je op.",
        [
            NAME,
            EMAIL,
            PHONE,
            (
                "Wat is je idee?",
                "multiline",
                True,
                Prefill.NOTHING,
                "Schrijf het kort op. Wat wil je doen, en met wie?",
            ),
        ],
    ),
    (
        RequestKind.VOLUNTEER,
        "Ik wil vrijwilliger worden",
        "vrijwilliger-worden",
        "Wil je iets doen voor je buren? Als vrijwilliger ben je welkom in Rosa.",
        "Dank je wel! We maken graag kennis. Een medewerker belt of mailt je binnen een week.",
        [
            NAME,
            EMAIL,
            PHONE,
            (
                "Wat doe je graag?",
                "multiline",
                True,
                Prefill.NOTHING,
                "Bijvoorbeeld: koffie schenken, helpen met de computer of meedenken.",
            ),
            (
                "Wanneer heb je tijd?",
                "singleline",
                False,
                Prefill.NOTHING,
                "Bijvoorbeeld: op dinsdagochtend.",
            ),
        ],
    ),
]

# (kind, days ago, language, demo user or None, answers in question order, handled)
REQUESTS = [
    (RequestKind.JOIN, 9, "tr", None, ["Emine", "", "06 2345 6789", "Yoga"], False),
    (
        RequestKind.IDEA,
        6,
        "nl",
        "bewoner",
        [
            "Fatima",
            "fatima@example.org",
            "",
            "Een groentetuin achter het buurtcentrum, samen met de kinderen uit de straat.",
        ],
        True,
    ),
    (
        RequestKind.VOLUNTEER,
        2,
        "nl",
        None,
        [
            "Henk",
            "",
            "06 1234 5678",
            "Ik zet graag koffie en ik repareer fietsen.",
            "Woensdagmiddag",
        ],
        False,
    ),
    (
        RequestKind.JOIN,
        1,
        "nl",
        None,
        ["Samira", "samira@example.org", "", "Ik wil graag naar de koffieochtend."],
        False,
    ),
]


def request_form(home, kind, title, slug, intro, thank_you, questions):
    """The request form of this kind under a centre's home page, made once."""
    page = RequestFormPage.objects.child_of(home).filter(kind=kind).first()
    if page is not None:
        return page
    page = RequestFormPage(kind=kind, title=title, slug=slug, intro=intro, thank_you_text=thank_you)
    for label, field_type, required, prefill, help_text in questions:
        page.form_fields.add(
            RequestFormField(
                label=label,
                field_type=field_type,
                required=required,
                prefill=prefill,
                help_text=help_text,
            )
        )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _requests(forms):
    if RequestSubmission.objects.filter(page__in=forms.values()).exists():
        return 0
    User = get_user_model()
    staff = User.objects.get(username="medewerker")
    for kind, days_ago, language, username, values, handled in REQUESTS:
        form = forms[kind]
        names = [field.clean_name for field in form.form_fields.all()]
        sent_at = timezone.now() - timedelta(days=days_ago)
        submission = RequestSubmission.objects.create(
            page=form,
            form_data=dict(zip(names, values, strict=True)),
            language=language,
            user=User.objects.get(username=username) if username else None,
        )
        handling = (
            {"handled_at": sent_at + timedelta(days=1), "handled_by": staff} if handled else {}
        )
        RequestSubmission.objects.filter(pk=submission.pk).update(
            submit_time=sent_at, **(handling if handled else {})
        )
    return len(REQUESTS)


@transaction.atomic
def load(log):
    home = rosa_home(Locale.objects.get(language_code="nl"))
    forms = {spec[0]: request_form(home, *spec) for spec in FORMS}
    for form in forms.values():
        for code, _name in settings.LANGUAGES:
            if code != home.locale.language_code:
                publish_translation(form, code, TRANSLATIONS[code])
    created = _requests(forms)
    log(f"requests: {len(forms)} forms, {created} requests created")

"""The huiskamer of the demo centre: the page, its hours, a lively living-room conversation,
two 1-op-1 conversations and an open question for staff."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale, Page

from accounts.schedule import slot
from demo.centre import rosa_home
from demo.translation import publish_translation
from home.models import HelpPage, OpeningHours
from huiskamer.models import Conversation, HuiskamerPage, Message, Participant

PAGE = {
    "title": "Huiskamer",
    "slug": "huiskamer",
    "intro": (
        "Kom binnen en praat mee. Met je buren, in je eigen taal. Een medewerker is er ook, "
        "voor al je vragen."
    ),
}
HOURS_NOTE = "In de schoolvakanties alleen 's ochtends."
# Weekdays from ten to four, Wednesday evening too.
HOURS = [(day, "10:00", "16:00") for day in range(5)] + [(2, "19:00", "21:00")]

# (minutes ago, username, language, text): the living room of a real morning.
LIVING_ROOM = [
    (190, "joke", "nl", "Goedemorgen allemaal! Wat een zon vandaag."),
    (185, "aylin", "tr", "Günaydın! Evet, çok güzel bir gün. Markete gidiyorum, bir şey lazım mı?"),
    (180, "joke", "nl", "Lief van je Aylin! Ik heb nog alles, dank je."),
    (150, "marek", "pl", "Dzień dobry! Czy ktoś wie, o której jest dziś kawa w Rosie?"),
    (
        148,
        "samira",
        "nl",
        "Goedemorgen Marek! De koffieochtend is om 10 uur, online en in de zaal.",
    ),
    (147, "samira", "pl", "Kawa jest o 10:00, online i w sali. Zapraszamy!"),
    (120, "bewoner", "ar", "صباح الخير للجميع. هل يعرف أحد أين يمكنني تعلم اللغة الهولندية؟"),
    (115, "youssef", "ar", "صباح النور يا فاطمة! هناك مقهى اللغة في روزا يوم الخميس بعد الظهر."),
    (112, "bewoner", "ar", "شكراً يا يوسف! سأذهب يوم الخميس."),
    (60, "redactie", "nl", "Wie schrijft er mee voor de buurtkrant deze week?"),
    (45, "medewerker", "nl", "Mooi initiatief Henk! Ik zet het ook op het prikbord."),
    (20, "aylin", "nl", "Ik wil wel helpen met de buurtkrant. Ik schrijf over de markt."),
]
# Two 1-op-1 conversations: (starter, other, [(minutes ago, author, language, text)]).
PRIVATE = [
    (
        "marek",
        "joke",
        [
            (300, "marek", "nl", "Hoi Joke, ik zag dat je een boormachine hebt. Mag ik hem lenen?"),
            (280, "joke", "nl", "Natuurlijk! Kom zaterdag maar langs, rond 11 uur."),
            (275, "marek", "nl", "Dank je wel! Ik neem koffie mee."),
        ],
    ),
    (
        "aylin",
        "bewoner",
        [
            (90, "aylin", "nl", "Hallo Fatima, zullen we samen naar het taalcafé gaan?"),
            (70, "bewoner", "nl", "Ja, graag! Donderdag om twee uur bij Rosa?"),
        ],
    ),
]
QUESTION = (
    "bewoner",
    "nl",
    "Ik krijg een brief over mijn energietoeslag en ik begrijp hem niet. Kan iemand helpen?",
)

TRANSLATIONS = {
    "en": {
        PAGE["title"]: "Living room",
        PAGE["intro"]: (
            "Come in and join the conversation. With your neighbours, in your own language. A "
            "staff member is here too, for all your questions."
        ),
        HOURS_NOTE: "In the school holidays only in the morning.",
    },
    "ar": {
        PAGE["title"]: "غرفة الجلوس",
        PAGE["intro"]: (
            "تفضّل بالدخول وشارك في الحديث. مع جيرانك، وبلغتك. يوجد أيضاً موظف للإجابة عن كل أسئلتك."
        ),
        HOURS_NOTE: "في العطل المدرسية صباحاً فقط.",
    },
    "tr": {
        PAGE["title"]: "Oturma odası",
        PAGE["intro"]: (
            "İçeri gel ve sohbete katıl. Komşularınla, kendi dilinde. Tüm soruların için bir "
            "çalışan da burada."
        ),
        HOURS_NOTE: "Okul tatillerinde sadece sabahları.",
    },
    "pl": {
        PAGE["title"]: "Salon",
        PAGE["intro"]: (
            "Wejdź i dołącz do rozmowy. Z sąsiadami, w swoim języku. Jest tu też pracownik, "
            "który odpowie na wszystkie twoje pytania."
        ),
        HOURS_NOTE: "W czasie ferii szkolnych tylko rano.",
    },
}


def _opening_hours(dutch):
    hours, _created = OpeningHours.objects.get_or_create(
        name="Huiskamer",
        locale=dutch,
        defaults={"note": HOURS_NOTE, "slots": [slot(*times) for times in HOURS]},
    )
    return hours


def _page(home, hours):
    page = HuiskamerPage.objects.child_of(home).first()
    if page:
        return page
    page = home.add_child(instance=HuiskamerPage(show_in_menus=True, opening_hours=hours, **PAGE))
    page.save_revision().publish()
    # The sections' tiles come first, then the huiskamer, then help and the rest.
    help_page = HelpPage.objects.child_of(home).first()
    if help_page:
        page.move(help_page, pos="left")
    return page


def _people(*usernames):
    users = get_user_model().objects.in_bulk(usernames, field_name="username")
    return [users[name] for name in usernames]


def _add_messages(conversation, lines, now):
    for minutes_ago, username, language, text in lines:
        (author,) = _people(username)
        moment = now - timedelta(minutes=minutes_ago)
        Message.objects.create(
            conversation=conversation,
            author=author,
            text=text,
            language=language,
            created_at=moment,
        )
        Participant.objects.update_or_create(
            conversation=conversation, user=author, defaults={"last_read_at": moment}
        )
    conversation.last_message_at = now - timedelta(minutes=lines[-1][0])
    conversation.save(update_fields=["last_message_at"])


def _conversations(site):
    room = Conversation.living_room(site)
    if room.messages.exists():
        return 0
    now = timezone.now()
    _add_messages(room, LIVING_ROOM, now)
    card = Page.objects.live().filter(content_type__model="prikborditempage").first()
    for number, (starter, other, lines) in enumerate(PRIVATE):
        first, second = _people(starter, other)
        conversation = Conversation.objects.create(
            kind=Conversation.Kind.PRIVATE,
            site=site,
            started_by=first,
            about_page=card if number == 0 else None,
        )
        Participant.objects.create(conversation=conversation, user=second, last_read_at=now)
        _add_messages(conversation, lines, now)
    asker, language, text = QUESTION
    (resident,) = _people(asker)
    question = Conversation.objects.create(
        kind=Conversation.Kind.STAFF_QUESTION, site=site, started_by=resident
    )
    _add_messages(question, [(30, asker, language, text)], now)
    return 1


def load(log):
    dutch = Locale.objects.get(language_code="nl")
    home = rosa_home(dutch)
    hours = _opening_hours(dutch)
    page = _page(home, hours)
    for code, _name in settings.LANGUAGES:
        if code != dutch.language_code:
            publish_translation(hours, code, TRANSLATIONS[code])
            publish_translation(page, code, TRANSLATIONS[code])
    created = _conversations(home.get_site())
    log(f"huiskamer: page in five languages, {created} set of conversations created")

"""Volume for load tests: `load_demo --items M` fills every demo centre with M buurtkrant
articles, M/5 activities (half of them weekly, some with sign-ups), M prikbord cards, 5×M
huiskamer messages (the living room, 1-op-1 conversations, questions to staff) and M/10
requests, by twenty neighbours of that centre (buur-<centre>-<n>, who cannot log in).

Made for speed rather than the way a person would make it: pages go into the tree in one go,
live and without a revision (a live page needs none to be shown; editing one starts from the
page itself), plain models in bulk. Each kind is topped up to its number, so a second run adds
nothing and a larger M adds the difference.
"""

from contextlib import contextmanager
from datetime import time, timedelta
from itertools import cycle

from recurrence import WEEKLY, Recurrence, Rule

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backends
from wagtail.search.signal_handlers import post_save_signal_handler as index_on_save
from wagtail.signal_handlers import disable_reference_index_auto_update

from accounts.roles import RESIDENTS
from agenda.models import ActivityPage, AgendaIndexPage, Occurrence, SignUp
from agenda.occurrences import midnight
from buurtkrant.models import ArticlePage, ArticleTheme, BuurtkrantIndexPage
from demo import agenda, buurtkrant, huiskamer, prikbord
from home.models import RequestFormPage, RequestKind, RequestSubmission
from huiskamer.models import Conversation, Message, Participant
from prikbord.models import PrikbordItemPage, PrikbordPage

NEIGHBOURS = 20
SIGN_UPS = 8  # on the next date of every fourth activity
# Of the 5×M messages: a share for the living room, the rest for conversations of about this
# many messages each.
LIVING_ROOM_SHARE = 0.5
MESSAGES_PER_CONVERSATION = 25
ARTICLE_SLUG = "buurtnieuws-"
ACTIVITY_SLUG = "activiteit-"
CARD_SLUG = "buurtkaartje-"
PRIVATE, STAFF_QUESTION = Conversation.Kind.PRIVATE, Conversation.Kind.STAFF_QUESTION


def _neighbours(slug):
    """The centre's volume residents, made once."""
    User = get_user_model()
    names = [f"buur-{slug}-{number}" for number in range(1, NEIGHBOURS + 1)]
    existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    new = []
    for number, name in enumerate(names, start=1):
        if name not in existing:
            user = User(
                username=name,
                display_name=f"Buur {number}",
                email=f"{name}@example.org",
                email_confirmed_at=timezone.now(),
            )
            user.set_unusable_password()
            new.append(user)
    User.objects.bulk_create(new)
    Group.objects.get(name=RESIDENTS).user_set.add(*new)
    users = User.objects.in_bulk(names, field_name="username")
    return [users[name] for name in names]


@contextmanager
def _indexed_afterwards(model):
    """Saved pages of `model` are left out of the search index here, to go into it in one go
    afterwards: one query for all rather than a few for each."""
    post_save.disconnect(index_on_save, sender=model)
    try:
        yield
    finally:
        post_save.connect(index_on_save, sender=model)


def _add_children(parent, pages):
    """Add new pages under `parent` in one go.

    treebeard's add_child reads the last child and updates the parent once per page; here the
    paths are worked out once. The demo makes valid pages, so Wagtail's validation (a query
    per field that must be unique) is skipped, and so are the audit log (nobody made them) and
    the reference index (the admin's "used by" lists leave the volume out)."""
    if not pages:
        return
    model = type(pages[0])
    last = parent.get_last_child()
    position = Page._str2int(last.path[-Page.steplen :]) if last else 0
    with disable_reference_index_auto_update(), _indexed_afterwards(model):
        for page in pages:
            position += 1
            page.depth = parent.depth + 1
            page.path = Page._get_path(parent.path, page.depth, position)
            page.numchild = 0
            page.locale_id = parent.locale_id
            page.draft_title = page.title
            page.has_unpublished_changes = False
            page._cached_parent_obj = parent
            page.save(clean=False, log_action=None)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, pages)


def _missing(queryset, slug_prefix, wanted):
    """The numbers (from 1) of the volume pages of one kind that are not there yet."""
    have = queryset.filter(slug__startswith=slug_prefix).count()
    return range(have + 1, wanted + 1)


def _published(number, hours_apart):
    return timezone.now() - timedelta(hours=hours_apart * number)


def _articles(index, neighbours, wanted):
    """Articles like Rosa's pieces, with their drawings, one every few hours back in time."""
    numbers = _missing(ArticlePage.objects.child_of(index), ARTICLE_SLUG, wanted)
    pieces = cycle(buurtkrant.ARTICLES)
    drawings = get_image_model().objects.filter(title__startswith="Buurtkrant: ")
    pictures = {image.title: image for image in drawings}
    themes = {theme.slug: theme for theme in ArticleTheme.objects.filter(locale=index.locale)}
    pages = []
    for number, piece in zip(numbers, pieces, strict=False):
        paragraphs = "".join(f"<p>{part}</p>" for part in piece["body"] if isinstance(part, str))
        moment = _published(number, 5)
        pages.append(
            ArticlePage(
                title=f"{piece['title']} ({number})",
                slug=f"{ARTICLE_SLUG}{number}",
                intro=piece["intro"],
                main_image=pictures.get(f"Buurtkrant: {piece['title']}"),
                main_image_alt_text=piece["alt"],
                body=[("paragraph", RichText(paragraphs))],
                theme=themes.get(piece["theme"]),
                author=neighbours[number % len(neighbours)],
                owner=neighbours[number % len(neighbours)],
                live=True,
                first_published_at=moment,
                last_published_at=moment,
            )
        )
    _add_children(index, pages)
    return len(pages)


def _activities(index, wanted):
    """Activities like Rosa's: even numbers weekly, odd ones once, on a coming day."""
    numbers = _missing(ActivityPage.objects.child_of(index), ACTIVITY_SLUG, wanted)
    today = timezone.localdate()
    kinds = cycle(agenda.ACTIVITIES)
    pages = []
    for number, fields in zip(numbers, kinds, strict=False):
        _slug, title, intro, category, form, place, *_rest, languages, _places = fields
        if number % 2 == 0:
            recurrence = Recurrence(rrules=[Rule(WEEKLY, byday=[number % 7])])
        else:
            recurrence = Recurrence(rdates=[midnight(today + timedelta(days=number % 60))])
        pages.append(
            ActivityPage(
                title=f"{title} ({number})",
                slug=f"{ACTIVITY_SLUG}{number}",
                intro=intro,
                category=category,
                form=form,
                place=place,
                meeting_link=f"{agenda.MEET}{number}" if form != agenda.CENTRE else "",
                starts_on=today - timedelta(weeks=4),
                recurrence=recurrence,
                start_time=time(9 + number % 10, 30 if number % 3 else 0),
                duration=60,
                spoken_languages=languages,
                sign_up_required=number % 4 == 0,
                places=20 if number % 4 == 0 else None,
                live=True,
                first_published_at=_published(number, 2),
                last_published_at=_published(number, 2),
            )
        )
    _add_children(index, pages)
    return pages


def _sign_ups(activities, neighbours):
    """The next date of every activity with sign-ups gets a few of the neighbours."""
    sign_ups = []
    for activity in activities:
        if not activity.sign_up_required:
            continue
        date = activity.next_occurrences(1, cancellations={})[0]
        occurrence = Occurrence.objects.create(
            activity_key=activity.translation_key, starts_at=date.start, title=activity.title
        )
        sign_ups += [
            SignUp(occurrence=occurrence, user=user, language="nl")
            for user in neighbours[:SIGN_UPS]
        ]
    SignUp.objects.bulk_create(sign_ups)
    return len(sign_ups)


def _cards(board, neighbours, wanted):
    """Cards like Rosa's, some of them worked out."""
    numbers = _missing(PrikbordItemPage.objects.child_of(board), CARD_SLUG, wanted)
    examples = cycle(prikbord.CARDS)
    today = timezone.localdate()
    pages = []
    for number, example in zip(numbers, examples, strict=False):
        _poster, _language, kind, category, _days, title, text, _state = example
        poster = neighbours[number % len(neighbours)]
        posted = _published(number, 3)
        pages.append(
            PrikbordItemPage(
                title=f"{title} ({number})",
                slug=f"{CARD_SLUG}{number}",
                kind=kind,
                category=category,
                text=text,
                valid_until=today + timedelta(days=28),
                resolved_on=today - timedelta(days=1) if number % 10 == 0 else None,
                posted_by=poster,
                owner=poster,
                posted_at=posted,
                live=True,
                first_published_at=posted,
                last_published_at=posted,
            )
        )
    _add_children(board, pages)
    return len(pages)


def _conversations(site, neighbours, count):
    """1-op-1 conversations between the neighbours, each with different partners, and
    questions to staff."""
    have = Conversation.objects.filter(site=site, started_by__in=neighbours).count()
    new = []
    for number in range(have, count):
        starter = neighbours[number % len(neighbours)]
        kind = STAFF_QUESTION if number % 5 == 4 else PRIVATE
        new.append(Conversation(kind=kind, site=site, started_by=starter))
    Conversation.objects.bulk_create(new)
    participants = []
    for number, conversation in enumerate(new, start=have):
        participants.append(Participant(conversation=conversation, user=conversation.started_by))
        if conversation.kind == PRIVATE:
            offset = 1 + (number // len(neighbours)) % (len(neighbours) - 1)
            other = neighbours[(number + offset) % len(neighbours)]
            participants.append(Participant(conversation=conversation, user=other))
    Participant.objects.bulk_create(participants, ignore_conflicts=True)
    return list(
        Conversation.objects.filter(site=site, started_by__in=neighbours).prefetch_related(
            "participants__user"
        )
    )


def _messages(site, neighbours, wanted):
    """Messages in the living room and the conversations, a few minutes apart, in the
    languages of Rosa's living room."""
    have = Message.objects.filter(conversation__site=site, author__in=neighbours).count()
    if have >= wanted:
        return 0
    in_conversations = int(wanted * (1 - LIVING_ROOM_SHARE))
    conversations = _conversations(site, neighbours, in_conversations // MESSAGES_PER_CONVERSATION)
    room = Conversation.living_room(site)
    lines = cycle(huiskamer.LIVING_ROOM)
    now = timezone.now()
    messages = []
    for number in range(have, wanted):
        _minutes, _name, language, text = next(lines)
        if conversations and number % 2:
            conversation = conversations[(number // 2) % len(conversations)]
            authors = [participant.user for participant in conversation.participants.all()]
        else:
            conversation, authors = room, neighbours
        author = authors[number % len(authors)]
        moment = now - timedelta(minutes=3 * (wanted - number))
        messages.append(
            Message(
                conversation=conversation,
                author=author,
                text=text,
                language=language,
                created_at=moment,
            )
        )
    Message.objects.bulk_create(messages)
    for conversation in [room, *conversations]:
        Conversation.objects.filter(pk=conversation.pk).update(last_message_at=now)
    return len(messages)


def _requests(form, neighbours, wanted):
    """Requests to join in, sent by neighbours with an account over the last weeks."""
    have = RequestSubmission.objects.filter(page=form, user__in=neighbours).count()
    names = [field.clean_name for field in form.form_fields.all()]
    new = []
    for number in range(have, wanted):
        user = neighbours[number % len(neighbours)]
        answers = [user.display_name, user.email, "", "De koffieochtend"]
        new.append(
            RequestSubmission(
                page=form,
                user=user,
                language="nl",
                form_data=dict(zip(names, answers, strict=False)),
            )
        )
    RequestSubmission.objects.bulk_create(new)
    return len(new)


def fill(site, items):
    """Top one centre up to `items` of volume; returns what was added, by kind."""
    home = site.root_page.specific
    neighbours = _neighbours(home.slug)
    activities = _activities(AgendaIndexPage.objects.child_of(home).get(), items // 5)
    join_form = RequestFormPage.objects.child_of(home).get(kind=RequestKind.JOIN)
    return {
        "articles": _articles(BuurtkrantIndexPage.objects.child_of(home).get(), neighbours, items),
        "activities": len(activities),
        "sign-ups": _sign_ups(activities, neighbours),
        "cards": _cards(PrikbordPage.objects.child_of(home).get(), neighbours, items),
        "messages": _messages(site, neighbours, 5 * items),
        "requests": _requests(join_form, neighbours, items // 10),
    }


def load(sites, items, log):
    for site in sites:
        added = fill(site, items)
        log(f"volume: {site.hostname}: " + ", ".join(f"{n} {kind}" for kind, n in added.items()))

"""The board's own pages: posting a card in three steps, a poster's cards and what they do with
them, and reporting a card.

Every view checks on the server who asks and which card: a poster reaches only their own cards,
whatever id is in the URL. The pages are rendered without `page` in the context, so the language
links keep the visitor where they are (/nl/prikbord/nieuw/2/ becomes /ar/prikbord/nieuw/2/).
"""

from django_ratelimit.core import get_usage, is_ratelimited
from django_ratelimit.decorators import ratelimit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.models import Site

from accounts.decorators import take_part_required

from . import moderation
from .forms import CardTextForm, EditCardForm, FinishForm, KindForm, ReportForm
from .models import CardReport, PrikbordItemPage, weeks_from_today
from .photos import photos_of, store_photo

SESSION_KEY = "prikbord_new_card"
# Per account. A neighbour with a lot to offer posts a few cards; a spammer is stopped.
POSTING_LIMIT = 5
POSTING_RATE = f"{POSTING_LIMIT}/d"
REPORTING_RATE = "10/h"
# Per account: photos kept while the rest of a form is not right yet (each is a stored file),
# and changes sent (each asks staff to look).
PHOTO_RATE = "20/h"
CHANGE_RATE = "20/h"
# The buttons on one's own card (extend, it worked out, withdraw); more answers with 429.
BUTTON_RATE = "30/h"
STEPS = {
    1: (KindForm, ["kind", "category"], "prikbord/new_card_kind.html"),
    2: (CardTextForm, ["title", "text"], "prikbord/new_card_text.html"),
    3: (FinishForm, ["photo_alt_text", "weeks"], "prikbord/new_card_finish.html"),
}
CARD_TEXT = ("kind", "category", "title", "text")


def paginate(request, items, per_page):
    """One page of `items` and the query string that keeps the filters for the page links."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def render_page(request, board, template, context=None):
    return TemplateResponse(request, template, {"board": board, **(context or {})})


def _posting_usage(request, increment=False):
    return get_usage(
        request, group="prikbord.post_card", key="user", rate=POSTING_RATE, increment=increment
    )


def _posting_limit_reached(request):
    """Whether this account has posted as many cards as it may today (counts nothing)."""
    usage = _posting_usage(request)
    return usage["count"] >= usage["limit"]


def _one_card_too_many(request):
    """Counts the card about to be posted; True when it is over the limit."""
    return _posting_usage(request, increment=True)["should_limit"]


def _posting_limit_message():
    return ngettext(
        "You can post %(count)d card a day. Please try again tomorrow.",
        "You can post %(count)d cards a day. Please try again tomorrow.",
        POSTING_LIMIT,
    ) % {"count": POSTING_LIMIT}


# Photos: a good photo is stored at once and remembered in the session, so that a mistake
# elsewhere on the form never means choosing it again.


def _photo_key(card=None):
    return f"prikbord_photo_{card.pk if card else 'new'}"


def _remembered_photo(request, key):
    photo_id = request.session.get(key)
    return photos_of(request.user).filter(pk=photo_id).first() if photo_id else None


def _store_photo(request, upload, title, description):
    return store_photo(upload, request.user, title, description, Site.find_for_request(request))


def _bind_photo_form(request, form_class, key, current_photo, title, **kwargs):
    kept = _remembered_photo(request, key) or current_photo
    if request.method != "POST":
        return form_class(kept=kept, **kwargs)
    form = form_class(request.POST, request.FILES, kept=kept, **kwargs)
    if form.is_valid() or "photo" in form.errors or not form.cleaned_data.get("photo"):
        return form
    if is_ratelimited(request, group="prikbord.photo", key="user", rate=PHOTO_RATE, increment=True):
        form.add_error("photo", _("You sent many photos in the last hour. Try again later."))
        return form
    alt_text = form.cleaned_data.get("photo_alt_text") or title
    photo = _store_photo(request, form.cleaned_data["photo"], title, alt_text)
    request.session[key] = photo.pk
    return form_class(request.POST, kept=photo, **kwargs)


def _chosen_photo(request, form, key, title):
    """The card's photo after a valid form: new, kept, or none."""
    data = form.cleaned_data
    remembered = _remembered_photo(request, key)
    request.session.pop(key, None)
    if data.get("photo"):
        return _store_photo(request, data["photo"], title, data["photo_alt_text"])
    if data.get("remove_photo") or form.kept is None:
        if remembered is not None:
            remembered.delete()
        return None
    if form.kept.description != data["photo_alt_text"]:
        form.kept.description = data["photo_alt_text"]
        form.kept.save(update_fields=["description"])
    return form.kept


# Posting in three steps, without JavaScript: what each step gathered waits in the session.


def _first_missing_step(draft):
    for step, (_form, names, _template) in STEPS.items():
        if step < 3 and not all(draft.get(name) for name in names):
            return step
    return 3


@take_part_required
def new_card(request, board, step):
    if step not in STEPS:
        raise Http404
    if _posting_limit_reached(request):
        messages.error(request, _posting_limit_message())
        return redirect(board.route_url("my_cards"))
    draft = request.session.get(SESSION_KEY, {})
    missing = _first_missing_step(draft)
    if step > missing:
        return redirect(_step_url(board, missing))
    if step == 3:
        return _finish(request, board, draft)
    form_class, _names, template = STEPS[step]
    form = form_class(request.POST or None, initial=draft)
    if request.method == "POST" and form.is_valid():
        request.session[SESSION_KEY] = {**draft, **form.cleaned_data}
        return redirect(_step_url(board, step + 1))
    return render_page(request, board, template, {"form": form, "step": step})


def _step_url(board, step):
    if step == 1:
        return board.route_url("new_card")
    return board.route_url("new_card_step", step)


def _finish(request, board, draft):
    form = _bind_photo_form(request, FinishForm, _photo_key(), None, draft["title"], initial=draft)
    if request.method == "POST" and form.is_valid():
        if _one_card_too_many(request):
            form.add_error(None, _posting_limit_message())
        else:
            card = _post(request, board, draft, form)
            messages.success(
                request,
                _(
                    "Thank you! Staff of the centre look at your card soon. We will send you an "
                    "e-mail."
                ),
            )
            return redirect(board.route_url("manage_card", card.pk))
    preview = PrikbordItemPage(**{name: draft[name] for name in CARD_TEXT}, locale=board.locale)
    context = {"form": form, "step": 3, "preview": preview}
    return render_page(request, board, STEPS[3][2], context)


@transaction.atomic
def _post(request, board, draft, form):
    fields = {name: draft[name] for name in CARD_TEXT}
    fields.update(
        photo=_chosen_photo(request, form, _photo_key(), draft["title"]),
        photo_alt_text=form.cleaned_data["photo_alt_text"],
        valid_until=weeks_from_today(form.cleaned_data["weeks"]),
    )
    if fields["photo"] is None:
        fields["photo_alt_text"] = ""
    card = moderation.post_card(board, request.user, fields)
    request.session.pop(SESSION_KEY, None)
    return card


# The poster's own cards.


def _own_card(request, board, card_id):
    card = (
        board.cards()
        .filter(pk=card_id, posted_by=request.user)
        .select_related("locale", "posted_by")
        .first()
    )
    if card is None:
        raise Http404
    return card


@login_required
def my_cards(request, board):
    cards = (
        board.cards()
        .filter(posted_by=request.user)
        .with_workflow_states()
        .select_related("locale")
        .order_by("-posted_at", "-pk")
    )
    return render_page(request, board, "prikbord/my_cards.html", {"my_cards": cards})


@login_required
def manage_card(request, board, card_id):
    card = _own_card(request, board, card_id)
    context = {
        "card": card,
        "draft": card.get_latest_revision_as_object(),
        "actions": card.poster_actions(),
        "changes_asked": card.changes_asked(),
    }
    return render_page(request, board, "prikbord/manage_card.html", context)


@take_part_required
def edit_card(request, board, card_id):
    card = _own_card(request, board, card_id)
    if "edit" not in card.poster_actions():
        messages.error(request, _("This is not possible for this card now."))
        return _back_to(board, card.pk)
    draft = card.get_latest_revision_as_object()
    names = (*CARD_TEXT, "photo_alt_text")
    initial = {name: getattr(draft, name) for name in names}
    key = _photo_key(card)
    form = _bind_photo_form(request, EditCardForm, key, draft.photo, draft.title, initial=initial)
    if request.method == "POST" and is_ratelimited(
        request, group="prikbord.change", key="user", rate=CHANGE_RATE, increment=True
    ):
        form.add_error(None, _("You sent many changes in the last hour. Try again later."))
    elif request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in names}
        fields["photo"] = _chosen_photo(request, form, key, fields["title"])
        if fields["photo"] is None:
            fields["photo_alt_text"] = ""
        moderation.change_card(card, request.user, board, fields)
        messages.success(
            request,
            _(
                "Thank you! Staff of the centre look at your change soon. Until then, neighbours "
                "see your card as it was."
            ),
        )
        return redirect(board.route_url("manage_card", card.pk))
    return render_page(request, board, "prikbord/edit_card.html", {"form": form, "card": card})


def card_action(request, board, card_id, action):
    """The poster's buttons on their card's page, each a POST."""
    view = {"verlengen": extend_card, "gelukt": resolve_card, "intrekken": withdraw_card}[action]
    return view(request, board, card_id)


def _do(request, board, card_id, action):
    """The poster's own card, if `action` is possible for it now; else None (and a message)."""
    card = _own_card(request, board, card_id)
    if action in card.poster_actions():
        return card
    messages.error(request, _("This is not possible for this card now."))
    return None


def _back_to(board, card_id):
    return redirect(board.route_url("manage_card", card_id))


@take_part_required
@require_POST
@ratelimit(key="user", rate=BUTTON_RATE, method="POST", block=True)
def extend_card(request, board, card_id):
    card = _do(request, board, card_id, "extend")
    if card is not None and moderation.extend(card, request.user, board):
        date = formats.date_format(weeks_from_today(), "j F Y")
        message = _("Your card stays on the board until %(date)s.") % {"date": date}
        messages.success(request, message)
    elif card is not None:
        messages.success(request, _("Staff of the centre look at your card soon."))
    return _back_to(board, card_id)


@take_part_required
@require_POST
@ratelimit(key="user", rate=BUTTON_RATE, method="POST", block=True)
def resolve_card(request, board, card_id):
    card = _do(request, board, card_id, "resolve")
    if card is not None:
        moderation.resolve(card, request.user, board)
        messages.success(request, _('Well done! Your card shows "It worked out!" for a week.'))
    return _back_to(board, card_id)


@login_required
@require_POST
@ratelimit(key="user", rate=BUTTON_RATE, method="POST", block=True)
def withdraw_card(request, board, card_id):
    """Always possible for the poster, even when they can no longer take part."""
    card = _do(request, board, card_id, "withdraw")
    if card is not None:
        moderation.withdraw(card, request.user)
        messages.success(
            request, _("Your card is off the board. You can change it and send it again.")
        )
    return _back_to(board, card_id)


# Reporting a card that should not be on the board.


@take_part_required
def report_card(request, board, card_id):
    card = board.cards().on_board().filter(pk=card_id).select_related("locale").first()
    if card is None:
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and is_ratelimited(
        request, group="prikbord.report", key="user", rate=REPORTING_RATE, increment=True
    ):
        form.add_error(None, _("You sent many reports. Please try again in an hour."))
    elif request.method == "POST" and form.is_valid():
        report = CardReport.objects.create(card=card, reporter=request.user, **form.cleaned_data)
        moderation.tell_staff_of_report(report, request)
        messages.success(request, _("Thank you. Staff of the centre will look at it."))
        return redirect(card.url)
    return render_page(request, board, "prikbord/report_card.html", {"form": form, "card": card})

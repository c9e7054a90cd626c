"""What the buurtkrant keeps about a person: the articles they wrote.

As the privacy statement says, articles stay when an account is deleted, without the name:
the author link is removed from the article and from every saved version of it.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Revision

from accounts.personal_data import Contribution, PersonalDataSource

from .editors import own_articles, status_of, statuses_of
from .models import ArticlePage


def _url(article):
    return article.url if article.live else reverse("wagtailadmin_pages:edit", args=[article.pk])


def contributions(user, limit=None):
    return [
        Contribution(
            title=article.title,
            url=_url(article),
            status=status.label,
            date=article.first_published_at or article.latest_revision_created_at,
        )
        for article, status, _translations in statuses_of(user, limit)
    ]


def export(user):
    """Every version of every piece, translations included: each carries the name."""
    return [
        {
            "title": article.title,
            "language": article.locale.language_code,
            "status": str(status_of(article).label),
            "first_published_at": article.first_published_at,
            "last_changed_at": article.latest_revision_created_at,
            "url": _url(article),
        }
        for article in own_articles(user)
    ]


def erase(user):
    articles = ArticlePage.objects.filter(author=user)
    revisions = Revision.page_revisions.filter(
        object_id__in=[str(pk) for pk in articles.values_list("pk", flat=True)]
    )
    for revision in revisions:
        if revision.content.get("author") == user.pk:
            revision.content["author"] = None
            revision.save(update_fields=["content"])
    articles.update(author=None)


SOURCE = PersonalDataSource(
    key="buurtkrant",
    label=_("Pieces in the buurtkrant"),
    contributions=contributions,
    export=export,
    erase=erase,
)

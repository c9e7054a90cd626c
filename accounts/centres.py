"""Which centres a member of staff looks after, in an install that serves many.

Each centre is a Wagtail `Site` with its own home pages, one per language. Staff of one centre
are in that centre's staff group: the rights of Medewerkers, but page permissions on that
centre's home pages only, instead of the whole tree, and rights on that centre's collection of
images and documents only, instead of all of them. Wagtail's page permissions are then the one
answer to "whose centre is this": staff look after the centres whose pages they may publish,
and see and handle only objects (sign-ups, reports, requests, questions, goals) that belong to
those centres. City-wide staff (the group Medewerkers itself) and superusers look after all.
"""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Site,
    Task,
)
from wagtail.permission_policies.pages import PagePermissionPolicy

from .roles import STAFF


def centre_homes(site):
    """The centre's home page in every language it has."""
    return site.root_page.get_translations(inclusive=True)


def centre_staff_group_name(site):
    return f"{STAFF} · {site.hostname}"


def centre_collection(site):
    """The centre's own collection of images and documents, named after its host name."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=site.hostname).first() or root.add_child(
        name=site.hostname
    )


def centre_staff_group(site):
    """The group that makes someone staff of this centre only, brought up to date.

    It has the Medewerkers' permissions on models, their permissions on images and documents
    in this centre's collection only, their page permissions on this centre's home pages, and
    approves in the same workflows."""
    group, _created = Group.objects.get_or_create(name=centre_staff_group_name(site))
    staff = Group.objects.get(name=STAFF)
    group.permissions.set(staff.permissions.all())
    collection = centre_collection(site)
    # Earlier versions granted them on the root collection, which holds every centre's media.
    GroupCollectionPermission.objects.filter(group=group).exclude(collection=collection).delete()
    staff_grants = GroupCollectionPermission.objects.filter(group=staff)
    for permission_id in set(staff_grants.values_list("permission_id", flat=True)):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission_id=permission_id
        )
    page_permissions = set(
        GroupPagePermission.objects.filter(group=staff).values_list("permission_id", flat=True)
    )
    for home in centre_homes(site):
        for permission_id in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission_id=permission_id
            )
    for task in Task.objects.filter(active=True).specific():
        if hasattr(task, "groups") and task.groups.filter(pk=staff.pk).exists():
            task.groups.add(group)
    return group


def add_centre_staff(user, site):
    """Make someone staff of this one centre."""
    user.groups.add(centre_staff_group(site))


def update_centre_staff_groups(sites):
    """Bring the staff groups these centres have (not every centre has one) up to date."""
    for site in sites:
        if Group.objects.filter(name=centre_staff_group_name(site)).exists():
            centre_staff_group(site)


def pages_in_care_of(user):
    """Every page this person may publish: their centres' pages (all of them for superusers).

    Publishing, not changing: residents and partners may change the pages they wrote."""
    return PagePermissionPolicy().instances_user_has_permission_for(user, "publish")


def sites_in_care_of(user):
    """The centres this person looks after as staff."""
    return Site.objects.filter(root_page__in=pages_in_care_of(user))


def looks_after(user, site_id):
    """Whether this person is staff of the centre with this site id (or of all centres)."""
    return site_id is not None and sites_in_care_of(user).filter(pk=site_id).exists()


def looks_after_every_centre(user):
    return not Site.objects.exclude(pk__in=sites_in_care_of(user)).exists()


def staff_of(site):
    """Everyone who looks after this centre as staff: its own staff and city-wide staff."""
    groups = [STAFF, centre_staff_group_name(site)]
    return get_user_model().objects.filter(is_active=True, groups__name__in=groups).distinct()


class CentreForm(WagtailAdminModelForm):
    """The admin form of an object that belongs to one centre (a `site` field): staff choose
    only a centre they look after. Where no centre means every centre, only city-wide staff
    may leave it empty."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            self.fields["site"].queryset = sites_in_care_of(self.for_user)
            if not looks_after_every_centre(self.for_user):
                self.fields["site"].required = True


class CentreScopedIndexView:
    """For the index view of a `CentreScopedViewSet`: lists only the user's centres' objects."""

    in_centres_of = None

    def get_base_queryset(self):
        return self.in_centres_of(super().get_base_queryset(), self.request.user)


class CentreScopedViewSet:
    """For Wagtail admin viewsets of objects that belong to one centre.

    `centre_page` (the lookup of the page an object belongs to) or `centre_site` (the lookup of
    its site) says how; the index view (a `CentreScopedIndexView`) lists the user's centres'
    objects only, and every URL of the viewset naming an object of another centre is a 404, so
    no id typed into an address reaches it."""

    centre_page = None
    centre_site = None

    def in_centres_of(self, queryset, user):
        if self.centre_page:
            return queryset.filter(**{f"{self.centre_page}__in": pages_in_care_of(user)})
        return queryset.filter(**{f"{self.centre_site}__in": sites_in_care_of(user)})

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(in_centres_of=self.in_centres_of, **kwargs)

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = self.only_in_own_centres(pattern.callback)
        return patterns

    def only_in_own_centres(self, view):
        @wraps(view)
        def view_in_own_centres(request, *args, **kwargs):
            if "pk" in kwargs:
                objects = self.model._default_manager.filter(pk=unquote(str(kwargs["pk"])))
                if not self.in_centres_of(objects, request.user).exists():
                    raise PermissionDenied
            return view(request, *args, **kwargs)

        return view_in_own_centres

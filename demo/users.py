"""The demo log-ins of DESIGN.md: one person per role, password "demo" (demo only)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.roles import EDITORS, PARTNERS, RESIDENTS, STAFF

DEMO_PASSWORD = "demo"  # noqa: S105 - the documented demo password; load_demo refuses production

# username, display name, groups
DEMO_USERS = [
    ("bewoner", "Fatima", [RESIDENTS]),
    ("redactie", "Henk", [RESIDENTS, EDITORS]),
    ("partner", "Sanne", [PARTNERS]),
    ("medewerker", "René", [STAFF]),
]


def load(log):
    User = get_user_model()
    created = 0
    for username, display_name, group_names in DEMO_USERS:
        user, is_new = User.objects.get_or_create(
            username=username,
            defaults={"display_name": display_name, "email": f"{username}@example.org"},
        )
        if is_new:
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.set(Group.objects.filter(name__in=group_names))
            created += 1
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser(
            "admin", "admin@example.org", DEMO_PASSWORD, display_name="Beheerder"
        )
        created += 1
    log(f"users: {created} created")

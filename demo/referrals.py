"""The demo centre's referrals: the Buurtteam and Welzijn op Recept send residents to Rosa.

One is waiting for the resident (its welcome page is in the shared browser checks), one the
resident answered, one led to an account. The codes are fixed so the demo's links stay the
same; load_demo runs only in the demo (DEBUG, or --force), so they never exist on a real site
unless someone forces the demo there.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import Organisation, Referral, StaffProfile

# code, organisation, made by (username), language, contact (username), days ago, answer
REFERRALS = [
    ("BVRT2345", "Buurtteam", "partner", "ar", "samira", 3, None),
    (
        "WZRP3456",
        "Welzijn op Recept",
        "medewerker",
        "nl",
        "samira",
        10,
        {"name": "Mevrouw De Vries", "phone": "06 12345678", "status": "contacted"},
    ),
    (
        "BVRT6789",
        "Buurtteam",
        "partner",
        "tr",
        "medewerker",
        24,
        {"name": "Aylin", "email": "aylin@example.org", "status": "closed", "account": "aylin"},
    ),
    ("WZRP7892", "Welzijn op Recept", "medewerker", "pl", None, 40, None),
]


def _referral(code, organisation, made_by, language, contact, days_ago, answer):
    User = get_user_model()
    created_at = timezone.now() - timedelta(days=days_ago)
    referral = Referral(
        code=code,
        organisation=Organisation.objects.get(name=organisation, locale__language_code="nl"),
        created_by=User.objects.get(username=made_by),
        created_at=created_at,
        language=language,
        contact_person=StaffProfile.objects.filter(user__username=contact).first(),
    )
    if answer:
        answered_at = created_at + timedelta(days=2)
        referral.name = answer["name"]
        referral.phone = answer.get("phone", "")
        referral.email = answer.get("email", "")
        referral.contact_consented_at = answered_at
        referral.status = answer["status"]
        referral.handled_at = answered_at + timedelta(days=1)
        if "account" in answer:
            referral.resident = User.objects.get(username=answer["account"])
            referral.account_made_at = answered_at
    referral.save()


def load(log):
    existing = set(Referral.objects.values_list("code", flat=True))
    new = [row for row in REFERRALS if row[0] not in existing]
    for row in new:
        _referral(*row)
    log(f"referrals: {len(new)} referrals created")

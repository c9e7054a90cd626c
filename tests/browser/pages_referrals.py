"""Referral intake: the welcome page of the demo's open referral (code BVRT2345), the thank-you
a used code shows, typing a code, and a wrong code. The referrer's page: test_referrals.py."""

PAGE_TYPES = {
    "referral-welcome": ("/{lang}/account/welkom/BVRT2345/", 200),
    "referral-thanks": ("/{lang}/account/welkom/WZRP3456/", 200),
    "referral-code": ("/{lang}/account/welkom/", 200),
    "referral-unknown": ("/{lang}/account/welkom/ZZZZ2222/", 404),
}

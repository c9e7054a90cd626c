"""Staff create accounts in the Wagtail admin with the name neighbours will see."""

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_administrator_creates_a_user_with_a_display_name_and_no_legal_name(client):
    client.force_login(get_user_model().objects.get(username="admin"))

    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "amina",
            "email": "amina@example.org",
            "display_name": "Amina",
            "first_name": "",
            "last_name": "",
            "password1": "een-lang-wachtwoord-42",
            "password2": "een-lang-wachtwoord-42",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    amina = get_user_model().objects.get(username="amina")
    assert str(amina) == "Amina"


def test_user_form_in_the_admin_asks_for_the_display_name(client):
    client.force_login(get_user_model().objects.get(username="admin"))

    response = client.get(reverse("wagtailusers_users:add"))

    assert 'name="display_name"' in response.content.decode()

"""A form refused by the CSRF check gets a Norwegian page in the portal's layout that says how
to send again without losing the text, and that the Content Security Policy lets through."""

import re

import pytest
from django.test import Client

from tests.consultations.page_helpers import submission_data
from tests.helpers import open_hearing

pytestmark = pytest.mark.django_db


@pytest.fixture
def strict_client():
    return Client(enforce_csrf_checks=True)


def test_a_refused_hearing_input_gets_the_norwegian_page(strict_client, make_plan):
    consultation = open_hearing(make_plan())
    url = f"http://testserver/horinger/{consultation.pk}/"
    response = strict_client.post(
        f"/horinger/{consultation.pk}/", submission_data(), HTTP_REFERER=url
    )

    assert response.status_code == 403
    html = response.content.decode()
    assert "<title>Skjemaet ble ikke sendt – Planportal</title>" in html
    assert '<html lang="nb"' in html
    assert "Tilbake-knapp" in html
    assert "Last siden på nytt" in html
    assert f'href="{url}"' in html  # back to a fresh copy of the form
    assert '<footer class="site-footer">' in html  # the portal's layout
    assert "Forbidden" not in html and "CSRF verification failed" not in html


def test_the_page_has_no_inline_style_or_script(strict_client):
    response = strict_client.post("/logg-inn/", {"username": "kari", "password": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html)
    assert "Content-Security-Policy" in response


def test_a_link_from_another_site_is_not_offered(strict_client):
    response = strict_client.post("/logg-inn/", {}, HTTP_REFERER="https://evil.example/skjema")
    assert response.status_code == 403
    assert "evil.example" not in response.content.decode()

"""Security: headers and Content Security Policy, CSRF, login rate limiting, password rules."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import UserFactory
from tests.test_settings import run_manage

pytestmark = pytest.mark.django_db

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
PASSWORD = "Riktig-passord-for-testene-42"
LOCKED_OUT = 429


def parse_policy(header):
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        assert name not in directives, f"{name} twice in {header!r}"
        directives[name] = sources
    return directives


# Headers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/planer/", "/logg-inn/", "/admin/login/"])
def test_pages_send_the_content_security_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert parse_policy(response["Content-Security-Policy"]) == POLICY
    assert "Content-Security-Policy-Report-Only" not in response


def test_the_not_found_page_sends_the_policy_too(client):
    response = client.get("/planer/finnes-ikke/")
    assert response.status_code == 404
    assert parse_policy(response["Content-Security-Policy"]) == POLICY


def test_htmx_partial_sends_the_policy(client):
    response = client.get("/planer/", {"type": "strategi"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert parse_policy(response["Content-Security-Policy"]) == POLICY


@pytest.mark.parametrize("path", ["/", "/planer/"])
def test_pages_send_the_security_headers(client, path):
    response = client.get(path)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_pages_have_no_inline_scripts_or_styles(client):
    """What the policy forbids is not in the markup: no inline script, style or handler."""
    html = client.get("/").content.decode()
    for script in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in script, script
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)


# CSRF ------------------------------------------------------------------------------------------


def test_post_without_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/logg-inn/", {"username": "kari", "password": "feil"})
    assert response.status_code == 403


def test_post_with_the_forms_csrf_token_is_accepted():
    client = Client(enforce_csrf_checks=True)
    html = client.get("/logg-inn/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = client.post(
        "/logg-inn/", {"username": "kari", "password": "feil", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 200  # the sign-in form again, with its error: not refused


# Passwords -------------------------------------------------------------------------------------


def refusals(password, user=None):
    with translation.override("nb"), pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    return refused.value.messages


def test_weak_password_is_refused_with_a_norwegian_message():
    assert "Dette passordet er for vanlig." in refusals("passord")


def test_numeric_password_and_one_like_the_username_are_refused_in_norwegian():
    user = UserFactory.build(username="kari.nordmann", first_name="Kari", last_name="Nordmann")
    assert "Dette passordet inneholder bare tall." in refusals("4815162342", user)
    assert "Passordet er for likt brukernavn." in refusals("kari.nordmann", user)


def test_short_password_is_refused_with_a_norwegian_message():
    assert any(message.startswith("Passordet er for kort") for message in refusals("kort"))


def test_strong_password_is_accepted():
    validate_password(PASSWORD)


# Login rate limiting ---------------------------------------------------------------------------


@pytest.fixture
def planner():
    user = UserFactory(username="planlegger")
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in(client, username, password, ip="192.0.2.10"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def is_signed_in(client):
    return "_auth_user_id" in client.session


def fail(client, username, times, ip="192.0.2.10"):
    for attempt in range(1, times + 1):
        response = log_in(client, username, "feil-passord", ip)
        assert response.status_code == 200, f"attempt {attempt} was refused"
        assert not is_signed_in(client)


def test_session_cookie_is_not_readable_by_scripts(client, planner):
    response = log_in(client, "planlegger", PASSWORD)
    assert response.status_code == 302
    assert response.cookies["sessionid"]["httponly"]
    assert response.cookies["sessionid"]["samesite"] == "Lax"


def test_five_failed_logins_lock_out_even_the_right_password(client, planner):
    fail(client, "planlegger", 4)
    fifth = log_in(client, "planlegger", "feil-passord")
    assert fifth.status_code == LOCKED_OUT

    sixth = log_in(client, "planlegger", PASSWORD)
    assert sixth.status_code == LOCKED_OUT
    assert not is_signed_in(client)
    text = sixth.content.decode()
    assert "For mange mislykkede innlogginger" in text
    assert "Prøv igjen om en time" in text
    assert "kontakt administratoren" in text
    assert parse_policy(sixth["Content-Security-Policy"]) == POLICY


def test_lockout_page_is_a_normal_page_of_the_portal(client, planner):
    fail(client, "planlegger", 4)
    response = log_in(client, "planlegger", "feil-passord")
    assert response.status_code == LOCKED_OUT
    rendered = [template.name for template in response.templates]
    assert "security/lockout.html" in rendered
    assert "base.html" in rendered
    assert '<html lang="nb"' in response.content.decode()


def test_lockout_is_per_username_and_ip_address(client, planner):
    fail(client, "planlegger", 4)
    assert log_in(client, "planlegger", "feil-passord").status_code == LOCKED_OUT

    # The same user from another address is not locked out ...
    other_address = Client()
    assert log_in(other_address, "planlegger", PASSWORD, ip="198.51.100.20").status_code == 302
    assert is_signed_in(other_address)
    # ... nor another user from the locked-out address.
    colleague = UserFactory(username="kollega")
    colleague.set_password(PASSWORD)
    colleague.save()
    same_address = Client()
    assert log_in(same_address, "kollega", PASSWORD).status_code == 302
    assert is_signed_in(same_address)


def test_successful_login_resets_the_count(client, planner):
    fail(client, "planlegger", 4)
    assert log_in(client, "planlegger", PASSWORD).status_code == 302
    assert is_signed_in(client)
    client.post(reverse("logout"))
    assert not is_signed_in(client)

    fail(client, "planlegger", 4)
    assert log_in(client, "planlegger", PASSWORD).status_code == 302
    assert is_signed_in(client)


def test_lockout_ends_after_an_hour(client, planner):
    fail(client, "planlegger", 4)
    assert log_in(client, "planlegger", "feil-passord").status_code == LOCKED_OUT
    assert log_in(client, "planlegger", PASSWORD).status_code == LOCKED_OUT

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=59))
    assert log_in(client, "planlegger", PASSWORD).status_code == LOCKED_OUT
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=61))
    assert log_in(client, "planlegger", PASSWORD).status_code == 302
    assert is_signed_in(client)


def test_admin_login_is_rate_limited_too(client):
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    admin.set_password(PASSWORD)
    admin.save()
    url = reverse("admin:login")
    for _ in range(4):
        response = client.post(url, {"username": "admin", "password": "feil"})
        assert response.status_code == 200
    assert client.post(url, {"username": "admin", "password": "feil"}).status_code == LOCKED_OUT
    assert client.post(url, {"username": "admin", "password": PASSWORD}).status_code == LOCKED_OUT


# The client's address behind reverse proxies (DJANGO_PROXY_COUNT) -------------------------------

CLIENT_ADDRESS = """
from axes.helpers import get_client_ip_address
from django.test import RequestFactory

def address(forwarded):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return get_client_ip_address(RequestFactory().post("/", REMOTE_ADDR="10.0.0.2", **headers))

for forwarded in ["", "203.0.113.7", "6.6.6.6, 203.0.113.7", "203.0.113.7, 10.0.0.1"]:
    print(repr(forwarded), address(forwarded))
"""


def client_addresses(proxy_count):
    env = {"DJANGO_SECRET_KEY": "x" * 60}
    if proxy_count is not None:
        env["DJANGO_PROXY_COUNT"] = str(proxy_count)
    result = run_manage("shell", "--no-imports", "-c", CLIENT_ADDRESS, **env)
    assert result.returncode == 0, result.stderr
    return dict(line.rsplit(" ", 1) for line in result.stdout.splitlines())


def test_without_proxies_the_forwarded_header_is_ignored():
    """By default X-Forwarded-For cannot be trusted: a client could invent its address."""
    addresses = client_addresses(None)
    assert set(addresses.values()) == {"10.0.0.2"}
    assert client_addresses(0) == addresses


def test_behind_one_proxy_the_address_it_saw_is_used():
    addresses = client_addresses(1)
    assert addresses["'203.0.113.7'"] == "203.0.113.7"
    # A client that sends its own X-Forwarded-For does not choose its address.
    assert addresses["'6.6.6.6, 203.0.113.7'"] == "203.0.113.7"


def test_behind_two_proxies_the_outer_proxys_entry_is_used():
    addresses = client_addresses(2)
    assert addresses["'203.0.113.7, 10.0.0.1'"] == "203.0.113.7"


# The language switch -----------------------------------------------------------------------


def test_a_public_page_without_a_form_sets_no_cookie(client, make_plan):
    """The language switch is a link: a new reader of the overview gets no CSRF cookie."""
    make_plan(title="Skyfritt")
    response = client.get("/planer/")
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?velg=en&neste=/planer/", "/planer/"),
        ("?velg=nb&neste=/planer/%3Fstatus%3Dadopted", "/planer/?status=adopted"),
        ("?velg=en&neste=https://example.com/", "/"),
        ("?velg=en&neste=//example.com/", "/"),
        ("?velg=en", "/"),
    ],
)
def test_the_language_switch_goes_back_to_this_site_only(client, query, expected):
    response = client.get(f"/sprak/{query}")
    assert response.status_code == 302
    assert response["Location"] == expected
    assert response.cookies["django_language"].value in {"en", "nb"}


@pytest.mark.parametrize("query", ["", "?velg=de", "?velg=%00en", "?velg=en%0d%0aSet-Cookie:x"])
def test_an_unknown_language_is_refused_with_a_message(client, query):
    response = client.get(f"/sprak/{query}")
    assert response.status_code == 400
    assert "Ukjent språk" in response.content.decode()
    assert not response.cookies


def test_crawlers_are_asked_not_to_follow_the_language_switch(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /sprak/" in response.content.decode().splitlines()

"""Public pages kept for anonymous readers: served from the cache at the cost of one query,
never stale, never someone else's, with CSRF tokens that work and 304 answers."""

import re

import pytest
from django.test import Client, override_settings

from consultations.models import Submission, SubmissionState
from planportal.settings import cache_from_url
from plans.models import Plan, PlanStatus
from tests.factories import SubmissionFactory
from tests.helpers import member, open_hearing

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_a_kept_page_costs_one_query(client, make_plan, django_assert_num_queries):
    make_plan(title="Skolebruksplan")
    first = client.get("/planer/")
    with django_assert_num_queries(1):  # the data's version
        again = client.get("/planer/")
    assert again.status_code == 200
    assert "Skolebruksplan" in again.content.decode()
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Content-Language"] == "nb"


def test_a_change_shows_at_once(client, make_plan):
    plan = make_plan(title="Skolebruksplan")
    assert "Skolebruksplan" in client.get("/planer/").content.decode()
    Plan.objects.filter(pk=plan.pk).update(title="Kulturplan")
    page = client.get("/planer/").content.decode()
    assert "Kulturplan" in page and "Skolebruksplan" not in page


def test_the_browser_is_told_not_modified_until_the_data_changes(client, make_plan):
    plan = make_plan(title="Skolebruksplan")
    first = client.get("/planer/")
    assert first["ETag"].startswith('W/"')
    assert "private" in first["Cache-Control"] and "no-cache" in first["Cache-Control"]
    assert client.get("/planer/", headers={"If-None-Match": first["ETag"]}).status_code == 304
    since = {"If-Modified-Since": first["Last-Modified"]}
    assert client.get("/planer/", headers=since).status_code == 304
    Plan.objects.filter(pk=plan.pk).update(title="Kulturplan")
    changed = client.get("/planer/", headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert "Kulturplan" in changed.content.decode()
    assert changed["ETag"] != first["ETag"]


def test_signed_in_readers_never_get_the_kept_page(client, make_plan, bbs):
    make_plan(title="Skolebruksplan")
    make_plan(title="Hemmelig utkast", is_published=False, status=PlanStatus.DRAFTING)
    assert "Hemmelig utkast" not in client.get("/planer/").content.decode()
    client.force_login(member("planlegger", bbs, "planner"))
    signed_in = client.get("/planer/")
    assert "Hemmelig utkast" in signed_in.content.decode()
    assert "ETag" not in signed_in


def test_a_signed_in_readers_page_is_never_kept_for_others(client, make_plan, bbs):
    make_plan(title="Hemmelig utkast", is_published=False, status=PlanStatus.DRAFTING)
    signed_in = Client()
    signed_in.force_login(member("planlegger", bbs, "planner"))
    assert "Hemmelig utkast" in signed_in.get("/planer/").content.decode()
    assert "Hemmelig utkast" not in client.get("/planer/").content.decode()


def test_the_language_is_part_of_the_key(client, make_plan):
    make_plan(title="Skolebruksplan")
    assert client.get("/planer/")["Content-Language"] == "nb"
    client.cookies["django_language"] = "en"
    english = client.get("/planer/")
    assert english["Content-Language"] == "en"
    assert 'lang="en"' in english.content.decode()


def test_the_htmx_part_is_kept_apart_from_the_page(client, make_plan):
    make_plan(title="Skolebruksplan")
    page = client.get("/planer/").content.decode()
    part = client.get("/planer/", headers={"HX-Request": "true"}).content.decode()
    assert "<html" in page and "<html" not in part


def test_each_reader_gets_a_working_token_of_their_own(make_plan):
    plan = make_plan(title="Skolebruksplan")
    hearing = open_hearing(plan)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get(hearing.get_absolute_url()).content.decode()
    second_page = second.get(hearing.get_absolute_url()).content.decode()
    assert TOKEN.findall(first_page) != TOKEN.findall(second_page)
    token = TOKEN.findall(second_page)[-1]
    answer = second.post(
        hearing.get_absolute_url(),
        {
            "csrfmiddlewaretoken": token,
            "name": "Kari Nordmann",
            "email": "kari@example.no",
            "text": "Flere sykkelveier til skolene.",
        },
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    assert Submission.objects.filter(consultation=hearing).count() == 1


def test_input_waiting_for_moderation_keeps_the_kept_pages(
    client, make_plan, django_assert_num_queries
):
    """On the day a big hearing opens, input comes in all the time; only published input is
    shown, so only publishing (or hiding, or deleting published input) makes pages old."""
    hearing = open_hearing(make_plan(title="Skolebruksplan"))
    client.get(hearing.get_absolute_url())
    submission = SubmissionFactory(consultation=hearing, text="Flere sykkelveier.")
    with django_assert_num_queries(1):
        client.get(hearing.get_absolute_url())
    Submission.objects.filter(pk=submission.pk).update(state=SubmissionState.PUBLISHED)
    assert "Flere sykkelveier." in client.get(hearing.get_absolute_url()).content.decode()
    Submission.objects.filter(pk=submission.pk).update(name="Anonymisert")
    assert "Anonymisert" in client.get(hearing.get_absolute_url()).content.decode()
    Submission.objects.filter(pk=submission.pk).delete()
    assert "Flere sykkelveier." not in client.get(hearing.get_absolute_url()).content.decode()


@override_settings(PAGE_CACHE_ENABLED=False)
def test_the_cache_can_be_turned_off(client, make_plan, django_assert_max_num_queries):
    make_plan(title="Skolebruksplan")
    client.get("/planer/")
    with django_assert_max_num_queries(30) as queries:
        response = client.get("/planer/")
    assert len(queries) > 1
    assert "ETag" not in response


def test_pages_not_marked_are_neither_kept_nor_cost_a_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/helse/").status_code == 200
    assert "ETag" not in client.get("/logg-inn/")


@pytest.mark.parametrize(
    "url, backend, location",
    [
        ("locmem://", "django.core.cache.backends.locmem.LocMemCache", None),
        (
            "redis://127.0.0.1:6379/1",
            "django.core.cache.backends.redis.RedisCache",
            "redis://127.0.0.1:6379/1",
        ),
        (
            "db://planportal_cache",
            "django.core.cache.backends.db.DatabaseCache",
            "planportal_cache",
        ),
    ],
)
def test_the_cache_is_chosen_by_url(url, backend, location):
    chosen = cache_from_url(url)
    assert chosen["BACKEND"] == backend
    assert chosen.get("LOCATION") == location


def test_an_unknown_cache_is_a_clear_error():
    with pytest.raises(ValueError, match="DJANGO_CACHE_URL"):
        cache_from_url("memcached://127.0.0.1")

"""The overview's filter lists, kept per data version: a new choice is offered at once."""

import pytest
from django.test import override_settings

from plans.models import Department

pytestmark = pytest.mark.django_db


@override_settings(PAGE_CACHE_ENABLED=False)  # every page rendered: the lists come from the cache
def test_a_department_added_or_renamed_is_offered_at_once(client, make_plan, bbs):
    make_plan()
    assert (
        ">Byrådsavdeling for barnehage og skole (BBS)</option>"
        in client.get("/planer/").content.decode()
    )

    Department.objects.create(
        municipality=bbs.municipality, name="Byrådsavdeling for kultur", slug="kultur"
    )
    Department.objects.filter(pk=bbs.pk).update(name="Byrådsavdeling for skole")

    page = client.get("/planer/").content.decode()
    assert ">Byrådsavdeling for kultur</option>" in page
    assert ">Byrådsavdeling for skole (BBS)</option>" in page


@override_settings(PAGE_CACHE_ENABLED=False)
def test_each_language_has_its_own_lists(client, make_plan):
    make_plan()
    assert ">Alle avdelinger</option>" in client.get("/planer/").content.decode()
    client.cookies["django_language"] = "en"
    assert ">All departments</option>" in client.get("/planer/").content.decode()


@override_settings(PAGE_CACHE_ENABLED=False)
def test_the_lists_are_read_once_per_data_version(client, make_plan, django_assert_max_num_queries):
    make_plan()
    client.get("/planer/")
    with django_assert_max_num_queries(6):  # version, plans, counts, priorities, municipalities
        client.get("/planer/")

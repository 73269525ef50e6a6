"""Reference data kept per data version (the overview's lists of choices, the priority SDGs,
whether there are several municipalities): a change shows at once."""

import time

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from planportal import data_version
from plans.models import Department, Sdg
from plans.models.priorities import latest_begun_first_year
from plans.services import priority_sdgs_save
from tests.factories import CouncilPeriodFactory, MunicipalityFactory

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


@override_settings(PAGE_CACHE_ENABLED=False)
def test_priority_sdgs_chosen_mark_the_plans_at_once(client, make_plan, bbs):
    plan = make_plan(title="Klimaplan")
    plan.sdgs.set(Sdg.objects.filter(number=13))
    period = CouncilPeriodFactory(
        municipality=bbs.municipality, first_year=latest_begun_first_year(timezone.localdate())
    )
    assert "Prioritert bærekraftsmål" not in client.get("/planer/").content.decode()

    priority_sdgs_save(period=period, sdgs=Sdg.objects.filter(number__in=[11, 13]))

    assert "Prioritert bærekraftsmål" in client.get("/planer/").content.decode()


@override_settings(PAGE_CACHE_ENABLED=False)
def test_a_second_municipality_makes_the_overview_name_them_at_once(client, make_plan):
    make_plan()
    assert 'name="kommune"' not in client.get("/planer/").content.decode()
    MunicipalityFactory(name="Bærum")
    assert 'name="kommune"' in client.get("/planer/").content.decode()


def test_a_value_kept_in_a_change_that_was_rolled_back_does_not_answer_for_the_next(bbs):
    """The rolled back change counted the data version up, and the next change counts it up to
    the same number: the time of the change tells them apart."""
    with transaction.atomic():
        Department.objects.create(municipality=bbs.municipality, name="Kultur", slug="kultur")
        assert data_version.kept("departments", lambda: "with Kultur") == "with Kultur"
        transaction.set_rollback(True)
    time.sleep(0.002)  # SQLite writes the time of a change in milliseconds
    Department.objects.create(municipality=bbs.municipality, name="Idrett", slug="idrett")
    assert data_version.kept("departments", lambda: "with Idrett") == "with Idrett"

"""Searching the plan overview: stemmed Norwegian words, compounds, the stored search vector."""

import pytest
from django.db import connection

from plans.models import Plan, PlanType
from plans.search import plan_search

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the full-text search is PostgreSQL's"
)


def found(client, query):
    response = client.get("/planer/", {"q": query})
    return sorted(plan.title for plan in response.context["page"].object_list)


def test_a_word_finds_the_compounds_it_starts(client, make_plan):
    make_plan(title="Skolebruksplan 2024–2030", summary="Hvor elevene skal gå.")
    make_plan(title="Idrettsplan", summary="Anlegg for idretten.")
    assert found(client, "skole") == ["Skolebruksplan 2024–2030"]


@postgresql_only
def test_an_inflected_word_finds_the_plans_with_another_form(client, make_plan):
    make_plan(title="Barnehageplan", summary="Nye skoler og barnehager i bydelene.")
    make_plan(title="Idrettsplan", summary="Anlegg for idretten.")
    assert found(client, "skolen") == ["Barnehageplan"]
    assert found(client, "barnehagen skolene") == ["Barnehageplan"]


@postgresql_only
def test_plans_written_in_bulk_or_changed_are_found_by_their_new_words(client, bbs):
    # The database keeps the vector, whoever writes the row: an import, the admin, an update.
    Plan.objects.bulk_create(
        [
            Plan(
                title="Kulturplan",
                slug="kulturplan",
                summary="Bibliotekene skal bli møteplasser.",
                municipality=bbs.municipality,
                department=bbs,
                plan_type=PlanType.TEMAPLAN,
                is_published=True,
            )
        ]
    )
    assert found(client, "biblioteket") == ["Kulturplan"]
    Plan.objects.filter(slug="kulturplan").update(summary="Museene skal bli møteplasser.")
    assert found(client, "biblioteket") == []
    assert found(client, "museet") == ["Kulturplan"]


@postgresql_only
def test_the_search_can_be_answered_from_its_indexes(make_plan):
    """Told to use indexes, PostgreSQL reads the matches from the GIN index on the search vector
    and the trigram index on the title, combined: the search's condition is on the indexed
    expressions. (A table of a few hundred plans is cheaper to read whole, and is.)"""
    make_plan(title="Skolebruksplan", summary="Nye skoler.")
    searched = plan_search("skole")(Plan.objects.order_by()).values("pk")
    sql, params = searched.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on plan_search_vector" in plan, plan
    assert "Bitmap Index Scan on plan_title_trigram" in plan, plan


def test_sqlite_keeps_the_search_vector_empty(make_plan):
    plan = make_plan(title="Skolebruksplan")
    stored = Plan.objects.values_list("search_vector", flat=True).get(pk=plan.pk)
    if connection.vendor == "postgresql":
        assert "skolebruksplan" in stored
    else:
        assert stored is None

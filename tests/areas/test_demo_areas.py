"""The areas' pages over the demo: Bergen's bydeler and seed 003's områdesatsinger, each with its
plans, measures and hearings, and every count on the list equal to what its link shows."""

import re

import pytest
from django.core.management import call_command

from plans.models import Area, Department, Municipality, Role
from tests.factories import AreaFactory
from tests.helpers import member, rendered

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_for_module")]


def rows_of(client, **query):
    return {
        row.area.slug: row
        for _municipality, kinds in rendered(client, "/omrader/", query).context["groups"]
        for _kind, rows in kinds
        for row in rows
    }


def test_the_omradesatsinger_are_the_three_the_seed_names():
    initiatives = Area.objects.filter(kind=Area.Kind.AREA_INITIATIVE)
    assert sorted(initiatives.values_list("name", flat=True)) == [
        "Loddefjord og Olsvik",
        "Slettebakken og Solheim",
        "Ytre Arna og indre Laksevåg",
    ]
    assert Area.objects.filter(kind=Area.Kind.DISTRICT).count() == 8
    assert "avsluttet i 2022" in Area.objects.get(slug="ytre-arna-og-indre-laksevag").description


def test_the_list_groups_bydeler_and_omradesatsinger(client):
    html = client.get("/omrader/").content.decode()
    assert html.index("Bydel") < html.index("Arna") < html.index("Områdesatsing")
    assert html.index("Områdesatsing") < html.index("Loddefjord og Olsvik")
    assert 'href="/omrader/loddefjord-og-olsvik/"' in html


def test_loddefjord_og_olsvik_shows_its_plan_measures_and_hearing(client):
    response = client.get("/omrader/loddefjord-og-olsvik/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Områdesatsing fra 2019" in html
    assert [plan.slug for plan in response.context["plans"]] == [
        "omradesatsing-loddefjord-og-olsvik",
        "omradesatsing-i-bergen",
    ]
    measures = [node.title for node in response.context["measures"]]
    assert len(measures) == 5
    assert "Følgeforskning ved Norce og NOVA" in measures
    assert "Tiltak knyttet til området" in html
    closed = response.context["hearings"].recently_closed
    assert [hearing.title for hearing in closed] == [
        "Forslag til tiltak i områdesatsingen i Loddefjord og Olsvik"
    ]
    assert 'href="/omrader/"' in html


def test_every_count_equals_the_page_it_links_to(client):
    html = client.get("/omrader/").content.decode()
    rows = rows_of(client)
    assert len(rows) == 11
    for slug, row in rows.items():
        overview = client.get("/planer/", {"omrade": row.area.pk}).context["page"].paginator
        assert overview.count == row.plans, slug
        assert f'href="/planer/?omrade={row.area.pk}"' in html
        page = client.get(f"/omrader/{slug}/").context
        hearings = page["hearings"]
        assert len(page["measures"]) == row.measures, slug
        shown = len(hearings.open) + len(hearings.upcoming) + len(hearings.recently_closed)
        assert shown == row.hearings, slug
        assert page["plan_count"] == row.plans, slug
    assert (rows["loddefjord-og-olsvik"].plans, rows["loddefjord-og-olsvik"].measures) == (2, 5)
    assert rows["arna"].hearings == 1  # the Idrettsplan's open hearing, for every bydel


def test_the_draft_for_slettebakken_og_solheim_shows_only_to_those_who_may_read_it(client):
    public = client.get("/omrader/slettebakken-og-solheim/")
    assert [plan.slug for plan in public.context["plans"]] == ["omradesatsing-i-bergen"]
    assert "Utkast" not in public.content.decode()
    client.force_login(
        member("planlegger", Department.objects.get(slug="byutvikling"), Role.PLANNER)
    )
    signed_in = client.get("/omrader/slettebakken-og-solheim/")
    html = signed_in.content.decode()
    assert "omradesatsing-slettebakken-og-solheim" in [p.slug for p in signed_in.context["plans"]]
    assert re.search(r"Utkast</span>\s*<span[^>]*>Handlingsplan", html)
    # The overview it links to lists the plans the reader may read, the draft too.
    assert signed_in.context["plan_count"] == 2


def test_a_plan_page_links_its_areas(client):
    html = client.get("/planer/omradesatsing-loddefjord-og-olsvik/").content.decode()
    assert '<a class="ds-link" href="/omrader/loddefjord-og-olsvik/">' in html
    assert '<a class="ds-link" href="/omrader/laksevag/">' in html


def test_the_overview_and_the_menu_lead_to_the_areas(client):
    html = client.get("/planer/").content.decode()
    assert html.count('href="/omrader/"') == 2  # the main menu and the area filter


def test_loading_again_deletes_the_areas_of_earlier_demo_data():
    """Earlier demo data loaded Solheim and Slettebakken, Ytre Arna and indre Laksevåg apart."""
    bergen = Municipality.objects.get(slug="bergen")
    AreaFactory(municipality=bergen, name="Solheim", slug="solheim")
    own = AreaFactory(municipality=bergen, name="Sandviken", slug="sandviken")
    call_command("load_demo", verbosity=0)
    assert not Area.objects.filter(slug="solheim").exists()
    assert Area.objects.filter(pk=own.pk).exists()
    assert Area.objects.filter(kind=Area.Kind.AREA_INITIATIVE).count() == 3

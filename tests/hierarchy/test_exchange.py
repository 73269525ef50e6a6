"""The public goal tree as a spreadsheet: /mal/regneark/<kommune>.csv and .xlsx."""

import csv
import io

import pytest
from openpyxl import load_workbook

from hierarchy.exchange import HEADINGS, code_order, codes_of, public_nodes
from hierarchy.models import GoalNode, MeasureFunding, MeasureStatus, NodeKind
from plans.models import PlanType, Sdg
from tests.factories import AreaFactory
from tests.helpers import rendered

from .page_helpers import node, small_tree, tree_grower

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(kps, vision, add_node, make_plan):
    return small_tree(kps=kps, vision=vision, add_node=add_node, make_plan=make_plan)


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    lines = list(sheet.iter_rows(values_only=True))
    return [dict(zip(lines[0], line, strict=True)) for line in lines[1:]]


def test_csv_has_a_code_per_node_and_its_parents_code(client, tree):
    response = client.get("/mal/regneark/bergen.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="maltre-bergen-' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert list(rows[0]) == HEADINGS
    assert [(row["Kode"], row["Overordnet kode"], row["Nivå"], row["Tittel"]) for row in rows] == [
        ("1", "", "Visjon", "Et nystemt Bergen"),
        ("1.1", "1", "Hovedmål", "Bergen for alle"),
        ("1.1.1", "1.1", "Delmål", "En trygg og varm by"),
        ("1.1.1.1", "1.1.1", "Strategi", "Mindre mobbing"),
        ("1.1.1.1.1", "1.1.1.1", "Tiltak", "Team Skyfritt"),
        ("1.1.1.1.2", "1.1.1.1", "Tiltak", "Kurs for ansatte"),
        ("1.1.1.1.3", "1.1.1.1", "Tiltak", "Skolemiljøteam"),
        ("1.1.2", "1.1", "Delmål", "Eldre som ressurs"),
        ("1.2", "1", "Hovedmål", "Bergen med særpreg"),
    ]
    course = rows[5]
    assert course["Plan"] == "Skyfritt"
    assert course["Status"] == "Pågår"
    assert course["Fremdrift (%)"] == "20"
    assert course["Vekt"] == "1"
    assert rows[6]["Plan"] == "Handlings- og økonomiplan 2025–2028"


def test_every_column_is_written_in_norwegian_whatever_the_language(
    client, tree, bbs, add_node, settings
):
    district = AreaFactory(municipality=bbs.municipality, name="Årstad")
    measure = node("Kurs for ansatte")
    measure.responsible_department = bbs
    measure.start_year, measure.end_year = 2025, 2027
    measure.description = "-minus først, ikke en formel"
    measure.save()
    measure.sdgs.set(Sdg.objects.filter(number__in=[11, 3]))
    measure.areas.set([district])
    measure.contributes_to.set([node("Eldre som ressurs"), node("Bergen med særpreg")])
    hop_measure = node("Skolemiljøteam")
    hop_measure.plan.valid_from, hop_measure.plan.valid_to = 2025, 2028
    hop_measure.plan.save()
    MeasureFunding.objects.create(node=hop_measure, year=2026, amount=1500)
    MeasureFunding.objects.create(node=hop_measure, year=2025, amount=1200)

    response = client.get("/mal/regneark/bergen.xlsx", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = xlsx_rows(response)
    course = rows[5]
    assert course == {
        "Kode": "1.1.1.1.2",
        "Overordnet kode": "1.1.1.1",
        "Nivå": "Tiltak",
        "Tittel": "Kurs for ansatte",
        "Beskrivelse": "-minus først, ikke en formel",
        "Plan": "Skyfritt",
        "Ansvarlig avdeling": "Byrådsavdeling for barnehage og skole",
        "Status": "Pågår",
        "Fremdrift (%)": 20,
        "Startår": 2025,
        "Sluttår": 2027,
        "Vekt": 1,
        "Bærekraftsmål": "3, 11",
        "Områder": "Årstad",
        "Bidrar til": "1.1.2, 1.2",
        "Beløp per år (1000 kr)": None,
    }
    assert rows[6]["Beløp per år (1000 kr)"] == "2025: 1200; 2026: 1500"
    # CSV keeps text from being read as a formula.
    assert csv_rows(client.get("/mal/regneark/bergen.csv"))[5]["Beskrivelse"].startswith("'-")


def test_unpublished_plans_and_what_hangs_under_them_are_left_out(client, tree, make_plan, kps):
    draft = make_plan(title="Utkast", plan_type=PlanType.TEMAPLAN, is_published=False)
    hidden = GoalNode.objects.create(
        plan=draft, parent=node("Bergen for alle"), kind=NodeKind.GOAL, title="Hemmelig"
    )
    GoalNode.objects.create(
        plan=tree["hop"], parent=hidden, kind=NodeKind.MEASURE, title="Under hemmelig"
    )
    # A published node contributing to the hidden one names no code for it.
    strategy = node("Mindre mobbing")
    strategy.contributes_to.set([hidden])

    rows = csv_rows(client.get("/mal/regneark/bergen.csv"))
    titles = [row["Tittel"] for row in rows]
    assert "Hemmelig" not in titles and "Under hemmelig" not in titles
    # Codes count the shown siblings only: Eldre som ressurs stays 1.1.2.
    assert ("1.1.2", "Eldre som ressurs") in [(row["Kode"], row["Tittel"]) for row in rows]
    assert rows[3]["Bidrar til"] == ""


def test_unknown_municipality_is_404(client):
    assert client.get("/mal/regneark/finnes-ikke.csv").status_code == 404


def test_the_tree_page_links_to_both_files(client, tree):
    html = rendered(client, "/mal/").content.decode()
    assert "Last ned målhierarkiet som regneark" in html
    assert 'href="/mal/regneark/bergen.csv"' in html
    assert 'href="/mal/regneark/bergen.xlsx"' in html


def test_codes_count_places_among_siblings_and_roots():
    class Node:
        def __init__(self, pk, parent_id):
            self.pk, self.parent_id = pk, parent_id

    nodes = [Node(1, None), Node(2, 1), Node(3, 2), Node(4, 1), Node(5, None), Node(6, 5)]
    assert codes_of(nodes) == {1: "1", 2: "1.1", 3: "1.1.1", 4: "1.2", 5: "2", 6: "2.1"}
    assert sorted(["1.10", "1.2", "1"], key=code_order) == ["1", "1.2", "1.10"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_reads_as_many_queries_for_2000_nodes_as_for_20(
    client, vision, make_plan, django_assert_max_num_queries, fmt
):
    grow = tree_grower(vision, make_plan)
    url = f"/mal/regneark/bergen.{fmt}"
    grow(20)
    with django_assert_max_num_queries(12) as small:
        assert rendered(client, url).status_code == 200
    grow(2_000)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = rendered(client, url)
    rows = csv_rows(response) if fmt == "csv" else xlsx_rows(response)
    assert len(rows) == 2_001


def test_public_nodes_leave_measure_status_to_the_labels(tree, bergen):
    statuses = {n.title: n.status for n in public_nodes(bergen)}
    assert statuses["Team Skyfritt"] == MeasureStatus.DONE

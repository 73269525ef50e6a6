"""The public planstrategi page /planstrategi/<first>-<last>/: its counts, its lists, the
adopted totals beside them, who sees what, and addresses that do not exist."""

import re

import pytest
from django.urls import reverse

from plans.models import PlanstrategiAdoption, PlanstrategiDecision, PlanType, Role
from tests.factories import CouncilPeriodFactory, DepartmentFactory, MunicipalityFactory
from tests.helpers import member

URL = "/planstrategi/2019-2023/"


def register_counts(page, prefix=""):
    """{anchor: the count the table links to it} for each decision of a section."""
    return {
        anchor: int(count)
        for anchor, count in re.findall(rf'href="#({prefix}beslutning-\w+)">(\d+)</a>', page)
    }


def listed(page, anchor):
    """How many plans the grouped list at ``anchor`` holds."""
    section = page.split(f'<section aria-labelledby="{anchor}">', 1)[1].split("</section>", 1)[0]
    return section.count("<li>")


def adopted_counts(page, prefix=""):
    """{decision label: (adopted, in the register)} from the counts table."""
    table = page.split(f'id="{prefix}counts-caption"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(
        r'<th scope="row">([^<]+)</th>\s*<td class="number">(\d+)</td>\s*<td class="number">'
        r"(?:<a[^>]*>)?(\d+)",
        table,
    )
    return {label: (int(adopted), int(held)) for label, adopted, held in rows}


@pytest.mark.django_db
class TestWithFactories:
    @pytest.fixture
    def period(self, bergen):
        return CouncilPeriodFactory(municipality=bergen, first_year=2019, last_year=2023)

    @pytest.fixture
    def decided(self, make_plan, period):
        def decide(kind, **fields):
            plan = make_plan(**fields)
            PlanstrategiDecision.objects.create(plan=plan, council_period=period, decision=kind)
            return plan

        return decide

    def test_counts_equal_their_lists(self, client, decided):
        for kind, times in [("continue", 3), ("revise", 2), ("expire", 1), ("new", 4)]:
            for _ in range(times):
                decided(kind)
        page = client.get(URL).content.decode()
        counts = register_counts(page)
        assert counts == {
            "beslutning-continue": 3,
            "beslutning-revise": 2,
            "beslutning-expire": 1,
            "beslutning-new": 4,
        }
        for anchor, count in counts.items():
            assert listed(page, anchor) == count

    def test_public_sees_published_plans_a_planner_also_the_draft(self, client, decided, bbs):
        decided("continue", title="Publisert plan")
        decided("new", title="Ny plan i arbeid", is_published=False)
        page = client.get(URL).content.decode()
        assert "Publisert plan" in page
        assert "Ny plan i arbeid" not in page
        client.force_login(member("planlegger", bbs, Role.PLANNER))
        page = client.get(URL).content.decode()
        assert re.search(r"Ny plan i arbeid</a> <span class=\"draft-mark\">\(Utkast\)", page)

    def test_one_municipality_offers_no_choice_and_links_the_strategy(
        self, client, decided, make_plan, period
    ):
        decided("continue")
        strategy = make_plan(
            title="Planstrategi 2019–2023", plan_type=PlanType.PLANSTRATEGI, council_period=period
        )
        page = client.get(URL).content.decode()
        assert 'name="kommune"' not in page
        assert f'href="{strategy.get_absolute_url()}"' in page
        assert 'href="/rapporter/planstrategi/2019-2023.pdf"' in page

    def test_adopted_totals_beside_the_register(self, client, decided, period):
        decided("continue")
        PlanstrategiAdoption.objects.create(
            council_period=period, continued=42, revised=39, expired=15, new=42, plans_in_force=123
        )
        page = client.get(URL).content.decode()
        assert adopted_counts(page)["Videreføres uten endringer"] == (42, 1)
        assert "Registeret har beslutningen for 1 plan av de 138 planene" in page

    @pytest.mark.parametrize(
        "address",
        [
            "/planstrategi/2018-2022/",
            "/planstrategi/2019-2024/",
            "/planstrategi/2019/",
            "/planstrategi/abc-def/",
            "/planstrategi/2019-2023-2027/",
            "/planstrategi/99999999999999999999-2023/",
            "/rapporter/planstrategi/2018-2022/",
            "/rapporter/planstrategi/99999999999999999999-2023.pdf",
        ],
    )
    def test_bad_addresses_are_404(self, client, period, address):
        assert client.get(address).status_code == 404

    def test_unknown_municipality_is_a_clean_message(self, client, period):
        MunicipalityFactory(name="Bærum", number="3201", slug="baerum")
        response = client.get(URL + "?kommune=oslo")
        assert response.status_code == 200
        assert "Velg et gyldig valg" in response.content.decode()
        report = client.get("/rapporter/planstrategi/2019-2023/?kommune=oslo")
        assert report.status_code == 400

    def test_a_municipality_without_the_period_is_said_plainly(self, client, period):
        MunicipalityFactory(name="Bærum", number="3201", slug="baerum")
        response = client.get(URL + "?kommune=baerum")
        assert response.status_code == 200
        assert "Bærum har ingen valgperiode 2019–2023 i registeret." in response.content.decode()

    def test_index_lists_the_periods(self, client, period):
        page = client.get(reverse("planstrategi-index")).content.decode()
        assert f'href="{URL}"' in page

    @pytest.mark.parametrize("count", [5, 50])
    def test_queries_do_not_grow_with_plans(
        self, client, decided, count, django_assert_max_num_queries
    ):
        for number in range(count):
            decided(["continue", "revise", "expire", "new"][number % 4])
        with django_assert_max_num_queries(5):
            response = client.get(URL)
        assert sum(register_counts(response.content.decode()).values()) == count


@pytest.mark.django_db
def test_two_municipalities_get_a_section_each(client, bergen, make_plan):
    baerum = MunicipalityFactory(name="Bærum", number="3201", slug="baerum")
    for municipality, department in [
        (bergen, None),
        (baerum, DepartmentFactory(municipality=baerum)),
    ]:
        period = CouncilPeriodFactory(municipality=municipality, first_year=2019, last_year=2023)
        plan = make_plan(**({"department": department} if department else {}))
        PlanstrategiDecision.objects.create(plan=plan, council_period=period, decision="new")
    page = client.get(URL).content.decode()
    assert 'id="bergen-heading"' in page and 'id="baerum-heading"' in page
    assert register_counts(page, "bergen-")["bergen-beslutning-new"] == 1
    assert register_counts(page, "baerum-")["baerum-beslutning-new"] == 1
    chosen = client.get(URL + "?kommune=baerum").content.decode()
    assert 'id="bergen-heading"' not in chosen
    assert register_counts(chosen)["beslutning-new"] == 1


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_for_module")
class TestDemo:
    def test_bergen_2019_2023_shows_the_adopted_totals_beside_the_register(self, client):
        page = client.get(URL + "?kommune=bergen").content.decode()
        counts = adopted_counts(page)
        held = register_counts(page)
        assert counts == {
            "Videreføres uten endringer": (42, held["beslutning-continue"]),
            "Revideres/rulleres": (39, held["beslutning-revise"]),
            "Utgår": (15, held["beslutning-expire"]),
            "Nytt planarbeid": (42, held["beslutning-new"]),
        }
        for anchor, count in held.items():
            assert listed(page, anchor) == count
        assert "planene planstrategien tok stilling til (123 gjeldende planer" in page
        assert 'href="/planer/bergen-planstrategi-2019-2023/"' in page

    def test_bergen_has_decisions_for_the_current_period(self, client):
        page = client.get("/planstrategi/2023-2027/?kommune=bergen").content.decode()
        assert sum(register_counts(page).values()) > 0
        # No adopted totals are recorded for a strategy still in drafting.
        assert "Vedtatt</th>" not in page

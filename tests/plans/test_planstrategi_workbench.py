"""The coordinators' planstrategi workbench: who may use it, and saving decisions one by one,
in bulk (all or nothing) and against someone else's save in between."""

from datetime import date

import pytest
from django.urls import reverse

from plans.models import (
    Plan,
    PlanStatus,
    PlanstrategiAdoption,
    PlanstrategiDecision,
    PlanType,
    Role,
)
from plans.planstrategi import DecisionChoice, planstrategi_decisions_save
from tests.factories import CouncilPeriodFactory, DepartmentFactory, MunicipalityFactory
from tests.helpers import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(bergen):
    return CouncilPeriodFactory(municipality=bergen, first_year=2023, last_year=2027)


@pytest.fixture
def coordinator(bbs):
    return member("koordinator", bbs, Role.COORDINATOR)


@pytest.fixture
def plans(make_plan):
    """One plan of each suggestion: continued, revised (period ends), new (in process)."""
    return {
        "continue": make_plan(title="A varig plan", valid_from=2020, valid_to=2035),
        "revise": make_plan(title="B plan som går ut", valid_from=2018, valid_to=2026),
        "new": make_plan(title="C plan under arbeid", status=PlanStatus.DRAFTING),
    }


def url(period):
    return reverse("workspace:planstrategi", kwargs={"pk": period.pk})


def row_data(plan, *, selected=False, decision="", note="", seen=""):
    prefix = f"plan-{plan.pk}"
    data = {f"{prefix}-decision": decision, f"{prefix}-note": note, f"{prefix}-seen": seen}
    if selected:
        data[f"{prefix}-selected"] = "on"
    return data


def post(client, period, action, *rows):
    data = {"skjema": "beslutninger", "lagre": action}
    for row in rows:
        data.update(row)
    return client.post(url(period), data)


def decisions(period):
    return dict(
        PlanstrategiDecision.objects.filter(council_period=period).values_list(
            "plan__title", "decision"
        )
    )


# Permissions


def test_anonymous_is_sent_to_sign_in(client, period):
    response = client.get(url(period))
    assert response.status_code == 302
    assert "/logg-inn/" in response["Location"]


def test_planner_of_the_municipality_is_refused(client, bbs, period):
    client.force_login(member("planlegger", bbs, Role.PLANNER))
    assert client.get(url(period)).status_code == 403
    assert client.get(reverse("workspace:planstrategi-index")).status_code == 403


def test_coordinator_of_baerum_gets_nothing_of_bergen(client, period, plans):
    baerum = MunicipalityFactory(name="Bærum", number="3201", slug="baerum")
    other = member("koordinator.baerum", DepartmentFactory(municipality=baerum), Role.COORDINATOR)
    client.force_login(other)
    assert client.get(url(period)).status_code == 403
    response = post(client, period, str(plans["new"].pk), row_data(plans["new"], decision="new"))
    assert response.status_code == 403
    assert decisions(period) == {}
    index = client.get(reverse("workspace:planstrategi-index"))
    assert url(period) not in index.content.decode()


def test_unknown_period_is_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/arbeidsflate/planstrategi/999999/").status_code == 404
    assert client.get("/arbeidsflate/planstrategi/abc/").status_code == 404


def test_coordinator_sees_every_plan_with_its_suggestion(client, coordinator, period, plans):
    client.force_login(coordinator)
    index = client.get(reverse("workspace:planstrategi-index"))
    assert url(period) in index.content.decode()
    page = client.get(url(period)).content.decode()
    for plan in plans.values():
        assert plan.title in page
    assert "Bekreft alle forslag (3 planer uten beslutning)" in page
    assert "2018–2026" in page


# Saving


def test_one_row_saved_by_its_own_button(client, coordinator, period, plans):
    client.force_login(coordinator)
    plan = plans["continue"]
    response = post(
        client,
        period,
        str(plan.pk),
        row_data(plan, decision="expire", note="Erstattes av ny plan"),
        # Another row's choice is not saved by this row's button.
        row_data(plans["new"], decision="new"),
    )
    assert response.status_code == 302
    saved = PlanstrategiDecision.objects.get(council_period=period)
    assert (saved.plan, saved.decision, saved.note) == (plan, "expire", "Erstattes av ny plan")
    assert saved.history.first().history_user == coordinator


def test_confirm_all_suggestions(client, coordinator, period, plans):
    client.force_login(coordinator)
    rows = [row_data(plan) for plan in plans.values()]
    response = post(client, period, "forslag", *rows)
    assert response.status_code == 302
    assert decisions(period) == {
        "A varig plan": "continue",
        "B plan som går ut": "revise",
        "C plan under arbeid": "new",
    }


def test_save_selected_rows(client, coordinator, period, plans):
    client.force_login(coordinator)
    response = post(
        client,
        period,
        "valgte",
        row_data(plans["continue"], selected=True, decision="continue"),
        row_data(plans["revise"], selected=True, decision="expire"),
        row_data(plans["new"], decision="new"),  # not ticked
    )
    assert response.status_code == 302
    assert decisions(period) == {"A varig plan": "continue", "B plan som går ut": "expire"}


def test_bulk_save_with_one_bad_row_saves_nothing(client, coordinator, period, plans):
    client.force_login(coordinator)
    response = post(
        client,
        period,
        "valgte",
        row_data(plans["continue"], selected=True, decision="continue"),
        row_data(plans["revise"], selected=True, decision=""),
        row_data(plans["new"], selected=True, decision="abolish"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ingenting er lagret" in page
    assert "Velg en beslutning for planen." in page
    assert "Velg et gyldig valg" in page
    assert decisions(period) == {}


def test_a_decision_changed_since_the_page_was_read_is_a_conflict(
    client, coordinator, period, plans
):
    plan = plans["revise"]
    # Both coordinators read the page when the plan had no decision ...
    planstrategi_decisions_save(
        period=period, choices=[DecisionChoice(plan, "continue", "", None)], user=coordinator
    )
    client.force_login(coordinator)
    # ... the other saved first; this save, from the same reading, must not overwrite it.
    response = post(
        client,
        period,
        "valgte",
        row_data(plans["continue"], selected=True, decision="continue"),
        row_data(plan, selected=True, decision="revise", seen=""),
    )
    assert response.status_code == 200
    assert "Noen andre endret beslutningen etter at du åpnet siden" in response.content.decode()
    assert decisions(period) == {"B plan som går ut": "continue"}
    # Saving again from the version now shown goes through.
    seen = str(PlanstrategiDecision.objects.get(plan=plan).version)
    response = post(
        client, period, "valgte", row_data(plan, selected=True, decision="revise", seen=seen)
    )
    assert response.status_code == 302
    assert decisions(period) == {"B plan som går ut": "revise"}


def test_confirm_all_does_not_overwrite_a_decision_made_meanwhile(
    client, coordinator, period, plans
):
    planstrategi_decisions_save(
        period=period, choices=[DecisionChoice(plans["new"], "expire", "", None)]
    )
    client.force_login(coordinator)
    response = post(client, period, "forslag", *[row_data(p) for p in plans.values()])
    assert response.status_code == 200
    assert decisions(period) == {"C plan under arbeid": "expire"}


def test_a_plan_of_another_municipality_is_refused_by_the_service(period, plans):
    baerum = MunicipalityFactory(name="Bærum", number="3201", slug="baerum")
    foreign = Plan.objects.get(pk=plans["new"].pk)
    foreign.municipality = baerum
    with pytest.raises(Exception) as raised:
        planstrategi_decisions_save(
            period=period,
            choices=[
                DecisionChoice(plans["continue"], "continue", "", None),
                DecisionChoice(foreign, "new", "", None),
            ],
        )
    assert "annen kommune" in str(raised.value.errors)
    assert decisions(period) == {}


# New plan work


def test_new_plan_becomes_a_planned_unpublished_plan_with_decision_new(
    client, coordinator, period, bbs
):
    client.force_login(coordinator)
    response = client.post(
        url(period),
        {
            "skjema": "ny-plan",
            "ny-title": "Plan for aktive barn",
            "ny-plan_type": PlanType.TEMAPLAN,
            "ny-department": bbs.pk,
            "ny-note": "Vedtatt i planstrategien",
        },
    )
    assert response.status_code == 302
    plan = Plan.objects.get(title="Plan for aktive barn")
    assert (plan.status, plan.council_period, plan.is_published) == (
        PlanStatus.PLANNED,
        period,
        False,
    )
    assert plan.history.first().history_user == coordinator
    assert plan.status_changes.get().status == PlanStatus.PLANNED
    decision = plan.planstrategi_decisions.get()
    assert (decision.council_period, decision.decision) == (period, "new")


def test_new_plan_refused_with_message_saves_nothing(client, coordinator, period, bergen):
    other = DepartmentFactory(municipality=MunicipalityFactory(slug="baerum", number="3201"))
    client.force_login(coordinator)
    response = client.post(
        url(period),
        {
            "skjema": "ny-plan",
            "ny-title": "",
            "ny-plan_type": "temaplan",
            "ny-department": other.pk,
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Feltet er påkrevet." in page
    assert "Velg et gyldig valg" in page  # a department of another municipality
    assert not Plan.objects.filter(council_period=period).exists()


# Adopted totals


def adoption_data(**changes):
    data = {
        "skjema": "vedtatt",
        "vedtatt-base_version": "",
        "vedtatt-continued": 42,
        "vedtatt-revised": 39,
        "vedtatt-expired": 15,
        "vedtatt-new": 42,
        "vedtatt-plans_in_force": 123,
        "vedtatt-adopted_on": "",
        "vedtatt-case_number": "",
        "vedtatt-decision_url": "",
    }
    data.update({f"vedtatt-{name}": value for name, value in changes.items()})
    return data


def test_coordinator_records_adopted_totals(client, coordinator, period):
    client.force_login(coordinator)
    response = client.post(url(period), adoption_data(**{"adopted_on": "2024-09-20"}))
    assert response.status_code == 302
    adoption = period.planstrategi_adoption
    assert (adoption.continued, adoption.new, adoption.adopted_on) == (42, 42, date(2024, 9, 20))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"continued": -1}, "større enn eller lik 0"),
        ({"plans_in_force": 50}, "må være blant de gjeldende planene"),
        ({"new": 20000}, "mindre enn eller lik 2000"),
        ({"adopted_on": "2019-03-01"}, "vedtas i valgperioden"),
    ],
)
def test_implausible_adopted_totals_are_refused(client, coordinator, period, changes, message):
    client.force_login(coordinator)
    response = client.post(url(period), adoption_data(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PlanstrategiAdoption.objects.exists()


def test_adopted_totals_saved_by_someone_else_meanwhile_are_not_overwritten(
    client, coordinator, period
):
    client.force_login(coordinator)
    client.post(url(period), adoption_data())
    version = str(period.planstrategi_adoption.version)
    client.post(url(period), adoption_data(base_version=version, expired=16))
    response = client.post(url(period), adoption_data(base_version=version, expired=17))
    assert response.status_code == 200
    assert "Noen andre lagret de vedtatte tallene" in response.content.decode()
    period.planstrategi_adoption.refresh_from_db()
    assert period.planstrategi_adoption.expired == 16


# Query counts


@pytest.mark.parametrize("count", [5, 50])
def test_workbench_queries_do_not_grow_with_plans(
    client, coordinator, period, make_plan, count, django_assert_max_num_queries
):
    for number in range(count):
        make_plan(title=f"Plan {number}", valid_to=2030 + number % 5)
    planstrategi_decisions_save(
        period=period,
        choices=[
            DecisionChoice(plan, "continue", "", None) for plan in Plan.objects.all()[: count // 2]
        ],
    )
    client.force_login(coordinator)
    with django_assert_max_num_queries(10):
        response = client.get(url(period))
    assert response.content.decode().count('name="lagre" value="') == count + 2


# Links


def test_workspace_home_leads_coordinators_to_the_workbench(client, coordinator, period, bbs):
    client.force_login(coordinator)
    page = client.get(reverse("workspace:home")).content.decode()
    assert 'href="/arbeidsflate/planstrategi/"' in page
    # The § 10-1 warning (the 2023–2027 strategy is not adopted) links to the period's workbench.
    assert "§ 10-1" in page
    assert f'href="{url(period)}"' in page
    client.force_login(member("planlegger", bbs, Role.PLANNER))
    assert 'href="/arbeidsflate/planstrategi/"' not in client.get("/arbeidsflate/").content.decode()


def test_plan_pages_link_to_the_public_planstrategi(client, make_plan, period):
    strategy = make_plan(plan_type=PlanType.PLANSTRATEGI, council_period=period)
    decided = make_plan()
    PlanstrategiDecision.objects.create(plan=decided, council_period=period, decision="continue")
    public = 'href="/planstrategi/2023-2027/?kommune=bergen"'
    assert public in client.get(strategy.get_absolute_url()).content.decode()
    assert public in client.get(decided.get_absolute_url()).content.decode()
    assert 'href="/planstrategi/"' in client.get("/planer/").content.decode()

"""The plan register's rules: each refused with a Norwegian message, and held by the database."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from plans.models import (
    CouncilPeriod,
    Municipality,
    Plan,
    PlanStatus,
    PlanStatusChange,
    PlanstrategiDecision,
    PlanstrategiDecisionKind,
    PlanType,
)
from plans.services import plan_change_status, plan_save
from tests.factories import (
    CouncilPeriodFactory,
    DepartmentFactory,
    PlanFactory,
    UncheckedPlanFactory,
)

pytestmark = pytest.mark.django_db


def messages_for(error, field):
    return error.value.message_dict.get(field, [])


def test_slug_is_made_from_the_norwegian_title(make_plan):
    plan = make_plan(title="Skolebruksplan for Årstad og Fyllingsdalen – ærlig talt")
    assert plan.slug == "skolebruksplan-for-arstad-og-fyllingsdalen-aerlig-talt"


def test_clashing_slug_gets_a_suffix_across_municipalities(make_plan):
    other_municipality = DepartmentFactory()
    first = make_plan(title="Idrettsplan")
    second = make_plan(title="Idrettsplan", department=other_municipality)
    third = make_plan(title="Idrettsplan")
    assert [first.slug, second.slug, third.slug] == [
        "idrettsplan",
        "idrettsplan-2",
        "idrettsplan-3",
    ]


def test_a_typed_slug_that_is_taken_is_refused(make_plan, bbs):
    make_plan(title="Skyfritt")
    plan = Plan(
        title="Ny plan",
        slug="skyfritt",
        department=bbs,
        municipality=bbs.municipality,
        plan_type=PlanType.TEMAPLAN,
    )
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert messages_for(error, "slug") == ["En annen plan har allerede denne adressen."]


def test_validity_end_before_start_is_refused(make_plan):
    plan = make_plan(valid_from=2027)
    plan.valid_to = 2017
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert messages_for(error, "valid_to") == ["Gyldighetens sluttår kan ikke være før startåret."]


def test_validity_end_before_start_is_refused_by_the_database(bbs):
    with pytest.raises(IntegrityError), transaction.atomic():
        UncheckedPlanFactory(department=bbs, valid_from=2027, valid_to=2017)


def test_handlingsplan_without_a_plan_to_implement_is_refused(bbs):
    handlingsplan = PlanFactory.build(
        department=bbs, municipality=bbs.municipality, plan_type=PlanType.HANDLINGSPLAN
    )
    with pytest.raises(ValidationError) as error:
        handlingsplan.full_clean()
    assert messages_for(error, "implements") == [
        "En handlingsplan må gjennomføre en vedtatt strategi eller temaplan. Velg hvilken."
    ]


def test_handlingsplan_without_a_plan_to_implement_is_refused_by_the_database(bbs):
    with pytest.raises(IntegrityError), transaction.atomic():
        UncheckedPlanFactory(department=bbs, plan_type=PlanType.HANDLINGSPLAN, implements=None)


@pytest.mark.parametrize(
    ("target_type", "target_status", "message"),
    [
        (
            PlanType.MELDING,
            PlanStatus.ADOPTED,
            "En handlingsplan kan bare gjennomføre en strategi eller en temaplan, "
            "ikke en plan av typen «Melding».",
        ),
        (
            PlanType.STRATEGI,
            PlanStatus.DRAFTING,
            "«Spør oss!» er ikke vedtatt. En handlingsplan må gjennomføre en vedtatt plan.",
        ),
    ],
)
def test_handlingsplan_must_implement_an_adopted_strategi_or_temaplan(
    make_plan, target_type, target_status, message
):
    target = make_plan(title="Spør oss!", plan_type=target_type, status=target_status)
    plan = PlanFactory.build(
        department=target.department, plan_type=PlanType.HANDLINGSPLAN, implements=target
    )
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert messages_for(error, "implements") == [message]


def test_handlingsplan_may_implement_an_adopted_strategi(make_plan):
    strategi = make_plan(title="Spør oss! Strategi", plan_type=PlanType.STRATEGI)
    plan = make_plan(
        title="Spør oss! Handlingsplan", plan_type=PlanType.HANDLINGSPLAN, implements=strategi
    )
    plan.full_clean()
    assert list(strategi.implemented_by.all()) == [plan]


def test_handlingsplan_cannot_implement_a_plan_of_another_municipality(make_plan):
    strategi = make_plan(plan_type=PlanType.STRATEGI, department=DepartmentFactory())
    plan = PlanFactory.build(
        plan_type=PlanType.HANDLINGSPLAN, implements=strategi, department=make_plan().department
    )
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert messages_for(error, "implements") == [
        "Planen som gjennomføres, hører til en annen kommune."
    ]


def test_only_a_handlingsplan_implements_another_plan(make_plan):
    strategi = make_plan(plan_type=PlanType.STRATEGI)
    temaplan = make_plan(plan_type=PlanType.TEMAPLAN)
    temaplan.implements = strategi
    with pytest.raises(ValidationError) as error:
        temaplan.full_clean()
    assert "Bare en handlingsplan" in messages_for(error, "implements")[0]


def test_plan_cannot_replace_itself(make_plan):
    plan = make_plan()
    plan.replaces = plan
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert messages_for(error, "replaces") == ["En plan kan ikke erstatte seg selv."]


def test_plan_cannot_replace_itself_in_the_database(make_plan):
    plan = make_plan()
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.filter(pk=plan.pk).update(replaces=plan)


def test_plan_cannot_implement_itself(make_plan):
    strategi = make_plan(plan_type=PlanType.STRATEGI)
    plan = make_plan(plan_type=PlanType.HANDLINGSPLAN, implements=strategi)
    plan.implements = plan
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert messages_for(error, "implements") == ["En plan kan ikke gjennomføre seg selv."]
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.filter(pk=plan.pk).update(implements=plan)


def test_second_kps_in_force_in_one_municipality_is_refused(make_plan):
    make_plan(title="Bergen 2030", plan_type=PlanType.KPS, status=PlanStatus.ADOPTED)
    new_kps = make_plan(
        title="Et nystemt Bergen", plan_type=PlanType.KPS, status=PlanStatus.POLITICAL
    )
    new_kps.status = PlanStatus.ADOPTED
    with pytest.raises(ValidationError) as error:
        new_kps.full_clean()
    assert messages_for(error, "status")[0].startswith(
        "Kommunen har allerede en gjeldende samfunnsdel."
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.filter(pk=new_kps.pk).update(status=PlanStatus.ADOPTED)


def test_kps_of_two_municipalities_are_both_in_force(make_plan):
    make_plan(plan_type=PlanType.KPS)
    make_plan(plan_type=PlanType.KPS, department=DepartmentFactory())
    assert Plan.objects.filter(plan_type=PlanType.KPS).in_force().count() == 2


def test_expired_kps_makes_room_for_the_new_one(make_plan):
    old = make_plan(title="Bergen 2030", plan_type=PlanType.KPS, status=PlanStatus.ADOPTED)
    new = make_plan(title="Et nystemt Bergen", plan_type=PlanType.KPS, status=PlanStatus.POLITICAL)
    plan_change_status(plan=old, status=PlanStatus.EXPIRED)
    plan_change_status(plan=new, status=PlanStatus.ADOPTED)
    assert Plan.objects.get(plan_type=PlanType.KPS, status=PlanStatus.ADOPTED) == new


def test_department_of_another_municipality_is_refused(make_plan):
    plan = make_plan()
    plan.department = DepartmentFactory()
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert messages_for(error, "department") == [
        "Avdelingen hører til en annen kommune enn planen."
    ]


def test_council_period_must_end_after_it_starts(bergen):
    period = CouncilPeriod(municipality=bergen, first_year=2027, last_year=2023)
    with pytest.raises(ValidationError) as error:
        period.full_clean()
    assert messages_for(error, "last_year") == ["Siste år må være etter første år."]
    with pytest.raises(IntegrityError), transaction.atomic():
        period.save()


def test_municipality_number_has_four_digits():
    municipality = Municipality(name="Feil", number="46A1", slug="feil")
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert messages_for(error, "number") == ["Kommunenummeret har fire sifre."]


def test_status_change_is_recorded_with_its_date(make_plan):
    plan = make_plan(status=PlanStatus.DRAFTING)
    created = plan.status_changes.get()  # a new plan's first status, recorded by the service
    plan_change_status(plan=plan, status=PlanStatus.HEARING, on=datetime.date(2025, 5, 12))
    history = list(plan.status_changes.exclude(pk=created.pk).values_list("status", "changed_on"))
    assert history == [(PlanStatus.HEARING, datetime.date(2025, 5, 12))]


def test_a_refused_save_records_nothing(make_plan):
    make_plan(plan_type=PlanType.KPS, status=PlanStatus.ADOPTED)
    new = make_plan(plan_type=PlanType.KPS, status=PlanStatus.POLITICAL)
    recorded = list(PlanStatusChange.objects.values_list("pk", flat=True))
    with pytest.raises(ValidationError):
        plan_change_status(plan=new, status=PlanStatus.ADOPTED)
    assert list(PlanStatusChange.objects.values_list("pk", flat=True)) == recorded
    assert Plan.objects.get(pk=new.pk).status == PlanStatus.POLITICAL


def test_new_plan_saved_through_the_service_starts_its_history(bbs):
    plan = Plan(
        title="Rammeplan for SFO",
        department=bbs,
        municipality=bbs.municipality,
        plan_type=PlanType.TEMAPLAN,
        status=PlanStatus.STARTED,
    )
    plan_save(plan=plan)
    assert list(plan.status_changes.values_list("status", flat=True)) == [PlanStatus.STARTED]


def test_planstrategi_decision_for_a_period_of_another_municipality_is_refused(make_plan):
    decision = PlanstrategiDecision(
        plan=make_plan(),
        council_period=CouncilPeriodFactory(),
        decision=PlanstrategiDecisionKind.REVISE,
    )
    with pytest.raises(ValidationError) as error:
        decision.full_clean()
    assert messages_for(error, "council_period") == [
        "Valgperioden hører til en annen kommune enn planen."
    ]


def test_handlingsplan_stays_editable_when_its_strategi_expires(make_plan):
    strategi = make_plan(plan_type=PlanType.STRATEGI)
    handlingsplan = make_plan(plan_type=PlanType.HANDLINGSPLAN, implements=strategi)
    plan_change_status(plan=strategi, status=PlanStatus.EXPIRED)
    handlingsplan = Plan.objects.get(pk=handlingsplan.pk)
    handlingsplan.summary = "Oppdatert sammendrag."
    handlingsplan.full_clean()
    other = make_plan(
        plan_type=PlanType.HANDLINGSPLAN, implements=make_plan(plan_type=PlanType.STRATEGI)
    )
    other.implements = strategi
    with pytest.raises(ValidationError):
        other.full_clean()

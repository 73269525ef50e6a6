"""The demo data built by `manage.py load_demo` from the seeds."""

from datetime import date

import pytest
from django.core.management import call_command

from plans.models import (
    Municipality,
    Plan,
    PlanDocument,
    PlanStatus,
    PlanStatusChange,
    PlanstrategiDecision,
    PlanType,
)
from plans.selectors import late_planstrategier

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_for_module")]


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Plan, PlanStatusChange, PlanDocument, PlanstrategiDecision)
    }


def test_load_demo_builds_bergen_and_baerum_with_every_plan_type():
    assert set(Municipality.objects.values_list("number", flat=True)) >= {"4601", "3201"}
    for plan_type in PlanType.values:
        assert Plan.objects.filter(plan_type=plan_type).exists(), plan_type
    for number in ("4601", "3201"):
        assert Plan.objects.filter(municipality__number=number, plan_type=PlanType.KPS).exists()


def test_load_demo_has_skolebruksplan_in_process():
    in_process = Plan.objects.in_process().filter(
        municipality__number="4601", title__icontains="skolebruksplan"
    )
    new_plan = in_process.get(status=PlanStatus.DRAFTING)
    assert new_plan.replaces.title == "Skolebruksplan"


def test_spor_oss_handlingsplan_implements_the_adopted_strategi():
    handlingsplan = Plan.objects.get(
        title__startswith="Spør oss! Handlingsplan", plan_type=PlanType.HANDLINGSPLAN
    )
    assert handlingsplan.implements.plan_type == PlanType.STRATEGI
    assert handlingsplan.implements.title.startswith("Spør oss! Strategi")
    assert handlingsplan.implements.is_in_force


def test_every_demo_plan_is_valid_with_a_dated_history_ending_in_its_status():
    for plan in Plan.objects.all():
        plan.full_clean()
        latest = plan.status_changes.order_by("-changed_on", "-id").first()
        assert latest.status == plan.status, plan.slug
    for number in ("4601", "3201"):
        assert (
            Plan.objects.in_force()
            .filter(municipality__number=number, plan_type=PlanType.KPS)
            .count()
            == 1
        )
    assert Plan.objects.filter(is_published=False).exists()


def test_running_load_demo_twice_gives_the_same_counts():
    first = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == first
    assert first["Plan"] > 0 and first["PlanStatusChange"] > first["Plan"]


def test_demo_users_come_only_when_asked_for_and_can_sign_in(client):
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="planlegger.bbs").exists()
    call_command("load_demo", "--with-users", verbosity=0)
    planner = get_user_model().objects.get(username="planlegger.bbs")
    assert planner.check_password("planportal-demo")
    assert planner.memberships.get().department.short_name == "BBS"


def test_bergens_planstrategi_2023_2027_is_late_and_baerums_is_not():
    municipalities = Municipality.objects.in_bulk(field_name="slug")
    late = late_planstrategier(
        [municipalities["bergen"].pk, municipalities["baerum"].pk], today=date(2026, 11, 30)
    )
    assert [(str(item.period.municipality), str(item.period)) for item in late] == [
        ("Bergen", "2023–2027")
    ]
    assert late[0].plan.slug == "bergen-planstrategi-2023-2027"

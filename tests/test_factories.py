"""The factories save through the services, so tests hold data a user could have made."""

import pytest
from django.core.exceptions import ValidationError

from hierarchy.models import NodeKind
from plans.models import PlanStatus
from tests.factories import (
    ConsultationFactory,
    GoalNodeFactory,
    MilestoneFactory,
    PlanFactory,
    UncheckedPlanFactory,
)

pytestmark = pytest.mark.django_db


def test_a_plan_from_the_factory_has_its_history_and_first_status(bbs):
    plan = PlanFactory(department=bbs, status=PlanStatus.DRAFTING)
    assert plan.history.count() == 1
    assert list(plan.status_changes.values_list("status", flat=True)) == [PlanStatus.DRAFTING]
    assert not UncheckedPlanFactory(department=bbs).status_changes.exists()


def test_the_factories_refuse_what_the_services_refuse(make_plan):
    plan = make_plan()
    with pytest.raises(ValidationError):
        make_plan(valid_from=2027, valid_to=2017)
    with pytest.raises(ValidationError):
        GoalNodeFactory(plan=plan, parent=None, kind=NodeKind.MAIN_GOAL)
    with pytest.raises(ValidationError):
        ConsultationFactory(plan=plan, deadline=plan.created_at.date().replace(year=2000))
    with pytest.raises(ValidationError):
        MilestoneFactory(plan=plan, completed_on=plan.created_at.date().replace(year=2999))

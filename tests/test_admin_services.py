"""The Django admin saves through the services: one history record per save, and the rules of
the model refused with their message, for plans, the goal tree and hearings."""

import datetime

import pytest

from consultations.models import Consultation
from hierarchy.models import NodeKind
from plans.models import Plan, PlanType, Sdg
from tests.factories import ConsultationFactory, GoalNodeFactory, ThemeFactory
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db


def test_changing_a_plans_themes_writes_one_history_record(admin_client, make_plan):
    plan = make_plan(title="Kulturplan")
    theme = ThemeFactory(name="Kultur")
    url = f"/admin/plans/plan/{plan.pk}/change/"
    before = plan.history.count()
    response = admin_client.post(url, admin_form_data(admin_client, url, themes=[theme.pk]))
    assert response.status_code == 302
    assert plan.history.count() == before + 1
    latest = plan.history.order_by("-history_id").first()
    assert [t.theme_id for t in latest.themes.all()] == [theme.pk]
    assert latest.history_user.is_superuser


def test_admin_refuses_a_broken_plan_rule_and_saves_nothing(admin_client, make_plan):
    plan = make_plan(title="Kulturplan", valid_from=2020, valid_to=2024)
    url = f"/admin/plans/plan/{plan.pk}/change/"
    before = plan.history.count()
    data = admin_form_data(admin_client, url, valid_from="2030", summary="Endret")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Gyldighetens sluttår kan ikke være før startåret." in response.content.decode()
    assert plan.history.count() == before
    assert Plan.objects.get(pk=plan.pk).summary != "Endret"


def test_changing_a_nodes_goals_in_the_admin_writes_one_history_record(admin_client, make_plan):
    kps = make_plan(title="Et nystemt Bergen", plan_type=PlanType.KPS)
    vision = GoalNodeFactory(plan=kps, kind=NodeKind.VISION, title="Et nystemt Bergen")
    goal = GoalNodeFactory(plan=kps, parent=vision, kind=NodeKind.MAIN_GOAL, title="Bergen")
    url = f"/admin/hierarchy/goalnode/{goal.pk}/change/"
    before = goal.history.count()
    sdgs = list(Sdg.objects.values_list("pk", flat=True)[:2])
    response = admin_client.post(url, admin_form_data(admin_client, url, sdgs=sdgs))
    assert response.status_code == 302
    assert goal.history.count() == before + 1
    assert sorted(goal.sdgs.values_list("pk", flat=True)) == sorted(sdgs)


def test_hearing_saved_in_the_admin_writes_one_history_record(admin_client, make_plan):
    hearing = ConsultationFactory(plan=make_plan(title="Kulturplan"))
    url = f"/admin/consultations/consultation/{hearing.pk}/change/"
    before = hearing.history.count()
    data = admin_form_data(admin_client, url, title="Ny tittel")
    data.update(
        {
            "documents-TOTAL_FORMS": "1",
            "documents-0-title": "Høringsutkast",
            "documents-0-url": "https://example.org/utkast.pdf",
            "documents-0-order": "0",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert hearing.history.count() == before + 1
    assert Consultation.objects.get(pk=hearing.pk).documents.get().title == "Høringsutkast"


def test_admin_refuses_a_hearing_that_ends_before_it_starts(admin_client, make_plan):
    hearing = ConsultationFactory(plan=make_plan(title="Kulturplan"))
    url = f"/admin/consultations/consultation/{hearing.pk}/change/"
    before = hearing.history.count()
    deadline = hearing.starts_on - datetime.timedelta(days=1)
    response = admin_client.post(
        url, admin_form_data(admin_client, url, deadline=deadline.isoformat())
    )
    assert response.status_code == 200
    assert "Høringsfristen kan ikke være før høringen starter." in response.content.decode()
    assert hearing.history.count() == before

"""A change to a plan, a milestone, a goal node or a hearing shows on the kept public page at
once, whichever way it is made: a service (the workspace forms), the admin, a bulk update, the
demo loader. And every table the pages read has the trigger that makes it so."""

import pytest
from django.core.management import call_command
from django.db import connection

from consultations.services import consultation_save, milestone_save
from hierarchy.models import GoalNode
from hierarchy.services import node_move, node_save
from planportal.data_version import TRIGGER, content_tables
from plans.models import Plan
from plans.services import plan_save
from tests.factories import MilestoneFactory
from tests.helpers import add, admin_form_data, open_hearing

pytestmark = pytest.mark.django_db


def shows(client, path, text):
    response = client.get(path)
    assert response.status_code == 200
    return text in response.content.decode()


def test_a_plan_changed_by_the_service(client, make_plan):
    plan = make_plan(title="Skolebruksplan")
    assert shows(client, "/planer/", "Skolebruksplan")
    plan.title = "Kulturplan"
    plan_save(plan=plan)
    assert shows(client, "/planer/", "Kulturplan")


def test_a_plan_changed_in_the_admin(client, admin_client, make_plan):
    plan = make_plan(title="Skolebruksplan")
    assert shows(client, plan.get_absolute_url(), "Skolebruksplan")
    url = f"/admin/plans/plan/{plan.pk}/change/"
    response = admin_client.post(url, admin_form_data(admin_client, url, title="Kulturplan"))
    assert response.status_code == 302
    assert shows(client, plan.get_absolute_url(), "Kulturplan")


def test_a_plan_changed_by_a_bulk_update(client, make_plan):
    make_plan(title="Skolebruksplan")
    assert shows(client, "/planer/", "Skolebruksplan")
    Plan.objects.update(title="Kulturplan")
    assert shows(client, "/planer/", "Kulturplan")


def test_a_milestone_saved_by_the_service(client, make_plan):
    plan = make_plan(title="Skolebruksplan")
    milestone = MilestoneFactory(plan=plan, title="Oppstart")
    assert shows(client, plan.get_absolute_url(), "Oppstart")
    milestone.title = "Politisk behandling i bystyret"
    milestone_save(milestone=milestone)
    assert shows(client, plan.get_absolute_url(), "Politisk behandling i bystyret")


def test_a_goal_node_saved_and_moved_by_the_services(client, vision):
    first = add(vision.plan, vision, title="Et grønnere Bergen")
    second = add(vision.plan, vision, title="En aktiv by")
    measure_page = first.get_absolute_url()
    assert shows(client, "/mal/", "Et grønnere Bergen")
    first.title = "En klimavennlig by"
    node_save(node=first)
    assert shows(client, "/mal/", "En klimavennlig by")
    child = add(vision.plan, first, title="Flere sykkelveier")
    assert shows(client, child.get_absolute_url(), "En klimavennlig by")
    node_move(node=child, target=second)
    assert shows(client, child.get_absolute_url(), "En aktiv by")
    assert shows(client, measure_page, "En klimavennlig by")


def test_a_goal_node_changed_in_the_admin(client, admin_client, vision):
    goal = add(vision.plan, vision, title="Et grønnere Bergen")
    assert shows(client, goal.get_absolute_url(), "Et grønnere Bergen")
    url = f"/admin/hierarchy/goalnode/{goal.pk}/change/"
    data = admin_form_data(admin_client, url, title="En klimavennlig by")
    assert admin_client.post(url, data).status_code == 302
    assert GoalNode.objects.get(pk=goal.pk).title == "En klimavennlig by"
    assert shows(client, goal.get_absolute_url(), "En klimavennlig by")


def test_a_hearing_saved_by_the_service_and_in_the_admin(client, admin_client, make_plan):
    hearing = open_hearing(make_plan(title="Skolebruksplan"), title="Høring av skolebruksplan")
    assert shows(client, "/horinger/", "Høring av skolebruksplan")
    hearing.title = "Offentlig ettersyn av skolebruksplan"
    consultation_save(consultation=hearing)
    assert shows(client, "/horinger/", "Offentlig ettersyn av skolebruksplan")
    url = f"/admin/consultations/consultation/{hearing.pk}/change/"
    data = admin_form_data(admin_client, url, title="Andre gangs høring")
    assert admin_client.post(url, data).status_code == 302
    assert shows(client, hearing.get_absolute_url(), "Andre gangs høring")


def test_the_demo_loader(client):
    assert not shows(client, "/planer/", "Sammen skaper vi fremtiden")
    call_command("load_demo", verbosity=0)
    assert shows(client, "/planer/", "Sammen skaper vi fremtiden")


def installed_triggers():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT event_object_table FROM information_schema.triggers "
                "WHERE trigger_name LIKE %s",
                [f"{TRIGGER}%"],
            )
            return {row[0] for row in cursor.fetchall()}
        cursor.execute(
            "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
            [f"{TRIGGER}_%"],
        )
        return {row[0] for row in cursor.fetchall()}


def test_every_table_the_pages_read_has_the_trigger():
    tables = set(content_tables())
    assert {"plans_plan", "hierarchy_goalnode", "consultations_milestone"} <= tables
    assert "plans_plan_sdgs" in tables  # the many-to-many tables too
    assert not any(table.startswith("plans_historical") for table in tables)
    assert installed_triggers() >= tables

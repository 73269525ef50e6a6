"""The permission matrix: role × action × own/other department × published/draft.

Every view that shows a draft or changes data is tried by every role against plans of the
role's own department, another department of the same municipality and another municipality,
both published and draft. The table of what each role may do is the specification.
"""

import pytest

from plans.models import Membership, Plan, Role
from tests.factories import DepartmentFactory, MunicipalityFactory, PlanFactory, UserFactory
from tests.plans.workspace_helpers import plan_form_data

pytestmark = pytest.mark.django_db

TARGETS = ["own", "other_department", "other_municipality"]

# Which targets each role may change, and which drafts it may read without changing.
MAY_CHANGE = {
    "anonymous": set(),
    "no_role": set(),
    "planner": {"own"},
    "coordinator": {"own", "other_department"},
    "politician": set(),
    "admin": set(TARGETS),
}
MAY_RESTORE = {"coordinator": {"own", "other_department"}, "admin": set(TARGETS)}
# Publishing is the coordinator's act (DESIGN.md); planners edit drafts and published plans.
MAY_PUBLISH = MAY_RESTORE
# Politicians read drafts shared with politicians in their municipality; these drafts are shared.
MAY_READ_SHARED_DRAFT = {"politician": {"own", "other_department"}}


@pytest.fixture
def world(bbs):
    other_department = DepartmentFactory(municipality=bbs.municipality)
    other_municipality = DepartmentFactory(municipality=MunicipalityFactory())
    departments = {
        "own": bbs,
        "other_department": other_department,
        "other_municipality": other_municipality,
    }
    users = {"anonymous": None, "no_role": UserFactory(username="uten-rolle")}
    for role in (Role.PLANNER, Role.COORDINATOR, Role.POLITICIAN):
        users[role.value] = UserFactory(username=role.value)
        Membership.objects.create(user=users[role.value], department=bbs, role=role)
    users["admin"] = UserFactory(username="admin", is_superuser=True, is_staff=True)
    return departments, users


def make_target(departments, target, published):
    return PlanFactory(
        department=departments[target],
        title=f"Plan {target} {'publisert' if published else 'utkast'}",
        is_published=published,
        shared_with_politicians=True,
        contact_name="Plankontoret",
    )


def expected_status(role, target, published, action):
    can_change = target in MAY_CHANGE[role]
    can_read = published or can_change or target in MAY_READ_SHARED_DRAFT.get(role, set())
    if action == "view":
        return 200 if can_read else 404
    if role == "anonymous":
        return 302  # to the sign-in page
    if role in ("no_role",):
        return 403  # not a member of any department: no workspace at all
    if action == "history":
        readable_notes = can_change or role == "politician" and target != "other_municipality"
        return 200 if can_read and readable_notes else 404
    if not can_read:
        return 404
    if action == "restore":
        return 302 if target in MAY_RESTORE.get(role, set()) else 403
    if action in ("publish", "unpublish"):
        return 302 if target in MAY_PUBLISH.get(role, set()) else 403
    if not can_change:
        return 403
    return 200 if action == "edit_get" else 302


def request(client, action, plan):
    base = f"/arbeidsflate/planer/{plan.slug}"
    if action == "view":
        return client.get(plan.get_absolute_url())
    if action == "edit_get":
        return client.get(f"{base}/")
    if action == "edit_post":
        return client.post(f"{base}/", plan_form_data(plan, summary="Endret av noen."))
    if action == "publish":
        return client.post(f"{base}/publiser/")
    if action == "unpublish":
        return client.post(f"{base}/avpubliser/")
    if action == "history":
        return client.get(f"{base}/historikk/")
    if action == "restore":
        record = plan.history.order_by("history_id").first()
        return client.post(f"{base}/historikk/{record.history_id}/gjenopprett/")
    raise AssertionError(action)


ACTIONS = ["view", "edit_get", "edit_post", "publish", "unpublish", "history", "restore"]


@pytest.mark.parametrize("published", [True, False], ids=["published", "draft"])
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("role", list(MAY_CHANGE))
def test_permission_matrix(client, world, role, target, published):
    departments, users = world
    if users[role] is not None:
        client.force_login(users[role])
    failures = []
    for action in ACTIONS:
        plan = make_target(departments, target, published)
        before = Plan.objects.filter(pk=plan.pk).values().get()
        response = request(client, action, plan)
        expected = expected_status(role, target, published, action)
        if response.status_code != expected:
            failures.append(f"{action}: got {response.status_code}, expected {expected}")
        changed = Plan.objects.filter(pk=plan.pk).values().get() != before
        if changed and expected != 302:
            failures.append(f"{action}: the plan changed although it was refused")
        if role == "anonymous" and action != "view":
            assert response["Location"].startswith("/logg-inn/?next=")
    assert not failures, failures


@pytest.mark.parametrize("role", list(MAY_CHANGE))
def test_create_plan_matrix(client, world, role):
    departments, users = world
    if users[role] is not None:
        client.force_login(users[role])
    for target in TARGETS:
        data = plan_form_data(title=f"Ny plan {target}", department=departments[target].pk)
        data.update(plan_type="temaplan", status="planned")
        response = client.post("/arbeidsflate/planer/ny/", data)
        created = Plan.objects.filter(title=f"Ny plan {target}").exists()
        allowed = target in MAY_CHANGE[role]
        assert created == allowed, (role, target, response.status_code)
        if role == "anonymous":
            assert response.status_code == 302 and not created
        elif role in ("no_role", "politician"):
            assert response.status_code == 403


def test_politician_reads_internal_notes_and_shared_drafts_only(client, world):
    departments, users = world
    shared = PlanFactory(
        department=departments["own"],
        is_published=False,
        shared_with_politicians=True,
        internal_note="Forsinket til våren.",
    )
    hidden = PlanFactory(department=departments["own"], is_published=False)
    client.force_login(users["politician"])
    html = client.get(shared.get_absolute_url()).content.decode()
    assert "Forsinket til våren." in html
    assert "Utkast" in html
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_public_never_sees_internal_notes(client, make_plan):
    plan = make_plan(internal_note="Intern: budsjettet er usikkert.")
    assert "budsjettet er usikkert" not in client.get(plan.get_absolute_url()).content.decode()


def test_politician_workspace_lists_the_drafts_shared_with_politicians(client, world):
    departments, users = world
    PlanFactory(
        department=departments["own"],
        title="Delt utkast",
        is_published=False,
        shared_with_politicians=True,
    )
    PlanFactory(department=departments["own"], title="Hemmelig utkast", is_published=False)
    PlanFactory(
        department=departments["other_municipality"],
        title="Annen kommune",
        is_published=False,
        shared_with_politicians=True,
    )
    client.force_login(users["politician"])
    html = client.get("/arbeidsflate/").content.decode()
    assert "Delt utkast" in html
    assert "Hemmelig utkast" not in html and "Annen kommune" not in html
    assert "Ny plan" not in html

"""The plan form offers only plans the editor may read, and refuses a save that does not say
which version it started from."""

import pytest

from plans.models import Membership, Plan, PlanType, Role
from tests.factories import DepartmentFactory, UserFactory
from tests.plans.workspace_helpers import plan_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def planner_client(client, bbs):
    user = UserFactory(username="kari")
    Membership.objects.create(user=user, department=bbs, role=Role.PLANNER)
    client.force_login(user)
    return client


@pytest.fixture
def other_departments_draft(bergen):
    culture = DepartmentFactory(municipality=bergen, name="Kultur", short_name="KUL")
    return Plan.objects.create(
        title="Hemmelig kulturstrategi",
        slug="hemmelig-kulturstrategi",
        department=culture,
        municipality=bergen,
        plan_type=PlanType.STRATEGI,
        is_published=False,
    )


def choices(response, name):
    return [label for _value, label in response.context["form"].fields[name].choices]


@pytest.mark.parametrize("page", ["new", "edit"])
def test_plan_form_offers_no_other_departments_drafts(
    planner_client, make_plan, other_departments_draft, page
):
    own = make_plan(title="Skolebruksplan")
    make_plan(title="Egen kladd", is_published=False)
    url = "/arbeidsflate/planer/ny/" if page == "new" else f"/arbeidsflate/planer/{own.slug}/"
    make_plan(title="Publisert strategi", department=other_departments_draft.department)
    response = planner_client.get(url)

    assert response.status_code == 200
    assert "Hemmelig kulturstrategi" not in response.content.decode()
    for name in ("replaces", "implements"):
        offered = choices(response, name)
        assert "Publisert strategi" in offered
        assert "Egen kladd" in offered
        assert "Hemmelig kulturstrategi" not in offered


@pytest.mark.parametrize("field", ["replaces", "implements"])
def test_a_link_to_an_unreadable_draft_is_refused(
    planner_client, make_plan, other_departments_draft, field
):
    target = make_plan(title="Skolestrategi", plan_type=PlanType.STRATEGI)
    plan = make_plan(title="Handlingsplan", plan_type=PlanType.HANDLINGSPLAN, implements=target)
    data = plan_form_data(plan, **{field: other_departments_draft.pk})
    response = planner_client.post(f"/arbeidsflate/planer/{plan.slug}/", data)

    assert response.status_code == 200
    assert "Velg et gyldig valg" in str(response.context["form"].errors[field])
    plan.refresh_from_db()
    assert getattr(plan, f"{field}_id") != other_departments_draft.pk


def test_a_link_someone_else_made_stays_when_saving(
    planner_client, make_plan, other_departments_draft
):
    plan = make_plan(title="Skolebruksplan", replaces=other_departments_draft)
    data = plan_form_data(plan, summary="Ny tekst.")
    response = planner_client.post(f"/arbeidsflate/planer/{plan.slug}/", data)

    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.summary, plan.replaces_id) == ("Ny tekst.", other_departments_draft.pk)


@pytest.mark.parametrize("version", [None, "", "abc", "²"])
def test_a_save_without_the_version_is_refused_as_stale(planner_client, make_plan, version):
    plan = make_plan(title="Skolebruksplan", summary="Kari skrev dette.")
    data = plan_form_data(plan, summary="Overskrevet uten versjon.")
    if version is None:
        del data["base_version"]
    else:
        data["base_version"] = version
    response = planner_client.post(f"/arbeidsflate/planer/{plan.slug}/", data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Endringene er ikke lagret" in html
    assert "hvilken versjon av planen du startet fra" in html
    plan.refresh_from_db()
    assert (plan.summary, plan.version) == ("Kari skrev dette.", 1)
    # The form now carries the version, so saving again after a look goes through.
    assert response.context["form"]["base_version"].value() == 1
    retry = dict(data, base_version=1)
    assert planner_client.post(f"/arbeidsflate/planer/{plan.slug}/", retry).status_code == 302
    plan.refresh_from_db()
    assert plan.summary == "Overskrevet uten versjon."


def test_a_new_plan_needs_no_version(planner_client, bbs):
    data = plan_form_data(title="Rammeplan for SFO", department=bbs.pk, plan_type="temaplan")
    data["status"] = "started"
    del data["base_version"]
    response = planner_client.post("/arbeidsflate/planer/ny/", data)
    assert response.status_code == 302
    assert Plan.objects.filter(title="Rammeplan for SFO").exists()

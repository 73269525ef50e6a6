"""The API shows what the public pages show and nothing more: never an unpublished plan or
anything of one, never an internal note, never a person who sent input or edited a plan.
Every list is read to its last page, every plan's parts and every municipality's tree."""

import pytest

from consultations.models import SubmissionState
from hierarchy.models import NodeKind
from plans.models import PlanStatus, PlanType, Role
from plans.services import plan_save
from tests.factories import MilestoneFactory, SubmissionFactory
from tests.helpers import add, member, open_hearing

from .conftest import get

pytestmark = pytest.mark.django_db

SECRETS = [
    "Hemmelig utkast",
    "hemmelig-utkast",
    "Utkastets mål",
    "Utkastets milepæl",
    "Utkastets høring",
    "Intern merknad om budsjettet",
    "Rigmor Innsender",
    "rigmor@privat-epost.example",
    "Teksten i innspillet",
    "kari.planlegger",
    "kari@kommune.example",
]


@pytest.fixture
def register(kps, vision, make_plan, bbs):
    planner = member("kari.planlegger", bbs, Role.PLANNER)
    planner.email = "kari@kommune.example"
    planner.save()
    published = make_plan(title="Skolebruksplan", slug="skolebruksplan", status=PlanStatus.DRAFTING)
    published.internal_note = "Intern merknad om budsjettet"
    plan_save(plan=published, user=planner, status_note="Endret av Kari")
    hearing = open_hearing(published, title="Høring av skolebruksplanen")
    for state in SubmissionState:
        SubmissionFactory(
            consultation=hearing,
            name="Rigmor Innsender",
            email="rigmor@privat-epost.example",
            text="Teksten i innspillet",
            state=state,
            hidden_reason="Personopplysninger" if state == SubmissionState.HIDDEN else "",
        )
    MilestoneFactory(plan=published, title="Oppstart")
    draft = make_plan(
        title="Hemmelig utkast",
        slug="hemmelig-utkast",
        plan_type=PlanType.TEMAPLAN,
        status=PlanStatus.DRAFTING,
    )
    add(draft, vision, NodeKind.GOAL, "Utkastets mål")
    MilestoneFactory(plan=draft, title="Utkastets milepæl")
    open_hearing(draft, title="Utkastets høring")
    draft.is_published = False
    plan_save(plan=draft)
    return {"published": published, "draft": draft}


def every_answer(client):
    """The text of every answer of the API to an anonymous reader, every page of every list."""
    index = get(client, "").json()
    addresses = list(index["resources"].values())
    texts = []
    while addresses:
        response = client.get(addresses.pop())
        assert response.status_code == 200, response.content
        data = response.json()
        texts.append(response.content.decode())
        if data.get("next"):
            addresses.append(data["next"])
        for item in data.get("results", []):
            if "plan_type" in item:
                addresses += [
                    f"{item['url'].replace('/planer/', '/api/v1/plans/')}{part}"
                    for part in ("", "milestones/", "hearings/")
                ]
            if set(item) == {"slug", "name", "number"}:
                addresses.append(
                    f"http://testserver/api/v1/municipalities/{item['slug']}/goal-tree/"
                )
    return texts


@pytest.mark.parametrize("viewer", ["anonymous", "coordinator"])
def test_no_unpublished_plan_internal_note_or_person_in_any_answer(client, register, bbs, viewer):
    if viewer == "coordinator":
        # Signed in or not, the API answers with the public's data.
        client.force_login(member("koordinator", bbs, Role.COORDINATOR))
    texts = every_answer(client)
    # What is public is there: the plan, its hearing and timeline, the tree.
    for shown in ["Skolebruksplan", "Høring av skolebruksplanen", "Oppstart", '"roots"']:
        assert any(shown in text for text in texts), shown
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, secret


def test_the_draft_is_in_no_filter_either(client, register):
    for query in ["status=drafting", "q=Hemmelig", "type=temaplan", "sorter=-updated"]:
        assert "Hemmelig" not in get(client, f"plans/?{query}").content.decode(), query

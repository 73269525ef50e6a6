"""A standing fuzz test of the workspace forms: random dates from year 1 to 9999, text with
control characters and unusual Unicode, empty and over-long values. Every answer is a redirect
(saved) or the form again with its errors, never a 500; and the public pages and feeds still
answer afterwards, whatever was saved."""

from datetime import date

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hierarchy.models import NodeKind
from plans.models import Plan, PlanStatus, PlanType, Role
from tests.consultations.page_helpers import consultation_form_data, milestone_form_data
from tests.helpers import member
from tests.hierarchy.editing_helpers import add, node_form_data
from tests.plans.workspace_helpers import plan_form_data

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Every character a browser can send (no lone surrogates, which UTF-8 cannot carry), with the
# controls a word processor pastes drawn more often.
CHARACTERS = st.one_of(
    st.characters(exclude_categories=["Cs"]),
    st.sampled_from("\x00\x0b\x0c\x1f\x7f\x85\u2028\u200b\u202e\ufeff\ufffe\uffff"),
)
TEXT = st.one_of(
    st.just(""),
    st.text(CHARACTERS, max_size=40),
    st.text(CHARACTERS, min_size=250, max_size=320),
)
DATE = st.one_of(
    st.just(""),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.sampled_from(["9999-12-31", "0001-01-01", "31.12.9999", "2025-02-30", "i morgen"]),
)
YEAR = st.one_of(st.just(""), st.integers(min_value=-5, max_value=99999).map(str))
PUBLIC_PAGES = [
    "/",
    "/planer/",
    "/horinger/",
    "/fremdrift/",
    "/mal/",
    "/horinger/kalender.ics",
    "/horinger/nye.atom",
]


@pytest.fixture
def world(bbs, make_plan):
    kps = make_plan(title="Et nystemt Bergen", plan_type=PlanType.KPS, status=PlanStatus.ADOPTED)
    vision = add(kps, None, NodeKind.VISION, "Et nystemt Bergen")
    goal = add(kps, add(kps, vision, NodeKind.MAIN_GOAL, "Bergen for alle"), NodeKind.GOAL, "Mål")
    plan = make_plan(title="Skolebruksplan", slug="skolebruksplan", status=PlanStatus.DRAFTING)
    client = Client(raise_request_exception=False)
    client.force_login(member("koordinator", bbs, Role.COORDINATOR))
    return {"plan": plan, "goal": goal, "client": client}


def answered_sensibly(response):
    html = response.content.decode()
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200:
        assert "ds-error-summary" in html or "conflict" in html, "a 200 without errors"


def public_pages_answer(client, plan):
    for url in [*PUBLIC_PAGES, f"/planer/{plan.slug}/", f"/planer/{plan.slug}/kalender.ics"]:
        assert client.get(url).status_code == 200, url


@FUZZ
@given(title=TEXT, summary=TEXT, valid_from=YEAR, valid_to=YEAR, adopted_on=DATE, due=DATE)
def test_the_plan_form(world, title, summary, valid_from, valid_to, adopted_on, due):
    plan = Plan.objects.get(pk=world["plan"].pk)
    data = plan_form_data(
        plan,
        title=title,
        summary=summary,
        valid_from=valid_from,
        valid_to=valid_to,
        adopted_on=adopted_on,
        next_revision_due=due,
        contact_name=summary[:250],
    )
    answered_sensibly(world["client"].post(f"/arbeidsflate/planer/{plan.slug}/", data))
    public_pages_answer(Client(), plan)


@FUZZ
@given(
    title=TEXT,
    body=TEXT,
    start=DATE,
    end=DATE,
    done=DATE,
    precision=st.sampled_from(["day", "week", "month", "quarter", "year"]),
)
def test_the_milestone_form(world, title, body, start, end, done, precision):
    plan = world["plan"]
    data = milestone_form_data(
        kind="political",
        title=title,
        body=body,
        planned_start=start,
        planned_end=end,
        completed_on=done,
        precision=precision,
    )
    url = f"/arbeidsflate/planer/{plan.slug}/milepaeler/ny/"
    answered_sensibly(world["client"].post(url, data))
    public_pages_answer(Client(), plan)


@FUZZ
@given(
    title=TEXT,
    summary=TEXT,
    start=DATE,
    deadline=DATE,
    meeting=DATE,
    kind=st.sampled_from(["other", "planprogram", "planforslag", "planstrategi"]),
)
def test_the_hearing_form(world, title, summary, start, deadline, meeting, kind):
    plan = world["plan"]
    data = consultation_form_data(
        kind=kind,
        title=title,
        summary=summary,
        contact_name=title,
        starts_on=start,
        deadline=deadline,
        council_meeting_on=meeting,
    )
    url = f"/arbeidsflate/planer/{plan.slug}/horinger/ny/"
    answered_sensibly(world["client"].post(url, data))
    public_pages_answer(Client(), plan)


@FUZZ
@given(title=TEXT, description=TEXT, start=YEAR, end=YEAR, progress=YEAR)
def test_the_goal_node_form(world, title, description, start, end, progress):
    plan, goal = world["plan"], world["goal"]
    data = node_form_data(
        kind=NodeKind.MEASURE,
        title=title,
        description=description,
        start_year=start,
        end_year=end,
        progress=progress,
        status="ongoing",
    )
    url = f"/arbeidsflate/mal/plan/{plan.slug}/ny/?under={goal.pk}"
    answered_sensibly(world["client"].post(url, data))
    public_pages_answer(Client(), plan)

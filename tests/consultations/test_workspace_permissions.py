"""The timeline workspace's permission matrix: every page and action of
consultations/workspace_urls.py × role × published, draft or draft shared with politicians.

Whoever may change the plan (its department's planners, the municipality's coordinators, the
administrator) may use them. Anonymous users are sent to sign in, users without a role get 403,
a plan the user may not read is 404, and one they may read but not change 403. Every refused
request leaves milestones, hearings, documents and input exactly as they were.
"""

import pytest
from django.urls import reverse

from consultations import workspace_urls
from plans.models import PlanStatus, Role
from tests.consultations.page_helpers import (
    consultation_form_data,
    milestone_form_data,
    snapshot,
    stored_pdf,
)
from tests.factories import (
    DepartmentFactory,
    MilestoneFactory,
    MunicipalityFactory,
    PlanFactory,
    SubmissionFactory,
    UserFactory,
)
from tests.helpers import day, hearing, member

pytestmark = pytest.mark.django_db

ALLOWED = {"planner", "coordinator", "admin"}
ROLES = [
    "anonymous",
    "no_role",
    "planner",
    "planner_other_department",
    "coordinator",
    "coordinator_other_municipality",
    "politician",
    "admin",
]
VISIBILITIES = ["published", "draft", "shared_draft"]


@pytest.fixture
def users(bbs):
    other_department = DepartmentFactory(municipality=bbs.municipality)
    elsewhere = DepartmentFactory(municipality=MunicipalityFactory(name="Askøy"))
    users = {"anonymous": None, "no_role": UserFactory(username="uten-rolle")}
    for name, role, department in [
        ("planner", Role.PLANNER, bbs),
        ("planner_other_department", Role.PLANNER, other_department),
        ("coordinator", Role.COORDINATOR, other_department),
        ("coordinator_other_municipality", Role.COORDINATOR, elsewhere),
        ("politician", Role.POLITICIAN, bbs),
    ]:
        users[name] = member(name, department, role)
    users["admin"] = UserFactory(username="admin", is_superuser=True, is_staff=True)
    return users


class Target:
    """A plan of BBS with a milestone, a hearing without input and one with input."""

    def __init__(self, department, visibility):
        self.plan = PlanFactory(
            department=department,
            status=PlanStatus.DRAFTING,
            is_published=visibility == "published",
            shared_with_politicians=visibility == "shared_draft",
        )
        self.milestone = MilestoneFactory(plan=self.plan, title="Milepæl", planned_start=day(20))
        self.empty_hearing = hearing(self.plan, 30, 42, title="Høring uten innspill")
        self.hearing = hearing(self.plan, -5, 15, title=f"Høring med innspill {self.plan.pk}")
        self.submission = SubmissionFactory(
            consultation=self.hearing,
            attachment=stored_pdf(),
            attachment_type="pdf",
            attachment_name="vedlegg.pdf",
        )


def url(name, **kwargs):
    return reverse(f"timeline-workspace:{name}", kwargs=kwargs)


# (URL name, method, request) for every page and action.
ACTIONS = [
    ("plan-timeline", "get", lambda c, t: c.get(url("plan-timeline", slug=t.plan.slug))),
    ("milestone-create", "get", lambda c, t: c.get(url("milestone-create", slug=t.plan.slug))),
    (
        "milestone-create",
        "post",
        lambda c, t: c.post(url("milestone-create", slug=t.plan.slug), milestone_form_data()),
    ),
    ("milestone-edit", "get", lambda c, t: c.get(url("milestone-edit", pk=t.milestone.pk))),
    (
        "milestone-edit",
        "post",
        lambda c, t: c.post(
            url("milestone-edit", pk=t.milestone.pk),
            milestone_form_data(t.milestone, title="Endret"),
        ),
    ),
    ("milestone-delete", "get", lambda c, t: c.get(url("milestone-delete", pk=t.milestone.pk))),
    ("milestone-delete", "post", lambda c, t: c.post(url("milestone-delete", pk=t.milestone.pk))),
    (
        "consultation-create",
        "get",
        lambda c, t: c.get(url("consultation-create", slug=t.plan.slug)),
    ),
    (
        "consultation-create",
        "post",
        lambda c, t: c.post(
            url("consultation-create", slug=t.plan.slug),
            consultation_form_data(documents=[("Utkast", "https://example.org/u")]),
        ),
    ),
    (
        "consultation-edit",
        "get",
        lambda c, t: c.get(url("consultation-edit", pk=t.empty_hearing.pk)),
    ),
    (
        "consultation-edit",
        "post",
        lambda c, t: c.post(
            url("consultation-edit", pk=t.empty_hearing.pk),
            consultation_form_data(t.empty_hearing, title="Endret"),
        ),
    ),
    (
        "consultation-delete",
        "get",
        lambda c, t: c.get(url("consultation-delete", pk=t.empty_hearing.pk)),
    ),
    (
        "consultation-delete",
        "post",
        lambda c, t: c.post(url("consultation-delete", pk=t.empty_hearing.pk)),
    ),
    ("submissions", "get", lambda c, t: c.get(url("submissions", pk=t.hearing.pk))),
    ("moderation", "get", lambda c, t: c.get(url("moderation"))),
    (
        "submission-publish",
        "post",
        lambda c, t: c.post(url("submission-publish", pk=t.submission.pk)),
    ),
    (
        "submission-hide",
        "post",
        lambda c, t: c.post(url("submission-hide", pk=t.submission.pk), {"reason": "Støtende"}),
    ),
    (
        "submission-handled",
        "post",
        lambda c, t: c.post(url("submission-handled", pk=t.submission.pk), {"response": "Ok"}),
    ),
    (
        "submission-anonymise",
        "post",
        lambda c, t: c.post(url("submission-anonymise", pk=t.submission.pk)),
    ),
    (
        "submission-attachment",
        "get",
        lambda c, t: c.get(url("submission-attachment", pk=t.submission.pk)),
    ),
]


def test_the_matrix_covers_every_workspace_url():
    names = {pattern.name for pattern in workspace_urls.urlpatterns}
    assert {name for name, _method, _request in ACTIONS} == names


def may_read(role, visibility):
    if role in ALLOWED or visibility == "published":
        return True
    return role == "politician" and visibility == "shared_draft"


def expected_status(role, visibility, name, method):
    if role == "anonymous":
        return 302  # to the sign-in page
    if role == "no_role":
        return 403  # a member of no department: no workspace at all
    if name == "moderation":
        return 200  # everyone's own list; what is on it is checked below
    if role not in ALLOWED:
        return 403 if may_read(role, visibility) else 404
    return 200 if method == "get" else 302


@pytest.mark.parametrize("visibility", VISIBILITIES)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, users, bbs, role, visibility):
    if users[role] is not None:
        client.force_login(users[role])
    failures = []
    target = None
    for name, method, send in ACTIONS:
        # A fresh plan after any change, so every action meets the same objects.
        if target is None:
            target = Target(bbs, visibility)
        before = snapshot()
        response = send(client, target)
        action = f"{method} {name}"
        expected = expected_status(role, visibility, name, method)
        if response.status_code != expected:
            failures.append(f"{action}: got {response.status_code}, expected {expected}")
        changed = snapshot() != before
        if changed:
            target = None
        should_change = method == "post" and expected == 302 and role != "anonymous"
        if changed != should_change:
            failures.append(f"{action}: the database {'changed' if changed else 'did not change'}")
        if role == "anonymous" and not response["Location"].startswith("/logg-inn/?next="):
            failures.append(f"{action}: redirected to {response['Location']}")
        if name == "moderation" and expected == 200:
            listed = "Høring med innspill" in response.content.decode()
            if listed != (role in ALLOWED):
                failures.append(f"{action}: the hearing is {'' if listed else 'not '}listed")
        if expected in (403, 404):
            body = response.content
            if b"@example.no" in body or b"%PDF" in body:
                failures.append(f"{action}: a refusal shows the input")
    assert not failures, failures

"""Moderation order and safety, retention from the decision the input was given to, and rules
that close gaps: a planstrategi is heard as a planstrategi; periods are snapped before checked."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.test import TestCase

from consultations.models import Consultation, Milestone, Submission
from consultations.services import consultation_save, submissions_due_for_anonymisation
from plans.models import PlanStatus, PlanStatusChange, PlanType, Role
from plans.services import plan_change_status
from tests.consultations.page_helpers import stored_pdf
from tests.factories import ConsultationFactory, SubmissionFactory
from tests.helpers import day, member, open_hearing

pytestmark = pytest.mark.django_db


@pytest.fixture
def planner_client(client, bbs):
    client.force_login(member("kari", bbs, Role.PLANNER))
    return client


def test_input_waiting_for_review_comes_first(planner_client, make_plan):
    hearing = open_hearing(make_plan(status=PlanStatus.HEARING))
    for name, state in [
        ("Per Publ", "published"),
        ("Siv Skjul", "hidden"),
        ("Vera Vent", "received"),
    ]:
        SubmissionFactory(consultation=hearing, name=name, state=state, hidden_reason="x")
    html = planner_client.get(f"/arbeidsflate/horinger/{hearing.pk}/innspill/").content.decode()
    assert html.index("Vera Vent") < html.index("Per Publ") < html.index("Siv Skjul")


def test_a_too_long_response_is_refused_and_nothing_is_marked(planner_client, make_plan):
    hearing = open_hearing(make_plan(status=PlanStatus.HEARING))
    submission = SubmissionFactory(consultation=hearing, response="Første svar")
    response = planner_client.post(
        f"/arbeidsflate/innspill/{submission.pk}/behandlet/", {"response": "x" * 2001}, follow=True
    )
    submission.refresh_from_db()
    assert (submission.response, submission.handled_at) == ("Første svar", None)
    assert "2000" in response.content.decode()


def test_deleting_input_deletes_its_file_after_commit(make_plan):
    hearing = open_hearing(make_plan(status=PlanStatus.HEARING))
    submission = SubmissionFactory(consultation=hearing, attachment=stored_pdf())
    name = submission.attachment.name
    with TestCase.captureOnCommitCallbacks(execute=True):
        Submission.objects.filter(pk=submission.pk).delete()
    assert not default_storage.exists(name)


def test_retention_counts_from_the_first_adoption_after_the_deadline(make_plan):
    plan = make_plan(status=PlanStatus.ADOPTED, adopted_on=day(-10))
    hearing = ConsultationFactory(plan=plan, starts_on=day(-400), deadline=day(-358))
    submission = SubmissionFactory(consultation=hearing)
    PlanStatusChange.objects.create(plan=plan, status="adopted", changed_on=day(-300))
    assert submissions_due_for_anonymisation() == [submission]


def test_input_to_plan_work_that_was_stopped_is_anonymised_too(make_plan):
    plan = make_plan(status=PlanStatus.DRAFTING)
    hearing = ConsultationFactory(plan=plan, starts_on=day(-400), deadline=day(-358))
    submission = SubmissionFactory(consultation=hearing)
    plan_change_status(plan=plan, status=PlanStatus.EXPIRED, on=day(-300))
    assert submissions_due_for_anonymisation() == [submission]


def test_input_to_plan_work_still_going_on_is_kept(make_plan):
    plan = make_plan(status=PlanStatus.DRAFTING)
    hearing = ConsultationFactory(plan=plan, starts_on=day(-800), deadline=day(-700))
    SubmissionFactory(consultation=hearing)
    assert submissions_due_for_anonymisation() == []


def test_a_planstrategi_is_heard_only_as_a_planstrategi(make_plan):
    plan = make_plan(plan_type=PlanType.PLANSTRATEGI, status=PlanStatus.DRAFTING)
    hearing = Consultation(
        plan=plan, kind="planforslag", title="Kort", starts_on=day(5), deadline=day(9)
    )
    with pytest.raises(ValidationError) as refused:
        consultation_save(consultation=hearing)
    assert "§ 10-1" in str(refused.value)
    assert not Consultation.objects.exists()


def test_an_end_earlier_in_the_same_week_is_that_week(make_plan):
    milestone = Milestone(
        plan=make_plan(),
        kind="other",
        planned_start=date(2026, 11, 18),  # a Wednesday
        planned_end=date(2026, 11, 16),  # the Monday before
        precision="week",
    )
    milestone.full_clean()
    assert (milestone.planned_start, milestone.planned_end) == (
        date(2026, 11, 16),
        date(2026, 11, 22),
    )

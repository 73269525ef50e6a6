"""``manage.py anonymize_submissions``: personal data is removed from hearing input once the
plan that concluded the hearing has been adopted longer ago than the municipality keeps it, or
at once for one submission on request; a dry run changes nothing."""

from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.utils import timezone

from consultations.models import Submission
from plans.models import PlanStatus
from plans.services import plan_change_status
from tests.consultations.rule_helpers import MINIMAL_PDF, days, set_policy
from tests.factories import ConsultationFactory, DepartmentFactory, PlanFactory, SubmissionFactory

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    # Files are deleted once the database change has committed.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("anonymize_submissions", *args, stdout=out)
    return out.getvalue().strip()


def input_to_plan(department, adopted_days_ago, *, deadline_days_before_adoption=10, **plan):
    """A submission to a hearing of a plan adopted ``adopted_days_ago`` days before today."""
    status = plan.pop("status", PlanStatus.ADOPTED)
    adopted_on = (
        timezone.localdate() - days(adopted_days_ago) if adopted_days_ago is not None else None
    )
    deadline = (adopted_on or timezone.localdate()) - days(deadline_days_before_adoption)
    consultation = ConsultationFactory(
        plan=PlanFactory(department=department, adopted_on=adopted_on, **plan),
        starts_on=deadline - days(42),
        deadline=deadline,
    )
    if status != consultation.plan.status:
        # The plan work ended or was reopened after the hearing, as it happens in the workspace.
        plan_change_status(plan=consultation.plan, status=status)
    return SubmissionFactory(
        consultation=consultation,
        name="Kari Nordmann",
        organisation="Velforeningen",
        email="kari@example.no",
        text="Innspill om skolevei.",
        attachment=SimpleUploadedFile("innspill.pdf", MINIMAL_PDF),
        attachment_name="innspill.pdf",
        attachment_type="pdf",
        client_key="a" * 64,
    )


def is_anonymised(submission):
    stored = Submission.objects.get(pk=submission.pk)
    if stored.anonymised_at is None:
        assert stored.name == "Kari Nordmann" and stored.email == "kari@example.no"
        assert stored.attachment and default_storage.exists(stored.attachment.name)
        assert stored.client_key == "a" * 64
        return False
    assert (stored.name, stored.email, stored.client_key, stored.attachment_name) == (
        "",
        "",
        "",
        "",
    )
    assert not stored.attachment
    assert not default_storage.exists(submission.attachment.name)
    assert (stored.text, stored.organisation) == ("Innspill om skolevei.", "Velforeningen")
    return True


@pytest.fixture
def bergen_keeps_30_days(bbs):
    set_policy(bbs.municipality, retention_days_after_adoption=30)
    return bbs


def test_only_input_past_the_retention_period_is_anonymised(bergen_keeps_30_days):
    bbs = bergen_keeps_30_days
    due = input_to_plan(bbs, 31)
    due_long_ago = input_to_plan(bbs, 400)
    expired_plan = input_to_plan(bbs, 60, status=PlanStatus.EXPIRED)
    under_revision = input_to_plan(bbs, 60, status=PlanStatus.REVISING)
    kept = input_to_plan(bbs, 29)
    adopted_today = input_to_plan(bbs, 0)

    assert run() == "4 innspill er anonymisert."

    assert is_anonymised(due)
    assert is_anonymised(due_long_ago)
    assert is_anonymised(expired_plan)
    assert is_anonymised(under_revision)
    assert not is_anonymised(kept)
    assert not is_anonymised(adopted_today)


def test_adoption_on_the_deadline_day_counts(bergen_keeps_30_days):
    on_deadline = input_to_plan(bergen_keeps_30_days, 40, deadline_days_before_adoption=0)
    run()
    assert is_anonymised(on_deadline)


def test_earlier_adoption_of_a_plan_under_revision_does_not_count(bergen_keeps_30_days):
    """The plan was adopted long ago; this hearing is of the revision, its deadline later."""
    revision_input = input_to_plan(
        bergen_keeps_30_days,
        400,
        deadline_days_before_adoption=-300,
        status=PlanStatus.REVISING,
    )
    assert run() == "0 innspill er anonymisert."
    assert not is_anonymised(revision_input)


@pytest.mark.parametrize("status", [PlanStatus.DRAFTING, PlanStatus.HEARING, PlanStatus.POLITICAL])
def test_plans_not_adopted_are_left_alone(bergen_keeps_30_days, status):
    # An adoption date from the past on a plan back in process does not start the clock.
    in_process = input_to_plan(bergen_keeps_30_days, 100, status=status)
    never_adopted = input_to_plan(bergen_keeps_30_days, None, status=status)
    run()
    assert not is_anonymised(in_process)
    assert not is_anonymised(never_adopted)


def test_each_municipality_has_its_own_retention(bergen_keeps_30_days):
    default_municipality = DepartmentFactory()  # no policy: 180 days
    bergen_due = input_to_plan(bergen_keeps_30_days, 100)
    other_kept = input_to_plan(default_municipality, 100)
    other_due = input_to_plan(default_municipality, 181)

    assert run() == "2 innspill er anonymisert."

    assert is_anonymised(bergen_due)
    assert not is_anonymised(other_kept)
    assert is_anonymised(other_due)


def test_longer_policy_keeps_the_data_longer(bbs):
    set_policy(bbs.municipality, retention_days_after_adoption=365)
    kept = input_to_plan(bbs, 200)
    due = input_to_plan(bbs, 366)
    run()
    assert not is_anonymised(kept)
    assert is_anonymised(due)


def test_already_anonymised_input_is_not_touched_again(bergen_keeps_30_days):
    submission = input_to_plan(bergen_keeps_30_days, 100)
    run()
    first_time = Submission.objects.get(pk=submission.pk).anonymised_at
    assert run() == "0 innspill er anonymisert."
    assert Submission.objects.get(pk=submission.pk).anonymised_at == first_time


def test_dry_run_changes_nothing(bergen_keeps_30_days):
    due = [input_to_plan(bergen_keeps_30_days, 31), input_to_plan(bergen_keeps_30_days, 90)]
    kept = input_to_plan(bergen_keeps_30_days, 5)

    assert run("--dry-run") == "2 innspill ville blitt anonymisert."

    assert not any(is_anonymised(submission) for submission in [*due, kept])


def test_reference_anonymises_that_submission_on_request(bergen_keeps_30_days):
    requested = input_to_plan(bergen_keeps_30_days, None, status=PlanStatus.HEARING)
    other = input_to_plan(bergen_keeps_30_days, None, status=PlanStatus.HEARING)
    due_but_not_asked = input_to_plan(bergen_keeps_30_days, 100)

    assert run("--reference", requested.reference) == "1 innspill er anonymisert."

    assert is_anonymised(requested)
    assert not is_anonymised(other)
    assert not is_anonymised(due_but_not_asked)


def test_reference_is_read_as_typed_from_paper(bergen_keeps_30_days):
    requested = input_to_plan(bergen_keeps_30_days, None, status=PlanStatus.HEARING)
    run("--reference", f"  {requested.reference.lower()} ")
    assert is_anonymised(requested)


def test_reference_with_dry_run_changes_nothing(bergen_keeps_30_days):
    requested = input_to_plan(bergen_keeps_30_days, None, status=PlanStatus.HEARING)
    assert run("--reference", requested.reference, "--dry-run") == (
        "1 innspill ville blitt anonymisert."
    )
    assert not is_anonymised(requested)


def test_unknown_reference_is_an_error(bergen_keeps_30_days):
    submission = input_to_plan(bergen_keeps_30_days, 100)
    with pytest.raises(CommandError) as excinfo:
        run("--reference", "INN-ZZZZZZZZ")
    assert str(excinfo.value) == "Fant ikke noe innspill med referansenummer INN-ZZZZZZZZ."
    assert not is_anonymised(submission)

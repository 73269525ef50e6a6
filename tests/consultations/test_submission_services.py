"""Taking hearing input (only while the hearing is open, at most five an hour from one
address), moderating it, and removing the submitter's personal data."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import TestCase
from django.utils import timezone

from consultations.models import Submission, SubmissionState
from consultations.services import (
    SubmissionRefused,
    client_key,
    submission_anonymise,
    submission_hide,
    submission_mark_handled,
    submission_publish,
    submission_receive,
)
from plans.models import PlanStatus
from tests.consultations import rule_helpers
from tests.consultations.rule_helpers import (
    MINIMAL_PDF,
    days,
    errors_of,
    oslo,
    unsaved_submission,
    utc,
)
from tests.factories import ConsultationFactory, SubmissionFactory, UserFactory

pytestmark = pytest.mark.django_db

# Shared fixture: a hearing open today.
open_hearing = rule_helpers.open_hearing

ADDRESS = "203.0.113.5"
OTHER_ADDRESS = "198.51.100.7"
RATE_LIMITED = (
    "Vi har tatt imot mange innspill fra deg på kort tid. Vent en time og prøv igjen, eller "
    "send innspillet til kontaktpersonen for høringen."
)


@pytest.fixture
def june_hearing(make_plan):
    """1 June to 13 July 2026."""
    return ConsultationFactory(
        plan=make_plan(status=PlanStatus.HEARING),
        starts_on=datetime.date(2026, 6, 1),
        deadline=datetime.date(2026, 7, 13),
    )


def receive(consultation, address=ADDRESS, now=None, **fields):
    return submission_receive(
        consultation=consultation,
        submission=unsaved_submission(**fields),
        client_address=address,
        now=now,
    )


# Open or not --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "now", [oslo(2026, 5, 31, 23, 59, 59), utc(2026, 5, 31, 21, 59, 59), oslo(2026, 1, 1)]
)
def test_refused_before_the_start(june_hearing, now):
    with pytest.raises(SubmissionRefused) as excinfo:
        receive(june_hearing, now=now)
    assert str(excinfo.value) == (
        "Høringen har ikke startet ennå. Du kan sende innspill fra 1. juni 2026."
    )
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    "now", [oslo(2026, 7, 14, 0, 0, 0), utc(2026, 7, 13, 22, 0, 0), oslo(2026, 12, 1)]
)
def test_refused_after_the_deadline(june_hearing, now):
    with pytest.raises(SubmissionRefused) as excinfo:
        receive(june_hearing, now=now)
    assert str(excinfo.value) == (
        "Høringsfristen gikk ut 13. juli 2026 kl. 23.59. Innspill kan ikke sendes lenger."
    )
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    "now", [oslo(2026, 6, 1, 0, 0, 0), oslo(2026, 7, 13, 23, 59, 59), utc(2026, 7, 13, 21, 59)]
)
def test_taken_from_the_first_to_the_last_second(june_hearing, now):
    submission = receive(june_hearing, now=now)
    stored = Submission.objects.get()
    assert stored == submission
    assert stored.consultation == june_hearing
    assert stored.state == SubmissionState.RECEIVED


def test_refused_after_the_deadline_by_default_clock(make_plan):
    yesterday = timezone.localdate() - days(1)
    closed = ConsultationFactory(
        plan=make_plan(), starts_on=yesterday - days(42), deadline=yesterday
    )
    with pytest.raises(SubmissionRefused, match="Innspill kan ikke sendes lenger"):
        receive(closed)
    assert not Submission.objects.exists()


def test_received_submission_is_stored_with_a_key_not_the_address(open_hearing):
    submission = receive(open_hearing, organisation="Foreldrelaget", text="Bygg ny skole.")
    stored = Submission.objects.get(pk=submission.pk)
    assert (stored.name, stored.organisation, stored.text) == (
        "Kari Nordmann",
        "Foreldrelaget",
        "Bygg ny skole.",
    )
    assert stored.client_key == client_key(ADDRESS)
    assert len(stored.client_key) == 64
    assert ADDRESS not in stored.client_key
    assert stored.reference.startswith("INN-") and len(stored.reference) == 12
    assert client_key(ADDRESS) != client_key(OTHER_ADDRESS)


def test_received_attachment_is_stored_under_a_random_name(open_hearing):
    submission = receive(
        open_hearing,
        attachment=SimpleUploadedFile("Kari Nordmann sitt innspill.pdf", MINIMAL_PDF),
        attachment_name="Kari Nordmann sitt innspill.pdf",
        attachment_type="pdf",
    )
    stored = Submission.objects.get(pk=submission.pk)
    assert stored.attachment.name.startswith(f"innspill/{open_hearing.pk}/")
    assert "Kari" not in stored.attachment.name
    with default_storage.open(stored.attachment.name) as file:
        assert file.read() == MINIMAL_PDF


# Rate limit ---------------------------------------------------------------------------------


def test_sixth_submission_within_the_hour_from_one_address_is_refused(open_hearing):
    for number in range(5):
        receive(open_hearing, text=f"Innspill {number}")
    with pytest.raises(SubmissionRefused) as excinfo:
        receive(open_hearing, text="Innspill 5")
    assert str(excinfo.value) == RATE_LIMITED
    assert Submission.objects.count() == 5
    assert not Submission.objects.filter(text="Innspill 5").exists()


def test_other_address_is_still_accepted(open_hearing):
    for _ in range(5):
        receive(open_hearing)
    receive(open_hearing, address=OTHER_ADDRESS, text="Fra en annen")
    assert Submission.objects.count() == 6
    assert Submission.objects.get(text="Fra en annen").client_key == client_key(OTHER_ADDRESS)


def test_the_limit_counts_across_hearings(open_hearing):
    other = ConsultationFactory(
        plan=open_hearing.plan, starts_on=open_hearing.starts_on, deadline=open_hearing.deadline
    )
    for _ in range(5):
        receive(open_hearing)
    with pytest.raises(SubmissionRefused, match="mange innspill fra deg"):
        receive(other)
    assert not other.submissions.exists()


def test_submissions_older_than_an_hour_do_not_count(open_hearing):
    for _ in range(5):
        receive(open_hearing)
    Submission.objects.update(received_at=timezone.now() - datetime.timedelta(minutes=61))
    receive(open_hearing, text="Etter en time")
    assert Submission.objects.count() == 6


def test_submissions_within_the_hour_still_count(open_hearing):
    for _ in range(5):
        receive(open_hearing)
    Submission.objects.update(received_at=timezone.now() - datetime.timedelta(minutes=59))
    with pytest.raises(SubmissionRefused):
        receive(open_hearing)


def test_limit_follows_the_setting(open_hearing, settings):
    settings.SUBMISSION_RATE_LIMIT = (2, 60 * 60)
    receive(open_hearing)
    receive(open_hearing)
    with pytest.raises(SubmissionRefused):
        receive(open_hearing)
    assert Submission.objects.count() == 2


def test_the_limit_holds_for_a_given_now(make_plan):
    later = ConsultationFactory(
        plan=make_plan(), starts_on=datetime.date(2099, 6, 1), deadline=datetime.date(2099, 7, 13)
    )
    now = oslo(2099, 6, 10, 12, 0, 0)
    for _ in range(5):
        receive(later, now=now)
    with pytest.raises(SubmissionRefused):
        receive(later, now=now + datetime.timedelta(minutes=1))


# Moderation ---------------------------------------------------------------------------------


@pytest.fixture
def moderator():
    return UserFactory(username="saksbehandler")


@pytest.fixture
def submission(june_hearing):
    return SubmissionFactory(
        consultation=june_hearing, name="Ola Nordmann", organisation="Idrettslaget"
    )


def test_publish(submission, moderator):
    submission_publish(submission=submission, user=moderator)
    submission.refresh_from_db()
    assert submission.state == SubmissionState.PUBLISHED
    assert submission.moderated_by == moderator
    assert list(Submission.objects.published()) == [submission]


def test_hide_requires_a_reason(submission, moderator):
    with pytest.raises(ValidationError) as excinfo:
        submission_hide(submission=submission, user=moderator, reason="   ")
    assert errors_of(excinfo, "reason") == ["Skriv hvorfor innspillet skjules."]
    submission.refresh_from_db()
    assert submission.state == SubmissionState.RECEIVED
    assert submission.moderated_by is None


def test_hide_with_a_reason(submission, moderator):
    submission_hide(
        submission=submission, user=moderator, reason="  Inneholder personopplysninger.  "
    )
    submission.refresh_from_db()
    assert submission.state == SubmissionState.HIDDEN
    assert submission.hidden_reason == "Inneholder personopplysninger."
    assert submission.moderated_by == moderator
    assert not Submission.objects.published().exists()


def test_publishing_a_hidden_submission_clears_the_reason(submission, moderator):
    submission_hide(submission=submission, user=moderator, reason="Sjekkes")
    submission_publish(submission=submission, user=moderator)
    submission.refresh_from_db()
    assert (submission.state, submission.hidden_reason) == (SubmissionState.PUBLISHED, "")


def test_mark_handled(submission, moderator):
    when = utc(2026, 8, 1, 9, 30)
    submission_mark_handled(
        submission=submission, user=moderator, response="  Tatt inn i planen.  ", now=when
    )
    submission.refresh_from_db()
    assert submission.is_handled
    assert submission.handled_at == when
    assert submission.response == "Tatt inn i planen."
    assert submission.moderated_by == moderator
    assert submission.state == SubmissionState.RECEIVED


def test_mark_handled_keeps_the_publication_state(submission, moderator):
    submission_publish(submission=submission, user=moderator)
    submission_mark_handled(submission=submission, user=moderator, response="")
    submission.refresh_from_db()
    assert submission.state == SubmissionState.PUBLISHED
    assert submission.handled_at is not None


def test_anonymised_submission_can_still_be_hidden(submission, moderator):
    submission_anonymise(submission=submission)
    submission_hide(submission=submission, user=moderator, reason="Nevner andre ved navn")
    submission.refresh_from_db()
    assert submission.state == SubmissionState.HIDDEN


def test_anonymised_submission_can_still_be_published(submission, moderator):
    submission_anonymise(submission=submission)
    submission_publish(submission=submission, user=moderator)
    submission.refresh_from_db()
    assert submission.state == SubmissionState.PUBLISHED


# Anonymising --------------------------------------------------------------------------------


def test_anonymise_removes_personal_data_and_keeps_text_and_organisation(june_hearing):
    submission = SubmissionFactory(
        consultation=june_hearing,
        name="Ola Nordmann",
        organisation="Idrettslaget",
        email="ola@example.no",
        text="Vi trenger en ny hall.",
        attachment=SimpleUploadedFile("Ola sitt innspill.pdf", MINIMAL_PDF),
        attachment_name="Ola sitt innspill.pdf",
        attachment_type="pdf",
        client_key=client_key(ADDRESS),
        state=SubmissionState.PUBLISHED,
    )
    stored_file = submission.attachment.name
    assert default_storage.exists(stored_file)
    when = utc(2027, 2, 1, 3, 0)

    with TestCase.captureOnCommitCallbacks(execute=True):
        submission_anonymise(submission=submission, now=when)

    stored = Submission.objects.get(pk=submission.pk)
    assert (stored.name, stored.email, stored.client_key) == ("", "", "")
    assert (stored.attachment.name, stored.attachment_name, stored.attachment_type) == ("", "", "")
    assert not stored.attachment
    assert not default_storage.exists(stored_file)
    assert stored.text == "Vi trenger en ny hall."
    assert stored.organisation == "Idrettslaget"
    assert stored.state == SubmissionState.PUBLISHED
    assert stored.reference == submission.reference
    assert stored.anonymised_at == when
    assert stored.is_anonymised
    assert stored.public_name == "Idrettslaget"


def test_anonymised_without_organisation_shows_a_neutral_sender(june_hearing):
    submission = SubmissionFactory(consultation=june_hearing, name="Ola Nordmann")
    assert submission.public_name == "Ola Nordmann"
    submission_anonymise(submission=submission)
    stored = Submission.objects.get(pk=submission.pk)
    assert stored.public_name == "Anonymisert avsender"
    assert stored.anonymised_at is not None


def test_anonymise_leaves_other_submissions_alone(june_hearing):
    first, second = SubmissionFactory.create_batch(2, consultation=june_hearing)
    submission_anonymise(submission=first)
    second.refresh_from_db()
    assert second.name and second.email and not second.is_anonymised


def test_a_rolled_back_anonymisation_keeps_the_file(june_hearing):
    submission = SubmissionFactory(
        consultation=june_hearing, attachment=SimpleUploadedFile("a.pdf", MINIMAL_PDF)
    )
    stored_file = submission.attachment.name

    class Failure(Exception):
        pass

    callbacks = TestCase.captureOnCommitCallbacks(execute=True)
    with callbacks, pytest.raises(Failure), transaction.atomic():
        submission_anonymise(submission=submission)
        raise Failure

    assert default_storage.exists(stored_file)
    assert Submission.objects.get(pk=submission.pk).attachment.name == stored_file

"""Every change to milestones, hearings and hearing input goes through these functions.

Each validates with the model's rules and saves in one transaction, so nothing is half saved,
and records who did it.
"""

import hashlib
import hmac
import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from plans.models import PlanStatus, PlanStatusChange

from .models import Consultation, ConsultationPolicy, Submission, SubmissionState
from .models.consultation import ConsultationState

logger = logging.getLogger(__name__)


def _record_user(instance, user):
    if user is not None and user.is_authenticated:
        instance._history_user = user


def milestone_save(*, milestone, user=None):
    milestone.full_clean()
    _record_user(milestone, user)
    milestone.save()
    return milestone


def milestone_delete(*, milestone, user=None):
    _record_user(milestone, user)
    milestone.delete()


def consultation_save(*, consultation, user=None, documents=None):
    """Validate and save the hearing and its document formset together."""
    consultation.full_clean()
    _record_user(consultation, user)
    with transaction.atomic():
        consultation.save()
        if documents is not None:
            documents.instance = consultation
            documents.save()
    return consultation


def consultation_delete(*, consultation, user=None):
    if consultation.submissions.exists():
        raise ValidationError(
            _(
                "Høringen har mottatt innspill og kan ikke slettes. Endre datoene i stedet, "
                "eller skjul innspillene."
            )
        )
    _record_user(consultation, user)
    consultation.delete()


def client_key(address):
    """A keyed hash of the client's address: enough to count, not enough to read it back."""
    if not address:
        return ""
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return digest.hexdigest()


class SubmissionRefused(Exception):
    """Input that cannot be taken; the message says why, in Norwegian."""


def input_refusal(consultation, now):
    """Why ``consultation`` takes no input at ``now``, in Norwegian; None if it takes input."""
    # A hearing of a draft is prepared in advance; readers of the draft (politicians) may see
    # it, but input is taken only once the plan is public, when everyone can give it.
    if not consultation.plan.is_published:
        return _("Planen er ikke publisert ennå. Høringen tar imot innspill når den er åpen.")
    state = consultation.state_at(now)
    if state == ConsultationState.UPCOMING:
        return _("Høringen har ikke startet ennå. Du kan sende innspill fra %(start)s.") % {
            "start": date_format(consultation.starts_on, "DATE_FORMAT")
        }
    if state == ConsultationState.CLOSED:
        return _(
            "Høringsfristen gikk ut %(deadline)s kl. 23.59. Innspill kan ikke sendes lenger."
        ) % {"deadline": date_format(consultation.deadline, "DATE_FORMAT")}
    return None


def _over_rate_limit(key, now):
    if not key:
        return False
    count, seconds = settings.SUBMISSION_RATE_LIMIT
    since = now - timedelta(seconds=seconds)
    recent = Submission.objects.filter(client_key=key, received_at__gte=since)
    return recent.count() >= count


def submission_receive(*, consultation, submission, client_address, now=None):
    """Take ``submission`` (unsaved, from the public form) for ``consultation``, or refuse it."""
    now = now or timezone.now()
    if refusal := input_refusal(consultation, now):
        raise SubmissionRefused(refusal)
    key = client_key(client_address)
    with transaction.atomic():
        # One client at a time, so that parallel posts cannot slip past the limit together.
        Consultation.objects.select_for_update().filter(pk=consultation.pk).first()
        if _over_rate_limit(key, now):
            raise SubmissionRefused(
                _(
                    "Vi har tatt imot mange innspill fra deg på kort tid. Vent en time og prøv "
                    "igjen, eller send innspillet til kontaktpersonen for høringen."
                )
            )
        submission.consultation = consultation
        submission.client_key = key
        submission.received_at = now
        submission.state = SubmissionState.RECEIVED
        submission.save()
    return submission


def submission_publish(*, submission, user):
    submission.state = SubmissionState.PUBLISHED
    submission.hidden_reason = ""
    _moderated(submission, user)


def submission_hide(*, submission, user, reason):
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Skriv hvorfor innspillet skjules.")})
    submission.state = SubmissionState.HIDDEN
    submission.hidden_reason = reason
    _moderated(submission, user)


def submission_mark_handled(*, submission, user, response, now=None):
    submission.response = response.strip()
    submission.handled_at = now or timezone.now()
    _moderated(submission, user)


MODERATED_FIELDS = {"state", "hidden_reason", "response", "handled_at"}


def _moderated(submission, user):
    # Only what moderation changes is checked: an anonymised submission has no name or e-mail.
    submission.moderated_by = user
    unchanged = [f.name for f in Submission._meta.fields if f.name not in MODERATED_FIELDS]
    submission.full_clean(exclude=unchanged)
    submission.save()


def delete_file_after_commit(field_file):
    """Delete the stored file once the transaction that forgets it has committed.

    Deleted at once, a rollback would leave rows pointing at files that are gone.
    """
    if field_file:
        storage, name = field_file.storage, field_file.name
        transaction.on_commit(lambda: storage.delete(name))


def submission_anonymise(*, submission, now=None):
    """Remove the submitter's personal data: name, e-mail, attachment and client key.

    The text stays: it is the input to a public plan process. The organisation stays as the
    sender (an organisation is not a person).
    """
    with transaction.atomic():
        delete_file_after_commit(submission.attachment)
        submission.name = ""
        submission.email = ""
        submission.attachment = ""
        submission.attachment_name = ""
        submission.attachment_type = ""
        submission.client_key = ""
        submission.anonymised_at = now or timezone.now()
        submission.save()


ADOPTED_OR_ENDED = {*PlanStatus.in_force(), PlanStatus.EXPIRED}


def _decision_dates(plan_ids):
    """{plan id: the dates the plan was adopted or ended}, from its status history."""
    dates = {}
    changes = PlanStatusChange.objects.filter(
        plan_id__in=plan_ids, status__in=[PlanStatus.ADOPTED, PlanStatus.EXPIRED]
    ).order_by("changed_on")
    for plan_id, changed_on in changes.values_list("plan_id", "changed_on"):
        dates.setdefault(plan_id, []).append(changed_on)
    return dates


def submissions_due_for_anonymisation(now=None):
    """Input whose plan was decided longer ago than its municipality keeps personal data.

    The clock starts at the first adoption (the status history, or the plan's adoption date) or
    expiry (plan work that was stopped) after the hearing's deadline: the decision the input
    was given to. Plan work still going on keeps
    its input until it is decided.
    """
    today = timezone.localdate(now or timezone.now())
    candidates = list(
        Submission.objects.filter(anonymised_at__isnull=True).select_related("consultation__plan")
    )
    decided = _decision_dates({s.consultation.plan_id for s in candidates})
    due, policies = [], {}
    for submission in candidates:
        plan = submission.consultation.plan
        dates = decided.get(plan.pk, [])
        if plan.adopted_on and plan.status in ADOPTED_OR_ENDED:
            dates = [*dates, plan.adopted_on]
        after = sorted(d for d in dates if d >= submission.consultation.deadline)
        if not after:
            continue
        if plan.municipality_id not in policies:
            policies[plan.municipality_id] = ConsultationPolicy.for_municipality(
                plan.municipality_id
            )
        keep = timedelta(days=policies[plan.municipality_id].retention_days_after_adoption)
        try:
            if after[0] + keep <= today:
                due.append(submission)
        except OverflowError:
            # A decision date stored out of range, before dates were limited: this input waits
            # for someone to correct the date; the rest is anonymised on time.
            logger.warning(
                "Submission %s skipped: its plan's decision date is out of range", submission.pk
            )
    return due

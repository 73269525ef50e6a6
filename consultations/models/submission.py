import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .consultation import Consultation

# No 0/O or 1/I/L: the reference is read aloud on the phone and typed from paper.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_reference():
    return "INN-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


def attachment_path(submission, filename):
    """A random name: the submitter's file name may hold personal data, and is kept apart."""
    return f"innspill/{submission.consultation_id}/{uuid.uuid4().hex}"


class SubmissionState(models.TextChoices):
    RECEIVED = "received", _("Venter på vurdering")
    PUBLISHED = "published", _("Publisert")
    HIDDEN = "hidden", _("Skjult")


class SubmissionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=SubmissionState.PUBLISHED)


class Submission(models.Model):
    """Input (høringsinnspill) to a hearing. The e-mail address and attachment are never public.

    No history is kept of submissions: a copy of the personal data in a history table would
    outlive the anonymisation.
    """

    consultation = models.ForeignKey(
        Consultation,
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("høring"),
    )
    reference = models.CharField(
        _("referansenummer"), max_length=20, unique=True, default=new_reference, editable=False
    )
    name = models.CharField(_("navn"), max_length=200)
    organisation = models.CharField(_("organisasjon"), max_length=200, blank=True)
    email = models.EmailField(_("e-post"))
    text = models.TextField(_("innspill"), max_length=20000)
    attachment = models.FileField(_("vedlegg"), upload_to=attachment_path, blank=True)
    attachment_name = models.CharField(_("filnavn"), max_length=200, blank=True)
    attachment_type = models.CharField(_("filtype"), max_length=10, blank=True)
    received_at = models.DateTimeField(_("mottatt"), default=timezone.now, editable=False)
    client_key = models.CharField(
        _("klientnøkkel"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("En hash av avsenderens IP-adresse, brukt til å begrense antall innspill."),
    )
    state = models.CharField(
        _("status"),
        max_length=10,
        choices=SubmissionState.choices,
        default=SubmissionState.RECEIVED,
    )
    hidden_reason = models.CharField(_("grunn til å skjule"), max_length=300, blank=True)
    handled_at = models.DateTimeField(_("behandlet"), null=True, blank=True)
    response = models.TextField(_("svar"), max_length=2000, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandlet av"),
    )
    anonymised_at = models.DateTimeField(_("anonymisert"), null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["received_at", "pk"]
        verbose_name = _("høringsinnspill")
        verbose_name_plural = _("høringsinnspill")
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="hidden") | ~Q(hidden_reason=""),
                name="submission_hidden_has_reason",
                violation_error_message=_("Skriv hvorfor innspillet skjules."),
            ),
        ]
        indexes = [models.Index(fields=["client_key", "received_at"])]

    def __str__(self):
        return self.reference

    @property
    def is_handled(self):
        return self.handled_at is not None

    @property
    def is_anonymised(self):
        return self.anonymised_at is not None

    @property
    def public_name(self):
        """What the public sees as the sender: the name and the organisation, nothing else."""
        if self.is_anonymised:
            return self.organisation or _("Anonymisert avsender")
        if self.organisation:
            return f"{self.name}, {self.organisation}"
        return self.name

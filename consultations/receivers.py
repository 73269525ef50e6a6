"""How the consultations app takes part in rules of other apps and in deletions."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from plans.models import Plan
from plans.signals import plan_public_status

from .models import Submission
from .services import delete_file_after_commit
from .status import public_status_expression


@receiver(post_delete, sender=Submission)
def delete_attachment_file(sender, instance, **kwargs):
    """An attachment's file goes when its input is deleted (in the admin, or with its hearing's
    plan), so no personal data is left on disk that nothing points to."""
    delete_file_after_commit(instance.attachment)


@receiver(plan_public_status, sender=Plan)
def open_hearing_status(sender, **kwargs):
    return public_status_expression()

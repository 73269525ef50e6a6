"""An attachment's file goes when its input is deleted (in the admin, or with its hearing's
plan), so no personal data is left on disk that nothing points to."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Submission
from .services import delete_file_after_commit


@receiver(post_delete, sender=Submission)
def delete_attachment_file(sender, instance, **kwargs):
    delete_file_after_commit(instance.attachment)

"""``manage.py anonymize_submissions``: remove submitters' personal data when its time is up.

Run daily (cron or a scheduled job). Each municipality sets how many days after a plan's
adoption the names, e-mail addresses and attachments of its hearing input are kept
(``ConsultationPolicy``). One submission can be anonymised on request with ``--reference``.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from consultations.models import Submission
from consultations.services import submission_anonymise, submissions_due_for_anonymisation


class Command(BaseCommand):
    help = (
        "Fjerner navn, e-post og vedlegg fra høringsinnspill når planen har vært vedtatt "
        "lenger enn kommunen beholder personopplysninger, eller fra ett innspill på forespørsel."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reference",
            help="Referansenummeret til ett innspill som skal anonymiseres nå (på forespørsel).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Vis hvor mange innspill som ville blitt anonymisert, uten å endre noe.",
        )

    def handle(self, *args, reference=None, dry_run=False, **options):
        if reference:
            due = list(Submission.objects.filter(reference=reference.strip().upper()))
            if not due:
                raise CommandError(f"Fant ikke noe innspill med referansenummer {reference}.")
        else:
            due = submissions_due_for_anonymisation()
        if dry_run:
            self.stdout.write(f"{len(due)} innspill ville blitt anonymisert.")
            return
        with transaction.atomic():
            for submission in due:
                submission_anonymise(submission=submission)
        self.stdout.write(self.style.SUCCESS(f"{len(due)} innspill er anonymisert."))

"""``manage.py load_demo``: the demo data for Bergen and Bærum, from every app.

It lives in the project package because it brings the apps' demo data together; each app
keeps its own in its ``demo`` package.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from consultations.demo import load_timelines
from hierarchy.demo.baerum import BAERUM_TREE
from hierarchy.demo.bergen import BERGEN_TREE
from hierarchy.demo.loader import load_trees
from hierarchy.demo.reports import load_reports
from plans.demo.baerum import BAERUM
from plans.demo.bergen import BERGEN
from plans.demo.common import THEMES
from plans.demo.loader import load
from plans.demo.users import DEMO_PASSWORD, load_users


class Command(BaseCommand):
    help = (
        "Laster demodata for Bergen og Bærum: avdelinger, valgperioder, temaer, områder, "
        "planer med statushistorikk, dokumenter og planstrategibeslutninger, og måltreet fra "
        "visjonen til tiltakene i handlings- og økonomiplanen, fremdriftsplaner, høringer og "
        "høringsinnspill. Kan kjøres flere ganger; "
        "demodataene oppdateres i stedet for å dupliseres."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-users",
            action="store_true",
            help="Lag også demobrukere, én per rolle, med et kjent passord (aldri i produksjon).",
        )

    def handle(self, *args, with_users=False, **options):
        try:
            # One transaction: the goal tree refers to the plans, so both are saved or neither.
            with transaction.atomic():
                summary = load(municipalities=(BERGEN, BAERUM), themes=THEMES)
                tree_summary = load_trees((BERGEN_TREE, BAERUM_TREE))
                report_count = load_reports()
                timeline_summary = load_timelines()
        except ValidationError as error:
            raise CommandError(f"Demodataene er ugyldige, ingenting er lagret: {error}") from error
        self.stdout.write(self.style.SUCCESS(str(summary)))
        self.stdout.write(self.style.SUCCESS(str(tree_summary)))
        self.stdout.write(self.style.SUCCESS(f"Rapporter på tiltak i Bergen: {report_count}."))
        self.stdout.write(self.style.SUCCESS(timeline_summary))
        if with_users:
            usernames = ", ".join(load_users())
            self.stdout.write(f"Demobrukere (passord «{DEMO_PASSWORD}»): {usernames}")

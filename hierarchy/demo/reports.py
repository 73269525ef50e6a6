"""Reports on some of Bergen's measures over the last year, dated back from the demo's today.

Each measure's latest report carries the status and progress the tree's data gives it, so the
measure shows what it showed before the reports came. Three measures were last reported more
than six months ago and so stand on /mal/oppfolging/, and «Team Skyfritt» has an own report
of its own beside the roll-up of its sub-measure (see ``hierarchy.tree._roll_up``).

The reports are written directly, not through ``report_save``: the measure's status and
progress are the data's already, and a re-run a day later moves the dates without a new history
record for every measure. A measure's reports are replaced only when the wanted ones differ.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from plans.models import Municipality

from ..models import GoalNode, MeasureReport, MeasureStatus

ONGOING, DONE, DELAYED = MeasureStatus.ONGOING, MeasureStatus.DONE, MeasureStatus.DELAYED
NOT_STARTED = MeasureStatus.NOT_STARTED

# Measure title: [(days before today, status, progress, comment)], oldest first.
BERGEN_REPORTS = {
    "Drift av Team Skyfritt": [
        (300, ONGOING, 5, "Teamet er bemannet; rutiner for henvendelser er på plass."),
        (180, ONGOING, 15, "Første halvår: 42 saker, de fleste fra foreldre."),
        (40, ONGOING, 25, "Saksmengden øker; ventetiden er under to uker."),
    ],
    "Investering: ny barnehage i Ytrebygda": [
        (330, NOT_STARTED, 0, "Tomt regulert, anbud ute."),
        (200, ONGOING, 20, "Kontrakt signert, grunnarbeid i gang."),
        (60, ONGOING, 40, "Råbygg ferdig; innflytting planlagt august 2027."),
    ],
    "Flere stillinger i PPT for tidlig innsats ved skolefravær": [
        (260, ONGOING, 10, "To av seks stillinger er lyst ut."),
        (230, ONGOING, 20, "Fire stillinger besatt."),
    ],
    "Felles opplegg for trivsel og vennskap i alle kommunale barnehager": [
        (400, ONGOING, 20, ""),
        (250, ONGOING, 45, "Tatt i bruk i 40 av 70 barnehager."),
        (90, ONGOING, 60, "Tatt i bruk i 52 barnehager; resten våren 2027."),
    ],
    "Rutiner for å avdekke og håndtere krenkelser i barnehage, skole og SFO": [
        (300, ONGOING, 50, "Rutinen er vedtatt; opplæring av ledere pågår."),
        (220, ONGOING, 80, "Alle skoler har fått opplæring; SFO gjenstår."),
    ],
    "Tverrfaglig team for bekymringsfullt skolefravær": [
        (350, ONGOING, 30, ""),
        (120, ONGOING, 65, "Teamet dekker nå alle bydeler."),
    ],
    "Ambulerende team for barn med samspillsvansker": [
        (330, ONGOING, 20, "Oppstart i to bydeler."),
        (210, DELAYED, 15, "Rekrutteringen har stoppet opp; ny utlysning i januar."),
    ],
    "Ny flerbrukshall i Åsane": [
        (280, ONGOING, 10, "Forprosjekt ferdig."),
        (150, ONGOING, 30, "Byggestart i mai."),
    ],
    "Nærmiljøgrupper og kontor i området": [
        (365, ONGOING, 60, ""),
        (200, ONGOING, 75, "Kontoret i Loddefjord er åpnet."),
        (30, ONGOING, 90, "Fem nærmiljøgrupper i drift."),
    ],
    "Team Skyfritt": [
        (20, DONE, 100, "Teamet er etablert; driften følges opp i handlings- og økonomiplanen."),
    ],
}


@transaction.atomic
def load_reports(municipality_number="4601", reports=None, today=None):
    """Give each measure in ``reports`` exactly those reports; returns how many there are."""
    reports = BERGEN_REPORTS if reports is None else reports
    today = today or timezone.localdate()
    municipality = Municipality.objects.get(number=municipality_number)
    measures = {
        node.title: node
        for node in GoalNode.objects.filter(municipality=municipality, title__in=reports)
    }
    for title, wanted in reports.items():
        measure = measures[title]
        rows = [(today - timedelta(days=days), *rest) for days, *rest in wanted]
        _check_latest(measure, rows[-1])
        stored = [
            (report.reported_on, report.status, report.progress, report.comment)
            for report in measure.progress_reports.order_by("reported_on", "pk")
        ]
        if stored == rows:
            continue
        measure.progress_reports.all().delete()
        for reported_on, status, progress, comment in rows:
            report = MeasureReport(
                measure=measure,
                reported_on=reported_on,
                status=status,
                progress=progress,
                comment=comment,
                recorded_at=timezone.make_aware(datetime.combine(reported_on, time(12))),
            )
            report.full_clean()
            report.save()
        GoalNode.objects.filter(pk=measure.pk).update(last_reported_on=rows[-1][0])
    return MeasureReport.objects.filter(measure__municipality=municipality).count()


def _check_latest(measure, latest):
    _day, status, progress, _comment = latest
    if (measure.status, measure.progress) != (status, progress):
        raise ValueError(
            f"{measure.title!r}: the latest demo report must match the tree's data "
            f"({measure.status}, {measure.progress}), not ({status}, {progress})"
        )

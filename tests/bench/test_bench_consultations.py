"""Benchmarks of the hearing and progress pages and the calendar feed, run with `make bench`.

Every generated plan is in process with three milestones and one hearing; the figures are SQL
queries and the median server time through the test client.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from consultations.models import Consultation, Milestone
from plans.models import Plan, PlanStatus
from tests.factories import DepartmentFactory, bulk_create_plans

from .measuring import measure, report

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

SIZES = [100, 1_000, 5_000]


def add_timelines(plans, today):
    Milestone.objects.bulk_create(
        Milestone(
            plan=plan,
            kind="other",
            title=f"Milepæl {step}",
            planned_start=today + timedelta(days=(plan.pk * 7 + step * 30) % 400 - 100),
            planned_end=today + timedelta(days=(plan.pk * 7 + step * 30) % 400 - 100),
        )
        for plan in plans
        for step in range(3)
    )
    Consultation.objects.bulk_create(
        Consultation(
            plan=plan,
            kind="other",
            title=f"Høring av {plan.title}",
            starts_on=today + timedelta(days=plan.pk % 90 - 60),
            deadline=today + timedelta(days=plan.pk % 90 - 18),
        )
        for plan in plans
    )


def test_bench_hearing_and_progress_pages(client):
    department = DepartmentFactory(name="Byrådsavdeling for barnehage og skole", short_name="BBS")
    today = timezone.localdate()
    rows, created = [], 0
    for size in SIZES:
        bulk_create_plans(department, size - created, start=created)
        new = Plan.objects.filter(milestones__isnull=True)
        new.update(status=PlanStatus.DRAFTING)
        add_timelines(list(new), today)
        created = size
        plan = Plan.objects.order_by("id").first()
        for path in [
            "/horinger/",
            "/fremdrift/",
            f"/fremdrift/?avdeling={department.pk}",
            plan.get_absolute_url(),
            "/horinger/kalender.ics",
        ]:
            queries, milliseconds, _size = measure(client, path)
            rows.append((size, path, queries, milliseconds))
    report(rows)

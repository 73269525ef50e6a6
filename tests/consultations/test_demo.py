"""The demo's timelines and hearings: the seeds' dates, and every hearing state on load day."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from consultations.models import Consultation, ConsultationState, Milestone, Submission
from consultations.services import consultation_save
from plans.models import Plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_for_module")]


def test_every_state_shows_on_load_day():
    states = [consultation.state for consultation in Consultation.objects.all()]
    assert states.count(ConsultationState.OPEN) == 2
    assert states.count(ConsultationState.UPCOMING) == 1
    assert states.count(ConsultationState.CLOSED) == 5


def test_seed_dates():
    planprogram = Consultation.objects.get(plan__slug="et-nystemt-bergen", kind="planprogram")
    assert (planprogram.starts_on.month, planprogram.deadline.month) == (6, 9)
    adopted = Milestone.objects.get(title="Bystyret vedtar planprogrammet")
    assert adopted.completed_on == date(2024, 10, 30)
    kindergarten = Milestone.objects.get(title="Høring av planutkastet")
    assert kindergarten.planned_period == "uke 20–24 2024"
    baerum = Consultation.objects.get(plan__slug="baerum-kps-2021-2040")
    assert (baerum.starts_on, baerum.deadline) == (date(2021, 2, 24), date(2021, 4, 7))


def test_citizen_input_and_the_open_hearing_on_the_hearing_list(client):
    html = client.get("/horinger/").content.decode()
    assert "Høring: Idrettsplan, rullering av anleggsdelen" in html
    assert "Starter om 7 dager" in html


def test_progress_shows_the_skolebruksplan_with_its_next_milestone(client):
    rows = client.get("/fremdrift/").context["rows"]
    row = next(row for row in rows if row.plan.slug == "ny-skolebruksplan")
    assert row.next_milestone.title == "Høringsutkast"
    assert row.next_milestone.tentative
    assert row.next_milestone.slippage_days(timezone.localdate()) > 0


def test_a_five_week_planprogram_hearing_is_refused_citing_the_law():
    plan = Plan.objects.get(slug="et-nystemt-bergen")
    hearing = Consultation(
        plan=plan,
        kind="planprogram",
        title="For kort",
        starts_on=date(2027, 1, 4),
        deadline=date(2027, 2, 8),
    )
    with pytest.raises(ValidationError) as refused:
        consultation_save(consultation=hearing)
    assert "§ 4-1" in str(refused.value)
    assert not Consultation.objects.filter(title="For kort").exists()


def test_loading_twice_changes_no_counts():
    before = (Milestone.objects.count(), Consultation.objects.count(), Submission.objects.count())
    call_command("load_demo", verbosity=0)
    after = (Milestone.objects.count(), Consultation.objects.count(), Submission.objects.count())
    assert before == after

"""Dates far from today: refused where people type them, and survived where they are stored.

A planner once saved a hearing deadline of 31.12.9999, and every page that showed the hearing
answered 500 for everyone. Now such a date is refused with a message, and a row that holds one
anyway (written before the rule, or past it) is left out of the pages, not allowed to break them.
"""

from datetime import date

import pytest
from django.core.management import call_command

from consultations.models import Consultation, Milestone, Submission
from plans.models import Plan, PlanStatus
from tests.consultations.page_helpers import consultation_form_data, day, milestone_form_data
from tests.factories import MilestoneFactory, SubmissionFactory
from tests.helpers import open_hearing
from tests.plans.workspace_helpers import plan_form_data

pytestmark = pytest.mark.django_db

FAR_FUTURE = date(9999, 12, 31)
MESSAGE = "er utenfor det portalen tar imot"


def pages(plan, consultation):
    return [
        "/",
        "/horinger/",
        f"/horinger/{consultation.pk}/",
        f"/planer/{plan.slug}/",
        "/horinger/kalender.ics",
        f"/planer/{plan.slug}/kalender.ics",
        "/horinger/nye.atom",
        "/fremdrift/",
    ]


def workspace_pages(plan):
    return ["/arbeidsflate/", f"/arbeidsflate/planer/{plan.slug}/fremdrift/"]


def test_a_far_future_deadline_is_refused_in_the_hearing_form(planner_client, plan):
    url = f"/arbeidsflate/planer/{plan.slug}/horinger/ny/"
    data = consultation_form_data(starts_on=day(1).isoformat(), deadline=FAR_FUTURE.isoformat())
    response = planner_client.post(url, data)
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not Consultation.objects.exists()


@pytest.mark.parametrize("precision", ["day", "week", "month", "quarter"])
def test_a_far_future_milestone_is_refused_whatever_its_precision(planner_client, plan, precision):
    url = f"/arbeidsflate/planer/{plan.slug}/milepaeler/ny/"
    data = milestone_form_data(planned_start=FAR_FUTURE.isoformat(), precision=precision)
    response = planner_client.post(url, data)
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not Milestone.objects.exists()


def test_an_adoption_date_and_a_period_far_away_are_refused_in_the_plan_form(planner_client, plan):
    data = plan_form_data(plan, adopted_on="9999-12-30", valid_to=9999, valid_from=1)
    response = planner_client.post(f"/arbeidsflate/planer/{plan.slug}/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Datoen 30.12.9999 er utenfor det portalen tar imot" in html
    assert "Året 9999 er utenfor det portalen tar imot" in html
    assert "Året 1 er utenfor" in html
    plan.refresh_from_db()
    assert plan.adopted_on is None


def test_stored_far_dates_leave_every_page_answering(planner_client, client, plan):
    """Rows written past the rule (an old import, a direct update) do not break the pages."""
    Plan.objects.filter(pk=plan.pk).update(is_published=True)
    consultation = open_hearing(plan, title="Høring om skolebruk")
    Consultation.objects.filter(pk=consultation.pk).update(deadline=FAR_FUTURE)
    milestone = MilestoneFactory(plan=plan, precision="week")
    Milestone.objects.filter(pk=milestone.pk).update(
        planned_start=date(9999, 12, 27), planned_end=FAR_FUTURE
    )
    for url in pages(plan, consultation):
        assert client.get(url).status_code == 200, url
    for url in workspace_pages(plan):
        assert planner_client.get(url).status_code == 200, url


def test_a_far_adoption_date_does_not_stop_the_daily_anonymisation(make_plan, bbs):
    old = make_plan(title="Gammel plan", status=PlanStatus.ADOPTED, adopted_on=date(2001, 6, 1))
    hearing_of_old = open_hearing(old)
    Consultation.objects.filter(pk=hearing_of_old.pk).update(
        starts_on=date(2000, 1, 1), deadline=date(2000, 3, 1)
    )
    due = SubmissionFactory(consultation=hearing_of_old)
    broken = make_plan(title="Ødelagt plan", status=PlanStatus.ADOPTED)
    Plan.objects.filter(pk=broken.pk).update(adopted_on=date(9999, 12, 30))
    hearing_of_broken = open_hearing(broken)
    Consultation.objects.filter(pk=hearing_of_broken.pk).update(
        starts_on=date(2000, 1, 1), deadline=date(2000, 3, 1)
    )
    kept = SubmissionFactory(consultation=hearing_of_broken)
    call_command("anonymize_submissions")
    assert Submission.objects.get(pk=due.pk).anonymised_at is not None
    assert Submission.objects.get(pk=kept.pk).anonymised_at is None

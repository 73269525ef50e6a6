"""Control characters pasted from a word processor: cleaned where typed, harmless where stored."""

import pytest

from consultations.models import Consultation
from plans.models import Plan
from tests.consultations.page_helpers import consultation_form_data
from tests.helpers import open_hearing
from tests.plans.workspace_helpers import plan_form_data

pytestmark = pytest.mark.django_db

PASTED = "Skolebruk\x0bfor\x0c2025\x00\x1f\x7f"


def test_a_pasted_title_is_saved_without_control_characters(planner_client, plan):
    url = f"/arbeidsflate/planer/{plan.slug}/horinger/ny/"
    data = consultation_form_data(title=PASTED, summary="Første\x0bandre linje")
    assert planner_client.post(url, data).status_code == 302
    consultation = Consultation.objects.get()
    assert consultation.title == "Skolebruk for 2025"
    assert consultation.summary == "Første\nandre linje"


def test_a_plan_title_with_a_vertical_tab_is_cleaned(planner_client, plan):
    data = plan_form_data(plan, title="Plan\x0bfor skolene")
    response = planner_client.post(f"/arbeidsflate/planer/{plan.slug}/", data)
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.title == "Plan for skolene"


def test_a_title_of_control_characters_alone_is_refused_as_empty(planner_client, plan):
    url = f"/arbeidsflate/planer/{plan.slug}/horinger/ny/"
    response = planner_client.post(url, consultation_form_data(title="\x0b\x0c\x00"))
    assert response.status_code == 200
    assert "ds-error-summary" in response.content.decode()
    assert not Consultation.objects.exists()


def test_stored_control_characters_do_not_break_the_atom_feed(client, plan):
    """Rows written before the rule: the feed leaves the characters out and still answers."""
    Plan.objects.filter(pk=plan.pk).update(is_published=True, title="Plan\x0bmed\x0cskift")
    consultation = open_hearing(plan)
    Consultation.objects.filter(pk=consultation.pk).update(title="Høring\x0bom\x0cskole")
    response = client.get("/horinger/nye.atom")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Høring\nom\nskole" in body
    assert "\x0b" not in body and "\x0c" not in body
    assert client.get("/horinger/kalender.ics").status_code == 200


def test_any_writer_stores_text_without_control_characters(plan):
    """The admin, imports and the demo loader save models directly; the guard holds there too."""
    plan.summary = "Linje\x0bto\x00"
    plan.save()
    plan.refresh_from_db()
    assert plan.summary == "Linje\nto"


@pytest.mark.parametrize("path", ["/planer/", "/fremdrift/"])
def test_a_nul_in_the_municipality_choice_gives_the_page(client, plan, path):
    # PostgreSQL refuses a NUL byte in a query; the choice is ignored, not an error page.
    assert client.get(path, {"kommune": "berg\x00en"}).status_code == 200

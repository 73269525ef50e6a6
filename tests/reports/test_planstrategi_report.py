"""The report "Kommunal planstrategi — planbehov" of a council period, as a page and a PDF."""

import pytest

from plans.models import Plan, PlanstrategiDecision, Role
from tests.helpers import member
from tests.reports.pdf import pdf_text, read_pdf, squeezed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_for_module")]

PDF = "/rapporter/planstrategi/2019-2023.pdf?kommune=bergen"


def test_pdf_has_the_adopted_totals_beside_the_register_and_every_plan(client):
    response = client.get(PDF)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = squeezed(pdf_text(response.content))
    assert "Kommunal planstrategi — planbehov 2019–2023" in text
    assert "Bergen: planbehov 2019–2023" in text
    held = PlanstrategiDecision.objects.filter(
        council_period__municipality__slug="bergen",
        council_period__first_year=2019,
        plan__is_published=True,
    )
    continued = held.filter(decision="continue").count()
    assert f"Videreføres uten endringer 42 {continued}" in text
    assert f"Nytt planarbeid 42 {held.filter(decision='new').count()}" in text
    for decision in held.select_related("plan"):
        assert decision.plan.title in text
    assert read_pdf(response.content).metadata.title == (
        "Kommunal planstrategi — planbehov 2019–2023"
    )


def test_public_report_leaves_drafts_out_a_planner_sees_them_marked(client):
    decision = PlanstrategiDecision.objects.filter(
        council_period__municipality__slug="bergen", council_period__first_year=2023
    ).first()
    Plan.objects.filter(pk=decision.plan_id).update(is_published=False)
    url = "/rapporter/planstrategi/2023-2027/?kommune=bergen"
    assert decision.plan.title not in client.get(url).content.decode()
    client.force_login(member("planlegger", decision.plan.department, Role.PLANNER))
    page = client.get(url).content.decode()
    assert decision.plan.title in page
    assert "(Utkast)" in page

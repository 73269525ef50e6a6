"""The home page's open hearings: those closing first, a link to the rest."""

import pytest

from tests.factories import UncheckedConsultationFactory
from tests.helpers import day

pytestmark = pytest.mark.django_db


def test_home_lists_the_six_hearings_closing_first_and_links_to_the_rest(client, make_plan):
    plan = make_plan(title="Skolebruksplan")
    for number in range(8):
        UncheckedConsultationFactory(
            plan=plan, title=f"Høring {number}", starts_on=day(-5), deadline=day(8 - number)
        )
    html = client.get("/").content.decode()
    shown = [f"Høring {number}" for number in range(8) if f">Høring {number}<" in html]
    assert shown == [f"Høring {number}" for number in range(2, 8)]
    assert html.index(">Høring 7<") < html.index(">Høring 2<")
    assert "Se alle åpne høringer" in html


def test_home_needs_no_link_when_every_open_hearing_is_listed(client, make_plan):
    plan = make_plan(title="Skolebruksplan")
    UncheckedConsultationFactory(plan=plan, starts_on=day(-5), deadline=day(8))
    assert "Se alle åpne høringer" not in client.get("/").content.decode()

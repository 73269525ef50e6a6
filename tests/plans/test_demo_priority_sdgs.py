"""The demo's priority SDGs: Bærum's council chose for 2023–2027 (seed 004), Bergen has not."""

from datetime import date

import pytest
from django.core.management import call_command

from hierarchy.models import GoalNode
from plans.models import Municipality, PrioritySdgChoice
from plans.selectors import priority_sdgs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_for_module")]

DEMO_TODAY = date(2026, 12, 1)


def test_baerum_chose_8_11_and_13_for_2023_2027_and_bergen_has_not_chosen():
    bergen = Municipality.objects.get(number="4601")
    baerum = Municipality.objects.get(number="3201")
    found = priority_sdgs([bergen.pk, baerum.pk], today=DEMO_TODAY)
    period, chosen = found[baerum.pk]
    assert (str(period), [sdg.number for sdg in chosen]) == ("2023–2027", [8, 11, 13])
    period, chosen = found[bergen.pk]
    assert (str(period), chosen) == ("2023–2027", [])


def test_the_demo_pages_show_baerums_choice_and_bergens_missing_one(client):
    plans = client.get("/planer/", {"baerekraftsmal": "prioriterte"})
    listed = {plan.municipality.name for plan in plans.context["page"].object_list}
    assert listed == {"Bærum"}
    assert "Klimastrategi 2030" in plans.content.decode()
    tree = client.get("/mal/", {"baerekraftsmal": "prioriterte"})
    assert tree.context["page"].matches > 0
    assert GoalNode.objects.filter(municipality__number="3201", sdgs__number=13).exists()


def test_loading_the_demo_again_logs_the_choice_once():
    logged = PrioritySdgChoice.objects.count()
    call_command("load_demo", verbosity=0)
    assert PrioritySdgChoice.objects.count() == logged == 1

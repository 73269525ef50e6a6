"""The timeline drawing on the plan page names each milestone on its row, not only a number."""

import re

import pytest

from tests.factories import MilestoneFactory

pytestmark = pytest.mark.django_db


def test_each_row_of_the_drawing_carries_the_milestones_name(client, make_plan):
    plan = make_plan(title="Skolebruksplan")
    MilestoneFactory(plan=plan, title="Oppstart av planarbeidet")
    MilestoneFactory(
        plan=plan, title="Høring av skolebruksplanen med et svært langt navn til slutt"
    )
    html = client.get(plan.get_absolute_url()).content.decode()
    labels = re.findall(r'<text class="timeline-svg__label"[^>]*>([^<]*)</text>', html)
    assert labels[0] == "1. Oppstart av planarbeidet"
    # A long name is cut in the drawing; the table below has it whole.
    assert labels[1].startswith("2. Høring av skolebruksplanen") and labels[1].endswith("…")
    assert "Høring av skolebruksplanen med et svært langt navn til slutt</th>" in html

"""A coordinator saves an edition in a real browser; the pages pass axe-core."""

import pytest
from playwright.sync_api import expect

from plans.models import Role
from reports.models import ReportEdition
from tests.helpers import member

from .conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "et-langt-passord-for-testene"


def test_a_coordinator_saves_an_edition_and_anyone_can_read_it(page, make_plan, bbs):
    make_plan(title="Kulturstrategi for Bergen")
    coordinator = member("koordinator", bbs, Role.COORDINATOR)
    coordinator.set_password(PASSWORD)
    coordinator.save()
    page.goto("/logg-inn/")
    page.get_by_label("Brukernavn").fill("koordinator")
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()

    page.goto("/rapporter/portefolje/?kommune=bergen")
    assert_accessible(page)
    page.get_by_role("button", name="Lagre utgave").click()
    expect(page.get_by_text("Utgaven er lagret")).to_be_visible()
    assert_accessible(page)
    edition = ReportEdition.objects.get()
    assert page.url.endswith(edition.get_absolute_url())

    page.context.clear_cookies()
    page.goto("/rapporter/utgaver/?kommune=bergen")
    expect(page.get_by_role("link", name="Planporteføljen")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Planporteføljen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Planporteføljen")
    assert_accessible(page)

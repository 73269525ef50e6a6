"""A coordinator imports a plan list in a real browser, by keyboard where it matters."""

import pytest
from playwright.sync_api import expect

from plans.models import Department, Membership, Plan, Role
from tests.factories import UserFactory
from tests.plans.exchange_helpers import csv_bytes

from .conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "et-langt-og-trygt-passord"
HEADINGS = ["Tittel", "Plantype", "Status", "Ansvarlig avdeling", "Vedtaksdato"]


@pytest.fixture
def coordinator(demo_data):
    user = UserFactory(username="ola")
    user.set_password(PASSWORD)
    user.save()
    department = Department.objects.get(municipality__slug="bergen", short_name="BBS")
    Membership.objects.create(user=user, department=department, role=Role.COORDINATOR)
    return user


def upload(page, rows):
    page.get_by_label("Planlisten (CSV eller XLSX)").set_input_files(
        {"name": "planer.csv", "mimeType": "text/csv", "buffer": csv_bytes(HEADINGS, rows)}
    )
    page.get_by_role("button", name="Kontroller filen").click()


def test_the_coordinator_sees_the_errors_then_imports_the_corrected_file(page, coordinator):
    page.goto("/logg-inn/")
    page.get_by_label("Brukernavn").fill("ola")
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.get_by_role("link", name="Importer planliste fra regneark").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Importer planliste")
    assert_accessible(page)

    upload(page, [["Plan for lekeplasser", "Temaplan", "Vedtatt", "BBS", "31.02.2026"]])

    expect(page.get_by_role("heading", name="Filen har 1 feil")).to_be_visible()
    expect(
        page.get_by_text("Vedtaksdato: «31.02.2026» er ikke en dato som finnes.")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Last opp filen på nytt").click()
    upload(page, [["Plan for lekeplasser", "Temaplan", "Vedtatt", "BBS", "28.02.2026"]])
    expect(page.get_by_role("heading", name="1 plan er klar til import")).to_be_visible()
    assert_accessible(page)
    confirm = page.get_by_role("button", name="Importer 1 plan")
    confirm.focus()
    page.keyboard.press("Enter")

    expect(page.get_by_text("1 plan er importert til Bergen.")).to_be_visible()
    assert Plan.objects.filter(title="Plan for lekeplasser", municipality__slug="bergen").exists()

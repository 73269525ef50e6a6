"""Priority SDGs in a real browser: the coordinators' page and the pages with the marks pass
axe-core, and a coordinator chooses by keyboard-reachable checkboxes."""

import pytest
from playwright.sync_api import expect

from plans.models import CouncilPeriod, Membership, Municipality, Role
from tests.factories import UserFactory

from .conftest import assert_accessible
from .test_workspace import PASSWORD, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def baerum_coordinator(demo_data):
    user = UserFactory(username="kari")
    user.set_password(PASSWORD)
    user.save()
    department = Municipality.objects.get(slug="baerum").departments.first()
    Membership.objects.create(user=user, department=department, role=Role.COORDINATOR)
    return user


def test_coordinator_chooses_priority_sdgs_on_an_accessible_page(page, baerum_coordinator):
    sign_in(page, "kari")
    page.get_by_role("link", name="Prioriterte bærekraftsmål for valgperioden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Prioriterte bærekraftsmål")
    assert_accessible(page)
    old = CouncilPeriod.objects.get(municipality__slug="baerum", first_year=2019)
    form = page.locator(f"#periode-{old.pk}")
    form.get_by_label("Stoppe klimaendringene").check()
    form.get_by_role("button", name="Lagre for 2019–2023").click()
    expect(page.get_by_text("Velg to eller tre bærekraftsmål")).to_be_visible()
    assert_accessible(page)  # with the refusal shown
    form = page.locator(f"#periode-{old.pk}")
    form.get_by_label("God helse og livskvalitet").check()
    form.get_by_role("button", name="Lagre for 2019–2023").click()
    expect(page.get_by_text("Bærekraftsmålene for Bærum 2019–2023 er lagret.")).to_be_visible()
    assert sorted(old.priority_sdgs.values_list("number", flat=True)) == [3, 13]


def test_pages_with_priority_marks_pass_axe(page, demo_data):
    for path in [
        "/planer/?baerekraftsmal=prioriterte",
        "/planer/baerum-klimastrategi-2030/",
        "/mal/?baerekraftsmal=prioriterte",
    ]:
        page.goto(path)
        expect(page.locator(".priority-mark").first).to_contain_text("Prioritert")
        assert_accessible(page)

"""Bergen exported and imported into an empty municipality: the same plans, the same goal tree."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from hierarchy.exchange import tree_table
from hierarchy.goal_import import import_tree
from plans.models import Area, CouncilPeriod, Department, Municipality
from plans.plan_import import import_file
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def empty_municipality(demo_for_module):
    """A municipality with Bergen's departments, council periods and areas, and no plans."""
    bergen = Municipality.objects.get(slug="bergen")
    other = MunicipalityFactory(name="Nyby")
    for department in bergen.departments.all():
        Department.objects.create(
            municipality=other,
            name=department.name,
            short_name=department.short_name,
            slug=department.slug,
        )
    for period in CouncilPeriod.objects.filter(municipality=bergen):
        CouncilPeriod.objects.create(
            municipality=other, first_year=period.first_year, last_year=period.last_year
        )
    for area in bergen.areas.all():
        Area.objects.create(
            municipality=other, name=area.name, kind=area.kind, slug=f"nyby-{area.slug}"
        )
    return other


def plan_list(municipality):
    """Everything a plan of ``municipality`` says, without what makes it a copy (ids, slugs)."""
    return sorted(
        (
            plan.title,
            plan.plan_type,
            plan.status,
            plan.department.name,
            str(plan.council_period or ""),
            plan.valid_from,
            plan.valid_to,
            plan.adopted_on,
            plan.adopted_by,
            plan.case_number,
            plan.decision_url,
            plan.next_revision_due,
            plan.implements.title if plan.implements else "",
            plan.replaces.title if plan.replaces else "",
            sorted(sdg.number for sdg in plan.sdgs.all()),
            sorted(theme.name for theme in plan.themes.all()),
            sorted(area.name for area in plan.areas.all()),
            plan.summary,
            plan.contact_name,
            plan.contact_email,
            plan.is_published,
        )
        for plan in municipality.plans.select_related(
            "department", "council_period", "implements", "replaces"
        )
    )


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_bergens_plans_exported_and_imported_into_an_empty_municipality_are_the_same(
    client, empty_municipality, fmt
):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "x" * 20)
    client.force_login(admin)  # drafts too: the register's whole plan list
    exported = client.get(f"/planer/regneark.{fmt}?kommune=bergen").content

    result = import_file(exported, f"bergen.{fmt}", empty_municipality, admin, "round-trip")

    assert result.ok, [(row.line, row.errors) for row in result.rows if row.errors]
    bergen = Municipality.objects.get(slug="bergen")
    assert len(result.rows) == bergen.plans.count() > 20
    assert plan_list(empty_municipality) == plan_list(bergen)


def test_the_municipality_imported_plan_list_first_then_goal_tree_is_bergen_again(
    client, empty_municipality
):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "x" * 20)
    client.force_login(admin)
    plans = client.get("/planer/regneark.xlsx?kommune=bergen").content
    client.logout()
    tree = client.get("/mal/regneark/bergen.xlsx").content

    assert import_file(plans, "planer.xlsx", empty_municipality, admin, "plans").ok
    imported = import_tree(
        SimpleUploadedFile("maltre.xlsx", tree), empty_municipality, admin, token="tree"
    )

    bergen = Municipality.objects.get(slug="bergen")
    assert imported == len(tree_table(bergen)) > 20
    assert tree_table(empty_municipality) == tree_table(bergen)

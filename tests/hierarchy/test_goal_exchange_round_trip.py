"""The demo's goal trees exported and imported into a municipality without one: the same tree.

A municipality gets copies of the demo municipality's plans (same titles; slugs are unique in
the whole install), departments and areas, then the exported file is imported into it, and the
tree read back out of it must be the one that went in: every column of every row.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hierarchy import goal_import
from hierarchy.exchange import HEADINGS, tree_table
from hierarchy.models import GoalImport, GoalNode, NodeKind
from plans.models import Area, Department, Municipality, Plan
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_for_module")]

DEMO = {"bergen": "4601", "baerum": "3201"}


def copy_of(municipality, number):
    """A new municipality with the plans, departments and areas of ``municipality``, by name."""
    copy = Municipality.objects.create(
        name=f"Kopi av {municipality.name}", number=number, slug=f"kopi-{municipality.slug}"
    )
    departments = {}
    for department in municipality.departments.all():
        departments[department.pk] = Department.objects.create(
            municipality=copy,
            name=department.name,
            short_name=department.short_name,
            slug=department.slug,
        )
    for area in municipality.areas.all():
        Area.objects.create(
            municipality=copy, name=area.name, kind=area.kind, slug=f"kopi-{area.slug}"
        )
    copies = {}
    # A handlingsplan names the plan it implements: those after the plans they implement.
    for plan in sorted(municipality.plans.all(), key=lambda plan: plan.implements_id is not None):
        copies[plan.pk] = Plan.objects.create(
            implements=copies.get(plan.implements_id),
            municipality=copy,
            department=departments[plan.department_id],
            title=plan.title,
            slug=f"kopi-{plan.slug}",
            plan_type=plan.plan_type,
            status=plan.status,
            valid_from=plan.valid_from,
            valid_to=plan.valid_to,
            is_published=plan.is_published,
        )
    return copy


def exported(municipality, fmt):
    """The municipality's tree as an uploaded file of the format ``fmt``."""
    from django.test import Client

    response = Client().get(f"/mal/regneark/{municipality.slug}.{fmt}")
    assert response.status_code == 200
    return SimpleUploadedFile(f"maltre.{fmt}", response.content)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("demo", ["bergen", "baerum"])
def test_a_tree_exported_and_imported_is_the_same_tree(demo, fmt):
    original = Municipality.objects.get(number=DEMO[demo])
    table = tree_table(original)
    assert len(table) > 10
    # The demo's trees use what the columns carry.
    columns = {
        heading: any(row[i] not in ("", None) for row in table)
        for i, heading in enumerate(HEADINGS)
    }
    assert columns["Tittel"] and columns["Plan"] and columns["Bærekraftsmål"]
    copy = copy_of(original, "9" + DEMO[demo][1:])
    user = UserFactory(is_superuser=True)

    count = goal_import.import_tree(exported(original, fmt), copy, user, token=f"{demo}-{fmt}")

    assert count == len(table)
    assert tree_table(copy) == table
    nodes = GoalNode.objects.filter(municipality=copy)
    assert nodes.count() == len(table)
    assert nodes.filter(kind=NodeKind.VISION).count() == 1
    # Through the service: one creation record per node, by the user who imported.
    assert GoalNode.history.filter(
        municipality=copy, history_type="+", history_user=user
    ).count() == len(table)
    assert GoalImport.objects.get(municipality=copy).node_count == len(table)


def test_the_round_trip_keeps_every_column_the_demo_uses():
    """Every optional column has a value somewhere in the demo's exported trees, so the round
    trips above prove each of them."""
    rows = [
        row
        for number in DEMO.values()
        for row in tree_table(Municipality.objects.get(number=number))
    ]
    unused = [
        heading
        for i, heading in enumerate(HEADINGS)
        if not any(row[i] not in ("", None) for row in rows)
    ]
    assert unused == []

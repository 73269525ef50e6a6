"""The imports' records in the admin: listed for the administrator, never added or edited there."""

import pytest

from hierarchy.models import GoalImport
from plans.models import PlanImport

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [PlanImport, GoalImport])
def test_an_import_is_listed_and_cannot_be_made_or_changed_in_the_admin(admin_client, bbs, model):
    counted = {"plan_count": 3} if model is PlanImport else {"node_count": 3}
    record = model.objects.create(
        token="t", municipality=bbs.municipality, file_name="liste.xlsx", **counted
    )
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    assert "liste.xlsx" in admin_client.get(base).content.decode()
    assert admin_client.get(f"{base}add/").status_code == 403
    assert admin_client.post(f"{base}{record.pk}/change/", {"file_name": "x"}).status_code == 403
    record.refresh_from_db()
    assert record.file_name == "liste.xlsx"

"""The UN's 17 sustainable development goals with Norwegian names (FN-sambandet) and colours."""

from django.db import migrations

from plans.sdgs import SDGS, ensure_sdgs


def load_sdgs(apps, schema_editor):
    ensure_sdgs(apps.get_model("plans", "Sdg"))


def remove_sdgs(apps, schema_editor):
    apps.get_model("plans", "Sdg").objects.filter(number__in=[row[0] for row in SDGS]).delete()


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [migrations.RunPython(load_sdgs, remove_sdgs)]

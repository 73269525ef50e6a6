import django.contrib.postgres.search
from django.db import migrations, models

import planportal.fields


def create_search_indexes(apps, schema_editor):
    """PostgreSQL only: SQLite keeps the column empty and searches with icontains, and cannot
    make GIN indexes (so they are not in Plan.Meta.indexes).

    The search asks for the vector *or* a substring of the title (``plans.search``): PostgreSQL
    combines two indexes for that (a BitmapOr) only when both parts have one. The trigram index
    is on the expression Django writes for ``title__icontains``, UPPER(title::text) LIKE …
    """
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX plan_search_vector ON plans_plan USING gin (search_vector)"
    )
    schema_editor.execute(
        "CREATE INDEX plan_title_trigram ON plans_plan "
        "USING gin ((UPPER(title::text)) gin_trgm_ops)"
    )


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS plan_title_trigram")
        schema_editor.execute("DROP INDEX IF EXISTS plan_search_vector")


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0008_measure_report_interval"),
    ]

    operations = [
        migrations.AddField(
            model_name="plan",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=planportal.fields.OnPostgresql(
                    django.contrib.postgres.search.CombinedSearchVector(
                        django.contrib.postgres.search.SearchVector(
                            "title", config="norwegian", weight="A"
                        ),
                        "||",
                        django.contrib.postgres.search.SearchVector(
                            "summary", config="norwegian", weight="B"
                        ),
                        django.contrib.postgres.search.SearchConfig("norwegian"),
                    )
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(null=True),
                verbose_name="søkeord",
            ),
        ),
        migrations.RunPython(create_search_indexes, drop_search_indexes, elidable=False),
    ]

"""GoalNode.plan_top, kept by the database: true where a plan's part of the tree begins.

Triggers rather than save(): django-mptt moves nodes with SQL of its own, and a node's change of
plan changes its children's answer too. On PostgreSQL a BEFORE trigger sets the row's own flag
and an AFTER trigger corrects its children's (at the end of the statement, so children written
before their parent in one bulk insert are caught too). SQLite cannot change NEW, so an AFTER
trigger sets both.
"""

from django.db import migrations, models

TABLE = "hierarchy_goalnode"
IS_TOP = (
    "({row}.parent_id IS NULL OR NOT EXISTS (SELECT 1 FROM hierarchy_goalnode parent "
    "WHERE parent.id = {row}.parent_id AND parent.plan_id = {row}.plan_id))"
)
CHILDREN = (
    "UPDATE hierarchy_goalnode SET plan_top = (plan_id <> NEW.plan_id) "
    "WHERE parent_id = NEW.id AND plan_top <> (plan_id <> NEW.plan_id)"
)

POSTGRESQL = [
    f"""
CREATE OR REPLACE FUNCTION goalnode_own_plan_top() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.plan_top := {IS_TOP.format(row="NEW")};
    RETURN NEW;
END
$$""",
    "CREATE TRIGGER goalnode_own_plan_top BEFORE INSERT OR UPDATE OF parent_id, plan_id "
    f"ON {TABLE} FOR EACH ROW EXECUTE FUNCTION goalnode_own_plan_top()",
    f"""
CREATE OR REPLACE FUNCTION goalnode_children_plan_top() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {CHILDREN};
    RETURN NULL;
END
$$""",
    "CREATE TRIGGER goalnode_children_plan_top AFTER INSERT OR UPDATE OF plan_id "
    f"ON {TABLE} FOR EACH ROW EXECUTE FUNCTION goalnode_children_plan_top()",
]
POSTGRESQL_REVERSE = [
    f"DROP TRIGGER IF EXISTS goalnode_own_plan_top ON {TABLE}",
    f"DROP TRIGGER IF EXISTS goalnode_children_plan_top ON {TABLE}",
    "DROP FUNCTION IF EXISTS goalnode_own_plan_top()",
    "DROP FUNCTION IF EXISTS goalnode_children_plan_top()",
]

SQLITE_BODY = (
    f"UPDATE {TABLE} SET plan_top = {IS_TOP.format(row='NEW')} WHERE id = NEW.id; {CHILDREN};"
)
SQLITE = [
    f"CREATE TRIGGER goalnode_plan_top_insert AFTER INSERT ON {TABLE} BEGIN {SQLITE_BODY} END",
    f"CREATE TRIGGER goalnode_plan_top_update AFTER UPDATE OF parent_id, plan_id ON {TABLE} "
    f"BEGIN {SQLITE_BODY} END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS goalnode_plan_top_insert",
    "DROP TRIGGER IF EXISTS goalnode_plan_top_update",
]

FILL = f"UPDATE {TABLE} SET plan_top = {IS_TOP.format(row=TABLE)}"


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("hierarchy", "0005_goalnode_tree_order_index"),
        ("plans", "0010_plan_title_order"),
    ]

    operations = [
        migrations.AddField(
            model_name="goalnode",
            name="plan_top",
            field=models.BooleanField(
                default=True, editable=False, verbose_name="øverst i sin plan"
            ),
        ),
        migrations.RunPython(
            _run({"postgresql": [*POSTGRESQL, FILL], "sqlite": [*SQLITE, FILL]}),
            _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
            elidable=False,
        ),
        migrations.AddIndex(
            model_name="goalnode",
            index=models.Index(
                condition=models.Q(("parent__isnull", False), ("plan_top", True)),
                fields=["plan", "tree_id", "lft"],
                name="goalnode_plan_tops",
            ),
        ),
    ]

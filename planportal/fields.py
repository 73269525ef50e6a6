from django.db import models


class HttpsURLField(models.URLField):
    """A link field whose form reads a link typed without a scheme as https (Django 6 does)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class OnPostgresql(models.Func):
    """``expression`` on PostgreSQL and NULL on other databases: for a generated column only
    PostgreSQL's queries read (a full-text search vector), kept empty on SQLite."""

    def as_sql(self, compiler, connection, **extra_context):
        if connection.vendor != "postgresql":
            return "NULL", []
        return compiler.compile(self.source_expressions[0])

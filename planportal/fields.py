from django.db import models


class HttpsURLField(models.URLField):
    """A link field whose form reads a link typed without a scheme as https (Django 6 does)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})

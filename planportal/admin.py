from csp.decorators import csp_update
from django.contrib import admin
from django.utils.decorators import method_decorator
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    """django-simple-history's admin within the Content Security Policy."""

    # The history list carries one style attribute (style="border-top: 0" on its paginator);
    # allow exactly that one by its hash, and nothing else.
    @method_decorator(
        csp_update(
            {
                "style-src-attr": [
                    "'unsafe-hashes'",
                    "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='",
                ]
            }
        )
    )
    def history_view(self, request, object_id, extra_context=None):
        return super().history_view(request, object_id, extra_context)


class RecordAdmin(admin.ModelAdmin):
    """A log the portal writes itself (who imported which file, and when): read, never edited."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

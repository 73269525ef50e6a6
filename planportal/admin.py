from csp.decorators import csp_update
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

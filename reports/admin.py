from django.contrib import admin

from .models import ReportEdition


@admin.register(ReportEdition)
class ReportEditionAdmin(admin.ModelAdmin):
    """Shown, never added, changed or deleted: an edition's address must keep its bytes."""

    list_display = ["title", "saved_at", "municipality", "saved_by", "size", "checksum"]
    list_filter = ["report_name", "municipality"]
    list_select_related = ["municipality", "saved_by"]
    search_fields = ["title", "checksum"]
    exclude = ["pdf"]
    readonly_fields = [
        "report_name",
        "title",
        "query",
        "url_kwargs",
        "language",
        "municipality",
        "saved_at",
        "saved_by",
        "data_as_of",
        "checksum",
        "size",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("pdf")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

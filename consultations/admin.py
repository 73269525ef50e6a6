from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from planportal.admin import HistoryAdmin
from planportal.editing import ServiceAdminMixin

from .models import (
    Consultation,
    ConsultationDocument,
    ConsultationPolicy,
    Milestone,
    Submission,
)
from .services import consultation_save, milestone_save


@admin.register(Milestone)
class MilestoneAdmin(ServiceAdminMixin, HistoryAdmin):
    list_display = ["__str__", "plan", "kind", "tentative", "completed_on"]
    list_filter = ["kind", "precision", "tentative", "plan__municipality"]
    search_fields = ["title", "body", "plan__title"]
    autocomplete_fields = ["plan"]
    date_hierarchy = "planned_start"

    def service_save(self, request, obj, m2m, formsets):
        milestone_save(milestone=obj, user=request.user)


class ConsultationDocumentInline(admin.TabularInline):
    model = ConsultationDocument
    extra = 0


@admin.register(Consultation)
class ConsultationAdmin(ServiceAdminMixin, HistoryAdmin):
    list_display = ["title", "plan", "kind", "starts_on", "deadline"]
    list_filter = ["kind", "plan__municipality"]
    search_fields = ["title", "plan__title"]
    autocomplete_fields = ["plan"]
    date_hierarchy = "starts_on"
    inlines = [ConsultationDocumentInline]

    def service_save(self, request, obj, m2m, formsets):
        # The hearing and its documents together, as the workspace saves them.
        documents = next((f for f in formsets if f.model is ConsultationDocument), None)
        consultation_save(consultation=obj, user=request.user, documents=documents)
        return [documents]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["reference", "consultation", "received_at", "state", "handled_at"]
    list_filter = ["state", "consultation__plan__municipality"]
    search_fields = ["reference", "name", "organisation", "consultation__title"]
    readonly_fields = ["reference", "received_at", "anonymised_at", "client_key"]
    raw_id_fields = ["consultation", "moderated_by"]


@admin.register(ConsultationPolicy)
class ConsultationPolicyAdmin(admin.ModelAdmin):
    list_display = ["municipality", "default_minimum_days", "retention_days_after_adoption"]
    fieldsets = [
        (None, {"fields": ["municipality"]}),
        (_("Regler"), {"fields": ["default_minimum_days", "retention_days_after_adoption"]}),
    ]

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from planportal.admin import HistoryAdmin, RecordAdmin
from planportal.editing import ServiceAdminMixin

from .models import (
    Area,
    CouncilPeriod,
    Department,
    Membership,
    Municipality,
    Plan,
    PlanDocument,
    PlanImport,
    PlanStatusChange,
    PlanstrategiAdoption,
    PlanstrategiDecision,
    PrioritySdgChoice,
    Sdg,
    Theme,
    validate_priority_sdgs,
)
from .planstrategi import planstrategi_adoption_save
from .services import plan_save, priority_sdgs_save


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "number", "slug", "measure_report_interval_months"]
    search_fields = ["name", "number"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}


class CouncilPeriodForm(forms.ModelForm):
    class Meta:
        model = CouncilPeriod
        fields = ["municipality", "first_year", "last_year", "priority_sdgs"]
        widgets = {"priority_sdgs": forms.CheckboxSelectMultiple}

    def clean_priority_sdgs(self):
        chosen = self.cleaned_data["priority_sdgs"]
        validate_priority_sdgs(chosen)
        return chosen


class PrioritySdgChoiceInline(admin.TabularInline):
    """The log of the period's priority SDG choices, read only: the service writes it."""

    model = PrioritySdgChoice
    extra = 0
    can_delete = False
    fields = readonly_fields = ["sdg_numbers", "chosen_by", "chosen_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CouncilPeriod)
class CouncilPeriodAdmin(admin.ModelAdmin):
    form = CouncilPeriodForm
    list_display = ["__str__", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["first_year", "last_year", "municipality__name"]
    inlines = [PrioritySdgChoiceInline]

    def save_related(self, request, form, formsets, change):
        # The priority SDGs go through the service, which logs the choice and counts its
        # version; only a changed choice is saved, so editing the years logs nothing.
        chosen = list(form.cleaned_data["priority_sdgs"])
        period = form.instance
        if set(chosen) != set(period.priority_sdgs.all()):
            priority_sdgs_save(period=period, sdgs=chosen, user=request.user)
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


@admin.register(Sdg)
class SdgAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "name_en", "colour"]
    search_fields = ["name", "name_en"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality"]
    list_filter = ["municipality", "kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class PlanDocumentInline(admin.TabularInline):
    model = PlanDocument
    extra = 1


class PlanstrategiDecisionInline(admin.TabularInline):
    model = PlanstrategiDecision
    extra = 0
    autocomplete_fields = ["council_period"]


class PlanStatusChangeInline(admin.TabularInline):
    model = PlanStatusChange
    extra = 0
    fields = ["changed_on", "status", "note", "recorded_by"]
    readonly_fields = ["recorded_by"]


@admin.register(Plan)
class PlanAdmin(ServiceAdminMixin, HistoryAdmin):
    list_display = [
        "title",
        "plan_type",
        "status",
        "department",
        "municipality",
        "validity",
        "is_published",
        "updated_at",
    ]
    list_filter = ["municipality", "plan_type", "status", "is_published", "department"]
    search_fields = ["title", "summary", "department__name", "department__short_name"]
    date_hierarchy = "updated_at"
    autocomplete_fields = ["department", "replaces", "implements", "council_period"]
    filter_horizontal = ["sdgs", "themes", "areas"]
    list_select_related = ["department", "municipality"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [PlanDocumentInline, PlanstrategiDecisionInline, PlanStatusChangeInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "municipality", "department", "plan_type", "status"]}),
        (
            _("Innhold"),
            {
                "fields": [
                    "summary",
                    "contact_name",
                    "contact_email",
                    "is_published",
                    "internal_note",
                    "shared_with_politicians",
                ]
            },
        ),
        (
            _("Periode og vedtak"),
            {
                "fields": [
                    "council_period",
                    ("valid_from", "valid_to"),
                    ("adopted_on", "adopted_by"),
                    ("case_number", "decision_url"),
                    "next_revision_due",
                ]
            },
        ),
        (_("Sammenhenger"), {"fields": ["replaces", "implements", "sdgs", "themes", "areas"]}),
        (_("Registrert"), {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.display(description=_("gyldighet"))
    def validity(self, plan):
        return plan.validity

    def service_save(self, request, obj, m2m, formsets):
        # Through the service: one history record with the new themes, areas and goals, and a
        # status change in the plan's status history.
        plan_save(plan=obj, user=request.user, m2m=m2m)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "department", "municipality"]
    list_filter = ["role", "department__municipality", "department"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "department__name"]
    autocomplete_fields = ["user", "department"]
    list_select_related = ["user", "department__municipality"]

    @admin.display(description=_("kommune"), ordering="department__municipality__name")
    def municipality(self, membership):
        return membership.department.municipality


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["department"]


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class UserWithMembershipsAdmin(UserAdmin):
    """Users with their roles in departments, edited on the same page."""

    inlines = [*UserAdmin.inlines, MembershipInline]


@admin.register(PlanstrategiAdoption)
class PlanstrategiAdoptionAdmin(ServiceAdminMixin, HistoryAdmin):
    """The totals a period's planstrategi adopted; the workbench records them too."""

    list_display = [
        "council_period",
        "municipality",
        "continued",
        "revised",
        "expired",
        "new",
        "plans_in_force",
    ]
    list_filter = ["council_period__municipality"]
    list_select_related = ["council_period__municipality"]
    autocomplete_fields = ["council_period"]

    @admin.display(description=_("kommune"), ordering="council_period__municipality__name")
    def municipality(self, obj):
        return obj.council_period.municipality

    def service_save(self, request, obj, m2m, formsets):
        # The admin's form was read with the row as it is now; the service checks the rules
        # and keeps the history, as the workbench's saves do.
        stored = PlanstrategiAdoption.objects.filter(pk=obj.pk).values_list("version", flat=True)
        planstrategi_adoption_save(adoption=obj, base_version=stored.first(), user=request.user)


@admin.register(PlanImport)
class PlanImportAdmin(RecordAdmin):
    list_display = ["file_name", "municipality", "plan_count", "imported_by", "imported_at"]
    list_filter = ["municipality"]

import base64
import hashlib

from csp.decorators import csp_update
from django import forms
from django.contrib import admin
from django.db import transaction
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from mptt.admin import MPTTModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from planportal.admin import RecordAdmin
from planportal.editing import ServiceAdminMixin

from .locking import lock_trees
from .models import GoalImport, GoalNode, MeasureFunding
from .models.node import area_errors, contribution_errors
from .services import node_delete, node_save


def _style_hash(style):
    digest = hashlib.sha256(style.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


# django-mptt indents the tree in the change list with a style attribute per row
# (style="padding-left:8px", 18px, 28px, … by level; mptt/templatetags/mptt_admin.py). The
# policy forbids style attributes, so allow exactly those, by their hashes, on that page only.
# django-simple-history's history list carries one more (style="border-top: 0").
LEVEL_INDENT = 10
MAX_INDENTED_LEVEL = 20
TREE_INDENT_HASHES = [
    _style_hash(f"padding-left:{8 + LEVEL_INDENT * level}px")
    for level in range(MAX_INDENTED_LEVEL + 1)
]
HISTORY_STYLE_HASH = "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"


class MeasureFundingInline(admin.TabularInline):
    model = MeasureFunding
    extra = 0
    verbose_name_plural = _("bevilgninger (bare tiltak i handlings- og økonomiplanen)")


class GoalNodeAdminForm(forms.ModelForm):
    """A plain model form, not mptt's MPTTAdminForm: that one drops the node's own subtree from
    the parent choices and answers "not a valid choice"; the model's rule says why. The admin
    saves the links itself, so the rules for them (contributions, areas) are checked here."""

    def clean(self):
        cleaned = super().clean()
        plan, targets = cleaned.get("plan"), cleaned.get("contributes_to")
        if plan is not None and targets is not None:
            node = GoalNode(pk=self.instance.pk, plan=plan, parent=cleaned.get("parent"))
            for message in contribution_errors(node, targets):
                self.add_error("contributes_to", message)
        areas = cleaned.get("areas")
        if plan is not None and areas:
            node = GoalNode(plan=plan, kind=cleaned.get("kind"))
            node.municipality_id = plan.municipality_id
            for message in area_errors(node, areas):
                self.add_error("areas", message)
        return cleaned


@admin.register(GoalNode)
class GoalNodeAdmin(ServiceAdminMixin, SimpleHistoryAdmin, MPTTModelAdmin):
    """The goal tree in tree order. Saves and deletes go through ``hierarchy.services``."""

    form = GoalNodeAdminForm
    mptt_level_indent = LEVEL_INDENT
    list_display = ["title", "kind", "plan", "municipality", "status", "progress"]
    list_filter = ["kind", "municipality", "plan__plan_type", "status"]
    search_fields = ["title", "description", "plan__title"]
    list_select_related = ["plan", "municipality"]
    autocomplete_fields = ["plan", "parent", "responsible_department", "contributes_to", "areas"]
    filter_horizontal = ["sdgs"]
    readonly_fields = ["municipality"]
    inlines = [MeasureFundingInline]
    fieldsets = [
        (None, {"fields": ["plan", "municipality", "parent", "kind", "title", "description"]}),
        (
            _("Tiltak"),
            {
                "fields": [
                    "responsible_department",
                    ("status", "progress"),
                    ("start_year", "end_year"),
                    "weight",
                    "areas",
                ]
            },
        ),
        (_("Sammenhenger"), {"fields": ["contributes_to", "sdgs"]}),
    ]

    @method_decorator(csp_update({"style-src-attr": ["'unsafe-hashes'", *TREE_INDENT_HASHES]}))
    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, extra_context)

    @method_decorator(csp_update({"style-src-attr": ["'unsafe-hashes'", HISTORY_STYLE_HASH]}))
    def history_view(self, request, object_id, extra_context=None):
        return super().history_view(request, object_id, extra_context)

    def service_save(self, request, obj, m2m, formsets):
        # The form has already run the model's rules (clean() and the constraints) and shown
        # any refusal next to its field; the service checks them again and saves the node with
        # its links in a transaction, one history record per save.
        node_save(node=obj, user=request.user, m2m=m2m)

    def delete_model(self, request, obj):
        node_delete(node=obj)

    def delete_selected_tree(self, modeladmin, request, queryset):
        # django-mptt's bulk delete, behind the same tree lock as the services' writes.
        if not request.POST.get("post"):
            return super().delete_selected_tree(modeladmin, request, queryset)
        with transaction.atomic():
            lock_trees(*queryset.select_related("plan"))
            return super().delete_selected_tree(modeladmin, request, queryset)


@admin.register(GoalImport)
class GoalImportAdmin(RecordAdmin):
    list_display = ["file_name", "municipality", "node_count", "imported_by", "imported_at"]
    list_filter = ["municipality"]

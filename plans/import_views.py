"""The plan coordinators' import of a plan list at /arbeidsflate/importer-planer/.

Upload, preview, confirm: the file is kept in the session between the preview and the
confirmation, so nothing is written until the coordinator has seen every row.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from planportal import waiting_files
from planportal.forms import DesignsystemetForm
from planportal.spreadsheets import SpreadsheetError, check_size, table_response

from . import exchange, permissions
from .models import Municipality
from .plan_import import AlreadyImported, check_file, import_file
from .workspace_views import workspace_member_required

SESSION_KEY = "plan_import"


class PlanImportForm(DesignsystemetForm, forms.Form):
    municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.none(), label=gettext_lazy("Kommune"), empty_label=None
    )
    file = forms.FileField(
        label=gettext_lazy("Planlisten (CSV eller XLSX)"),
        help_text=gettext_lazy("Høyst 2 MB. Første linje har kolonneoverskriftene."),
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.style_fields()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_size(upload)  # before the view reads it into memory
        except SpreadsheetError as error:
            raise forms.ValidationError(error.message) from error
        return upload


def _coordinated(request):
    ids = permissions.coordinated_municipalities(request.user)
    if not ids:
        raise PermissionDenied
    return Municipality.objects.filter(pk__in=ids).order_by("name")


@workspace_member_required
def plan_import(request):
    """The upload form; a file sent is checked and shown as a preview, nothing written."""
    municipalities = _coordinated(request)
    form = PlanImportForm(
        request.POST or None, request.FILES or None, municipalities=municipalities
    )
    if request.method == "POST" and form.is_valid():
        upload, municipality = form.cleaned_data["file"], form.cleaned_data["municipality"]
        content = upload.read()
        result = check_file(content, upload.name, municipality, request.user)
        waiting_files.forget(request.session, SESSION_KEY)
        token = None
        if result.ok:
            token = waiting_files.keep(
                request.session,
                SESSION_KEY,
                municipality_id=municipality.pk,
                name=upload.name,
                content=content,
            )
        return _preview(request, result, municipality, upload.name, token)
    return render(request, "plans/workspace/plan_import.html", {"form": form})


def _preview(request, result, municipality, file_name, token):
    context = {
        "result": result,
        "municipality": municipality,
        "file_name": file_name,
        "token": token,
    }
    return render(request, "plans/workspace/plan_import_preview.html", context)


@require_POST
@workspace_member_required
def plan_import_confirm(request):
    kept = waiting_files.waiting(request.session, SESSION_KEY, request.POST.get("token"))
    if kept is None:
        messages.error(
            request,
            _(
                "Importen er allerede gjort, eller forhåndsvisningen er for gammel. "
                "Last opp filen på nytt."
            ),
        )
        return redirect("workspace:plan-import")
    municipality = _coordinated(request).filter(pk=kept.municipality_id).first()
    if municipality is None:
        raise PermissionDenied
    try:
        result = import_file(kept.content, kept.name, municipality, request.user, kept.token)
    except AlreadyImported:
        waiting_files.forget(request.session, SESSION_KEY)
        messages.info(request, _("Planlisten er allerede importert."))
        return redirect("workspace:home")
    if not result.ok:
        # The register changed since the preview: the rows are shown again with their errors.
        return _preview(request, result, municipality, kept.name, None)
    waiting_files.forget(request.session, SESSION_KEY)
    count = len(result.rows)
    messages.success(
        request,
        ngettext(
            "%(count)s plan er importert til %(municipality)s.",
            "%(count)s planer er importert til %(municipality)s.",
            count,
        )
        % {"count": count, "municipality": municipality.name},
    )
    return redirect("workspace:home")


@workspace_member_required
def plan_import_template(request, fmt):
    """The headings the import reads, with one example row."""
    _coordinated(request)
    with translation.override("nb"):
        headings = [str(heading) for heading in exchange.IMPORTED]
        example = exchange.example_row()
    return table_response(fmt, "planliste-mal", "Planer", headings, [example])

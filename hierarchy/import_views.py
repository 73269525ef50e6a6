"""Importing a goal tree from a spreadsheet at /arbeidsflate/mal/import/, for plan coordinators.

Upload, preview, confirm. The preview shows every row with what is wrong with it and writes
nothing (``hierarchy.goal_import``); the file waits in the session, under a token, until the
coordinator confirms, and the confirmation imports it once: a second click finds the token
used and is told so.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from planportal import waiting_files
from planportal.spreadsheets import SpreadsheetError, table_response
from plans.models import Municipality
from plans.permissions import can_coordinate, coordinated_municipalities
from plans.workspace_views import workspace_member_required

from . import exchange, goal_import
from .import_forms import GoalImportForm

SESSION_KEY = "goal_import"
EXAMPLE_ROW = {
    exchange.CODE: "1.1.1.1",
    exchange.PARENT_CODE: "1.1.1",
    exchange.KIND: "Tiltak",
    exchange.TITLE: "Trygge skoleveier",
    exchange.DESCRIPTION: "Fortau og krysningspunkter ved alle barneskoler.",
    exchange.PLAN: "Trafikksikkerhetsplan 2024–2027",
    exchange.DEPARTMENT: "Byrådsavdeling for klima, miljø og byutvikling",
    exchange.STATUS: "Pågår",
    exchange.PROGRESS: 40,
    exchange.START_YEAR: 2024,
    exchange.END_YEAR: 2027,
    exchange.WEIGHT: 1,
    exchange.SDGS: "3, 11",
    exchange.AREAS: "Årstad",
    exchange.CONTRIBUTES_TO: "1.2",
    exchange.FUNDING: "2025: 1200; 2026: 1500",
}


def _coordinated(user):
    """The municipalities the user imports into; 403 for a user who coordinates none."""
    municipalities = Municipality.objects.filter(pk__in=coordinated_municipalities(user))
    if not municipalities:
        raise PermissionDenied
    return municipalities


def _refuse_other_municipality(request):
    """403 when the form names a municipality the user does not coordinate."""
    raw = request.POST.get("kommune", "")
    if raw.isdecimal() and not can_coordinate(request.user, int(raw)):
        raise PermissionDenied


def _upload(kept):
    return SimpleUploadedFile(kept.name, kept.content)


def _preview_page(request, form, result, municipality, token=None):
    context = {
        "form": form,
        "preview": result,
        "municipality": municipality,
        "token": token,
        "headings": exchange.HEADINGS,
        "with_trees": [
            each.name for each in goal_import.municipalities_with_trees(form.municipalities)
        ],
        "vision_clash": (
            goal_import.vision_clash_message(result.existing_vision)
            if result and result.existing_vision
            else None
        ),
    }
    return render(request, "hierarchy/workspace/goal_import.html", context)


@workspace_member_required
def goal_import_page(request):
    """The upload form (GET), and the preview of an uploaded file (POST)."""
    municipalities = _coordinated(request.user)
    if request.method != "POST":
        form = GoalImportForm(municipalities=municipalities)
        return _preview_page(request, form, None, None)
    _refuse_other_municipality(request)
    form = GoalImportForm(request.POST, request.FILES, municipalities=municipalities)
    if not form.is_valid():
        return _preview_page(request, form, None, None)
    upload, municipality = form.cleaned_data["fil"], form.municipality
    try:
        result = goal_import.preview(upload, municipality, request.user)
    except SpreadsheetError as error:
        form.add_error("fil", error.message)
        return _preview_page(request, form, None, None)
    token = None
    waiting_files.forget(request.session, SESSION_KEY)
    if result.is_valid:
        upload.seek(0)
        token = waiting_files.keep(
            request.session,
            SESSION_KEY,
            municipality_id=municipality.pk,
            name=upload.name,
            content=upload.read(),
        )
    return _preview_page(
        request, GoalImportForm(municipalities=municipalities), result, municipality, token
    )


@require_POST
@workspace_member_required
def goal_import_confirm(request):
    """Import the file previewed, once."""
    _coordinated(request.user)
    kept = waiting_files.waiting(request.session, SESSION_KEY, request.POST.get("token"))
    if kept is None:
        # The file was imported (the session forgot it), or another file previewed since.
        messages.error(request, str(goal_import.NOT_WAITING))
        return redirect("goal-workspace:goal-import")
    if not can_coordinate(request.user, kept.municipality_id):
        raise PermissionDenied
    municipality = Municipality.objects.get(pk=kept.municipality_id)
    try:
        count = goal_import.import_tree(_upload(kept), municipality, request.user, token=kept.token)
    except goal_import.ImportRefused as refused:
        if refused.preview is None:
            messages.error(request, str(refused.message))
            return redirect("goal-workspace:goal-import")
        waiting_files.forget(request.session, SESSION_KEY)
        form = GoalImportForm(municipalities=_coordinated(request.user))
        return _preview_page(request, form, refused.preview, municipality)
    except SpreadsheetError as error:
        messages.error(request, error.message)
        return redirect("goal-workspace:goal-import")
    waiting_files.forget(request.session, SESSION_KEY)
    messages.success(
        request,
        ngettext(
            "%(count)s mål eller tiltak er importert til måltreet for %(municipality)s.",
            "%(count)s mål og tiltak er importert til måltreet for %(municipality)s.",
            count,
        )
        % {"count": count, "municipality": municipality.name},
    )
    return redirect(f"{reverse('hierarchy:tree')}?kommune={municipality.slug}")


@workspace_member_required
def goal_import_template(request, fmt):
    """An empty file to fill in: the headings and one example row."""
    _coordinated(request.user)
    row = [EXAMPLE_ROW[heading] for heading in exchange.HEADINGS]
    return table_response(fmt, "maltre-mal", exchange.SHEET_TITLE, exchange.HEADINGS, [row])

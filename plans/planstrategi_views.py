"""The planstrategi (plan- og bygningsloven § 10-1): the coordinators' workbench at
/arbeidsflate/planstrategi/ and the public page /planstrategi/<first>-<last>/.

The public page's report links are added above the apps (templates/plans/planstrategi.html).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from planportal.context_processors import holds_several_municipalities
from planportal.filtering import MunicipalityForm
from planportal.page_cache import cached_for_anonymous

from . import permissions
from .models import CouncilPeriod
from .planstrategi import (
    AdoptionConflict,
    DecisionChoice,
    DecisionErrors,
    planstrategi_adoption_save,
    planstrategi_decisions_save,
    planstrategi_new_plan,
)
from .planstrategi_forms import AdoptionForm, DecisionRowForm, NewPlanForm
from .selectors import (
    council_periods_of,
    planstrategi_periods_by_years,
    planstrategi_sections,
    planstrategi_workbench_rows,
    public_planstrategi_periods,
)
from .workspace_views import workspace_member_required

# The values of the workbench's save buttons besides a plan's id.
SAVE_SUGGESTIONS = "forslag"
SAVE_SELECTED = "valgte"


@workspace_member_required
def workbench_index(request):
    municipalities = permissions.coordinated_municipalities(request.user)
    if not municipalities:
        raise PermissionDenied
    periods = council_periods_of(municipalities)
    return render(request, "plans/workspace/planstrategi_index.html", {"periods": periods})


def _coordinated_period(request, pk):
    period = get_object_or_404(CouncilPeriod.objects.select_related("municipality"), pk=pk)
    if not permissions.can_coordinate(request.user, period.municipality_id):
        raise PermissionDenied
    return period


def _choices(action, forms):
    """The rows the button ``action`` saves, as DecisionChoice; a row that cannot say what to
    save gets an error. "Bekreft alle forslag" confirms the suggestion of every plan that had
    no decision when the page was read; decided plans stay as they are."""
    choices = []
    for form in forms:
        if not form.is_valid():
            continue
        row, data = form.row, form.cleaned_data
        if action == SAVE_SUGGESTIONS:
            if form.seen_version() is None and row.suggestion:
                choices.append(DecisionChoice(row.plan, row.suggestion, "", None))
            continue
        if not (action == SAVE_SELECTED and data["selected"]) and action != str(row.plan.pk):
            continue
        if not data["decision"]:
            form.add_error("decision", _("Velg en beslutning for planen."))
            continue
        choices.append(
            DecisionChoice(row.plan, data["decision"], data["note"], form.seen_version())
        )
    return choices


def _save_decisions(request, period, forms):
    """Save what the pressed button asks; True if saved, else the errors are on the rows."""
    action = request.POST.get("lagre", "")
    touched = _choices(action, forms)
    if any(form.errors for form in forms):
        return False
    if not touched:
        messages.info(request, _("Ingen beslutninger å lagre."))
        return True
    try:
        saved = planstrategi_decisions_save(period=period, choices=touched, user=request.user)
    except DecisionErrors as error:
        for form in forms:
            for message in error.errors.get(form.row.plan.pk, []):
                form.add_error(None, message)
        return False
    messages.success(
        request,
        ngettext("%(count)s beslutning er lagret.", "%(count)s beslutninger er lagret.", len(saved))
        % {"count": len(saved)}
        if saved
        else _("Beslutningene var allerede lagret."),
    )
    return True


@workspace_member_required
def workbench(request, pk):
    period = _coordinated_period(request, pk)
    rows = planstrategi_workbench_rows(period)
    data = request.POST if request.method == "POST" else None
    form_name = request.POST.get("skjema") if data else None
    forms = [
        DecisionRowForm(data if form_name == "beslutninger" else None, row=row) for row in rows
    ]
    new_plan = NewPlanForm(data if form_name == "ny-plan" else None, period=period)
    adoption = AdoptionForm(data if form_name == "vedtatt" else None, period=period)
    saved = False
    if form_name == "beslutninger":
        saved = _save_decisions(request, period, forms)
    elif form_name == "ny-plan":
        saved = _save_new_plan(request, period, new_plan)
    elif form_name == "vedtatt":
        saved = _save_adoption(request, adoption)
    if saved:
        return redirect("workspace:planstrategi", pk=period.pk)
    context = {
        "period": period,
        "forms": forms,
        "new_plan": new_plan,
        "adoption": adoption,
        "has_errors": any(form.errors for form in forms),
        "suggestions_open": sum(1 for r in rows if r.decision is None and r.suggestion),
    }
    return render(request, "plans/workspace/planstrategi.html", context)


def _save_new_plan(request, period, form):
    if not form.is_valid():
        return False
    try:
        plan = planstrategi_new_plan(period=period, user=request.user, **form.cleaned_data)
    except ValidationError as error:
        form.add_service_error(error)
        return False
    messages.success(
        request,
        _("«%(title)s» er lagt inn som planlagt plan med beslutningen «Nytt planarbeid».")
        % {"title": plan.title},
    )
    return True


def _save_adoption(request, form):
    if not form.is_valid():
        return False
    try:
        planstrategi_adoption_save(
            adoption=form.save(commit=False), base_version=form.started_from(), user=request.user
        )
    except AdoptionConflict:
        form.add_error(
            None,
            _(
                "Noen andre lagret de vedtatte tallene etter at du åpnet siden. Last siden "
                "på nytt for å se dem, og lagre igjen."
            ),
        )
        return False
    except ValidationError as error:
        form.add_error(None, error)
        return False
    messages.success(request, _("De vedtatte tallene er lagret."))
    return True


@cached_for_anonymous
def planstrategi_index(request):
    return render(
        request, "plans/planstrategi_index.html", {"periods": public_planstrategi_periods()}
    )


@cached_for_anonymous
def planstrategi_page(request, first_year, last_year):
    """The planstrategi of the council period ``first_year``–``last_year``: a section per
    municipality that has the period, or the chosen one's."""
    form = MunicipalityForm(request.GET or None)
    municipality = form.municipality()
    periods = planstrategi_periods_by_years(first_year, last_year)
    if not periods:
        raise Http404
    if municipality is not None:
        periods = [p for p in periods if p.municipality_id == municipality.pk]
    # Published plans for the public; a signed-in reader also sees the drafts they may read.
    readable = permissions.plans_readable_by(request.user)
    context = {
        "form": form,
        "first_year": first_year,
        "last_year": last_year,
        "municipality": municipality,
        "sections": planstrategi_sections(periods, readable),
        "several_municipalities": holds_several_municipalities(),
    }
    return render(request, "plans/planstrategi.html", context)

"""The coordinators' page at /arbeidsflate/baerekraftsmal/: each council period's priority SDGs.

Bærum's council picks two or three SDGs as political priorities for its period (seed 004);
the coordinators enter the choice here, one form per council period of the municipalities they
coordinate. A save that another coordinator's save overtook is refused and shown, not lost.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import permissions
from .forms import PrioritySdgsForm
from .models import CouncilPeriod, PrioritySdgChoice, Sdg
from .selectors import current_council_periods
from .services import PrioritySdgsConflict, priority_sdgs_save
from .workspace_views import workspace_member_required


def _periods(municipality_ids):
    choices = PrioritySdgChoice.objects.select_related("chosen_by")
    return (
        CouncilPeriod.objects.filter(municipality_id__in=municipality_ids)
        .select_related("municipality")
        .prefetch_related("priority_sdgs", Prefetch("priority_sdg_choices", queryset=choices))
        .order_by("municipality__name", "-first_year")
    )


def _posted_period(request, periods):
    """The period the form was sent for: 403 for another municipality's, 404 for none."""
    raw = request.POST.get("periode", "")
    period = CouncilPeriod.objects.filter(pk=raw).first() if raw.isdecimal() else None
    if period is None:
        raise Http404
    if not permissions.can_coordinate(request.user, period.municipality_id):
        raise PermissionDenied
    # The page's own copy, with the choice and its log read for the page.
    return next(each for each in periods if each.pk == period.pk)


@workspace_member_required
def priority_sdgs(request):
    municipality_ids = permissions.coordinated_municipalities(request.user)
    if not municipality_ids:
        raise PermissionDenied
    periods = list(_periods(municipality_ids))
    sdgs = list(Sdg.objects.all())
    forms = {period.pk: PrioritySdgsForm(period=period, sdgs=sdgs) for period in periods}
    if request.method == "POST":
        period = _posted_period(request, periods)
        form = forms[period.pk] = PrioritySdgsForm(request.POST, period=period, sdgs=sdgs)
        if form.is_valid():
            try:
                priority_sdgs_save(
                    period=period,
                    sdgs=form.cleaned_data["sdgs"],
                    user=request.user,
                    base_version=form.cleaned_data["base_version"],
                )
            except ValidationError as error:
                form.add_error("sdgs", error)
            except PrioritySdgsConflict as error:
                # The coordinator keeps their ticks; saving again builds on the latest choice.
                form.data = form.data.copy()
                form.data[form.add_prefix("base_version")] = error.current.priority_sdgs_version
                form.conflict = error
            else:
                messages.success(
                    request,
                    _("Bærekraftsmålene for %(municipality)s %(period)s er lagret.")
                    % {"municipality": period.municipality.name, "period": period},
                )
                return redirect(f"{request.path}#periode-{period.pk}")
    current = current_council_periods(municipality_ids, timezone.localdate())
    context = {
        "rows": [
            (period, forms[period.pk], current.get(period.municipality_id) == period)
            for period in periods
        ],
        "several_municipalities": len(municipality_ids) > 1,
    }
    return render(request, "plans/workspace/priority_sdgs.html", context)

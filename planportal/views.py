from django.shortcuts import render
from django.utils import timezone

from consultations.selectors import public_consultations
from plans.models import Municipality, PlanType
from plans.selectors import public_plans, recently_changed_plans, status_counts

from .filtering import MunicipalityForm


def home(request):
    municipalities = list(Municipality.objects.all())
    form = MunicipalityForm(request.GET)
    chosen = form.municipality()
    plans = public_plans()
    consultations = public_consultations()
    if chosen:
        plans = plans.filter(municipality=chosen)
        consultations = consultations.filter(plan__municipality=chosen)
    context = {
        "kps_in_force": plans.in_force()
        .filter(plan_type=PlanType.KPS)
        .select_related("municipality")
        .order_by("municipality__name"),
        "status_counts": status_counts(plans),
        "recent_plans": recently_changed_plans(plans),
        "show_municipality": len(municipalities) > 1,
        "form": form,
        # Whose plans the page shows, named when the install holds more than one municipality.
        "shown_municipalities": [chosen] if chosen else municipalities,
        "chosen_municipality": chosen,
        "open_consultations": consultations.open_at(timezone.now())
        .for_listing()
        .order_by("deadline", "title"),
    }
    return render(request, "home.html", context)

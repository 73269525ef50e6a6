from django.shortcuts import render
from django.utils import timezone

from consultations.selectors import public_consultations
from plans.models import PlanType
from plans.selectors import public_plans, recently_changed_plans, status_counts


def home(request):
    plans = public_plans()
    context = {
        "kps_in_force": plans.in_force()
        .filter(plan_type=PlanType.KPS)
        .select_related("municipality")
        .order_by("municipality__name"),
        "status_counts": status_counts(plans),
        "recent_plans": recently_changed_plans(plans),
        "open_consultations": public_consultations()
        .open_at(timezone.now())
        .for_listing()
        .order_by("deadline", "title"),
    }
    return render(request, "home.html", context)

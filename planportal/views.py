from django.shortcuts import render

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
    }
    return render(request, "home.html", context)

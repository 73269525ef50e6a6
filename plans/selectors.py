"""Read queries of the plan register, named for what they answer."""

from django.db.models import Count
from django.utils.translation import gettext as _

from .models import Plan, PlanStatus


def status_counts(queryset):
    """[(status, label, count)] for every status the public sees, in process order, from one
    query."""
    counted = queryset.with_public_status().order_by().values_list("public_status")
    counts = dict(counted.annotate(n=Count("id", distinct=True)))
    return [(status, label, counts.get(status, 0)) for status, label in PlanStatus.choices]


def recently_changed_plans(queryset, limit=8):
    return queryset.for_listing().order_by("-updated_at", "title")[:limit]


def public_plans():
    """Every plan the public may see."""
    return Plan.objects.published()


def plan_for_page(readable_plans, slug):
    """The plan at ``slug`` among ``readable_plans``, with what its page shows.

    Raises Plan.DoesNotExist.
    """
    return (
        readable_plans.for_listing()
        .select_related("implements", "replaces")
        .prefetch_related("sdgs", "themes", "areas", "documents")
        .get(slug=slug)
    )


def related_public_plans(plan):
    """The published plans that implement or replace ``plan``."""
    related = public_plans().only("title", "slug", "plan_type", "status")
    return {
        "implemented_by": list(related.filter(implements=plan).order_by("title")),
        "replaced_by": list(related.filter(replaces=plan).order_by("title")),
    }


def attention_reasons(plan):
    """Why a planner should look at ``plan`` now, in plain words."""
    reasons = []
    if plan.revision_due:
        reasons.append(_("Revisjonen er forfalt"))
    if not plan.contact_name and not plan.contact_email:
        reasons.append(_("Mangler kontaktperson"))
    if not plan.is_published:
        reasons.append(_("Ikke publisert"))
    return reasons


def plans_needing_attention(queryset):
    """[(plan, reasons)] with the plans that need attention first, then by title."""
    rows = [(plan, attention_reasons(plan)) for plan in queryset.order_by("title")]
    return sorted(rows, key=lambda row: not row[1])

"""Read queries of the plan register, named for what they answer."""

from django.db.models import Count

from .models import Plan, PlanStatus


def status_counts(queryset):
    """[(status, label, count)] for every status, in process order, from one query."""
    counts = dict(queryset.order_by().values_list("status").annotate(n=Count("id", distinct=True)))
    return [(status, label, counts.get(status, 0)) for status, label in PlanStatus.choices]


def recently_changed_plans(queryset, limit=8):
    return queryset.for_listing().order_by("-updated_at", "title")[:limit]


def public_plans():
    """Every plan the public may see."""
    return Plan.objects.published()


def plan_for_public_page(slug):
    """The published plan at ``slug`` with what its page shows; raises Plan.DoesNotExist."""
    return (
        public_plans()
        .for_listing()
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

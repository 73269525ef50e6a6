"""The goal tree: its nodes as a flat list with parent ids, and one municipality's whole tree.

What the public sees of the tree is what /mal/ shows: a node of a published plan with no node
of an unpublished plan above it (``hierarchy.tree_parts.visible_nodes`` for the list,
``hierarchy.tree.visible_rows`` for the tree, which also numbers the nodes and rolls progress up).
"""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from ninja import Field, Query, Router

from hierarchy.models import NodeKind
from hierarchy.tree import visible_rows
from hierarchy.tree_parts import visible_nodes
from plans.models import Area, Sdg
from plans.selectors import public_plans

from . import schemas
from .common import (
    SLUG,
    MunicipalityParams,
    PageParams,
    absolute,
    label,
    municipality_named,
    municipality_ref,
    page_of,
    paged,
)
from .organisation import MunicipalitySlug, municipality_at
from .problems import BadParameter

router = Router(tags=["Måltre"])


class NodeParams(MunicipalityParams):
    plan: str | None = Field(
        None,
        pattern=SLUG,
        max_length=120,
        description="Bare nodene til planen med dette kortnavnet.",
    )
    kind: schemas.one_of(NodeKind) | None = Field(None, description="Bare noder på dette nivået.")


@router.get(
    "/goal-nodes/",
    response=paged(schemas.GoalNode, "GoalNodePage"),
    summary="Målene og tiltakene, som en flat liste i treets rekkefølge",
)
def goal_node_list(request, filters: Query[NodeParams], paging: Query[PageParams]):
    readable = public_plans()
    visible = visible_nodes(readable, municipality_named(filters.kommune))
    nodes = visible.select_related("municipality", "plan").prefetch_related(
        Prefetch("sdgs", queryset=Sdg.objects.only("number")),
        Prefetch("areas", queryset=Area.objects.only("slug")),
        # Another line up the tree is named only where the public sees the node it leads to.
        Prefetch("contributes_to", queryset=visible.only("pk")),
    )
    if filters.plan:
        if not readable.filter(slug=filters.plan).exists():
            raise BadParameter("plan", _no_plan(filters.plan))
        nodes = nodes.filter(plan__slug=filters.plan)
    if filters.kind:
        nodes = nodes.filter(kind=filters.kind)
    return page_of(request, nodes.order_by("tree_id", "lft", "pk"), paging, _node(request))


def _no_plan(slug):
    return _("Det finnes ingen publisert plan med kortnavnet «%(slug)s».") % {"slug": slug}


def _node(request):
    def data(node):
        return {
            "id": node.pk,
            "parent_id": node.parent_id,
            "municipality": node.municipality.slug,
            "plan": node.plan.slug,
            "kind": node.kind,
            "kind_label": str(node.get_kind_display()),
            "title": node.title,
            "description": node.description,
            "status": node.status or None,
            "status_label": label(node.get_status_display() if node.status else ""),
            "progress": node.progress,
            "start_year": node.start_year,
            "end_year": node.end_year,
            "responsible_department": node.responsible_department_id,
            "sdgs": sorted(sdg.number for sdg in node.sdgs.all()),
            "areas": sorted(area.slug for area in node.areas.all()),
            "contributes_to": sorted(other.pk for other in node.contributes_to.all()),
            "url": absolute(request, node.get_absolute_url()),
        }

    return data


@router.get(
    "/municipalities/{slug:slug}/goal-tree/",
    response=schemas.GoalTree,
    summary="Kommunens hele måltre, nøstet, med nummer og fremdrift",
)
def goal_tree(request, slug: MunicipalitySlug):
    municipality = municipality_at(slug)
    roots, by_pk = [], {}
    for row in visible_rows(public_plans(), municipality=municipality):
        node = row.node
        item = {
            "id": node.pk,
            "number": row.number,
            "plan": node.plan.slug,
            "kind": node.kind,
            "title": node.title,
            "progress": row.progress,
            "status": row.status or None,
            "children": [],
        }
        by_pk[node.pk] = item
        # Every node's parent is shown before it (the tree's order), or it is the root.
        siblings = by_pk[node.parent_id]["children"] if node.parent_id else roots
        siblings.append(item)
    return {"municipality": municipality_ref(municipality), "roots": roots}

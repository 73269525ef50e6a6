"""The goal tree's figures for the politicians' overview, counted by the database.

The overview shows how many goals and measures serve each SDG, how many KPS goals nothing
follows up, and how many measures are late in their follow-up. The pages that list them
(/mal/, /mal/dekning/, /mal/oppfolging/) walk the rows they show; counting them that way meant
reading and walking the whole tree, seconds for 20,000 nodes. These count the same things over
``tree_parts.visible_nodes`` (who sees what: the tree's own rule, read once by the caller and
given to each) in one or two queries each, and
``tests/hierarchy/test_counts.py`` checks on random trees that they count what the walks list.
"""

from datetime import datetime, time

from django.db import connection
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from plans.models import Municipality, PlanType
from plans.models.priorities import serves_priority_sdg
from plans.sdg_filter import PRIORITISED

from .models import GoalNode, MeasureStatus, NodeKind
from .selectors import report_deadline

FOLLOWED_UP_KINDS = (NodeKind.MAIN_GOAL, NodeKind.GOAL, NodeKind.STRATEGY)


def sdg_counts(visible):
    """{SDG number, or ``PRIORITISED``: how many of the ``visible`` goals and measures serve it}:
    linked to it themselves, or their plan is (the rule of the tree's filter
    ``?baerekraftsmal=``)."""
    visible = visible.order_by()
    own = GoalNode.sdgs.through.objects.filter(goalnode__in=visible.values("pk"))
    own = own.order_by().values(node_pk=F("goalnode_id"), sdg_number=F("sdg_id"))
    by_plan = visible.filter(plan__sdgs__isnull=False)
    by_plan = by_plan.values(node_pk=F("pk"), sdg_number=F("plan__sdgs"))
    # UNION, not UNION ALL: a node linked to an SDG its plan is linked to as well counts once.
    pairs = own.union(by_plan)
    sql, params = pairs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT sdg_number, COUNT(*) FROM ({sql}) pairs GROUP BY sdg_number", params
        )
        counts = dict(cursor.fetchall())
    counts[PRIORITISED] = visible.filter(
        serves_priority_sdg(GoalNode.sdgs.through, "goalnode_id")
    ).count()
    return counts


def unserved_count(visible):
    """How many ``visible`` KPS goals and strategies nothing of another plan follows up: no
    visible node of another plan hangs anywhere under them, and no visible node contributes to
    them (``selectors.coverage``: ``TreeRow.served_elsewhere``)."""
    visible = visible.order_by()
    other_plan_below = visible.filter(
        plan_top=True,
        parent__isnull=False,
        tree_id=OuterRef("tree_id"),
        lft__gt=OuterRef("lft"),
        lft__lt=OuterRef("rght"),
    )
    contributed = GoalNode.contributes_to.through.objects.filter(
        to_goalnode_id=OuterRef("pk"), from_goalnode__in=visible.values("pk")
    )
    kps_goals = visible.filter(plan__plan_type=PlanType.KPS, kind__in=FOLLOWED_UP_KINDS)
    return kps_goals.exclude(Exists(other_plan_below)).exclude(Exists(contributed)).count()


def late_measure_count(visible, municipality=None, today=None):
    """How many ``visible`` measures (of ``municipality``, or of all) are late in their
    follow-up, the rule of
    ``selectors.measures_not_reported``: followed up on their own (counted, not done or
    cancelled, no counted sub-measure shown under them) and reported before their
    municipality's deadline, or never and added before it (or at an unknown time)."""
    today = today or timezone.localdate()
    visible = visible.order_by()
    counted = visible.filter(kind=NodeKind.MEASURE).exclude(status=MeasureStatus.CANCELLED)
    sub_measure = counted.filter(parent_id=OuterRef("pk"))
    candidates = counted.exclude(status=MeasureStatus.DONE).exclude(Exists(sub_measure))
    places = [municipality] if municipality is not None else Municipality.objects.all()
    late = Q(pk__in=[])
    for place in places:
        deadline = report_deadline(place, today)
        # Never reported: late if added (its first record) before the deadline's day began,
        # local time, or at a time unknown.
        added = GoalNode.history.filter(id=OuterRef("pk"), history_type="+", kind=NodeKind.MEASURE)
        began = timezone.make_aware(datetime.combine(deadline, time.min))
        late |= Q(municipality=place) & (
            Q(last_reported_on__lt=deadline)
            | Q(last_reported_on__isnull=True)
            & (~Exists(added) | Exists(added.filter(history_date__lt=began)))
        )
    return candidates.filter(late).count()

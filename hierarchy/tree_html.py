"""The goal tree's rows as HTML, written in Python because a page may show thousands of them.

Through the template engine each row cost some 200 µs (4.5 s for 20,000 rows, measured);
written here it costs a few µs. Django's admin builds its change list rows the same way
(``admin/templatetags/admin_list.py``). Every text is escaped. The template tags ``goal_rows``
and ``goal_branch`` in ``hierarchy.templatetags.goal_tree`` call this with labels in the active
language.
"""

from dataclasses import dataclass
from html import escape

from django.urls import reverse
from django.utils.safestring import mark_safe

from .models import MeasureStatus, NodeKind

# Designsystemet colours of the tags.
KIND_COLOURS = {
    NodeKind.VISION: "brand1",
    NodeKind.MAIN_GOAL: "brand1",
    NodeKind.GOAL: "brand2",
    NodeKind.STRATEGY: "info",
    NodeKind.MEASURE: "neutral",
}
STATUS_COLOURS = {
    MeasureStatus.NOT_STARTED: "neutral",
    MeasureStatus.ONGOING: "info",
    MeasureStatus.DONE: "success",
    MeasureStatus.DELAYED: "warning",
    MeasureStatus.CANCELLED: "neutral",
}


@dataclass(frozen=True)
class Labels:
    plan: str  # "Plan:", read before the plan's title by screen readers
    progress: str  # "Fremdrift" of a measure
    rolled_up: str  # "Samlet fremdrift" of a goal or strategy
    below: str  # "Underliggende", the summary that opens a node's children
    no_status: str  # "Status ikke satt"
    context: str = ""  # "Hører inn under", before a node of another plan shown for context
    match: str = ""  # "Treff", for screen readers before a row that matches the filters
    priority: str = ""  # "Prioritert bærekraftsmål", on a node serving a priority SDG
    # Functions of a count: "3 tiltak" counted in a goal's progress, "1 forsinket" among them.
    measures: object = None
    delayed: object = None


# reverse() for every row would cost more than the rest of the row; fill in the pk instead.
PK = "987654321"


def _url_pattern(name):
    return reverse(name, kwargs={"pk": PK}).replace(PK, "{}")


class _Writer:
    """Writes rows; tags and plan links that repeat from row to row are written once."""

    def __init__(self, labels, show_plan, open_url=None):
        self.labels, self.show_plan = labels, show_plan
        self.node_url = _url_pattern("hierarchy:node-detail")
        self.branch_url = _url_pattern("hierarchy:branch")
        # The tree page with the branch open, for a browser without JavaScript (PK for the pk).
        self.open_url = escape(open_url or f"{reverse('hierarchy:tree')}?apne={PK}#open-{PK}")
        self.kinds = {
            kind: f'<span class="ds-tag" data-size="sm" data-color="{KIND_COLOURS[kind]}">'
            f"{escape(str(label))}</span>"
            for kind, label in NodeKind.choices
        }
        self.statuses = {
            status: '<span class="ds-tag" data-size="sm" data-variant="outline" '
            f'data-color="{STATUS_COLOURS.get(status, "neutral")}">{escape(str(label))}</span>'
            for status, label in [*MeasureStatus.choices, ("", labels.no_status)]
        }
        self.priority = (
            '<span class="ds-tag priority-mark" data-size="sm" data-variant="outline" '
            f'data-color="success">{escape(labels.priority)}</span>'
        )
        self.plans = {}
        self.counts = {}
        self.progress_labels = {
            True: escape(labels.progress),
            False: escape(labels.rolled_up),
        }

    def plan_link(self, plan, *, visible=False):
        """The plan's title as a link after "Plan:", which only screen readers hear unless
        ``visible`` (the name over a group of a plan's nodes)."""
        key = (plan.pk, visible)
        if key not in self.plans:
            label = escape(self.labels.plan)
            if not visible:
                label = f'<span class="ds-sr-only">{label}</span>'
            self.plans[key] = (
                f'<span>{label} <a class="ds-link" href="{escape(plan.get_absolute_url())}" '
                f'lang="nb">{escape(plan.title)}</a></span>'
            )
        return self.plans[key]

    def row(self, row, title):
        node, progress = row.node, row.progress
        is_measure = node.kind == NodeKind.MEASURE
        number = (
            f'<span class="goal-row__number">{escape(row.number)}</span> ' if row.number else ""
        )
        context, match, row_class = "", "", "goal-row"
        if row.context:
            context = f'<p class="goal-row__context">{escape(self.labels.context)}</p>'
            progress = None
        if row.match:
            match = f'<span class="ds-sr-only">{escape(self.labels.match)}: </span>'
            row_class = "goal-row goal-row--match"
        if row.starts_plan and self.show_plan and not row.context:
            context += f'<p class="goal-row__plan">{self.plan_link(node.plan, visible=True)}</p>'
        html = (
            f'<li><div class="{row_class}">{context}<p class="goal-row__head">{match}{number}'
            f"{self.kinds[node.kind]} "
            f'<a class="ds-link goal-row__title" href="{self.node_url.format(node.pk)}" lang="nb">'
            f"{title}</a></p>"
        )
        meta = []
        if (row.names_plan and self.show_plan) or row.context:
            meta.append(self.plan_link(node.plan))
        if is_measure:
            meta.append(self.statuses.get(row.status, self.statuses[""]))
        if getattr(node, "serves_priority", False) and not row.context:
            meta.append(self.priority)
        if progress is not None:
            meta.append(
                f'<span class="goal-progress"><progress max="100" value="{progress}" '
                f'aria-hidden="true"></progress> <span><span class="ds-sr-only">'
                f"{self.progress_labels[is_measure]} </span>{progress} %</span></span>"
            )
        if not is_measure and not row.context and row.measures:
            meta.append(self.counted(row))
        if meta:
            html += f'<p class="goal-row__meta">{" ".join(meta)}</p>'
        return html + "</div>"

    def counted(self, row):
        """How many measures a goal's progress counts, and how many of them are delayed."""
        key = (row.measures, row.delayed)
        if key not in self.counts:
            text = f"<span>{escape(self.labels.measures(row.measures))}</span>"
            if row.delayed:
                text += (
                    ' <span class="ds-tag" data-size="sm" data-variant="outline" '
                    f'data-color="warning">{escape(self.labels.delayed(row.delayed))}</span>'
                )
            self.counts[key] = text
        return self.counts[key]

    def children(self, row, title, count):
        """The start of the ``<details>`` that holds a node's children, open; its summary
        takes the place, and the id, of the link that opened it (``closed``), so htmx keeps
        the focus on it."""
        return (
            f'<details class="goal-tree__children" open><summary id="open-{row.node.pk}">'
            f'{escape(self.labels.below)} ({count})<span class="ds-sr-only"> – {title}</span>'
            '</summary><ul class="goal-tree__list">'
        )

    def closed(self, row, title):
        """A link that opens a node's children: with htmx it fetches them in place (the
        branch part replaces the link), without JavaScript it is the tree page with the
        branch open. aria-expanded tells a screen reader that it opens something here."""
        pk = row.node.pk
        href = self.open_url.replace(PK, str(pk))
        return (
            f'<a class="goal-tree__opener" id="open-{pk}" href="{href}"'
            f' data-hx-get="{self.branch_url.format(pk)}" data-hx-target="this"'
            f' data-hx-swap="outerHTML" aria-expanded="false">{escape(self.labels.below)}'
            f' ({row.child_count})<span class="ds-sr-only"> – {title}</span></a>'
        )


def rows_html(rows, labels, *, collapsible=True, show_plan=True, open_url=None):
    """``rows`` (TreeRows) as the ``<li>`` elements of a list, nested as ``nest`` marked them.

    With ``collapsible`` each node's children sit in a ``<details>`` that closes and opens by
    keyboard and without JavaScript, and a ``closed`` row (children not read) has a link that
    opens them (``open_url``: the tree page's address for it, with ``PK`` for the node's pk);
    otherwise they are a plain nested list.
    """
    end = "</ul></details></li>" if collapsible else "</ul></li>"
    writer, parts = _Writer(labels, show_plan, open_url), []
    for row in rows:
        title = escape(row.node.title)
        parts.append(writer.row(row, title))
        if row.opens and collapsible:
            parts.append(writer.children(row, title, row.shown_children))
        elif row.opens:
            parts.append('<ul class="goal-tree__list">')
        else:
            if row.closed and collapsible:
                parts.append(writer.closed(row, title))
            parts.append("</li>")
        parts.append(end * row.closes)
    return mark_safe("\n".join(parts))  # noqa: S308 - every text above is escaped


def branch_html(row, children, labels, *, open_url=None):
    """The children of ``row`` (nested TreeRows) in the ``<details>`` that replaces the link
    that opened them (``_Writer.closed``)."""
    writer = _Writer(labels, show_plan=True, open_url=open_url)
    start = writer.children(row, escape(row.node.title), row.child_count)
    rows = rows_html(children, labels, open_url=open_url)
    return mark_safe(f"{start}{rows}</ul></details>")  # noqa: S308 - escaped by the writer

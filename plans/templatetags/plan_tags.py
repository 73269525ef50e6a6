from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from .. import permissions
from ..models import PlanStatus, PlanType

register = template.Library()

SUMMARY_WORDS = 40


def first_words(text, count):
    """``text`` cut after ``count`` words with " …", as the ``truncatewords`` filter cuts it,
    without the filter's lazy machinery, which cost a row of a list as much as its links."""
    words = text.split()
    if len(words) <= count:
        return " ".join(words)
    cut = " ".join(words[:count])
    return cut if cut.endswith(" …") else f"{cut} …"


# Designsystemet colours for the status of the plan work.
STATUS_COLOURS = {
    PlanStatus.PLANNED: "neutral",
    PlanStatus.STARTED: "info",
    PlanStatus.DRAFTING: "info",
    PlanStatus.HEARING: "warning",
    PlanStatus.POLITICAL: "brand1",
    PlanStatus.ADOPTED: "success",
    PlanStatus.REVISING: "brand2",
    PlanStatus.EXPIRED: "neutral",
}


# Written in Python rather than a template: a plan list shows one in every row.
@register.simple_tag
def status_tag(status, label):
    return format_html(
        '<span class="ds-tag" data-color="{}" data-size="sm">{}</span>',
        STATUS_COLOURS.get(status, "neutral"),
        label,
    )


@register.simple_tag
def plan_status_tag(plan):
    """The status the public sees (``Plan.public_status``), the one every page shows."""
    return status_tag(plan.public_status, plan.get_public_status_display())


@register.filter
def changeable_by(plan, user):
    return permissions.can_change_plan(user, plan)


@register.filter
def uses_workspace(user):
    return permissions.can_use_workspace(user)


@register.simple_tag(takes_context=True)
def plan_rows(context, plans, compact=False):
    """The ``<li>`` rows of a list of ``plans``: title and link, "Utkast" on a draft, type,
    status, department (and municipality where the page names them), plan period, overdue
    revision, the priority mark where the list set ``serves_priority``
    (``selectors.mark_serving_priority``), and the summary unless ``compact``.

    Written in Python, as the goal tree's rows are (``hierarchy.tree_html``), and with the
    tags that repeat from row to row translated once: as a template included per row, the
    rows were a third of the plan overview's time.
    """
    show_municipality = context.get("show_municipality")
    types = {
        kind: format_html(
            '<span class="ds-tag" data-color="neutral" data-size="sm" '
            'data-variant="outline">{}</span>',
            label,
        )
        for kind, label in PlanType.choices
    }
    statuses = {status: status_tag(status, label) for status, label in PlanStatus.choices}
    draft = format_html(' <span class="draft-mark">({})</span>', _("Utkast"))
    overdue = format_html('\n    <span class="overdue">{}</span>', _("Revisjonen er forfalt"))
    priority = format_html(
        '\n    <span class="ds-tag priority-mark" data-color="success" data-size="sm" '
        'data-variant="outline">{}</span>',
        _("Prioritert bærekraftsmål"),
    )
    period = _("Planperiode %(years)s")
    today = timezone.localdate()
    rows = []
    for plan in plans:
        place = plan.department.name
        if show_municipality:
            place = f"{place}, {plan.municipality.name}"
        years = plan.validity
        summary = plan.summary if not compact else ""
        rows.append(
            (
                plan.get_absolute_url(),
                plan.title,
                "" if plan.is_published else draft,
                types.get(plan.plan_type) or plan.plan_type,
                statuses.get(plan.public_status) or plan.public_status,
                place,
                format_html("\n    <span>{}</span>", period % {"years": years}) if years else "",
                overdue if plan.is_revision_due(today) else "",
                priority if getattr(plan, "serves_priority", False) else "",
                format_html(
                    '\n  <p class="ds-paragraph plan-item__summary" data-size="sm" lang="nb">'
                    "{}</p>",
                    first_words(summary, SUMMARY_WORDS),
                )
                if summary
                else "",
            )
        )
    return format_html_join(
        "\n",
        '<li class="plan-item">\n'
        '  <h3 class="ds-heading plan-item__title" data-size="2xs"><a class="ds-link" '
        'href="{}" lang="nb">{}</a>{}</h3>\n'
        '  <p class="plan-item__meta">\n    {}\n    {}\n    <span>{}</span>{}{}{}\n  </p>{}\n'
        "</li>",
        rows,
    )

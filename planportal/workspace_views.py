"""The workspace pages that show a plan together with its timeline or goals.

Composed here, above the apps, because plans may not read consultations or hierarchy: the plans
app gives the page's data and template, this module adds each plan's next step and the site
templates in ``templates/workspace/`` fill the plans templates' blocks.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _

from consultations.steps import next_steps
from plans import workspace_views as plan_workspace
from plans.workspace_views import workspace_member_required


def _timeline_reasons(step):
    """What about the plan's next step needs attention, in front of the plan's own reasons."""
    return [_("Neste milepæl er forsinket")] if step and step.is_late() else []


@workspace_member_required
def workspace_home(request):
    """My plans with each plan's next milestone or hearing, drafts to publish, shared drafts."""
    context = plan_workspace.workspace_home_context(request.user)
    rows = context["plans"]
    upcoming = next_steps([plan.pk for plan, _reasons in rows]) if rows else {}
    context["upcoming"] = upcoming
    context["plans"] = [
        (plan, _timeline_reasons(upcoming.get(plan.pk)) + reasons) for plan, reasons in rows
    ]
    return render(request, "workspace/home.html", context)


def plan_edit(request, slug):
    """The plan's edit page, with links to its goals and its timeline."""
    return plan_workspace.plan_edit(request, slug, template_name="workspace/plan_form.html")

"""The planners' workspace at /arbeidsflate/: my plans, and creating, editing and publishing.

The home page and the edit page also show the plan's timeline and goals, which belong to apps
that read plans; ``planportal`` composes those pages from the pieces here, and routes them.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planportal.editing import save_through

from . import permissions
from .forms import PlanDocumentFormSet, PlanForm
from .history import describe_versions
from .selectors import late_planstrategier, plans_needing_attention
from .services import EditConflict, plan_restore, plan_save, plan_set_published


def workspace_member_required(view):
    """Signed in, and a member of a department (or the administrator); others get 403."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not permissions.can_use_workspace(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def changeable_plan(request, slug):
    """The plan at ``slug`` for changing: 404 if the user may not read it, 403 if not change."""
    plan = get_object_or_404(permissions.plans_readable_by(request.user), slug=slug)
    if not permissions.can_change_plan(request.user, plan):
        raise PermissionDenied
    return plan


def workspace_home_context(user):
    """The workspace home's plans: the user's plans with what needs attention (rows of
    ``(plan, reasons)``), drafts waiting for publication, drafts shared with the user."""
    plans = permissions.plans_changeable_by(user).for_listing()
    shared_drafts = (
        permissions.plans_readable_by(user)
        .filter(is_published=False)
        .exclude(pk__in=plans.values("pk"))
        .for_listing()
        .order_by("title")
    )
    awaiting = (
        permissions.plans_publishable_by(user)
        .filter(is_published=False)
        .for_listing()
        .order_by("-updated_at", "title")
    )
    coordinated = permissions.coordinated_municipalities(user)
    return {
        # Coordinators answer for the planstrategi, so they are told when it is late.
        "late_planstrategier": late_planstrategier(coordinated),
        "coordinates": bool(coordinated),
        "plans": plans_needing_attention(plans),
        "awaiting_publication": awaiting,
        "shared_drafts": shared_drafts,
        "can_create": permissions.departments_for_new_plans(user).exists(),
    }


def _save_plan_form(request, form, documents):
    """Save the plan form and its documents together, or not at all. True if saved."""

    def save():
        plan = plan_save(
            plan=form.save(commit=False),
            user=request.user,
            status_changed_on=form.status_date,
            base_version=form.cleaned_data["base_version"],
            m2m=form.m2m_values(),
        )
        documents.instance = plan
        documents.save()
        return plan

    return save_through(form, save, documents) is not None


@workspace_member_required
def plan_create(request):
    departments = permissions.departments_for_new_plans(request.user)
    if not departments.exists():
        raise PermissionDenied
    readable = permissions.plans_readable_by(request.user)
    form = PlanForm(request.POST or None, departments=departments, readable_plans=readable)
    documents = PlanDocumentFormSet(request.POST or None, prefix="documents")
    if request.method == "POST" and _save_plan_form(request, form, documents):
        messages.success(request, _("Planen er opprettet. Den er ikke publisert ennå."))
        return redirect("workspace:plan-edit", slug=form.instance.slug)
    context = {"form": form, "documents": documents, "creating": True}
    return render(request, "plans/workspace/plan_form.html", context)


@workspace_member_required
def plan_edit(request, slug, template_name="plans/workspace/plan_form.html"):
    """Edit a plan; ``template_name`` lets the composed page add links to the other apps."""
    plan = changeable_plan(request, slug)
    departments = permissions.departments_for_new_plans(request.user)
    readable = permissions.plans_readable_by(request.user)
    form = PlanForm(
        request.POST or None, instance=plan, departments=departments, readable_plans=readable
    )
    documents = PlanDocumentFormSet(request.POST or None, instance=plan, prefix="documents")
    conflict = None
    if request.method == "POST":
        try:
            if _save_plan_form(request, form, documents):
                messages.success(request, _("Endringene er lagret."))
                return redirect("workspace:plan-edit", slug=form.instance.slug)
        except EditConflict as error:
            conflict = error
            # The editor keeps their input; saving again now builds on the latest version.
            form.data = form.data.copy()
            form.data["base_version"] = error.current.version
    context = {
        "form": form,
        "documents": documents,
        "plan": plan,
        "conflict": conflict,
        "can_publish": permissions.can_publish_plan(request.user, plan),
    }
    return render(request, template_name, context)


@require_POST
@workspace_member_required
def plan_publish(request, slug, publish):
    plan = get_object_or_404(permissions.plans_readable_by(request.user), slug=slug)
    if not permissions.can_publish_plan(request.user, plan):
        raise PermissionDenied
    try:
        plan_set_published(plan=plan, published=publish, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if publish:
            messages.success(request, _("Planen er publisert og synlig for alle."))
        else:
            messages.success(request, _("Planen er ikke lenger publisert."))
    return redirect("workspace:plan-edit", slug=plan.slug)


@workspace_member_required
def plan_history(request, slug):
    plan = get_object_or_404(permissions.plans_readable_by(request.user), slug=slug)
    if not permissions.can_read_internal_notes(request.user, plan):
        raise Http404
    records = plan.history.select_related("history_user").order_by("-history_id")[:50]
    context = {
        "plan": plan,
        "versions": describe_versions(records),
        "can_restore": permissions.can_restore_plan_version(request.user, plan),
    }
    return render(request, "plans/workspace/plan_history.html", context)


@require_POST
@workspace_member_required
def plan_restore_version(request, slug, history_id):
    plan = changeable_plan(request, slug)
    if not permissions.can_restore_plan_version(request.user, plan):
        raise PermissionDenied
    record = get_object_or_404(plan.history, history_id=history_id)
    try:
        plan_restore(plan=plan, record=record, user=request.user)
    except (ValidationError, EditConflict) as error:
        detail = " ".join(error.messages) if isinstance(error, ValidationError) else ""
        messages.error(
            request, _("Versjonen kunne ikke gjenopprettes. %(detail)s") % {"detail": detail}
        )
    else:
        messages.success(
            request,
            _("Versjon %(version)s er gjenopprettet som en ny versjon.")
            % {"version": record.version},
        )
    return redirect("workspace:plan-history", slug=plan.slug)

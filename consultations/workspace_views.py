"""The planners' workspace for a plan's timeline and hearings, and the moderation of input.

Who may keep a plan's milestones and hearings and moderate the input to its hearings is asked
of ``consultations.permissions``: 404 when the user may not read the plan, 403 when they may
read it but the permission refuses.
"""

from operator import attrgetter

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, When
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planportal.editing import save_through
from plans.permissions import plans_readable_by
from plans.workspace_views import workspace_member_required

from . import services
from .attachments import CONTENT_TYPES
from .forms import (
    ConsultationDocumentFormSet,
    ConsultationForm,
    HandledForm,
    HideForm,
    MilestoneForm,
)
from .models import Consultation, ConsultationPolicy, Milestone, Submission, SubmissionState
from .permissions import can_change_timeline, can_moderate_submissions, plans_moderated_by
from .selectors import moderation_queue


def _of_readable_plan(request, queryset, pk, allowed, plan_path="plan"):
    """The object ``pk`` of a plan (reached by ``plan_path``): 404 if the user may not read the
    plan, 403 if ``allowed(user, plan)`` refuses."""
    readable = queryset.filter(**{f"{plan_path}__in": plans_readable_by(request.user)})
    found = get_object_or_404(readable.select_related(plan_path), pk=pk)
    if not allowed(request.user, attrgetter(plan_path.replace("__", "."))(found)):
        raise PermissionDenied
    return found


def timeline_plan(request, slug):
    """The plan at ``slug`` for keeping its timeline: 404 if unreadable, 403 if not allowed."""
    plan = get_object_or_404(plans_readable_by(request.user), slug=slug)
    if not can_change_timeline(request.user, plan):
        raise PermissionDenied
    return plan


def changeable_milestone(request, pk):
    return _of_readable_plan(request, Milestone.objects.all(), pk, can_change_timeline)


def changeable_consultation(request, pk):
    return _of_readable_plan(request, Consultation.objects.all(), pk, can_change_timeline)


def moderatable_consultation(request, pk):
    return _of_readable_plan(request, Consultation.objects.all(), pk, can_moderate_submissions)


def moderatable_submission(request, pk):
    return _of_readable_plan(
        request, Submission.objects.all(), pk, can_moderate_submissions, "consultation__plan"
    )


@workspace_member_required
def plan_timeline(request, slug):
    plan = timeline_plan(request, slug)
    context = {
        "plan": plan,
        "milestones": plan.milestones.in_order(),
        "consultations": plan.consultations.order_by("-starts_on").prefetch_related("submissions"),
    }
    return render(request, "consultations/workspace/plan_timeline.html", context)


def _save_milestone(request, form):
    def save():
        return services.milestone_save(milestone=form.save(commit=False), user=request.user)

    return save_through(form, save) is not None


@workspace_member_required
def milestone_create(request, slug):
    plan = timeline_plan(request, slug)
    form = MilestoneForm(request.POST or None, instance=Milestone(plan=plan))
    if request.method == "POST" and _save_milestone(request, form):
        messages.success(request, _("Milepælen er lagt til."))
        return redirect("timeline-workspace:plan-timeline", slug=plan.slug)
    context = {"plan": plan, "form": form, "creating": True}
    return render(request, "consultations/workspace/milestone_form.html", context)


@workspace_member_required
def milestone_edit(request, pk):
    milestone = changeable_milestone(request, pk)
    form = MilestoneForm(request.POST or None, instance=milestone)
    if request.method == "POST" and _save_milestone(request, form):
        messages.success(request, _("Endringene er lagret."))
        return redirect("timeline-workspace:plan-timeline", slug=milestone.plan.slug)
    context = {"plan": milestone.plan, "form": form, "milestone": milestone}
    return render(request, "consultations/workspace/milestone_form.html", context)


@workspace_member_required
def milestone_delete(request, pk):
    milestone = changeable_milestone(request, pk)
    if request.method == "POST":
        services.milestone_delete(milestone=milestone, user=request.user)
        messages.success(
            request, _("Milepælen «%(label)s» er slettet.") % {"label": milestone.label}
        )
        return redirect("timeline-workspace:plan-timeline", slug=milestone.plan.slug)
    context = {"plan": milestone.plan, "object": milestone, "label": milestone.label}
    return render(request, "consultations/workspace/confirm_delete.html", context)


def _save_consultation(request, form, documents):
    """Save the hearing and its documents together, or nothing. True if saved."""

    def save():
        return services.consultation_save(
            consultation=form.save(commit=False), user=request.user, documents=documents
        )

    consultation = save_through(form, save, documents)
    if consultation is None:
        return False
    policy = ConsultationPolicy.for_municipality(consultation.plan.municipality_id)
    if warning := consultation.short_period_warning(policy):
        messages.warning(request, warning)
    return True


@workspace_member_required
def consultation_create(request, slug):
    plan = timeline_plan(request, slug)
    consultation = Consultation(plan=plan, contact_name=plan.contact_name)
    consultation.contact_email = plan.contact_email
    form = ConsultationForm(request.POST or None, instance=consultation)
    documents = ConsultationDocumentFormSet(request.POST or None, prefix="documents")
    if request.method == "POST" and _save_consultation(request, form, documents):
        messages.success(request, _("Høringen er lagt til."))
        return redirect("timeline-workspace:plan-timeline", slug=plan.slug)
    context = {"plan": plan, "form": form, "documents": documents, "creating": True}
    return render(request, "consultations/workspace/consultation_form.html", context)


@workspace_member_required
def consultation_edit(request, pk):
    consultation = changeable_consultation(request, pk)
    form = ConsultationForm(request.POST or None, instance=consultation)
    documents = ConsultationDocumentFormSet(
        request.POST or None, instance=consultation, prefix="documents"
    )
    if request.method == "POST" and _save_consultation(request, form, documents):
        messages.success(request, _("Endringene er lagret."))
        return redirect("timeline-workspace:plan-timeline", slug=consultation.plan.slug)
    context = {
        "plan": consultation.plan,
        "form": form,
        "documents": documents,
        "consultation": consultation,
    }
    return render(request, "consultations/workspace/consultation_form.html", context)


@workspace_member_required
def consultation_delete(request, pk):
    consultation = changeable_consultation(request, pk)
    if request.method == "POST":
        try:
            services.consultation_delete(consultation=consultation, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Høringen «%(label)s» er slettet.") % {"label": consultation.title}
            )
        return redirect("timeline-workspace:plan-timeline", slug=consultation.plan.slug)
    context = {"plan": consultation.plan, "object": consultation, "label": consultation.title}
    return render(request, "consultations/workspace/confirm_delete.html", context)


@workspace_member_required
def moderation(request):
    """The hearings with input the user moderates, those with input waiting first."""
    hearings = moderation_queue(plans_moderated_by(request.user))
    return render(request, "consultations/workspace/moderation.html", {"hearings": hearings})


@workspace_member_required
def consultation_submissions(request, pk):
    consultation = moderatable_consultation(request, pk)
    # Input waiting for review first, then published, then hidden.
    review_order = Case(
        When(state=SubmissionState.RECEIVED, then=0),
        When(state=SubmissionState.PUBLISHED, then=1),
        default=2,
    )
    submissions = consultation.submissions.select_related("moderated_by").order_by(
        review_order, "received_at"
    )
    context = {
        "consultation": consultation,
        "plan": consultation.plan,
        "submissions": submissions,
        "states": SubmissionState,
    }
    return render(request, "consultations/workspace/submissions.html", context)


def _back_to_submissions(submission):
    """The hearing's input, scrolled to the one just moderated."""
    url = reverse("timeline-workspace:submissions", kwargs={"pk": submission.consultation_id})
    return redirect(f"{url}#innspill-{submission.pk}")


@require_POST
@workspace_member_required
def submission_moderate(request, pk, action):
    submission = moderatable_submission(request, pk)
    reference = {"reference": submission.reference}
    if action == "publish":
        services.submission_publish(submission=submission, user=request.user)
        messages.success(request, _("Innspill %(reference)s er publisert.") % reference)
    elif action == "hide":
        form = HideForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Skriv hvorfor innspillet skjules. Det ble ikke skjult."))
            return _back_to_submissions(submission)
        services.submission_hide(
            submission=submission, user=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("Innspill %(reference)s er skjult.") % reference)
    elif action == "handled":
        form = HandledForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["response"]))
            return _back_to_submissions(submission)
        services.submission_mark_handled(
            submission=submission, user=request.user, response=form.cleaned_data["response"]
        )
        messages.success(request, _("Innspill %(reference)s er merket som behandlet.") % reference)
    else:
        raise Http404
    return _back_to_submissions(submission)


@workspace_member_required
def submission_anonymise(request, pk):
    """Remove the sender's personal data, after a confirmation: it cannot be undone."""
    submission = moderatable_submission(request, pk)
    if request.method == "POST":
        services.submission_anonymise(submission=submission)
        messages.success(
            request,
            _("Navn, e-post og vedlegg er fjernet fra innspill %(reference)s.")
            % {"reference": submission.reference},
        )
        return _back_to_submissions(submission)
    context = {"submission": submission, "plan": submission.consultation.plan}
    return render(request, "consultations/workspace/confirm_anonymise.html", context)


@workspace_member_required
def submission_attachment(request, pk):
    """The attachment, for the plan's planners only, always as a download."""
    submission = moderatable_submission(request, pk)
    if not submission.attachment:
        raise Http404
    return FileResponse(
        submission.attachment.open("rb"),
        as_attachment=True,
        filename=f"{submission.reference}.{submission.attachment_type}",
        content_type=CONTENT_TYPES.get(submission.attachment_type, "application/octet-stream"),
    )

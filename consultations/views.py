"""Public pages: hearings and their input form, and the status of ongoing plan work."""

from axes.helpers import get_client_ip_address
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from planportal.page_cache import cached_for_anonymous
from plans.selectors import public_plans

from .filters import HearingListForm, ProgressFilter
from .forms import SubmissionForm
from .models import ConsultationState
from .notifications import send_receipt
from .selectors import (
    consultation_page,
    hearing_overview,
    progress_rows,
    public_consultations,
)
from .services import SubmissionRefused, input_refusal, submission_receive

RECEIPT_SESSION_KEY = "submission_receipt"


@cached_for_anonymous
def consultation_list(request):
    now = timezone.now()
    form = HearingListForm(request.GET)
    consultations = public_consultations()
    if municipality := form.municipality():
        consultations = consultations.filter(plan__municipality=municipality)
    within_days = form.within_days()
    overview = hearing_overview(consultations, now, within_days=within_days)
    context = {
        "overview": overview,
        "coming_count": len(overview.open) + len(overview.upcoming),
        "within_days": within_days,
        "now": now,
        "form": form,
    }
    return render(request, "consultations/consultation_list.html", context)


def _receive(request, consultation, form):
    """Take the input, or put the reason it was refused on the form. The submission or None."""
    if not form.is_valid():
        return None
    try:
        return submission_receive(
            consultation=consultation,
            submission=form.build(),
            client_address=get_client_ip_address(request),
        )
    except SubmissionRefused as refusal:
        form.add_error(None, str(refusal))
        return None


@cached_for_anonymous
@require_http_methods(["GET", "HEAD", "POST"])
def consultation_detail(request, pk):
    consultation = consultation_page(request.user, pk)
    if consultation is None:
        raise Http404
    now = timezone.now()
    state = consultation.state_at(now)
    refusal = input_refusal(consultation, now)
    form = None
    if refusal is None or request.method == "POST":
        form = SubmissionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and (submission := _receive(request, consultation, form)):
        mailed = send_receipt(
            submission, hearing_url=request.build_absolute_uri(consultation.get_absolute_url())
        )
        request.session[RECEIPT_SESSION_KEY] = {
            "consultation": consultation.pk,
            "reference": submission.reference,
            "mailed": mailed,
        }
        return redirect("consultations:receipt", pk=consultation.pk)
    context = {
        "consultation": consultation,
        "plan": consultation.plan,
        "state": state,
        "states": ConsultationState,
        "now": now,
        "form": form,
        "refusal": refusal,
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "consultations/consultation_detail.html", context, status=status)


def submission_receipt(request, pk):
    """The receipt, for the browser that sent the input only: it shows the reference number."""
    receipt = request.session.get(RECEIPT_SESSION_KEY)
    if not receipt or receipt["consultation"] != pk:
        return redirect("consultations:detail", pk=pk)
    consultation = consultation_page(request.user, pk)
    if consultation is None:
        raise Http404
    context = {
        "consultation": consultation,
        "reference": receipt["reference"],
        "mailed": receipt.get("mailed", False),
    }
    return render(request, "consultations/receipt.html", context)


@cached_for_anonymous
def progress(request):
    """/fremdrift/: every plan in process with its next milestone, soonest first."""
    progress_filter = ProgressFilter(request.GET or None, queryset=public_plans())
    shown = progress_filter.shown()
    context = {
        "filter": progress_filter,
        # The overview's selection, named above the list: "Til politisk behandling …".
        "shown": dict(progress_filter.form.fields["vis"].choices).get(shown, "") if shown else "",
        "rows": progress_rows(progress_filter.qs, in_process_only=not shown),
        "today": timezone.localdate(),
    }
    return render(request, "consultations/progress.html", context)

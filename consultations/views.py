"""Public pages: hearings and their input form, and the status of ongoing plan work."""

from axes.helpers import get_client_ip_address
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from planportal.page_cache import cached_for_anonymous
from planportal.spreadsheets import csv_response
from plans.selectors import public_plans

from .exports import hearing_table, progress_table
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
PROGRESS_PER_PAGE = 50


def _listed_hearings(request, now):
    """(the filter form, its number of days or None, the hearings /horinger/ lists) for the
    query string: the page and its spreadsheet list the same."""
    form = HearingListForm(request.GET)
    consultations = public_consultations()
    if municipality := form.municipality():
        consultations = consultations.filter(plan__municipality=municipality)
    within_days = form.within_days()
    return form, within_days, hearing_overview(consultations, now, within_days=within_days)


@cached_for_anonymous
def consultation_list(request):
    now = timezone.now()
    form, within_days, overview = _listed_hearings(request, now)
    context = {
        "overview": overview,
        "coming_count": len(overview.open) + len(overview.upcoming),
        "within_days": within_days,
        "now": now,
        "form": form,
    }
    return render(request, "consultations/consultation_list.html", context)


@cached_for_anonymous
def consultation_list_csv(request):
    """/horinger/regneark.csv: the hearings /horinger/ lists with the same filters, in order."""
    now = timezone.now()
    _form, _within_days, overview = _listed_hearings(request, now)
    headings, rows = hearing_table(overview, now, request.build_absolute_uri)
    return csv_response("horinger", headings, rows)


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


def _listed_progress(request):
    """(the filter, its ``vis`` choice or "", the rows /fremdrift/ lists) for the query string:
    the page and its spreadsheet list the same."""
    progress_filter = ProgressFilter(request.GET or None, queryset=public_plans())
    shown = progress_filter.shown()
    return progress_filter, shown, progress_rows(progress_filter.qs, in_process_only=not shown)


@cached_for_anonymous
def progress(request):
    """/fremdrift/: every plan in process with its next milestone, soonest first."""
    progress_filter, shown, rows = _listed_progress(request)
    # A city has hundreds of plans in process: a page of them at a time, the soonest first.
    paginator = Paginator(rows, PROGRESS_PER_PAGE)
    page = paginator.get_page(request.GET.get("side"))
    context = {
        "filter": progress_filter,
        # The overview's selection, named above the list: "Til politisk behandling …".
        "shown": dict(progress_filter.form.fields["vis"].choices).get(shown, "") if shown else "",
        "rows": page.object_list,
        "page": page,
        "page_numbers": paginator.get_elided_page_range(page.number, on_each_side=2),
        "today": timezone.localdate(),
    }
    return render(request, "consultations/progress.html", context)


@cached_for_anonymous
def progress_csv(request):
    """/fremdrift/regneark.csv: the plans /fremdrift/ lists with the same filters, in order."""
    _filter, _shown, rows = _listed_progress(request)
    headings, table = progress_table(rows, timezone.localdate(), request.build_absolute_uri)
    return csv_response("fremdrift", headings, table)

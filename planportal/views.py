from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from consultations.selectors import public_consultations
from plans import permissions
from plans.models import Municipality, Plan, PlanStatus, PlanType
from plans.selectors import (
    plan_for_page,
    plan_links,
    public_plans,
    recently_changed_plans,
    related_public_plans,
    status_counts,
)

from .filtering import MunicipalityForm
from .forms import SignInForm
from .page_cache import cached_for_anonymous

# Open hearings on the home page, those with the nearest deadline.
HOME_HEARINGS = 6


@cached_for_anonymous
def home(request):
    municipalities = list(Municipality.objects.all())
    form = MunicipalityForm(request.GET)
    chosen = form.municipality()
    plans = public_plans()
    consultations = public_consultations()
    if chosen:
        plans = plans.filter(municipality=chosen)
        consultations = consultations.filter(plan__municipality=chosen)
    context = {
        "kps_in_force": plans.in_force()
        .filter(plan_type=PlanType.KPS)
        .select_related("municipality")
        .order_by("municipality__name"),
        "status_counts": status_counts(plans),
        "recent_plans": recently_changed_plans(plans),
        "form": form,
        # Whose plans the page shows, named when the install holds more than one municipality.
        "shown_municipalities": [chosen] if chosen else municipalities,
        "chosen_municipality": chosen,
        # Read here already: the layout would otherwise count the municipalities again.
        "show_municipality": len(municipalities) > 1,
    }
    # The hearings closing first; the page of hearings lists them all. One more is read to
    # know whether there are more, so the page does not grow with the number of hearings.
    open_now = consultations.open_at(timezone.now()).for_listing().order_by("deadline", "title")
    shown = list(open_now[: HOME_HEARINGS + 1])
    context["open_consultations"] = shown[:HOME_HEARINGS]
    context["more_open_consultations"] = len(shown) > HOME_HEARINGS
    return render(request, "home.html", context)


@cached_for_anonymous
def plan_detail(request, slug):
    """The public plan page; signed-in users also see the drafts they may read.

    Composed here, above the apps, because it shows the plan with its goals and its timeline.
    """
    try:
        plan = plan_for_page(permissions.plans_readable_by(request.user), slug)
    except Plan.DoesNotExist:
        raise Http404 from None
    context = {
        "plan": plan,
        "can_change": permissions.can_change_plan(request.user, plan),
        "can_read_internal": permissions.can_read_internal_notes(request.user, plan),
        "status_history": plan.status_changes.all(),
        "decisions": plan.planstrategi_decisions.select_related("council_period"),
        "statuses": PlanStatus,
        **plan_links(plan),
        **related_public_plans(plan),
    }
    return render(request, "plan_page.html", context)


@never_cache
def choose_language(request):
    """The language switch on every page: a link (``?velg=en&neste=/planer/``) that sets the
    language cookie (``ChosenLanguageMiddleware``) and goes back to the page.

    A link rather than a form: a page whose only form was the switch carried a CSRF token, and
    so gave every new reader a token and a cookie of their own, a tenth of the time of a kept
    page. The cookie holds a display choice and nothing else: another site that links a reader
    here changes only which language the reader is shown.
    """
    language = request.GET.get("velg")
    if language not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest(_("Ukjent språk: velg nb (norsk bokmål) eller en (English)."))
    back = request.GET.get("neste") or "/"
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = "/"
    response = HttpResponseRedirect(back)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


# The language switch's links set a cookie and lead back to a page a crawler has already:
# not worth crawling, one per page.
ROBOTS = "User-agent: *\nDisallow: /sprak/\n"


def robots(request):
    return HttpResponse(ROBOTS, content_type="text/plain; charset=utf-8")


class SignInView(auth_views.LoginView):
    """Sign in; a politician lands on the overview, everyone else in the workspace. An address
    in ``?next=`` wins over both."""

    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        if permissions.is_only_politician(self.request.user):
            return reverse("overview")
        return super().get_default_redirect_url()


def health(request):
    """A liveness check for the load balancer: the process answers, through every middleware,
    without touching the database. The benchmarks measure every page against it."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")

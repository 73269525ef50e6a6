"""The pages the law asks of a public-sector website: accessibility statement, privacy notice."""

import datetime

from django.shortcuts import render

from consultations.models import ConsultationPolicy
from plans.models import Municipality

from .page_cache import cached_for_anonymous

# The day the statement was last checked against the portal. Change it with the statement.
ACCESSIBILITY_STATEMENT_DATE = datetime.date(2026, 11, 30)


@cached_for_anonymous
def accessibility_statement(request):
    context = {"statement_date": ACCESSIBILITY_STATEMENT_DATE}
    return render(request, "legal/accessibility.html", context)


@cached_for_anonymous
def privacy_notice(request):
    """The retention stated here is the one ``anonymize_submissions`` applies, per municipality."""
    retention = [
        (municipality, ConsultationPolicy.for_municipality(municipality.pk))
        for municipality in Municipality.objects.all()
    ]
    context = {
        "retention": retention,
        "default_retention_days": ConsultationPolicy().retention_days_after_adoption,
    }
    return render(request, "legal/privacy.html", context)

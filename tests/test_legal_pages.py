"""The pages the law asks for: the accessibility statement and the privacy notice."""

import datetime

import pytest
from django.utils import timezone

from consultations.models import ConsultationPolicy
from tests.factories import ConsultationFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_accessibility_statement_states_status_gaps_and_the_supervisory_authority(client):
    html = client.get("/tilgjengelighet/").content.decode()
    assert "<h1" in html and "Tilgjengelighetserklæring" in html
    assert "delvis i samsvar" in html
    assert "WCAG 2.1" in html
    assert "Dette vet vi ikke er i orden" in html
    assert 'href="https://www.uutilsynet.no/"' in html
    assert "Digitaliseringsdirektoratet (Digdir)" in html
    assert "sist oppdatert 30. november 2026" in html


def test_privacy_notice_states_the_retention_the_anonymisation_applies(client, bergen):
    ConsultationPolicy.objects.create(municipality=bergen, retention_days_after_adoption=90)
    MunicipalityFactory(name="Bærum", number="3201", slug="baerum")
    html = client.get("/personvern/").content.decode()
    assert "Bergen: 90 dager etter vedtaket." in html
    # A municipality without its own rules gets the default the anonymisation uses.
    default = ConsultationPolicy._meta.get_field("retention_days_after_adoption").default
    assert f"Bærum: {default} dager etter vedtaket." in html


def test_privacy_notice_says_what_why_who_and_how_to_delete(client):
    html = client.get("/personvern/").content.decode()
    for text in [
        "E-postadressen din",
        "artikkel 6 nr. 1 bokstav e",
        "plan- og bygningsloven",
        "E-postadressen\n        og vedlegg publiseres aldri",
        "referansenummeret",
        'href="https://www.datatilsynet.no/"',
    ]:
        assert " ".join(text.split()) in " ".join(html.split()), text


@pytest.mark.parametrize(
    "path", ["/", "/planer/", "/horinger/", "/fremdrift/", "/mal/", "/finnes-ikke/"]
)
def test_every_page_links_both_in_the_footer(client, path):
    html = client.get(path).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert 'href="/tilgjengelighet/"' in footer
    assert 'href="/personvern/"' in footer


def test_the_input_form_links_the_privacy_notice(client, make_plan):
    today = timezone.localdate()
    consultation = ConsultationFactory(
        plan=make_plan(),
        starts_on=today - datetime.timedelta(days=1),
        deadline=today + datetime.timedelta(days=30),
    )
    html = client.get(consultation.get_absolute_url()).content.decode()
    form_part = html[html.index('id="input-heading"') :]
    assert 'href="/personvern/"' in form_part


def test_both_pages_in_english(client):
    client.get("/sprak/?velg=en&neste=/")
    assert "Accessibility statement" in client.get("/tilgjengelighet/").content.decode()
    html = client.get("/personvern/").content.decode()
    assert "Privacy" in html and "How long we keep" in html

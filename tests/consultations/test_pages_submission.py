"""A hearing's public page and its input form: who sees it, when the form is there, what is
taken and what is refused (with a Norwegian message and nothing saved), the receipt, and the
limit on how many inputs one address may send."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format

from consultations.models import Submission, SubmissionState
from consultations.services import client_key
from plans.models import Role
from tests.consultations.page_helpers import (
    PDF_BYTES,
    docx_upload,
    field_errors,
    odt_upload,
    pdf_upload,
    submission_data,
)
from tests.factories import SubmissionFactory
from tests.helpers import hearing, member, open_hearing, zip_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(make_plan):
    return make_plan(title="Skolebruksplan")


@pytest.fixture
def consultation(plan):
    return open_hearing(plan, title="Høring av skolebruksplanen")


def url(consultation):
    return f"/horinger/{consultation.pk}/"


def refused(response, message):
    """The form came back with ``message`` in its error summary, and nothing was saved."""
    html = response.content.decode()
    assert response.status_code == 400, response.status_code
    summary = re.search(r'<div class="ds-error-summary".*?</div>', html, re.S)
    assert summary, "no error summary"
    assert "Innspillet ble ikke sendt. Rett opp dette:" in summary.group(0)
    assert message in summary.group(0), summary.group(0)
    assert not Submission.objects.exists()
    return html


# Who sees the hearing, and when the form is there


def test_an_open_hearing_shows_its_facts_and_the_form(client, consultation, plan):
    response = client.get(url(consultation))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<h1 class="ds-heading" data-size="lg" lang="nb">{consultation.title}</h1>' in html
    assert f'href="{plan.get_absolute_url()}"' in html
    assert "<strong>10 dager igjen</strong>" in html
    deadline = date_format(consultation.deadline, "DATE_FORMAT")
    assert f"{deadline} kl. 23.59" in html
    assert 'enctype="multipart/form-data"' in html
    for name in ("name", "organisation", "email", "text", "attachment", "website"):
        assert f'name="{name}"' in html
    assert re.search(r'<div hidden>\s*<label for="id_website">', html)


def test_an_upcoming_hearing_has_no_form(client, plan):
    upcoming = hearing(plan, 3, 42)
    html = client.get(url(upcoming)).content.decode()
    start = date_format(upcoming.starts_on, "DATE_FORMAT")
    assert f"Høringen har ikke startet. Du kan sende innspill fra {start}." in html
    assert 'name="text"' not in html
    assert "Starter om 3 dager" in html


def test_a_closed_hearing_has_no_form(client, plan):
    closed = hearing(plan, -50, 49)
    html = client.get(url(closed)).content.decode()
    deadline = date_format(closed.deadline, "DATE_FORMAT")
    assert f"Høringsfristen gikk ut {deadline}. Innspill kan ikke sendes lenger." in html
    assert 'name="text"' not in html


def test_the_form_is_there_on_the_first_and_the_last_day(client, plan):
    first_day = hearing(plan, 0, 30)
    last_day = hearing(plan, -30, 30)
    assert 'name="text"' in client.get(url(first_day)).content.decode()
    html = client.get(url(last_day)).content.decode()
    assert 'name="text"' in html
    assert "Siste dag i dag" in html


def test_a_hearing_of_an_unpublished_plan_is_404_for_the_public(client, make_plan, bbs):
    draft = make_plan(title="Utkast", is_published=False)
    consultation = open_hearing(draft)
    assert client.get(url(consultation)).status_code == 404
    assert client.post(url(consultation), submission_data()).status_code == 404
    assert not Submission.objects.exists()
    client.force_login(member("politiker", bbs, Role.POLITICIAN))
    assert client.get(url(consultation)).status_code == 404
    client.force_login(member("kari", bbs, Role.PLANNER))
    assert client.get(url(consultation)).status_code == 200


def test_an_unknown_hearing_is_404(client):
    assert client.get("/horinger/999999/").status_code == 404
    assert client.get("/horinger/999999/kvittering/").status_code == 302


def test_the_documents_and_contact_are_listed(client, consultation):
    consultation.documents.create(title="Høringsutkastet", url="https://example.org/utkast.pdf")
    consultation.contact_name = "Plankontoret"
    consultation.contact_email = "plan@bergen.example"
    consultation.save()
    html = client.get(url(consultation)).content.decode()
    assert 'href="https://example.org/utkast.pdf"' in html
    assert "Høringsutkastet" in html
    assert 'href="mailto:plan@bergen.example"' in html


# Sending input


def test_valid_input_is_received_and_the_receipt_shows_the_reference(client, consultation):
    response = client.post(url(consultation), submission_data(organisation="Foreldrelaget"))

    submission = Submission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/horinger/{consultation.pk}/kvittering/"
    assert submission.consultation == consultation
    assert submission.state == SubmissionState.RECEIVED
    assert (submission.name, submission.organisation, submission.email) == (
        "Ola Nordmann",
        "Foreldrelaget",
        "ola@example.no",
    )
    assert submission.text == "Skolen trenger en ny gymsal."
    assert not submission.attachment
    assert re.fullmatch(r"INN-[23456789A-HJKMNP-Z]{8}", submission.reference)

    receipt = client.get(response["Location"])
    html = receipt.content.decode()
    assert receipt.status_code == 200
    assert f'<strong class="reference">{submission.reference}</strong>' in html
    assert "Takk! Innspillet er mottatt" in html
    assert f"«{consultation.title}»" in html


def test_input_with_a_pdf_is_received_with_the_file_kept_under_a_random_name(client, consultation):
    response = client.post(url(consultation), submission_data(attachment=pdf_upload()))
    submission = Submission.objects.get()
    assert response.status_code == 302
    assert submission.state == SubmissionState.RECEIVED
    assert (submission.attachment_type, submission.attachment_name) == ("pdf", "innspill.pdf")
    assert submission.attachment.name.startswith(f"innspill/{consultation.pk}/")
    assert "innspill.pdf" not in submission.attachment.name
    with submission.attachment.open("rb") as stored:
        assert stored.read() == PDF_BYTES
    assert submission.reference in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("upload", "kind"), [(docx_upload, "docx"), (odt_upload, "odt")], ids=["docx", "odt"]
)
def test_docx_and_odt_are_taken_by_their_content(client, consultation, upload, kind):
    response = client.post(url(consultation), submission_data(attachment=upload()))
    assert response.status_code == 302
    assert Submission.objects.get().attachment_type == kind


def test_input_on_the_last_day_is_taken(client, plan):
    last_day = hearing(plan, -30, 30)
    assert client.post(url(last_day), submission_data()).status_code == 302
    assert Submission.objects.filter(consultation=last_day).count() == 1


def test_input_before_the_start_is_refused(client, plan):
    upcoming = hearing(plan, 1, 42)
    response = client.post(url(upcoming), submission_data())
    start = date_format(upcoming.starts_on, "DATE_FORMAT")
    refused(response, f"Høringen har ikke startet ennå. Du kan sende innspill fra {start}.")


def test_input_after_the_deadline_is_refused(client, plan):
    closed = hearing(plan, -43, 42)
    response = client.post(url(closed), submission_data())
    deadline = date_format(closed.deadline, "DATE_FORMAT")
    refused(
        response,
        f"Høringsfristen gikk ut {deadline} kl. 23.59. Innspill kan ikke sendes lenger.",
    )


def test_a_filled_in_honeypot_is_refused(client, consultation):
    response = client.post(url(consultation), submission_data(website="https://spam.example"))
    refused(response, "Innspillet kunne ikke tas imot.")


def test_missing_name_email_and_text_are_shown_next_to_the_fields(client, consultation):
    response = client.post(
        url(consultation), submission_data(name="", email="", text="", organisation="Laget")
    )
    html = refused(response, "Skriv navnet ditt.")
    assert field_errors(html, "id_name") == ["Skriv navnet ditt."]
    assert field_errors(html, "id_email") == [
        "Skriv e-postadressen din, så vi kan kontakte deg om innspillet."
    ]
    assert field_errors(html, "id_text") == ["Skriv innspillet ditt."]
    assert field_errors(html, "id_organisation") == []
    assert re.search(r'<input[^>]*name="name"[^>]*aria-invalid="true"', html)
    assert "<title>Feil i skjemaet" in html
    assert 'value="Laget"' in html  # what was typed is kept


def test_an_invalid_email_is_refused_next_to_the_field(client, consultation):
    response = client.post(url(consultation), submission_data(email="ola@"))
    html = refused(response, "E-post")
    assert len(field_errors(html, "id_email")) == 1
    assert field_errors(html, "id_name") == []


@pytest.mark.parametrize(
    "content",
    [b"MZ\x90\x00\x03 not a pdf at all", b"PK\x03\x04 a broken zip", b"%PDF"],
    ids=["program", "broken-zip", "too-short"],
)
def test_an_attachment_that_is_not_pdf_docx_or_odt_is_refused(client, consultation, content):
    upload = pdf_upload(content=content)
    response = client.post(url(consultation), submission_data(attachment=upload))
    message = "Vedlegget må være en PDF-, DOCX- eller ODT-fil. Denne filen er ingen av dem."
    html = refused(response, message)
    assert field_errors(html, "id_attachment") == [message]


def test_a_zip_that_is_no_document_is_refused(client, consultation):
    upload = pdf_upload(name="innspill.docx", content=zip_bytes({"word/document.xml": "<x/>"}))
    response = client.post(url(consultation), submission_data(attachment=upload))
    refused(response, "Vedlegget må være en PDF-, DOCX- eller ODT-fil.")


def test_a_too_large_attachment_is_refused(client, consultation, settings):
    settings.SUBMISSION_ATTACHMENT_MAX_BYTES = 50
    upload = pdf_upload(content=PDF_BYTES + b" " * 100)
    response = client.post(url(consultation), submission_data(attachment=upload))
    html = refused(response, "Vedlegget er for stort")
    assert "Det kan være på høyst 50" in html


# The receipt


def test_the_receipt_without_the_session_sends_back_to_the_hearing(client, consultation):
    response = client.get(f"/horinger/{consultation.pk}/kvittering/")
    assert response.status_code == 302
    assert response["Location"] == f"/horinger/{consultation.pk}/"


def test_the_receipt_is_for_the_hearing_the_input_went_to(client, consultation, plan):
    other = open_hearing(plan, title="En annen høring")
    client.post(url(consultation), submission_data())
    response = client.get(f"/horinger/{other.pk}/kvittering/")
    assert response.status_code == 302
    assert response["Location"] == f"/horinger/{other.pk}/"


def test_the_receipt_is_not_shown_to_another_browser(client, consultation):
    client.post(url(consultation), submission_data())
    reference = Submission.objects.get().reference
    stranger = Client().get(f"/horinger/{consultation.pk}/kvittering/")
    assert stranger.status_code == 302
    assert reference not in stranger.content.decode()


# The limit per address


def test_the_sixth_input_within_an_hour_from_one_address_is_refused(client, consultation):
    for number in range(5):
        response = client.post(url(consultation), submission_data(text=f"Innspill {number}"))
        assert response.status_code == 302, number
    response = client.post(url(consultation), submission_data(text="Innspill 6"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vi har tatt imot mange innspill fra deg på kort tid." in html
    assert Submission.objects.count() == 5
    assert not Submission.objects.filter(text="Innspill 6").exists()

    other_address = client.post(
        url(consultation), submission_data(text="Fra naboen"), REMOTE_ADDR="10.0.0.7"
    )
    assert other_address.status_code == 302
    assert Submission.objects.filter(text="Fra naboen").exists()


def test_inputs_older_than_an_hour_do_not_count(client, consultation):
    for _number in range(5):
        SubmissionFactory(consultation=consultation, client_key=client_key("127.0.0.1"))
    two_hours_ago = timezone.now() - timedelta(hours=2)
    Submission.objects.update(received_at=two_hours_ago)
    assert client.post(url(consultation), submission_data()).status_code == 302
    assert Submission.objects.count() == 6


def test_the_limit_counts_inputs_to_every_hearing(client, consultation, plan):
    other = open_hearing(plan)
    for _number in range(5):
        SubmissionFactory(consultation=other, client_key=client_key("127.0.0.1"))
    response = client.post(url(consultation), submission_data())
    assert response.status_code == 400
    assert not Submission.objects.filter(consultation=consultation).exists()

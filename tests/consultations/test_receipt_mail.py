"""The receipt mailed to whoever sends hearing input: to them only, with the reference and a
copy of the input; a mail relay that is down loses no input."""

from smtplib import SMTPException

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils.formats import date_format

from consultations.models import Submission
from tests.consultations.page_helpers import pdf_upload, submission_data
from tests.helpers import hearing, open_hearing

pytestmark = pytest.mark.django_db


class RelayDown(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise SMTPException("451 relay down")


@pytest.fixture
def consultation(make_plan):
    return open_hearing(
        make_plan(title="Skolebruksplan"),
        title="Høring av skolebruksplanen",
        contact_name="Kari Planlegger",
        contact_email="kari.planlegger@bergen.kommune.no",
    )


def send(client, consultation, **changes):
    return client.post(f"/horinger/{consultation.pk}/", submission_data(**changes), follow=True)


def test_the_sender_gets_a_receipt_with_the_reference_and_a_copy(client, consultation):
    text = 'Skolen trenger en ny gymsal & "flere" garderober <snart>.'
    response = send(client, consultation, organisation="Foreldrelaget", text=text)
    submission = Submission.objects.get()

    [receipt] = mail.outbox
    assert receipt.to == ["ola@example.no"]
    assert receipt.cc == receipt.bcc == []
    assert (
        receipt.subject == f"Innspill mottatt ({submission.reference}): Høring av skolebruksplanen"
    )
    for expected in [
        "Hei Ola Nordmann,",
        "Vi har tatt imot innspillet ditt til «Høring av skolebruksplanen» (Skolebruksplan).",
        f"Referansenummer: {submission.reference}",
        f"Høringsfrist: {date_format(consultation.deadline, 'DATE_FORMAT')}",
        f"Høringen: http://testserver/horinger/{consultation.pk}/",
        "Organisasjon: Foreldrelaget",
        text,  # plain text, not HTML-escaped
        "Spørsmål om høringen: Kari Planlegger, kari.planlegger@bergen.kommune.no",
    ]:
        assert expected in receipt.body, expected
    assert "Vedlegg:" not in receipt.body
    html = response.content.decode()
    assert "Vi har også sendt en kvittering" in html
    assert (
        'Spørsmål om høringen: Kari Planlegger, <a class="ds-link" '
        'href="mailto:kari.planlegger@bergen.kommune.no">'
    ) in html


def test_the_receipt_says_an_attachment_came_but_does_not_carry_it(client, consultation):
    send(client, consultation, attachment=pdf_upload())
    [receipt] = mail.outbox
    assert "Vedlegg: ja" in receipt.body
    assert receipt.attachments == []


def test_a_relay_that_is_down_loses_no_input(client, consultation, settings, caplog):
    settings.EMAIL_BACKEND = f"{__name__}.RelayDown"
    response = send(client, consultation)
    submission = Submission.objects.get()
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<strong class="reference">{submission.reference}</strong>' in html
    assert "Vi fikk ikke sendt kvittering på e-post" in html
    assert "Vi har også sendt" not in html
    assert f"Receipt for hearing input {submission.reference} was not sent" in caplog.text


@pytest.mark.parametrize("changes", [{"text": ""}, {"website": "http://spam.example"}])
def test_refused_input_gets_no_mail(client, consultation, changes):
    send(client, consultation, **changes)
    assert not Submission.objects.exists()
    assert mail.outbox == []


def test_input_to_a_closed_hearing_gets_no_mail(client, make_plan):
    closed = hearing(make_plan(), -43, 42)
    send(client, closed)
    assert mail.outbox == []

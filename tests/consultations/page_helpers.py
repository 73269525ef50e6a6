"""Shared pieces of the consultations page tests: dates relative to today, users with roles,
uploads, the POST data of the workspace forms as a browser sends it, and database snapshots."""

import io
import re
import zipfile
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultations.models import Consultation, ConsultationDocument, Milestone, Submission
from plans.models import Membership
from tests.factories import ConsultationFactory, UserFactory

DOCUMENT_PREFIX = "documents"
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def today():
    """Today in the site's time zone (Europe/Oslo), which is what the hearings count from."""
    return timezone.localdate()


def day(offset):
    """The date ``offset`` days from today."""
    return today() + timedelta(days=offset)


def member(username, department, role):
    """A user with ``role`` in ``department``."""
    user = UserFactory(username=username)
    Membership.objects.create(user=user, department=department, role=role)
    return user


def hearing(plan, starts_in, lasts, **fields):
    """A hearing of ``plan`` starting ``starts_in`` days from today, with the deadline ``lasts``
    days after the start."""
    return ConsultationFactory(
        plan=plan, starts_on=day(starts_in), deadline=day(starts_in + lasts), **fields
    )


def open_hearing(plan, **fields):
    """A hearing that started five days ago and closes in ten days."""
    return hearing(plan, -5, 15, **fields)


def pdf_upload(name="innspill.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, content in entries.items():
            package.writestr(name, content)
    return buffer.getvalue()


def docx_upload(name="innspill.docx"):
    content = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<document/>"})
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def odt_upload(name="innspill.odt"):
    content = zip_bytes(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}
    )
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def stored_pdf():
    """A PDF to give a submission directly (``attachment=stored_pdf()``)."""
    return ContentFile(PDF_BYTES, name="vedlegg.pdf")


def submission_data(**changes):
    """The public input form as a person fills it in; ``website`` is the honeypot, left empty."""
    data = {
        "name": "Ola Nordmann",
        "organisation": "",
        "email": "ola@example.no",
        "text": "Skolen trenger en ny gymsal.",
        "website": "",
    }
    data.update(changes)
    return data


def milestone_form_data(milestone=None, **changes):
    """The milestone form's fields for ``milestone`` (or a new one), with ``changes`` applied.

    A checkbox left unticked is not sent, as in a browser.
    """
    data = {
        "kind": "other",
        "title": "Ny milepæl",
        "body": "",
        "planned_start": day(30).isoformat(),
        "planned_end": "",
        "precision": "day",
        "completed_on": "",
    }
    if milestone is not None:
        data.update(
            kind=milestone.kind,
            title=milestone.title,
            body=milestone.body,
            planned_start=milestone.planned_start.isoformat(),
            planned_end=milestone.planned_end.isoformat(),
            precision=milestone.precision,
            completed_on=milestone.completed_on.isoformat() if milestone.completed_on else "",
        )
        if milestone.tentative:
            data["tentative"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def consultation_form_data(consultation=None, *, documents=(), delete=(), **changes):
    """The hearing form's fields for ``consultation`` (or a new one) with ``changes`` applied,
    and the documents form set: the hearing's documents, then ``documents`` as (title, url)
    rows (or the two empty rows the form shows); documents whose pk is in ``delete`` are
    ticked for deletion."""
    data = {
        "kind": "other",
        "title": "Høring av skolebruksplanen",
        "starts_on": day(10).isoformat(),
        "deadline": day(10 + 42).isoformat(),
        "council_meeting_on": "",
        "summary": "",
        "contact_name": "Plankontoret",
        "contact_email": "plan@example.no",
    }
    if consultation is not None:
        data.update(
            kind=consultation.kind,
            title=consultation.title,
            starts_on=consultation.starts_on.isoformat(),
            deadline=consultation.deadline.isoformat(),
            council_meeting_on=(
                consultation.council_meeting_on.isoformat()
                if consultation.council_meeting_on
                else ""
            ),
            summary=consultation.summary,
            contact_name=consultation.contact_name,
            contact_email=consultation.contact_email,
        )
    data.update(changes)
    existing = list(consultation.documents.all()) if consultation is not None else []
    rows = [(document.pk, document.title, document.url) for document in existing]
    rows += [("", title, url) for title, url in documents]
    # The form shows two empty rows for new documents; a browser sends them back empty.
    rows += [("", "", "")] * max(0, 2 - len(documents))
    data.update(
        {
            f"{DOCUMENT_PREFIX}-TOTAL_FORMS": len(rows),
            f"{DOCUMENT_PREFIX}-INITIAL_FORMS": len(existing),
            f"{DOCUMENT_PREFIX}-MIN_NUM_FORMS": 0,
            f"{DOCUMENT_PREFIX}-MAX_NUM_FORMS": 1000,
        }
    )
    for index, (pk, title, url) in enumerate(rows):
        data[f"{DOCUMENT_PREFIX}-{index}-id"] = pk
        data[f"{DOCUMENT_PREFIX}-{index}-title"] = title
        data[f"{DOCUMENT_PREFIX}-{index}-url"] = url
        if pk and pk in delete:
            data[f"{DOCUMENT_PREFIX}-{index}-DELETE"] = "on"
    return data


def snapshot():
    """Every milestone, hearing, document and submission with all their fields, to prove that a
    refused request changed nothing."""
    return {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (Milestone, Consultation, ConsultationDocument, Submission)
    }


def queries_for(client, url):
    """The number of database queries a GET of ``url`` makes (asserting it answers 200)."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(context.captured_queries)


def row_with(html, text):
    """The table row of ``html`` that holds ``text``."""
    rows = [row for row in re.findall(r"<tr>.*?</tr>", html, re.S) if text in row]
    assert len(rows) == 1, (text, rows)
    return rows[0]


def section(html, heading_id):
    """The <section> labelled by the heading with ``heading_id``."""
    match = re.search(rf'<section aria-labelledby="{heading_id}".*?</section>', html, re.S)
    assert match, heading_id
    return match.group(0)


def field_errors(html, field_id):
    """The error messages shown under the input with ``field_id``."""
    match = re.search(rf'<div id="{field_id}-error">(.*?)</div>', html, re.S)
    if not match:
        return []
    return re.findall(r'<p class="ds-validation-message"[^>]*>(.*?)</p>', match.group(1), re.S)


def messages_of(response):
    """The texts of the messages a followed response shows."""
    return [str(message) for message in response.context["messages"]]

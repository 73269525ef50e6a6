"""Shared pieces of the consultations page tests: dates relative to today, users with roles,
uploads, the POST data of the workspace forms as a browser sends it, and database snapshots."""

import re

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from consultations.models import Consultation, ConsultationDocument, Milestone, Submission
from tests.helpers import day, formset_data, zip_bytes

DOCUMENT_PREFIX = "documents"
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_upload(name="innspill.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


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
        formset_data(
            DOCUMENT_PREFIX,
            [
                {"id": pk, "title": title, "url": url}
                | ({"DELETE": "on"} if pk and pk in delete else {})
                for pk, title, url in rows
            ],
            initial=len(existing),
        )
    )
    return data


def snapshot():
    """Every milestone, hearing, document and submission with all their fields, to prove that a
    refused request changed nothing."""
    return {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (Milestone, Consultation, ConsultationDocument, Submission)
    }


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

"""Attachments to hearing input are recognised by their content: a real PDF, DOCX or ODT is
taken whatever it is called; anything else, an empty file or a too large one is refused."""

import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from consultations.attachments import attachment_type, validate_attachment
from consultations.forms import SubmissionForm
from tests.consultations.rule_helpers import MINIMAL_PDF, docx_bytes, odt_bytes
from tests.helpers import zip_bytes

WRONG_TYPE = "Vedlegget må være en PDF-, DOCX- eller ODT-fil. Denne filen er ingen av dem."


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def refusal(file):
    with pytest.raises(ValidationError) as excinfo:
        validate_attachment(file)
    return excinfo.value


def test_the_built_packages_are_real_zip_files():
    for content in (docx_bytes(), odt_bytes()):
        with zipfile.ZipFile(upload("x", content)) as package:
            assert package.testzip() is None


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("innspill.pdf", MINIMAL_PDF, "pdf"),
        ("innspill.docx", docx_bytes(), "docx"),
        ("innspill.odt", odt_bytes(), "odt"),
        # The name does not matter, the content does.
        ("innspill", MINIMAL_PDF, "pdf"),
        ("innspill.pdf", docx_bytes(), "docx"),
        ("innspill.txt", odt_bytes(), "odt"),
    ],
)
def test_accepted_by_content(name, content, kind):
    file = upload(name, content)
    assert validate_attachment(file) == kind


@pytest.mark.parametrize("content", [MINIMAL_PDF, docx_bytes(), odt_bytes()])
def test_the_file_is_read_from_the_start_after_validation(content):
    file = upload("innspill", content)
    file.read(3)
    validate_attachment(file)
    assert file.read() == content


def test_text_file_renamed_to_pdf_is_refused():
    error = refusal(upload("x.pdf", b"Dette er bare tekst, ikke en PDF.\n", "application/pdf"))
    assert error.messages == [WRONG_TYPE]
    assert error.code == "type"


def test_pdf_header_further_in_is_not_enough():
    assert attachment_type(upload("x.pdf", b" %PDF-1.4\n")) is None


@pytest.mark.parametrize(
    "content",
    [
        zip_bytes({"readme.txt": "Ikke et dokument", "bilde.png": "\x89PNG"}),
        # Half a DOCX: the content types but no document part.
        zip_bytes({"[Content_Types].xml": "<Types/>", "_rels/.rels": "<Relationships/>"}),
        # An ODF spreadsheet and an ODT template are not ODT documents.
        odt_bytes(mimetype="application/vnd.oasis.opendocument.spreadsheet"),
        odt_bytes(mimetype="application/vnd.oasis.opendocument.text-template"),
        # The zip signature followed by garbage.
        b"PK\x03\x04" + b"\x00" * 40,
    ],
    ids=["plain-zip", "half-docx", "ods", "odt-template", "broken-zip"],
)
def test_zip_that_is_neither_docx_nor_odt_is_refused(content):
    error = refusal(upload("innspill.docx", content))
    assert error.messages == [WRONG_TYPE]


def test_empty_file_is_refused():
    error = refusal(upload("innspill.pdf", b""))
    assert error.messages == ["Vedlegget er tomt."]
    assert error.code == "empty"


@override_settings(SUBMISSION_ATTACHMENT_MAX_BYTES=len(MINIMAL_PDF))
def test_file_at_the_limit_is_accepted():
    assert validate_attachment(upload("innspill.pdf", MINIMAL_PDF)) == "pdf"


@override_settings(SUBMISSION_ATTACHMENT_MAX_BYTES=len(MINIMAL_PDF) - 1)
def test_file_one_byte_over_the_limit_is_refused():
    size = len(MINIMAL_PDF)
    error = refusal(upload("innspill.pdf", MINIMAL_PDF))
    assert error.messages == [
        f"Vedlegget er for stort ({size}\xa0byte). Det kan være på høyst {size - 1}\xa0byte."
    ]
    assert error.code == "too_large"


@override_settings(SUBMISSION_ATTACHMENT_MAX_BYTES=2048)
def test_too_large_message_in_kilobytes():
    error = refusal(upload("innspill.docx", b"PK\x03\x04" + b"\x00" * 3000))
    assert error.messages == [
        "Vedlegget er for stort (2,9\xa0KB). Det kan være på høyst 2,0\xa0KB."
    ]


def test_default_limit_is_ten_megabytes(settings):
    assert settings.SUBMISSION_ATTACHMENT_MAX_BYTES == 10 * 1024 * 1024


# Through the public form -------------------------------------------------------------------

FORM_DATA = {"name": "Kari Nordmann", "email": "kari@example.no", "text": "Et innspill."}


def test_form_keeps_the_type_from_the_content_and_the_name_apart():
    form = SubmissionForm(FORM_DATA, {"attachment": upload("Mitt innspill.pdf", docx_bytes())})
    assert form.is_valid(), form.errors
    submission = form.build()
    assert submission.attachment_type == "docx"
    assert submission.attachment_name == "Mitt innspill.pdf"


@override_settings(SUBMISSION_ATTACHMENT_MAX_BYTES=50)
def test_form_shows_the_refusal_on_the_attachment_field():
    form = SubmissionForm(FORM_DATA, {"attachment": upload("innspill.pdf", b"x" * 51)})
    assert not form.is_valid()
    assert form.errors["attachment"] == [
        "Vedlegget er for stort (51\xa0byte). Det kan være på høyst 50\xa0byte."
    ]


def test_form_refuses_a_renamed_text_file():
    form = SubmissionForm(FORM_DATA, {"attachment": upload("x.pdf", b"bare tekst")})
    assert not form.is_valid()
    assert form.errors["attachment"] == [WRONG_TYPE]

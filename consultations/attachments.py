"""Attachments to hearing input: PDF, DOCX or ODT, recognised by their content, not their name.

A file called ``innspill.pdf`` that is really a program, or a Word file renamed, is refused; the
type is read from the bytes: PDF's header, or the parts a DOCX or ODT package must contain.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


def _package_type(upload):
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
            if "mimetype" in names:
                with package.open("mimetype") as entry:
                    if entry.read(len(ODT_MIMETYPE) + 1).strip() == ODT_MIMETYPE:
                        return "odt"
            if {"[Content_Types].xml", "word/document.xml"} <= names:
                return "docx"
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None
    return None


def attachment_type(upload):
    """'pdf', 'docx' or 'odt' from the file's content, or None."""
    upload.seek(0)
    header = upload.read(5)
    upload.seek(0)
    if header == b"%PDF-":
        return "pdf"
    if header[:4] != b"PK\x03\x04":
        return None
    kind = _package_type(upload)
    upload.seek(0)
    return kind


def validate_attachment(upload):
    """The file's type, or a ValidationError in Norwegian saying what is wrong."""
    limit = settings.SUBMISSION_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Vedlegget er for stort (%(size)s). Det kan være på høyst %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("Vedlegget er tomt."), code="empty")
    kind = attachment_type(upload)
    if kind is None:
        raise ValidationError(
            _("Vedlegget må være en PDF-, DOCX- eller ODT-fil. Denne filen er ingen av dem."),
            code="type",
        )
    return kind


def shortened_name(name, limit=100):
    """The submitter's file name cut to ``limit`` characters for display, keeping its ending."""
    if len(name) <= limit:
        return name
    stem, dot, extension = name.rpartition(".")
    ending = f"{dot}{extension}" if stem and len(extension) <= 10 else ""
    return name[: limit - len(ending) - 1] + "…" + ending

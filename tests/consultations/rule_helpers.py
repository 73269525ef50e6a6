"""Shared helpers for the consultations rule tests: Oslo and UTC moments, hearings, files."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from consultations.models import Consultation, ConsultationPolicy, Submission
from plans.models import PlanStatus, PlanType
from tests.factories import ConsultationFactory
from tests.helpers import zip_bytes

OSLO = ZoneInfo("Europe/Oslo")
UTC = datetime.UTC

JUNE_1 = datetime.date(2026, 6, 1)


def oslo(year, month, day, hour=0, minute=0, second=0):
    """An aware moment on the Oslo wall clock."""
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=OSLO)


def utc(year, month, day, hour=0, minute=0, second=0):
    """An aware moment in UTC."""
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def days(count):
    return datetime.timedelta(days=count)


def unsaved_hearing(plan, kind="other", starts_on=JUNE_1, length=42, **fields):
    """An unsaved hearing of ``plan`` lasting ``length`` days from ``starts_on``."""
    return Consultation(
        plan=plan,
        kind=kind,
        title=fields.pop("title", f"Høring av {kind}"),
        starts_on=starts_on,
        deadline=fields.pop("deadline", starts_on + days(length)),
        **fields,
    )


def errors_of(excinfo, field):
    """The messages a ValidationError holds for ``field``."""
    return excinfo.value.message_dict.get(field, [])


def unsaved_submission(**fields):
    fields.setdefault("name", "Kari Nordmann")
    fields.setdefault("email", "kari@example.no")
    fields.setdefault("text", "Skolen trenger en ny gymsal.")
    return Submission(**fields)


def set_policy(municipality, **fields):
    policy, _ = ConsultationPolicy.objects.update_or_create(
        municipality=municipality, defaults=fields
    )
    return policy


@pytest.fixture
def kps_plan(make_plan):
    """A kommuneplanens samfunnsdel being drafted."""
    return make_plan(
        title="Kommuneplanens samfunnsdel 2027", plan_type=PlanType.KPS, status=PlanStatus.DRAFTING
    )


@pytest.fixture
def planstrategi_plan(make_plan):
    return make_plan(
        title="Kommunal planstrategi 2028–2031",
        plan_type=PlanType.PLANSTRATEGI,
        status=PlanStatus.DRAFTING,
    )


@pytest.fixture
def temaplan(make_plan):
    return make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)


@pytest.fixture
def open_hearing(make_plan):
    """A hearing open today and for weeks either side, whatever day the tests run."""
    today = timezone.localdate()
    return ConsultationFactory(
        plan=make_plan(title="Plan på høring", status=PlanStatus.HEARING),
        starts_on=today - days(20),
        deadline=today + days(22),
    )


# Files -------------------------------------------------------------------------------------

MINIMAL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n"
    b"%%EOF\n"
)

DOCX_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
DOCX_DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Innspill til planen</w:t></w:r></w:p></w:body></w:document>"
)
ODT_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
ODT_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:text><text:p>Innspill til planen</text:p></office:text>"
    "</office:body></office:document-content>"
)


def docx_bytes():
    return zip_bytes(
        {
            "[Content_Types].xml": DOCX_CONTENT_TYPES,
            "_rels/.rels": DOCX_RELS,
            "word/document.xml": DOCX_DOCUMENT,
        }
    )


def odt_bytes(mimetype="application/vnd.oasis.opendocument.text"):
    return zip_bytes(
        {
            "mimetype": mimetype,
            "META-INF/manifest.xml": ODT_MANIFEST,
            "content.xml": ODT_CONTENT,
        }
    )

"""What the public sees of the input people send: published input with name, organisation and
text; nothing of input not (or no longer) published; never anyone's e-mail address, on any
page or feed; and after anonymisation no name."""

import re

import pytest
from django.test import Client

from consultations.models import Submission, SubmissionState
from consultations.services import submission_anonymise
from plans.models import PlanStatus, Role
from tests.consultations.page_helpers import stored_pdf, submission_data
from tests.factories import SubmissionFactory
from tests.helpers import member, open_hearing

pytestmark = pytest.mark.django_db

EMAILS = [
    "mottatt.mottaker@privat-epost.example",
    "skjult.person@privat-epost.example",
    "publisert.person@privat-epost.example",
    "anonym.med.lag@privat-epost.example",
    "anonym.uten.lag@privat-epost.example",
]


@pytest.fixture
def hearing_with_input(make_plan):
    plan = make_plan(title="Skolebruksplan", status=PlanStatus.HEARING)
    consultation = open_hearing(plan, title="Høring av skolebruksplanen")
    received = SubmissionFactory(
        consultation=consultation,
        name="Rigmor Mottatt",
        email=EMAILS[0],
        text="Teksten som ennå ikke er vurdert.",
        attachment=stored_pdf(),
        attachment_type="pdf",
        attachment_name="rigmors-brev.pdf",
    )
    hidden = SubmissionFactory(
        consultation=consultation,
        name="Hallvard Skjult",
        organisation="Skjult forening",
        email=EMAILS[1],
        text="Teksten med personopplysninger om naboen.",
        state=SubmissionState.HIDDEN,
        hidden_reason="Personopplysninger om andre",
    )
    published = SubmissionFactory(
        consultation=consultation,
        name="Petra Publisert",
        organisation="Nordnes velforening",
        email=EMAILS[2],
        text="Trafikken rundt skolen må ned.",
        state=SubmissionState.PUBLISHED,
    )
    anonymous_with_organisation = SubmissionFactory(
        consultation=consultation,
        name="Arne Anonym",
        organisation="Nordnes idrettslag",
        email=EMAILS[3],
        text="Idrettslaget trenger hallen på kveldstid.",
        state=SubmissionState.PUBLISHED,
    )
    anonymous = SubmissionFactory(
        consultation=consultation,
        name="Astrid Anonym",
        email=EMAILS[4],
        text="Skoleveien er for mørk om vinteren.",
        state=SubmissionState.PUBLISHED,
    )
    submission_anonymise(submission=anonymous_with_organisation)
    submission_anonymise(submission=anonymous)
    return {
        "plan": plan,
        "consultation": consultation,
        "received": received,
        "hidden": hidden,
        "published": published,
        "anonymous_with_organisation": anonymous_with_organisation,
        "anonymous": anonymous,
    }


def public_urls(data):
    plan, consultation = data["plan"], data["consultation"]
    return {
        "hearings": "/horinger/",
        "hearing": f"/horinger/{consultation.pk}/",
        "plan": plan.get_absolute_url(),
        "progress": "/fremdrift/",
        "home": "/",
        "calendar": "/horinger/kalender.ics",
        "plan_calendar": f"/planer/{plan.slug}/kalender.ics",
        "atom": "/horinger/nye.atom",
        # The open data API: the plan and its hearings, as lists and on their own.
        "api_plans": "/api/v1/plans/",
        "api_plan": f"/api/v1/plans/{plan.slug}/",
        "api_plan_hearings": f"/api/v1/plans/{plan.slug}/hearings/",
        "api_hearings": "/api/v1/hearings/",
    }


@pytest.mark.parametrize("viewer", ["anonymous", "politician", "planner_of_the_plan"])
def test_no_email_address_on_any_public_page_or_feed(client, hearing_with_input, bbs, viewer):
    if viewer != "anonymous":
        role = Role.POLITICIAN if viewer == "politician" else Role.PLANNER
        client.force_login(member(viewer, bbs, role))
    for name, url in public_urls(hearing_with_input).items():
        response = client.get(url)
        text = response.content.decode()
        assert response.status_code == 200, name
        # The page is about the plan or hearing, so a leak would show here.
        assert "Skolebruksplan" in text or "skolebruksplanen" in text, name
        for email in EMAILS:
            assert email not in text, (name, email)
        assert "privat-epost.example" not in text, name


def test_the_hearing_page_shows_published_input_only(client, hearing_with_input):
    consultation = hearing_with_input["consultation"]
    html = client.get(f"/horinger/{consultation.pk}/").content.decode()
    listed = re.search(r'<ul class="plain-list submission-list">.*?</ul>', html, re.S).group(0)
    names = re.findall(r'<h3 class="ds-heading" data-size="2xs">(.*?)</h3>', listed)
    assert names == [
        "Petra Publisert, Nordnes velforening",
        "Nordnes idrettslag",
        "Anonymisert avsender",
    ]
    assert "Publiserte innspill (3)" in html
    for text in (
        "Trafikken rundt skolen må ned.",
        "Idrettslaget trenger hallen på kveldstid.",
        "Skoleveien er for mørk om vinteren.",
    ):
        assert text in listed


def test_input_not_published_shows_nowhere_publicly(client, hearing_with_input):
    received, hidden = hearing_with_input["received"], hearing_with_input["hidden"]
    for name, url in public_urls(hearing_with_input).items():
        text = client.get(url).content.decode()
        for secret in (
            received.name,
            received.text,
            hidden.name,
            hidden.organisation,
            hidden.text,
            hidden.hidden_reason,
            received.reference,
            hidden.reference,
        ):
            assert secret not in text, (name, secret)


def test_anonymised_input_shows_no_name(client, hearing_with_input):
    for name, url in public_urls(hearing_with_input).items():
        text = client.get(url).content.decode()
        assert "Arne Anonym" not in text, name
        assert "Astrid Anonym" not in text, name


def test_the_attachment_is_never_public(client, hearing_with_input):
    received = hearing_with_input["received"]
    received.state = SubmissionState.PUBLISHED
    received.save()
    consultation = hearing_with_input["consultation"]
    html = client.get(f"/horinger/{consultation.pk}/").content.decode()
    assert "Rigmor Mottatt" in html  # published now
    assert "rigmors-brev" not in html
    assert received.attachment.name not in html
    assert f"/innspill/{received.pk}/vedlegg/" not in html
    download = client.get(f"/arbeidsflate/innspill/{received.pk}/vedlegg/")
    assert download.status_code == 302
    assert download["Location"].startswith("/logg-inn/")


def test_unpublishing_by_hiding_removes_the_input_from_the_page(client, hearing_with_input, bbs):
    published = hearing_with_input["published"]
    planner = Client()
    planner.force_login(member("kari", bbs, Role.PLANNER))
    planner.post(f"/arbeidsflate/innspill/{published.pk}/skjul/", {"reason": "Feil høring"})
    html = client.get(f"/horinger/{hearing_with_input['consultation'].pk}/").content.decode()
    assert "Petra Publisert" not in html
    assert "Trafikken rundt skolen må ned." not in html


def test_anonymising_published_input_through_the_workspace_removes_the_name(
    client, hearing_with_input, bbs
):
    published = hearing_with_input["published"]
    planner = Client()
    planner.force_login(member("kari", bbs, Role.PLANNER))
    planner.post(f"/arbeidsflate/innspill/{published.pk}/anonymiser/")
    html = client.get(f"/horinger/{hearing_with_input['consultation'].pk}/").content.decode()
    assert "Petra Publisert" not in html
    assert ">Nordnes velforening</h3>" in html
    assert "Trafikken rundt skolen må ned." in html


def test_the_senders_address_is_stored_only_as_a_keyed_hash(client, hearing_with_input):
    consultation = hearing_with_input["consultation"]
    client.post(
        f"/horinger/{consultation.pk}/",
        submission_data(email="ny.person@privat-epost.example"),
        REMOTE_ADDR="192.0.2.44",
    )
    submission = Submission.objects.get(email="ny.person@privat-epost.example")
    assert re.fullmatch(r"[0-9a-f]{64}", submission.client_key)
    assert "192.0.2.44" not in str(Submission.objects.filter(pk=submission.pk).values().get())


def test_the_receipt_shows_no_email(client, hearing_with_input):
    consultation = hearing_with_input["consultation"]
    response = client.post(
        f"/horinger/{consultation.pk}/",
        submission_data(email="kvittering@privat-epost.example"),
        follow=True,
    )
    html = response.content.decode()
    assert "Referansenummer:" in html
    assert "kvittering@privat-epost.example" not in html


def test_a_refused_post_shows_no_one_elses_input(client, hearing_with_input):
    consultation = hearing_with_input["consultation"]
    response = client.post(f"/horinger/{consultation.pk}/", submission_data(name=""))
    html = response.content.decode()
    assert response.status_code == 400
    for email in EMAILS:
        assert email not in html
    assert "Rigmor Mottatt" not in html

"""The planners' workspace for milestones, hearings and the moderation of input, used through
its forms as a browser does. Bad input is refused in Norwegian and nothing is saved."""

from datetime import date, timedelta

import pytest
from django.test import TestCase
from django.utils import timezone

from consultations.models import (
    Consultation,
    ConsultationDocument,
    ConsultationPolicy,
    Milestone,
    Submission,
    SubmissionState,
)
from plans.models import PlanStatus, PlanType, Role
from tests.consultations.page_helpers import (
    PDF_BYTES,
    consultation_form_data,
    field_errors,
    messages_of,
    milestone_form_data,
    snapshot,
    stored_pdf,
)
from tests.factories import (
    DepartmentFactory,
    MilestoneFactory,
    SubmissionFactory,
)
from tests.helpers import day, hearing, member, open_hearing

pytestmark = pytest.mark.django_db

BASE = "/arbeidsflate"


@pytest.fixture
def planner(bbs):
    return member("kari", bbs, Role.PLANNER)


@pytest.fixture
def planner_client(client, planner):
    client.force_login(planner)
    return client


@pytest.fixture
def plan(make_plan):
    return make_plan(
        title="Skolebruksplan",
        status=PlanStatus.DRAFTING,
        contact_name="Plankontoret BBS",
        contact_email="bbs@bergen.example",
    )


def timeline_url(plan):
    return f"{BASE}/planer/{plan.slug}/fremdrift/"


def refused(client, url, data, message, field=None):
    """POST ``data``; the form comes back with ``message`` (next to ``field`` if given) and
    nothing in the database changed."""
    before = snapshot()
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200, response.status_code
    assert "ds-error-summary" in html
    assert message in html, html
    if field:
        assert any(message in error for error in field_errors(html, f"id_{field}")), field
    assert snapshot() == before
    return html


# The plan's timeline page


def test_timeline_page_lists_milestones_and_hearings(planner_client, plan):
    MilestoneFactory(plan=plan, title="Oppstart", planned_start=day(-30), completed_on=day(-28))
    consultation = open_hearing(plan, title="Høring av utkastet")
    SubmissionFactory(consultation=consultation)
    SubmissionFactory(consultation=consultation)
    html = planner_client.get(timeline_url(plan)).content.decode()
    assert "Oppstart" in html
    assert "Høring av utkastet" in html
    assert "2 innspill" in html
    assert f"{BASE}/horinger/{consultation.pk}/slett/" not in html  # has input: no delete link
    assert f"{BASE}/horinger/{consultation.pk}/" in html


# Milestones


def test_planner_adds_a_political_milestone_snapped_to_the_month(planner_client, planner, plan):
    data = milestone_form_data(
        kind="political",
        title="",
        body="Bystyret",
        planned_start="2027-03-14",
        planned_end="2027-04-02",
        precision="month",
        tentative="on",
    )
    response = planner_client.post(f"{BASE}/planer/{plan.slug}/milepaeler/ny/", data, follow=True)
    milestone = Milestone.objects.get()
    assert response.redirect_chain == [(timeline_url(plan), 302)]
    assert "Milepælen er lagt til." in messages_of(response)
    assert milestone.plan == plan
    assert (milestone.planned_start, milestone.planned_end) == (
        date(2027, 3, 1),
        date(2027, 4, 30),
    )
    assert milestone.tentative
    assert milestone.label == "Politisk behandling: Bystyret"
    assert "Politisk behandling: Bystyret" in response.content.decode()
    assert milestone.history.get().history_user == planner


def test_a_milestone_on_one_day_needs_no_end(planner_client, plan):
    data = milestone_form_data(title="Varsel om oppstart", planned_start=day(14).isoformat())
    assert planner_client.post(f"{BASE}/planer/{plan.slug}/milepaeler/ny/", data).status_code == 302
    milestone = Milestone.objects.get()
    assert milestone.planned_start == milestone.planned_end == day(14)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"kind": "political", "body": " "},
            "body",
            "Skriv hvilket organ som behandler saken, for eksempel bystyret.",
        ),
        (
            {"completed_on": (timezone.localdate() + timedelta(days=1)).isoformat()},
            "completed_on",
            "Gjennomført dato kan ikke være fram i tid.",
        ),
        (
            {"planned_start": "2027-05-10", "planned_end": "2027-05-01"},
            "planned_end",
            "Planlagt slutt kan ikke være før planlagt start.",
        ),
        ({"planned_start": ""}, "planned_start", "Feltet er påkrevet."),
    ],
    ids=["political-without-body", "completed-in-future", "end-before-start", "no-start"],
)
def test_a_bad_milestone_is_refused_and_nothing_saved(
    planner_client, plan, changes, field, message
):
    html = refused(
        planner_client,
        f"{BASE}/planer/{plan.slug}/milepaeler/ny/",
        milestone_form_data(**changes),
        message,
        field,
    )
    assert "Ingenting ble lagt til. Rett opp dette:" in html


def test_planner_edits_a_milestone_and_marks_it_done(planner_client, planner, plan):
    milestone = MilestoneFactory(plan=plan, title="Høringsutkast", planned_start=day(-10))
    data = milestone_form_data(milestone, title="Høringsutkast ferdig", completed_on=day(-2))
    response = planner_client.post(f"{BASE}/milepaeler/{milestone.pk}/", data, follow=True)
    milestone.refresh_from_db()
    assert response.redirect_chain == [(timeline_url(plan), 302)]
    assert "Endringene er lagret." in messages_of(response)
    assert (milestone.title, milestone.completed_on) == ("Høringsutkast ferdig", day(-2))
    assert milestone.history.first().history_user == planner


def test_a_bad_milestone_edit_is_refused_and_nothing_saved(planner_client, plan):
    milestone = MilestoneFactory(plan=plan, title="Vedtak", planned_start=day(10))
    data = milestone_form_data(milestone, title="Endret", completed_on=day(3).isoformat())
    html = refused(
        planner_client,
        f"{BASE}/milepaeler/{milestone.pk}/",
        data,
        "Gjennomført dato kan ikke være fram i tid.",
        "completed_on",
    )
    assert "Endringene ble ikke lagret. Rett opp dette:" in html


def test_planner_deletes_a_milestone_after_confirming(planner_client, plan):
    milestone = MilestoneFactory(plan=plan, title="Kunngjøring")
    confirm = planner_client.get(f"{BASE}/milepaeler/{milestone.pk}/slett/")
    assert "Slette «Kunngjøring»?" in confirm.content.decode()
    assert Milestone.objects.filter(pk=milestone.pk).exists()
    response = planner_client.post(f"{BASE}/milepaeler/{milestone.pk}/slett/", follow=True)
    assert response.redirect_chain == [(timeline_url(plan), 302)]
    assert "Milepælen «Kunngjøring» er slettet." in messages_of(response)
    assert not Milestone.objects.filter(pk=milestone.pk).exists()


# Hearings


def test_the_new_hearing_form_starts_with_the_plans_contact(planner_client, plan):
    form = planner_client.get(f"{BASE}/planer/{plan.slug}/horinger/ny/").context["form"]
    assert form["contact_name"].value() == "Plankontoret BBS"
    assert form["contact_email"].value() == "bbs@bergen.example"


def test_planner_adds_a_hearing_with_documents(planner_client, planner, plan):
    data = consultation_form_data(
        kind="planforslag",
        title="Høring av skolebruksplanen",
        documents=[
            ("Høringsutkast", "https://example.org/utkast.pdf"),
            ("Kunngjøring", "example.org/kunngjoring"),
        ],
    )
    response = planner_client.post(f"{BASE}/planer/{plan.slug}/horinger/ny/", data, follow=True)
    consultation = Consultation.objects.get()
    assert response.redirect_chain == [(timeline_url(plan), 302)]
    assert "Høringen er lagt til." in messages_of(response)
    assert not any("kortere enn" in message for message in messages_of(response))
    assert (consultation.plan, consultation.kind, consultation.starts_on) == (
        plan,
        "planforslag",
        day(10),
    )
    assert consultation.deadline == day(52)
    assert list(consultation.documents.values_list("title", "url")) == [
        ("Høringsutkast", "https://example.org/utkast.pdf"),
        ("Kunngjøring", "https://example.org/kunngjoring"),
    ]
    assert consultation.history.get().history_user == planner


def test_a_five_week_planprogram_hearing_is_refused_citing_the_law(planner_client, plan):
    data = consultation_form_data(
        kind="planprogram",
        starts_on=day(10).isoformat(),
        deadline=day(45).isoformat(),
        documents=[("Planprogram", "https://example.org/planprogram.pdf")],
    )
    html = refused(
        planner_client,
        f"{BASE}/planer/{plan.slug}/horinger/ny/",
        data,
        "§ 4-1",
        "deadline",
    )
    assert "En høring av planprogram skal vare i minst seks uker" in html
    assert "Ingenting ble lagt til. Rett opp dette:" in html
    assert not ConsultationDocument.objects.exists()


def test_a_six_week_planprogram_hearing_is_taken(planner_client, plan):
    data = consultation_form_data(
        kind="planprogram", starts_on=day(10).isoformat(), deadline=day(52).isoformat()
    )
    assert planner_client.post(f"{BASE}/planer/{plan.slug}/horinger/ny/", data).status_code == 302
    assert Consultation.objects.get().kind == "planprogram"


def test_a_short_kps_proposal_hearing_is_refused_citing_the_law(planner_client, make_plan):
    kps = make_plan(title="Kommuneplanens samfunnsdel", plan_type=PlanType.KPS)
    data = consultation_form_data(kind="planforslag", deadline=day(10 + 41).isoformat())
    refused(
        planner_client,
        f"{BASE}/planer/{kps.slug}/horinger/ny/",
        data,
        "§ 11-14, jf. § 5-2",
        "deadline",
    )


def test_a_short_other_hearing_is_saved_with_a_warning(planner_client, plan):
    data = consultation_form_data(kind="other", deadline=day(10 + 14).isoformat())
    response = planner_client.post(f"{BASE}/planer/{plan.slug}/horinger/ny/", data, follow=True)
    assert response.redirect_chain == [(timeline_url(plan), 302)]
    assert Consultation.objects.get().period_days == 14
    warnings = [
        message for message in response.context["messages"] if message.level_tag == "warning"
    ]
    assert [str(message) for message in warnings] == [
        "Høringen varer 14 dager, kortere enn kommunens standard på 28 dager. "
        "Loven setter ingen minstefrist for denne høringen, så den er lagret."
    ]


def test_the_municipalitys_own_default_decides_the_warning(planner_client, plan, bergen):
    ConsultationPolicy.objects.create(municipality=bergen, default_minimum_days=14)
    data = consultation_form_data(kind="other", deadline=day(10 + 14).isoformat())
    response = planner_client.post(f"{BASE}/planer/{plan.slug}/horinger/ny/", data, follow=True)
    assert Consultation.objects.exists()
    assert not any("kortere enn" in message for message in messages_of(response))


def test_a_deadline_before_the_start_is_refused(planner_client, plan):
    data = consultation_form_data(starts_on=day(20).isoformat(), deadline=day(19).isoformat())
    refused(
        planner_client,
        f"{BASE}/planer/{plan.slug}/horinger/ny/",
        data,
        "Høringsfristen kan ikke være før høringen starter.",
        "deadline",
    )


def test_a_planstrategi_hearing_only_for_a_planstrategi(planner_client, plan):
    data = consultation_form_data(kind="planstrategi", council_meeting_on=day(60).isoformat())
    refused(
        planner_client,
        f"{BASE}/planer/{plan.slug}/horinger/ny/",
        data,
        "Høring av forslag til planstrategi gjelder bare en planstrategi.",
        "kind",
    )


def test_a_planstrategi_hearing_needs_30_days_before_the_council_meeting(planner_client, make_plan):
    strategy = make_plan(title="Planstrategi 2028–2031", plan_type=PlanType.PLANSTRATEGI)
    url = f"{BASE}/planer/{strategy.slug}/horinger/ny/"
    refused(
        planner_client,
        url,
        consultation_form_data(kind="planstrategi"),
        "Skriv datoen for kommunestyrets behandling",
        "council_meeting_on",
    )
    refused(
        planner_client,
        url,
        consultation_form_data(
            kind="planstrategi",
            starts_on=day(10).isoformat(),
            deadline=day(25).isoformat(),
            council_meeting_on=day(30).isoformat(),
        ),
        "plan- og bygningsloven § 10-1",
        "starts_on",
    )
    refused(
        planner_client,
        url,
        consultation_form_data(
            kind="planstrategi",
            starts_on=day(10).isoformat(),
            deadline=day(45).isoformat(),
            council_meeting_on=day(40).isoformat(),
        ),
        "kommunestyret behandler forslaget",
        "deadline",
    )
    ok = consultation_form_data(
        kind="planstrategi",
        starts_on=day(10).isoformat(),
        deadline=day(35).isoformat(),
        council_meeting_on=day(40).isoformat(),
    )
    assert planner_client.post(url, ok).status_code == 302
    assert Consultation.objects.get().council_meeting_on == day(40)


def test_a_hearing_for_an_expired_plan_is_refused(planner_client, make_plan):
    expired = make_plan(title="Gammel plan", status=PlanStatus.EXPIRED)
    refused(
        planner_client,
        f"{BASE}/planer/{expired.slug}/horinger/ny/",
        consultation_form_data(),
        "Planen er utgått. En utgått plan kan ikke sendes på høring.",
    )


def test_a_bad_document_link_refuses_the_whole_hearing(planner_client, plan):
    data = consultation_form_data(
        documents=[("Høringsutkast", "https://example.org/a.pdf"), ("Uten lenke", "")]
    )
    html = refused(
        planner_client,
        f"{BASE}/planer/{plan.slug}/horinger/ny/",
        data,
        "Dokumenter: se feilene under.",
    )
    assert "Feltet er påkrevet." in html


def test_planner_edits_a_hearing_and_its_documents(planner_client, plan):
    consultation = hearing(plan, 10, 42, title="Gammel tittel")
    kept = consultation.documents.create(title="Behold", url="https://example.org/behold")
    dropped = consultation.documents.create(title="Fjern", url="https://example.org/fjern")
    data = consultation_form_data(
        consultation,
        title="Ny tittel",
        documents=[("Ny lenke", "https://example.org/ny")],
        delete=[dropped.pk],
    )
    response = planner_client.post(f"{BASE}/horinger/{consultation.pk}/", data, follow=True)
    consultation.refresh_from_db()
    assert response.redirect_chain == [(timeline_url(plan), 302)]
    assert "Endringene er lagret." in messages_of(response)
    assert consultation.title == "Ny tittel"
    assert sorted(consultation.documents.values_list("title", flat=True)) == ["Behold", "Ny lenke"]
    assert ConsultationDocument.objects.filter(pk=kept.pk).exists()


def test_a_bad_hearing_edit_is_refused_and_nothing_saved(planner_client, plan):
    consultation = hearing(plan, 10, 42, kind="planprogram", title="Planprogram")
    consultation.documents.create(title="Behold", url="https://example.org/behold")
    data = consultation_form_data(
        consultation,
        title="Endret",
        deadline=day(40).isoformat(),
        documents=[("Ny lenke", "https://example.org/ny")],
    )
    html = refused(planner_client, f"{BASE}/horinger/{consultation.pk}/", data, "§ 11-13")
    assert "Endringene ble ikke lagret. Rett opp dette:" in html


def test_planner_deletes_a_hearing_without_input(planner_client, plan):
    consultation = hearing(plan, 10, 42, title="Feilregistrert")
    consultation.documents.create(title="Dok", url="https://example.org/dok")
    response = planner_client.post(f"{BASE}/horinger/{consultation.pk}/slett/", follow=True)
    assert response.redirect_chain == [(timeline_url(plan), 302)]
    assert "Høringen «Feilregistrert» er slettet." in messages_of(response)
    assert not Consultation.objects.exists()
    assert not ConsultationDocument.objects.exists()


def test_a_hearing_with_input_cannot_be_deleted(planner_client, plan):
    consultation = open_hearing(plan, title="Har innspill")
    SubmissionFactory(consultation=consultation)
    before = snapshot()
    response = planner_client.post(f"{BASE}/horinger/{consultation.pk}/slett/", follow=True)
    assert response.redirect_chain == [(timeline_url(plan), 302)]
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert errors == [
        "Høringen har mottatt innspill og kan ikke slettes. Endre datoene i stedet, eller "
        "skjul innspillene."
    ]
    assert snapshot() == before


# Moderation


@pytest.fixture
def consultation(plan):
    return open_hearing(plan, title="Høring av skolebruksplanen")


@pytest.fixture
def submission(consultation):
    return SubmissionFactory(
        consultation=consultation,
        name="Siri Innsender",
        email="siri@example.no",
        text="Bygg ny skole på Nordnes.",
        attachment=stored_pdf(),
        attachment_type="pdf",
        attachment_name="siri.pdf",
    )


def submissions_url(consultation):
    return f"{BASE}/horinger/{consultation.pk}/innspill/"


def test_moderation_lists_hearings_with_input_waiting_first(planner_client, plan, make_plan):
    quiet = open_hearing(plan, title="Alt vurdert")
    SubmissionFactory(consultation=quiet, state=SubmissionState.PUBLISHED)
    busy = open_hearing(plan, title="Venter på vurdering")
    SubmissionFactory(consultation=busy)
    SubmissionFactory(consultation=busy, state=SubmissionState.PUBLISHED)
    open_hearing(plan, title="Uten innspill")
    other = make_plan(title="Annen avdeling", department=DepartmentFactory())
    SubmissionFactory(consultation=open_hearing(other, title="Ikke min høring"))

    response = planner_client.get(f"{BASE}/innspill/")
    html = response.content.decode()
    assert [(c.title, c.waiting, c.total) for c in response.context["hearings"]] == [
        ("Venter på vurdering", 1, 2),
        ("Alt vurdert", 0, 1),
    ]
    assert "Uten innspill" not in html and "Ikke min høring" not in html


def test_the_submissions_page_shows_the_email_and_attachment_link(
    planner_client, consultation, submission
):
    html = planner_client.get(submissions_url(consultation)).content.decode()
    assert "Siri Innsender" in html
    assert 'href="mailto:siri@example.no"' in html
    assert f'href="{BASE}/innspill/{submission.pk}/vedlegg/"' in html
    assert "Bygg ny skole på Nordnes." in html


def test_planner_publishes_input(planner_client, planner, consultation, submission, client):
    response = planner_client.post(f"{BASE}/innspill/{submission.pk}/publiser/", follow=True)
    submission.refresh_from_db()
    assert response.redirect_chain == [
        (f"{submissions_url(consultation)}#innspill-{submission.pk}", 302)
    ]
    assert f"Innspill {submission.reference} er publisert." in messages_of(response)
    assert (submission.state, submission.moderated_by) == (SubmissionState.PUBLISHED, planner)
    planner_client.logout()
    assert (
        "Bygg ny skole på Nordnes." in client.get(f"/horinger/{consultation.pk}/").content.decode()
    )


def test_hiding_needs_a_reason(planner_client, consultation, submission):
    before = snapshot()
    response = planner_client.post(
        f"{BASE}/innspill/{submission.pk}/skjul/", {"reason": "  "}, follow=True
    )
    assert "Skriv hvorfor innspillet skjules. Det ble ikke skjult." in messages_of(response)
    assert snapshot() == before


def test_planner_hides_input_with_a_reason(planner_client, planner, consultation, submission):
    submission.state = SubmissionState.PUBLISHED
    submission.save()
    response = planner_client.post(
        f"{BASE}/innspill/{submission.pk}/skjul/",
        {"reason": "Inneholder personopplysninger om andre"},
        follow=True,
    )
    submission.refresh_from_db()
    assert f"Innspill {submission.reference} er skjult." in messages_of(response)
    assert (submission.state, submission.hidden_reason, submission.moderated_by) == (
        SubmissionState.HIDDEN,
        "Inneholder personopplysninger om andre",
        planner,
    )
    assert "Inneholder personopplysninger om andre" in response.content.decode()


def test_publishing_hidden_input_clears_the_reason(planner_client, consultation, submission):
    submission.state, submission.hidden_reason = SubmissionState.HIDDEN, "Feil"
    submission.save()
    planner_client.post(f"{BASE}/innspill/{submission.pk}/publiser/")
    submission.refresh_from_db()
    assert (submission.state, submission.hidden_reason) == (SubmissionState.PUBLISHED, "")


def test_planner_marks_input_handled_with_a_response(planner_client, consultation, submission):
    response = planner_client.post(
        f"{BASE}/innspill/{submission.pk}/behandlet/",
        {"response": " Tatt inn i kapittel 4. "},
        follow=True,
    )
    submission.refresh_from_db()
    assert f"Innspill {submission.reference} er merket som behandlet." in messages_of(response)
    assert submission.handled_at is not None
    assert submission.response == "Tatt inn i kapittel 4."
    assert submission.state == SubmissionState.RECEIVED
    assert "Tatt inn i kapittel 4." in response.content.decode()


def test_planner_anonymises_input(planner_client, consultation, submission):
    stored_name = submission.attachment.name
    storage = submission.attachment.storage
    confirm = planner_client.get(f"{BASE}/innspill/{submission.pk}/anonymiser/")
    assert "kan ikke hentes tilbake" in confirm.content.decode()
    assert Submission.objects.get(pk=submission.pk).name == "Siri Innsender"
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = planner_client.post(f"{BASE}/innspill/{submission.pk}/anonymiser/", follow=True)
    submission.refresh_from_db()
    assert (
        f"Navn, e-post og vedlegg er fjernet fra innspill {submission.reference}."
        in messages_of(response)
    )
    assert (submission.name, submission.email, submission.attachment_name) == ("", "", "")
    assert not submission.attachment
    assert submission.anonymised_at is not None
    assert submission.text == "Bygg ny skole på Nordnes."
    assert not storage.exists(stored_name)
    html = response.content.decode()
    assert "Siri Innsender" not in html and "siri@example.no" not in html
    assert "Anonymisert avsender" in html


@pytest.mark.parametrize(
    ("action", "data", "state", "handled"),
    [
        ("publiser", {}, SubmissionState.PUBLISHED, False),
        ("skjul", {"reason": "Støtende"}, SubmissionState.HIDDEN, False),
        ("behandlet", {"response": "Ok"}, SubmissionState.RECEIVED, True),
    ],
    ids=["publish", "hide", "handled"],
)
def test_anonymised_input_can_still_be_moderated(
    planner_client, planner, consultation, submission, action, data, state, handled
):
    planner_client.post(f"{BASE}/innspill/{submission.pk}/anonymiser/")
    response = planner_client.post(f"{BASE}/innspill/{submission.pk}/{action}/", data)
    assert response.status_code == 302
    submission.refresh_from_db()
    assert (submission.state, submission.is_handled) == (state, handled)
    assert submission.moderated_by == planner
    assert (submission.name, submission.email) == ("", "")


def test_moderation_actions_are_post_only(planner_client, submission):
    for action in ("publiser", "skjul", "behandlet"):
        assert planner_client.get(f"{BASE}/innspill/{submission.pk}/{action}/").status_code == 405
    assert Submission.objects.get().state == SubmissionState.RECEIVED


# Attachments


def test_planner_downloads_the_attachment(planner_client, submission):
    response = planner_client.get(f"{BASE}/innspill/{submission.pk}/vedlegg/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f'filename="{submission.reference}.pdf"' in disposition
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_input_without_attachment_has_nothing_to_download(planner_client, consultation):
    bare = SubmissionFactory(consultation=consultation)
    assert planner_client.get(f"{BASE}/innspill/{bare.pk}/vedlegg/").status_code == 404


@pytest.mark.parametrize(
    ("role", "same_department", "status"),
    [
        (Role.PLANNER, False, 403),
        (Role.POLITICIAN, True, 403),
        (Role.COORDINATOR, False, 200),
    ],
    ids=["planner-other-department", "politician", "coordinator"],
)
def test_attachment_only_for_those_who_may_change_the_plan(
    client, bbs, submission, role, same_department, status
):
    department = bbs if same_department else DepartmentFactory(municipality=bbs.municipality)
    client.force_login(member("annen", department, role))
    response = client.get(f"{BASE}/innspill/{submission.pk}/vedlegg/")
    assert response.status_code == status
    if status != 200:
        assert PDF_BYTES not in response.content


def test_attachment_for_anonymous_is_a_redirect_to_sign_in(client, submission):
    response = client.get(f"{BASE}/innspill/{submission.pk}/vedlegg/")
    assert response.status_code == 302
    assert response["Location"].startswith("/logg-inn/?next=")


def test_anonymised_input_has_no_attachment_to_download(planner_client, submission):
    planner_client.post(f"{BASE}/innspill/{submission.pk}/anonymiser/")
    assert planner_client.get(f"{BASE}/innspill/{submission.pk}/vedlegg/").status_code == 404

"""Hearing and milestone rules, through full_clean and the services: refused with a Norwegian
message (naming the paragraph of plan- og bygningsloven where the law sets the rule), held by
the database, and nothing saved on refusal."""

import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from consultations.forms import ConsultationDocumentFormSet, ConsultationForm
from consultations.models import (
    Consultation,
    ConsultationDocument,
    ConsultationPolicy,
    Milestone,
    Submission,
)
from consultations.services import consultation_delete, consultation_save, milestone_save
from plans.models import PlanStatus
from tests.consultations import rule_helpers
from tests.consultations.rule_helpers import JUNE_1, days, errors_of, set_policy, unsaved_hearing
from tests.factories import (
    ConsultationFactory,
    MilestoneFactory,
    SubmissionFactory,
    UncheckedConsultationFactory,
    UncheckedMilestoneFactory,
    UserFactory,
)
from tests.helpers import formset_data

pytestmark = pytest.mark.django_db

# Shared fixtures.
kps_plan = rule_helpers.kps_plan
planstrategi_plan = rule_helpers.planstrategi_plan
temaplan = rule_helpers.temaplan

PLANPROGRAM_41_DAYS = (
    "En høring av planprogram skal vare i minst seks uker (plan- og bygningsloven § 4-1 og "
    "§ 11-13). Med start 1. juni 2026 må høringsfristen være 13. juli 2026 eller senere."
)
KPS_PLANFORSLAG_41_DAYS = (
    "En høring av planforslag skal vare i minst seks uker (plan- og bygningsloven § 11-14, "
    "jf. § 5-2). Med start 1. juni 2026 må høringsfristen være 13. juli 2026 eller senere."
)


def refused(consultation):
    with pytest.raises(ValidationError) as excinfo:
        consultation_save(consultation=consultation)
    assert not Consultation.objects.exists(), "a refused hearing must not be saved"
    return excinfo


# Statutory minimums ------------------------------------------------------------------------


@pytest.mark.parametrize("plan_fixture", ["temaplan", "kps_plan"])
def test_planprogram_of_41_days_is_refused_naming_the_paragraphs(plan_fixture, request):
    plan = request.getfixturevalue(plan_fixture)
    excinfo = refused(unsaved_hearing(plan, "planprogram", length=41))
    assert errors_of(excinfo, "deadline") == [PLANPROGRAM_41_DAYS]


@pytest.mark.parametrize("plan_fixture", ["temaplan", "kps_plan"])
def test_planprogram_of_42_days_is_saved(plan_fixture, request):
    plan = request.getfixturevalue(plan_fixture)
    saved = consultation_save(consultation=unsaved_hearing(plan, "planprogram", length=42))
    stored = Consultation.objects.get()
    assert stored == saved
    assert (stored.deadline, stored.period_days) == (datetime.date(2026, 7, 13), 42)


def test_planforslag_on_a_kps_of_41_days_is_refused_naming_the_paragraphs(kps_plan):
    excinfo = refused(unsaved_hearing(kps_plan, "planforslag", length=41))
    assert errors_of(excinfo, "deadline") == [KPS_PLANFORSLAG_41_DAYS]


def test_planforslag_on_a_kps_of_42_days_is_saved(kps_plan):
    consultation_save(consultation=unsaved_hearing(kps_plan, "planforslag", length=42))
    assert Consultation.objects.get().period_days == 42


def test_short_planforslag_on_a_kps_is_refused_whatever_the_policy(kps_plan):
    set_policy(kps_plan.municipality, default_minimum_days=14)
    excinfo = refused(unsaved_hearing(kps_plan, "planforslag", length=20))
    assert "§ 11-14, jf. § 5-2" in errors_of(excinfo, "deadline")[0]


def test_short_planforslag_on_a_temaplan_is_saved_with_a_warning(temaplan):
    consultation = consultation_save(
        consultation=unsaved_hearing(temaplan, "planforslag", length=20)
    )
    assert Consultation.objects.get().period_days == 20
    policy = ConsultationPolicy.for_municipality(temaplan.municipality_id)
    assert consultation.short_period_warning(policy) == (
        "Høringen varer 20 dager, kortere enn kommunens standard på 28 dager. "
        "Loven setter ingen minstefrist for denne høringen, så den er lagret."
    )


@pytest.mark.parametrize(("length", "warns"), [(27, True), (28, False), (42, False)])
def test_warning_at_the_default_minimum_of_28_days(temaplan, length, warns):
    consultation = consultation_save(consultation=unsaved_hearing(temaplan, "other", length=length))
    policy = ConsultationPolicy.for_municipality(temaplan.municipality_id)
    assert policy.pk is None and policy.default_minimum_days == 28
    warning = consultation.short_period_warning(policy)
    assert (warning is not None) == warns
    if warns:
        assert warning.startswith("Høringen varer 27 dager, kortere enn kommunens standard på 28")


def test_warning_follows_the_municipality_policy(temaplan):
    policy = set_policy(temaplan.municipality, default_minimum_days=35)
    consultation = consultation_save(consultation=unsaved_hearing(temaplan, "other", length=34))
    warning = consultation.short_period_warning(policy)
    assert "varer 34 dager, kortere enn kommunens standard på 35 dager" in warning
    longer = unsaved_hearing(temaplan, "other", length=35)
    assert longer.short_period_warning(policy) is None


def test_no_warning_for_hearings_with_a_statutory_rule(kps_plan, planstrategi_plan):
    policy = set_policy(kps_plan.municipality, default_minimum_days=60)
    planprogram = consultation_save(
        consultation=unsaved_hearing(kps_plan, "planprogram", length=42)
    )
    strategi = consultation_save(
        consultation=unsaved_hearing(
            planstrategi_plan,
            "planstrategi",
            length=20,
            council_meeting_on=JUNE_1 + days(30),
        )
    )
    assert planprogram.short_period_warning(policy) is None
    assert strategi.short_period_warning(policy) is None


# Planstrategi (§ 10-1) ----------------------------------------------------------------------


def test_planstrategi_meeting_29_days_after_start_is_refused(planstrategi_plan):
    consultation = unsaved_hearing(
        planstrategi_plan,
        "planstrategi",
        length=20,
        council_meeting_on=datetime.date(2026, 6, 30),
    )
    excinfo = refused(consultation)
    assert errors_of(excinfo, "starts_on") == [
        "Forslaget til planstrategi skal gjøres offentlig minst 30 dager før kommunestyret "
        "behandler det (plan- og bygningsloven § 10-1). Med møte 30. juni 2026 må høringen "
        "starte senest 31. mai 2026."
    ]


def test_planstrategi_meeting_30_days_after_start_is_saved(planstrategi_plan):
    consultation = unsaved_hearing(
        planstrategi_plan,
        "planstrategi",
        length=28,
        council_meeting_on=datetime.date(2026, 7, 1),
    )
    consultation_save(consultation=consultation)
    assert Consultation.objects.get().council_meeting_on == datetime.date(2026, 7, 1)


def test_planstrategi_deadline_on_the_meeting_day_is_saved(planstrategi_plan):
    meeting = JUNE_1 + days(35)
    consultation_save(
        consultation=unsaved_hearing(
            planstrategi_plan, "planstrategi", deadline=meeting, council_meeting_on=meeting
        )
    )
    assert Consultation.objects.filter(deadline=meeting).exists()


def test_planstrategi_deadline_after_the_meeting_is_refused(planstrategi_plan):
    meeting = JUNE_1 + days(35)
    excinfo = refused(
        unsaved_hearing(
            planstrategi_plan,
            "planstrategi",
            deadline=meeting + days(1),
            council_meeting_on=meeting,
        )
    )
    assert errors_of(excinfo, "deadline") == [
        "Høringsfristen kan ikke være etter at kommunestyret behandler forslaget."
    ]


def test_planstrategi_without_a_meeting_date_is_refused(planstrategi_plan):
    excinfo = refused(unsaved_hearing(planstrategi_plan, "planstrategi", length=35))
    assert errors_of(excinfo, "council_meeting_on") == [
        "Skriv datoen for kommunestyrets behandling; loven regner 30 dager bakover fra den."
    ]


@pytest.mark.parametrize("plan_fixture", ["temaplan", "kps_plan"])
def test_planstrategi_kind_on_another_plan_type_is_refused(plan_fixture, request):
    plan = request.getfixturevalue(plan_fixture)
    consultation = unsaved_hearing(
        plan, "planstrategi", length=35, council_meeting_on=JUNE_1 + days(40)
    )
    excinfo = refused(consultation)
    assert errors_of(excinfo, "kind") == [
        "Høring av forslag til planstrategi gjelder bare en planstrategi."
    ]


# Dates and plan status ----------------------------------------------------------------------


def test_deadline_before_start_is_refused(temaplan):
    excinfo = refused(unsaved_hearing(temaplan, deadline=JUNE_1 - days(1)))
    assert errors_of(excinfo, "deadline") == ["Høringsfristen kan ikke være før høringen starter."]


def test_one_day_hearing_is_allowed(temaplan):
    consultation_save(consultation=unsaved_hearing(temaplan, deadline=JUNE_1))
    assert Consultation.objects.get().period_days == 0


def test_deadline_before_start_is_refused_by_the_database(temaplan):
    with pytest.raises(IntegrityError), transaction.atomic():
        UncheckedConsultationFactory(plan=temaplan, deadline=JUNE_1 - days(1))
    assert not Consultation.objects.exists()


EXPIRED_MESSAGE = "Planen er utgått. En utgått plan kan ikke sendes på høring."


def test_new_hearing_on_an_expired_plan_is_refused(make_plan):
    plan = make_plan(status=PlanStatus.EXPIRED)
    excinfo = refused(unsaved_hearing(plan, length=42))
    assert EXPIRED_MESSAGE in excinfo.value.messages


def test_expired_plan_error_is_a_non_field_error(make_plan):
    plan = make_plan(status=PlanStatus.EXPIRED)
    with pytest.raises(ValidationError) as excinfo:
        unsaved_hearing(plan, length=42).full_clean()
    assert errors_of(excinfo, NON_FIELD_ERRORS) == [EXPIRED_MESSAGE]


def test_hearing_form_of_an_expired_plan_shows_the_message(make_plan):
    plan = make_plan(status=PlanStatus.EXPIRED)
    form = ConsultationForm(
        {"kind": "other", "title": "Høring", "starts_on": "2026-06-01", "deadline": "2026-07-13"},
        instance=Consultation(plan=plan),
    )
    assert not form.is_valid()
    assert form.non_field_errors() == [EXPIRED_MESSAGE]


def test_editing_a_hearing_of_a_plan_that_has_since_expired_is_allowed(make_plan):
    plan = make_plan(status=PlanStatus.ADOPTED)
    ConsultationFactory(plan=plan, title="Gammel høring")
    plan.status = PlanStatus.EXPIRED
    plan.save()
    consultation = Consultation.objects.get()
    consultation.title = "Gammel høring, rettet tittel"
    consultation_save(consultation=consultation)
    assert Consultation.objects.get().title == "Gammel høring, rettet tittel"


# Saving -------------------------------------------------------------------------------------


def documents_formset(count=1):
    data = formset_data(
        "documents",
        [
            {"title": f"Dokument {number}", "url": f"https://example.no/dokument-{number}.pdf"}
            for number in range(count)
        ],
    )
    formset = ConsultationDocumentFormSet(data, prefix="documents")
    assert formset.is_valid(), formset.errors
    return formset


def test_refused_hearing_saves_none_of_its_documents(temaplan):
    formset = documents_formset(2)
    with pytest.raises(ValidationError):
        consultation_save(
            consultation=unsaved_hearing(temaplan, "planprogram", length=41), documents=formset
        )
    assert not Consultation.objects.exists()
    assert not ConsultationDocument.objects.exists()


def test_hearing_and_documents_are_saved_together_with_who_did_it(temaplan):
    user = UserFactory()
    consultation = consultation_save(
        consultation=unsaved_hearing(temaplan, "planprogram", length=42),
        user=user,
        documents=documents_formset(2),
    )
    assert list(consultation.documents.values_list("title", flat=True)) == [
        "Dokument 0",
        "Dokument 1",
    ]
    assert consultation.history.get().history_user == user


def test_refused_edit_leaves_the_stored_hearing_unchanged(temaplan):
    stored = ConsultationFactory(plan=temaplan, kind="planprogram")
    stored.deadline = stored.starts_on + days(41)
    with pytest.raises(ValidationError):
        consultation_save(consultation=stored)
    assert Consultation.objects.get().period_days == 42


def test_hearing_with_input_cannot_be_deleted(temaplan):
    consultation = ConsultationFactory(plan=temaplan)
    SubmissionFactory(consultation=consultation)
    with pytest.raises(ValidationError) as excinfo:
        consultation_delete(consultation=consultation)
    assert excinfo.value.messages == [
        "Høringen har mottatt innspill og kan ikke slettes. Endre datoene i stedet, "
        "eller skjul innspillene."
    ]
    assert Consultation.objects.filter(pk=consultation.pk).exists()


def test_hearing_without_input_can_be_deleted(temaplan):
    consultation = ConsultationFactory(plan=temaplan)
    consultation_delete(consultation=consultation)
    assert not Consultation.objects.exists()


# Milestones ---------------------------------------------------------------------------------


def milestone(plan, **fields):
    fields.setdefault("kind", "other")
    fields.setdefault("planned_start", datetime.date(2026, 5, 4))
    return Milestone(plan=plan, **fields)


@pytest.mark.parametrize("body", ["", "   "])
def test_political_milestone_without_a_body_is_refused(temaplan, body):
    with pytest.raises(ValidationError) as excinfo:
        milestone_save(milestone=milestone(temaplan, kind="political", body=body))
    assert errors_of(excinfo, "body") == [
        "Skriv hvilket organ som behandler saken, for eksempel bystyret."
    ]
    assert not Milestone.objects.exists()


def test_political_milestone_with_a_body_is_saved(temaplan):
    milestone_save(milestone=milestone(temaplan, kind="political", body="Bystyret"))
    stored = Milestone.objects.get()
    assert stored.label == "Politisk behandling: Bystyret"


def test_completed_in_the_future_is_refused(temaplan):
    tomorrow = timezone.localdate() + days(1)
    with pytest.raises(ValidationError) as excinfo:
        milestone_save(milestone=milestone(temaplan, completed_on=tomorrow))
    assert errors_of(excinfo, "completed_on") == ["Gjennomført dato kan ikke være fram i tid."]
    assert not Milestone.objects.exists()


def test_completed_today_is_saved(temaplan):
    today = timezone.localdate()
    milestone_save(milestone=milestone(temaplan, completed_on=today))
    assert Milestone.objects.get().is_done


def test_milestone_end_before_start_is_refused(temaplan):
    with pytest.raises(ValidationError) as excinfo:
        milestone_save(
            milestone=milestone(
                temaplan,
                planned_start=datetime.date(2026, 5, 4),
                planned_end=datetime.date(2026, 5, 3),
            )
        )
    assert errors_of(excinfo, "planned_end") == ["Planlagt slutt kan ikke være før planlagt start."]
    assert not Milestone.objects.exists()


def test_refused_milestone_edit_leaves_the_stored_row_unchanged(temaplan):
    stored = MilestoneFactory(plan=temaplan, kind="political", body="Byrådet")
    planned = stored.planned_start
    stored.body = ""
    stored.planned_start = datetime.date(2027, 1, 1)
    with pytest.raises(ValidationError):
        milestone_save(milestone=stored)
    stored.refresh_from_db()
    assert (stored.body, stored.planned_start) == ("Byrådet", planned)


def test_milestone_end_before_start_is_refused_by_the_database(temaplan):
    with pytest.raises(IntegrityError), transaction.atomic():
        UncheckedMilestoneFactory(
            plan=temaplan,
            planned_start=datetime.date(2026, 5, 4),
            planned_end=datetime.date(2026, 5, 3),
        )
    assert not Milestone.objects.exists()


def test_hidden_submission_without_a_reason_is_refused_by_the_database(temaplan):
    consultation = ConsultationFactory(plan=temaplan)
    with pytest.raises(IntegrityError), transaction.atomic():
        SubmissionFactory(consultation=consultation, state="hidden", hidden_reason="")
    assert not Submission.objects.exists()


def test_hidden_submission_without_a_reason_is_refused_by_full_clean(temaplan):
    submission = SubmissionFactory.build(
        consultation=ConsultationFactory(plan=temaplan), state="hidden", hidden_reason=""
    )
    with pytest.raises(ValidationError) as excinfo:
        submission.full_clean()
    assert errors_of(excinfo, NON_FIELD_ERRORS) == ["Skriv hvorfor innspillet skjules."]

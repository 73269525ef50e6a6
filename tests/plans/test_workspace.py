"""The planners' workspace: sign-in, my plans, creating, editing, publishing, history."""

import datetime

import pytest

from plans.models import Membership, Plan, PlanDocument, PlanStatus, PlanType, Role
from tests.factories import AreaFactory, DepartmentFactory, ThemeFactory, UserFactory
from tests.plans.workspace_helpers import plan_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def planner(bbs):
    user = UserFactory(username="kari", first_name="Kari", last_name="Planlegger")
    Membership.objects.create(user=user, department=bbs, role=Role.PLANNER)
    return user


@pytest.fixture
def planner_client(client, planner):
    client.force_login(planner)
    return client


def test_sign_in_page_is_in_norwegian_and_signs_in(client, planner):
    planner.set_password("et-langt-og-trygt-passord")
    planner.save()
    page = client.get("/logg-inn/")
    assert "Logg inn" in page.content.decode()
    response = client.post(
        "/logg-inn/", {"username": "kari", "password": "et-langt-og-trygt-passord"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/arbeidsflate/"


def test_wrong_password_gets_a_norwegian_message(client, planner):
    response = client.post("/logg-inn/", {"username": "kari", "password": "feil"})
    assert response.status_code == 200
    assert "oppgi korrekt brukernavn og passord" in response.content.decode()


def test_sign_out_is_a_post(planner_client):
    assert planner_client.get("/logg-ut/").status_code == 405
    assert planner_client.post("/logg-ut/").status_code == 302
    assert planner_client.get("/arbeidsflate/").status_code == 302


def test_my_plans_lists_my_departments_plans_with_what_needs_attention(
    planner_client, make_plan, bbs
):
    make_plan(title="Skolebruksplan", is_published=False, contact_name="")
    make_plan(
        title="Skyfritt",
        contact_name="Team Skyfritt",
        next_revision_due=datetime.date(2020, 1, 1),
    )
    make_plan(title="Fin plan", contact_name="Plankontoret")
    make_plan(title="Idrettsplan", department=DepartmentFactory(municipality=bbs.municipality))
    response = planner_client.get("/arbeidsflate/")
    html = response.content.decode()
    rows = [(plan.title, reasons) for plan, reasons in response.context["plans"]]
    assert rows == [
        ("Skolebruksplan", ["Mangler kontaktperson", "Ikke publisert"]),
        ("Skyfritt", ["Revisjonen er forfalt"]),
        ("Fin plan", []),
    ]
    assert "Idrettsplan" not in html


def test_planner_creates_a_plan_with_documents(planner_client, bbs):
    data = plan_form_data(
        title="Rammeplan for SFO",
        department=bbs.pk,
        plan_type=PlanType.TEMAPLAN,
        status=PlanStatus.STARTED,
        sdgs=[4],
        documents=[("Oppstartsak", "https://example.org/oppstart.pdf")],
    )
    response = planner_client.post("/arbeidsflate/planer/ny/", data)
    plan = Plan.objects.get(title="Rammeplan for SFO")
    assert response.status_code == 302
    assert response["Location"] == f"/arbeidsflate/planer/{plan.slug}/"
    assert plan.municipality == bbs.municipality
    assert not plan.is_published
    assert list(plan.sdgs.values_list("number", flat=True)) == [4]
    assert list(plan.documents.values_list("title", flat=True)) == ["Oppstartsak"]
    change = plan.status_changes.get()
    assert (change.status, change.recorded_by.username) == (PlanStatus.STARTED, "kari")


def test_planner_cannot_create_a_plan_in_another_department(planner_client, bbs):
    other = DepartmentFactory(municipality=bbs.municipality)
    data = plan_form_data(title="Snik", department=other.pk)
    response = planner_client.post("/arbeidsflate/planer/ny/", data)
    assert response.status_code == 200
    assert "Velg et gyldig valg" in response.content.decode()
    assert not Plan.objects.filter(title="Snik").exists()


def test_bad_input_is_refused_next_to_the_field_and_nothing_is_saved(planner_client, make_plan):
    plan = make_plan(title="Skyfritt", valid_from=2020, valid_to=2024)
    data = plan_form_data(plan, valid_to=2010, documents=[("Ny lenke", "https://example.org/a")])
    response = planner_client.post(f"/arbeidsflate/planer/{plan.slug}/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Planen ble ikke lagret" in html
    assert "Gyldighetens sluttår kan ikke være før startåret." in html
    assert 'aria-invalid="true"' in html
    plan.refresh_from_db()
    assert plan.valid_to == 2024
    assert not PlanDocument.objects.filter(plan=plan).exists()


def test_status_change_is_recorded_with_the_given_date_and_user(planner_client, make_plan):
    plan = make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)
    data = plan_form_data(plan, status=PlanStatus.HEARING, status_changed_on="2025-05-12")
    assert planner_client.post(f"/arbeidsflate/planer/{plan.slug}/", data).status_code == 302
    change = plan.status_changes.get(status=PlanStatus.HEARING)
    assert (change.status, change.changed_on, change.recorded_by.username) == (
        PlanStatus.HEARING,
        datetime.date(2025, 5, 12),
        "kari",
    )


def test_changing_type_to_handlingsplan_without_a_target_is_refused(planner_client, make_plan):
    plan = make_plan(title="Skyfritt")
    data = plan_form_data(plan, plan_type=PlanType.HANDLINGSPLAN)
    html = planner_client.post(f"/arbeidsflate/planer/{plan.slug}/", data).content.decode()
    assert "En handlingsplan må gjennomføre en vedtatt strategi eller temaplan" in html
    plan.refresh_from_db()
    assert plan.plan_type == PlanType.TEMAPLAN


def test_coordinator_publishes_and_unpublishes(client, make_plan, bbs):
    coordinator = UserFactory(username="koordinator")
    Membership.objects.create(user=coordinator, department=bbs, role=Role.COORDINATOR)
    client.force_login(coordinator)
    plan = make_plan(title="Skolebruksplan", is_published=False)
    client.post(f"/arbeidsflate/planer/{plan.slug}/publiser/")
    plan.refresh_from_db()
    assert plan.is_published
    client.post(f"/arbeidsflate/planer/{plan.slug}/avpubliser/")
    plan.refresh_from_db()
    assert not plan.is_published


def test_planner_cannot_publish_and_sees_the_draft_waits_for_a_coordinator(
    planner_client, make_plan
):
    plan = make_plan(title="Skolebruksplan", is_published=False)
    response = planner_client.post(f"/arbeidsflate/planer/{plan.slug}/publiser/")
    assert response.status_code == 403
    plan.refresh_from_db()
    assert not plan.is_published
    html = planner_client.get(f"/arbeidsflate/planer/{plan.slug}/").content.decode()
    assert "Planen venter på at en plankoordinator publiserer den." in html
    assert "/publiser/" not in html


def test_coordinator_home_lists_drafts_waiting_for_publication(client, make_plan, bbs):
    coordinator = UserFactory(username="koordinator")
    Membership.objects.create(user=coordinator, department=bbs, role=Role.COORDINATOR)
    make_plan(title="Skolebruksplan", is_published=False)
    make_plan(title="Kulturplan", is_published=True)
    client.force_login(coordinator)
    html = client.get("/arbeidsflate/").content.decode()
    waiting = html.split("Utkast som venter på publisering", 1)[1]
    assert "Skolebruksplan" in waiting and "Kulturplan" not in waiting


def test_edited_plan_shows_publicly_with_last_changed_date(planner_client, make_plan, client):
    plan = make_plan(title="Skolebruksplan")
    data = plan_form_data(plan, summary="Ny skolestruktur for alle bydeler.")
    planner_client.post(f"/arbeidsflate/planer/{plan.slug}/", data)
    planner_client.logout()
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "Ny skolestruktur for alle bydeler." in html
    assert "Sist endret" in html


def test_history_shows_who_changed_which_fields(planner_client, make_plan):
    plan = make_plan(title="Skolebruksplan", summary="Gammelt sammendrag.")
    planner_client.post(
        f"/arbeidsflate/planer/{plan.slug}/",
        plan_form_data(plan, summary="Nytt sammendrag.", sdgs=[4]),
    )
    response = planner_client.get(f"/arbeidsflate/planer/{plan.slug}/historikk/")
    html = response.content.decode()
    assert "Versjon 2" in html and "av kari" in html
    assert "«Gammelt sammendrag.» → «Nytt sammendrag.»" in html
    assert "Bærekraftsmål" in html


def test_coordinator_restores_an_earlier_version(client, make_plan, bbs):
    coordinator = UserFactory(username="koordinator")
    Membership.objects.create(user=coordinator, department=bbs, role=Role.COORDINATOR)
    client.force_login(coordinator)
    plan = make_plan(title="Skolebruksplan", summary="Versjon en.")
    plan.sdgs.add(4)
    client.post(
        f"/arbeidsflate/planer/{plan.slug}/",
        plan_form_data(plan, summary="Versjon to.", sdgs=[11]),
    )
    before_edit = plan.history.filter(summary="Versjon en.").order_by("-history_id").first()
    response = client.post(
        f"/arbeidsflate/planer/{plan.slug}/historikk/{before_edit.history_id}/gjenopprett/"
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.summary == "Versjon en."
    assert list(plan.sdgs.values_list("number", flat=True)) == [4]
    assert plan.history.count() >= 3


def test_two_concurrent_edits_give_one_conflict_and_lose_nothing(client, make_plan, bbs):
    from django.test import Client

    plan = make_plan(title="Skolebruksplan", summary="Start.", contact_name="Plankontoret")
    first, second = UserFactory(username="anne"), UserFactory(username="bjorn")
    for user in (first, second):
        Membership.objects.create(user=user, department=bbs, role=Role.PLANNER)
    anne, bjorn = Client(), Client()
    anne.force_login(first)
    bjorn.force_login(second)
    # Both open the form on the same version.
    anne_form = anne.get(f"/arbeidsflate/planer/{plan.slug}/").context["form"]
    bjorn_form = bjorn.get(f"/arbeidsflate/planer/{plan.slug}/").context["form"]
    assert anne_form["base_version"].value() == bjorn_form["base_version"].value() == 1

    saved = anne.post(
        f"/arbeidsflate/planer/{plan.slug}/", plan_form_data(plan, summary="Annes tekst.")
    )
    assert saved.status_code == 302
    refused = bjorn.post(
        f"/arbeidsflate/planer/{plan.slug}/",
        plan_form_data(plan, summary="Bjørns tekst.", contact_name="Bjørn"),
    )
    html = refused.content.decode()
    assert refused.status_code == 200
    assert html.count("Noen andre lagret planen mens du redigerte") == 1
    assert "anne endret dette" in html
    assert "«Start.» → «Annes tekst.»" in html
    assert "Bjørns tekst." in html  # Bjørn's input is kept in the form
    plan.refresh_from_db()
    assert (plan.summary, plan.contact_name) == ("Annes tekst.", "Plankontoret")

    # Saving again after seeing the conflict is a deliberate choice, and it goes through.
    retry = dict(plan_form_data(plan, summary="Bjørns tekst."), base_version=plan.version)
    assert bjorn.post(f"/arbeidsflate/planer/{plan.slug}/", retry).status_code == 302
    plan.refresh_from_db()
    assert plan.summary == "Bjørns tekst."


def test_workspace_pages_use_a_fixed_number_of_queries(
    planner_client, make_plan, django_assert_max_num_queries
):
    for number in range(30):
        make_plan(title=f"Plan {number}")
    # With the data's version and the plans on an open hearing today (kept until it changes).
    with django_assert_max_num_queries(10):
        planner_client.get("/arbeidsflate/")


def test_history_page_uses_a_fixed_number_of_queries(
    planner_client, planner, make_plan, django_assert_max_num_queries
):
    from plans.services import plan_save

    plan = make_plan(title="Skyfritt")
    for number in range(30):
        plan.summary = f"Sammendrag {number}"
        plan_save(plan=plan, user=planner, m2m={"sdgs": [number % 17 + 1]})
    with django_assert_max_num_queries(20):
        response = planner_client.get(f"/arbeidsflate/planer/{plan.slug}/historikk/")
    assert "«Sammendrag 28» → «Sammendrag 29»" in response.content.decode()


def test_admin_lists_memberships_and_plans_with_history(admin_client, make_plan, planner):
    plan = make_plan(title="Skyfritt")
    assert "kari" in admin_client.get("/admin/plans/membership/").content.decode()
    assert admin_client.get(f"/admin/plans/plan/{plan.pk}/history/").status_code == 200
    assert admin_client.get(f"/admin/auth/user/{planner.pk}/change/").status_code == 200


def test_plan_form_shows_every_editable_field_once(planner_client, make_plan):
    from plans.forms import PlanForm

    plan = make_plan(title="Skyfritt")
    ThemeFactory()
    AreaFactory(municipality=plan.municipality)
    html = planner_client.get(f"/arbeidsflate/planer/{plan.slug}/").content.decode()
    grouped = [name for _legend, names in PlanForm.sections for name in names]
    assert sorted(grouped) == sorted([*PlanForm.Meta.fields, "status_changed_on"])
    for name in grouped:
        assert html.count(f'name="{name}"') >= 1, name


def test_a_choice_with_nothing_to_choose_says_so(planner_client, make_plan):
    """No themes yet: the group says there is nothing to choose, rather than showing a lone
    unlabelled box whose value no choice matches."""
    plan = make_plan(title="Skyfritt")
    html = planner_client.get(f"/arbeidsflate/planer/{plan.slug}/").content.decode()
    assert 'name="themes"' not in html
    themes = html[html.index(">Temaer</legend>") :]
    assert themes[: themes.index("</fieldset>")].count("Ingen å velge mellom ennå.") == 1

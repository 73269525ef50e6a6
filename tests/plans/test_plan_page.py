"""The public plan page at /planer/<slug>/ and the home page."""

import datetime
import re

import pytest

from plans.models import PlanDocument, PlanStatus, PlanType
from plans.services import plan_change_status
from tests.factories import ConsultationFactory, MilestoneFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_plan_page_shows_facts_status_history_documents_and_sdgs(client, make_plan):
    plan = make_plan(
        title="Barnehagebruksplan 2022–2035",
        summary="Kommunens viktigste plandokument for barnehagebygg.",
        valid_from=2022,
        valid_to=2035,
        adopted_on=datetime.date(2022, 6, 22),
        adopted_by="bystyret",
        status=PlanStatus.POLITICAL,
        contact_name="Plankontoret i BBS",
    )
    plan_change_status(plan=plan, status=PlanStatus.ADOPTED, on=datetime.date(2022, 6, 22))
    plan.sdgs.add(4, 11)
    plan.themes.add(ThemeFactory(name="Oppvekst"))
    PlanDocument.objects.create(plan=plan, title="Planen som PDF", url="https://example.org/p.pdf")

    html = client.get(f"/planer/{plan.slug}/").content.decode()

    for text in [
        "Barnehagebruksplan 2022–2035",
        "Kommunens viktigste plandokument for barnehagebygg.",
        "2022–2035",
        "Bystyret 22. juni 2022",
        "Byrådsavdeling for barnehage og skole (BBS)",
        "Plankontoret i BBS",
        "God utdanning",
        "Bærekraftige byer og lokalsamfunn",
        "Oppvekst",
        'href="https://example.org/p.pdf"',
        "Statushistorikk",
        "Sist endret",
    ]:
        assert text in html, text


def test_unpublished_plan_answers_404_to_the_public(client, make_plan):
    plan = make_plan(title="Utkast", is_published=False)
    response = client.get(f"/planer/{plan.slug}/")
    assert response.status_code == 404
    assert "Fant ikke siden" in response.content.decode()


def test_plan_page_links_related_plans_both_ways(client, make_plan):
    strategi = make_plan(title="Spør oss! Strategi", plan_type=PlanType.STRATEGI)
    handlingsplan = make_plan(
        title="Spør oss! Handlingsplan", plan_type=PlanType.HANDLINGSPLAN, implements=strategi
    )
    old = make_plan(title="Sammen for kvalitet – lek og læring", status=PlanStatus.EXPIRED)
    new = make_plan(title="Sammen for kvalitet – lek og medvirkning", replaces=old)

    strategi_page = client.get(strategi.get_absolute_url()).content.decode()
    assert "Gjennomføres av" in strategi_page and handlingsplan.get_absolute_url() in strategi_page
    handlingsplan_page = client.get(handlingsplan.get_absolute_url()).content.decode()
    assert (
        "Gjennomfører" in handlingsplan_page and strategi.get_absolute_url() in handlingsplan_page
    )
    assert "Erstattes av" in client.get(old.get_absolute_url()).content.decode()
    assert old.get_absolute_url() in client.get(new.get_absolute_url()).content.decode()


def test_plan_page_hides_links_to_unpublished_plans(client, make_plan):
    draft = make_plan(title="Hemmelig ny versjon", is_published=False)
    old = make_plan(title="Gammel plan")
    draft.replaces = old
    draft.save()
    assert "Hemmelig ny versjon" not in client.get(old.get_absolute_url()).content.decode()


def test_plan_page_uses_a_fixed_number_of_queries(client, make_plan, django_assert_max_num_queries):
    plan = make_plan()
    plan.sdgs.add(*range(1, 18))
    for _ in range(10):
        MilestoneFactory(plan=plan)
        ConsultationFactory(plan=plan)
    for number in range(10):
        plan_change_status(plan=plan, status=PlanStatus.values[number % 8])
    # Eleven queries for the plan (the plans on an open hearing today among them, kept until the
    # data changes), two for its timeline (milestones, hearings) whatever their number.
    with django_assert_max_num_queries(14):
        client.get(plan.get_absolute_url())


def test_home_shows_kps_status_counts_and_recent_plans(client, make_plan):
    make_plan(title="Et nystemt Bergen", plan_type=PlanType.KPS)
    make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)
    make_plan(title="Utkast", is_published=False, status=PlanStatus.DRAFTING)
    response = client.get("/")
    html = response.content.decode()
    assert "Et nystemt Bergen" in html
    assert "Skolebruksplan" in html
    assert "Utkast" not in html
    counts = {status: count for status, _label, count in response.context["status_counts"]}
    assert counts["drafting"] == 1
    assert counts["adopted"] == 1


def test_english_interface_through_the_language_switch(client, make_plan):
    make_plan(title="Skyfritt")
    html = client.get("/planer/").content.decode()
    switch = re.search(r'href="([^"]+)" lang="en" hreflang="en"', html).group(1)
    response = client.get(switch.replace("&amp;", "&"))
    assert response.status_code == 302 and response["Location"] == "/planer/"
    html = client.get("/planer/").content.decode()
    assert '<html lang="en"' in html
    assert "Plan overview" in html


def test_an_english_browser_gets_norwegian_until_the_reader_chooses(client, make_plan):
    make_plan(title="Skyfritt")
    response = client.get("/planer/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert '<html lang="nb"' in response.content.decode()
    assert response["Content-Language"] == "nb"
    assert "Cookie" in response["Vary"]
    client.get("/sprak/?velg=en&neste=/planer/")
    response = client.get("/planer/", headers={"accept-language": "nb-NO"})
    assert '<html lang="en"' in response.content.decode()
    assert response["Content-Language"] == "en"


def test_plan_page_names_the_plan_period_and_says_when_revision_is_due(client, make_plan):
    ended = make_plan(
        title="Gammel plan", status=PlanStatus.ADOPTED, valid_from=2019, valid_to=2023
    )
    running = make_plan(title="Ny plan", status=PlanStatus.ADOPTED, valid_from=2024, valid_to=2099)
    process = make_plan(title="Plan på høring", status=PlanStatus.HEARING, valid_to=2020)
    html = client.get(ended.get_absolute_url()).content.decode()
    assert "<dt>Planperiode</dt><dd>2019–2023</dd>" in html
    assert "ikke fastsatt, planperioden er over" in html and "(forfalt)" in html
    assert "(forfalt)" not in client.get(running.get_absolute_url()).content.decode()
    assert "(forfalt)" not in client.get(process.get_absolute_url()).content.decode()


def test_plan_page_marks_an_overdue_revision(client, make_plan):
    overdue = make_plan(title="Gammel plan", next_revision_due=datetime.date(2020, 1, 1))
    due_later = make_plan(title="Ny plan", next_revision_due=datetime.date(2099, 1, 1))
    assert "(forfalt)" in client.get(overdue.get_absolute_url()).content.decode()
    assert "(forfalt)" not in client.get(due_later.get_absolute_url()).content.decode()


def test_themes_and_sdgs_kept_as_reference_data_change_on_the_page_at_once(client, make_plan):
    """The plan page reads themes and SDGs from data kept per data version
    (``selectors.plan_links``): a renamed theme, or a plan linked anew, shows at once."""
    plan = make_plan(title="Skolebruksplan")
    theme = ThemeFactory(name="Oppvekst")
    plan.themes.add(theme)
    address = f"/planer/{plan.slug}/"
    assert "Oppvekst" in client.get(address).content.decode()

    theme.name = "Oppvekst og utdanning"
    theme.save()
    plan.sdgs.add(4)
    html = client.get(address).content.decode()

    assert "Oppvekst og utdanning" in html
    assert "God utdanning" in html

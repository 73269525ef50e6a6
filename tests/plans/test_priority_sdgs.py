"""Priority SDGs per council period (issue 13, part 4): the rule of two or three, the
coordinators' page, the selector for the current period, the filter and the marks."""

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plans.models import CouncilPeriod, Plan, PrioritySdgChoice, Role, Sdg
from plans.selectors import priority_sdgs
from plans.services import PrioritySdgsConflict, priority_sdgs_save
from tests.factories import CouncilPeriodFactory, DepartmentFactory, bulk_create_plans
from tests.helpers import member

pytestmark = pytest.mark.django_db

OVERVIEW = "/planer/"
PAGE = "/arbeidsflate/baerekraftsmal/"
MESSAGE = (
    "Velg to eller tre bærekraftsmål som politiske satsingsområder for valgperioden, "
    "eller ingen hvis de ikke er valgt ennå."
)


def text_of(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def sdgs(*numbers):
    return list(Sdg.objects.filter(number__in=numbers))


def running_period(municipality):
    """A council period that sits today, whatever today is: it began last October or before."""
    year = timezone.localdate().year - 1
    return CouncilPeriodFactory(municipality=municipality, first_year=year, last_year=year + 4)


@pytest.fixture
def period(bergen):
    return running_period(bergen)


@pytest.fixture
def coordinator(bbs):
    return member("koordinator", bbs, Role.COORDINATOR)


def form_data(period, *numbers, version=None):
    prefix = f"periode-{period.pk}"
    return {
        "periode": period.pk,
        f"{prefix}-base_version": period.priority_sdgs_version if version is None else version,
        f"{prefix}-sdgs": list(numbers),
    }


# The rule and the service


@pytest.mark.parametrize("numbers", [(13,), (3, 8, 11, 13)])
def test_one_or_four_are_refused_with_the_message(period, numbers):
    with pytest.raises(ValidationError) as refused:
        priority_sdgs_save(period=period, sdgs=sdgs(*numbers))
    assert refused.value.messages == [MESSAGE]
    assert not period.priority_sdgs.exists()
    assert not PrioritySdgChoice.objects.exists()


@pytest.mark.parametrize("numbers", [(), (11, 13), (8, 11, 13)])
def test_none_two_or_three_are_saved_and_logged(period, coordinator, numbers):
    priority_sdgs_save(period=period, sdgs=sdgs(*numbers), user=coordinator)
    assert sorted(period.priority_sdgs.values_list("number", flat=True)) == list(numbers)
    choice = PrioritySdgChoice.objects.get()
    assert (choice.sdg_numbers, choice.chosen_by) == (list(numbers), coordinator)


def test_a_save_from_an_old_version_is_a_conflict_and_changes_nothing(period):
    priority_sdgs_save(period=period, sdgs=sdgs(8, 11), base_version=0)
    with pytest.raises(PrioritySdgsConflict) as conflict:
        priority_sdgs_save(period=period, sdgs=sdgs(3, 4), base_version=0)
    assert [sdg.number for sdg in conflict.value.chosen_now()] == [8, 11]
    assert sorted(period.priority_sdgs.values_list("number", flat=True)) == [8, 11]
    assert PrioritySdgChoice.objects.count() == 1


# The selector: each municipality's current council period


def test_the_current_period_changes_on_1_october_of_the_election_year(bergen):
    old = CouncilPeriodFactory(municipality=bergen, first_year=2019, last_year=2023)
    new = CouncilPeriodFactory(municipality=bergen, first_year=2023, last_year=2027)
    priority_sdgs_save(period=old, sdgs=sdgs(3, 4))
    priority_sdgs_save(period=new, sdgs=sdgs(8, 11, 13))

    def chosen_on(day):
        period, chosen = priority_sdgs([bergen.pk], today=day)[bergen.pk]
        return period, [sdg.number for sdg in chosen]

    assert chosen_on(date(2023, 9, 30)) == (old, [3, 4])
    assert chosen_on(date(2023, 10, 1)) == (new, [8, 11, 13])
    # The SQL rule the lists and filters use agrees on both days.
    plan = Plan.objects.create(
        municipality=bergen,
        department=DepartmentFactory(municipality=bergen),
        title="Klimaplan",
        plan_type="temaplan",
    )
    plan.sdgs.set(sdgs(13))
    assert not Plan.objects.serving_priority_sdgs(today=date(2023, 9, 30)).exists()
    assert list(Plan.objects.serving_priority_sdgs(today=date(2023, 10, 1))) == [plan]


def test_a_period_not_chosen_yet_is_there_with_no_sdgs(bergen, period):
    assert priority_sdgs([bergen.pk]) == {bergen.pk: (period, [])}


def test_before_any_period_has_begun_there_is_nothing(bergen):
    CouncilPeriodFactory(municipality=bergen, first_year=2023, last_year=2027)
    assert priority_sdgs([bergen.pk], today=date(2023, 9, 30)) == {}


# The coordinators' page


def test_only_coordinators_and_admins_reach_the_page(client, bbs, period, coordinator):
    assert client.get(PAGE).status_code == 302  # to sign in
    client.force_login(member("planlegger", bbs, Role.PLANNER))
    assert client.get(PAGE).status_code == 403
    client.force_login(member("politiker", bbs, Role.POLITICIAN))
    assert client.get(PAGE).status_code == 403
    client.force_login(coordinator)
    assert client.get(PAGE).status_code == 200
    admin = member("admin", bbs, Role.PLANNER)
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    assert client.get(PAGE).status_code == 200


def test_the_workspace_home_links_coordinators_to_the_page(client, bbs, coordinator):
    client.force_login(coordinator)
    assert f'href="{PAGE}"' in client.get("/arbeidsflate/").content.decode()
    client.force_login(member("planlegger", bbs, Role.PLANNER))
    assert f'href="{PAGE}"' not in client.get("/arbeidsflate/").content.decode()


def test_a_coordinator_chooses_and_the_page_shows_the_17_and_the_choice(
    client, period, coordinator
):
    client.force_login(coordinator)
    html = client.get(PAGE).content.decode()
    assert html.count('type="checkbox"') == 17
    assert 'data-sdg="13"' in html and "Stoppe klimaendringene" in html
    assert "Ikke valgt ennå." in html

    response = client.post(PAGE, form_data(period, 8, 11, 13), follow=True)
    assert sorted(period.priority_sdgs.values_list("number", flat=True)) == [8, 11, 13]
    html = response.content.decode()
    assert "er lagret" in html
    assert "Valgt: 8. Anstendig arbeid og økonomisk vekst; 11." in text_of(html)
    assert "av koordinator" in html


def test_one_sdg_is_refused_on_the_page_with_the_message(client, period, coordinator):
    client.force_login(coordinator)
    response = client.post(PAGE, form_data(period, 13))
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not period.priority_sdgs.exists()


def test_two_coordinators_saving_at_once_the_second_is_told(client, period, coordinator, bbs):
    other = member("annen", bbs, Role.COORDINATOR)
    client.force_login(other)
    client.post(PAGE, form_data(period, 3, 4, version=0))
    client.force_login(coordinator)
    response = client.post(PAGE, form_data(period, 8, 11, version=0))
    html = response.content.decode()
    assert "Noen andre lagret valget mens du arbeidet" in html
    assert "annen lagret dette: 3. God helse og livskvalitet; 4. God utdanning." in text_of(html)
    assert sorted(period.priority_sdgs.values_list("number", flat=True)) == [3, 4]
    # The ticks are kept, and saving again now builds on the latest version.
    assert re.search(r'value="8" id="id_periode-\d+-sdgs_7" checked', html)
    client.post(PAGE, form_data(period, 8, 11, version=1))
    assert sorted(period.priority_sdgs.values_list("number", flat=True)) == [8, 11]


def test_a_coordinator_cannot_choose_for_another_municipality(
    client, period, coordinator, baerum_period
):
    client.force_login(coordinator)
    assert client.post(PAGE, form_data(baerum_period, 8, 11)).status_code == 403
    assert client.post(PAGE, {"periode": "tull"}).status_code == 404
    # "²" is a digit to str.isdigit() but no number to int(): the same 404, not a 500.
    assert client.post(PAGE, {"periode": "²"}).status_code == 404
    assert not baerum_period.priority_sdgs.exists()
    assert "Bærum" not in client.get(PAGE).content.decode()


@pytest.mark.parametrize("value", ["99", "99999999999999999999", "tull"])
def test_a_value_that_is_no_sdg_is_refused_with_a_message(client, period, coordinator, value):
    # SQLite cannot take a number beyond 64 bits in a query: refused before it gets there.
    client.force_login(coordinator)
    response = client.post(PAGE, dict(form_data(period, 8), **{f"periode-{period.pk}-sdgs": value}))
    assert response.status_code == 200
    assert "Velg et gyldig valg" in response.content.decode()
    assert not period.priority_sdgs.exists()


@pytest.fixture
def baerum_period():
    baerum = DepartmentFactory(
        municipality__name="Bærum", municipality__number="3201", municipality__slug="baerum"
    ).municipality
    return running_period(baerum)


# The filter and the marks on /planer/


@pytest.fixture
def chosen(period, baerum_period):
    """Bergen chose 4 and 10, Bærum 11 and 13: a plan serves its own municipality's only."""
    priority_sdgs_save(period=period, sdgs=sdgs(4, 10))
    priority_sdgs_save(period=baerum_period, sdgs=sdgs(11, 13))
    return period, baerum_period


def marked(response):
    return response.content.decode().count("Prioritert bærekraftsmål</span>")


def titles(response):
    return sorted(plan.title for plan in response.context["page"].object_list)


def test_prioriterte_lists_plans_serving_their_own_municipalitys_priorities(
    client, make_plan, chosen, baerum_period
):
    make_plan(title="Skolebruksplan").sdgs.set(sdgs(4))
    make_plan(title="Klimaplan i Bergen").sdgs.set(sdgs(13))  # Bærum's priority, not Bergen's
    make_plan(title="Uten mål")
    baerum = DepartmentFactory(municipality=baerum_period.municipality)
    make_plan(title="Klimastrategi", department=baerum).sdgs.set(sdgs(13, 11))

    response = client.get(OVERVIEW, {"baerekraftsmal": "prioriterte"})
    assert titles(response) == ["Klimastrategi", "Skolebruksplan"]
    assert marked(response) == 2
    everything = client.get(OVERVIEW)
    assert marked(everything) == 2 == response.context["page"].paginator.count
    assert "Klimaplan i Bergen" in everything.content.decode()


def test_the_filter_offers_prioriterte_and_refuses_nonsense_cleanly(client, make_plan):
    make_plan(title="Skolebruksplan").sdgs.set(sdgs(4))
    html = client.get(OVERVIEW).content.decode()
    assert '<option value="prioriterte">Prioriterte bærekraftsmål</option>' in html
    assert client.get(OVERVIEW, {"baerekraftsmal": 4}).context["page"].paginator.count == 1
    for bad in ("tull", "99", "prioriterte'--"):
        response = client.get(OVERVIEW, {"baerekraftsmal": bad})
        assert response.status_code == 200
        assert "Velg et gyldig valg" in response.content.decode()


def test_no_plan_is_marked_while_nothing_is_chosen(client, make_plan, period):
    make_plan(title="Skolebruksplan").sdgs.set(sdgs(4))
    assert marked(client.get(OVERVIEW)) == 0
    assert (
        client.get(OVERVIEW, {"baerekraftsmal": "prioriterte"}).context["page"].paginator.count == 0
    )


def test_marks_and_the_filter_read_as_many_queries_for_1000_plans_as_for_10(client, bbs, chosen):
    through = Plan.sdgs.through

    def plans(count, start):
        bulk_create_plans(bbs, count, start=start)
        new = Plan.objects.order_by("-pk")[:count]
        through.objects.bulk_create(through(plan=plan, sdg_id=4) for plan in new)

    plans(10, 0)
    queries = {}
    for query in ({}, {"baerekraftsmal": "prioriterte"}):
        with CaptureQueriesContext(connection) as ten:
            assert marked(client.get(OVERVIEW, query)) == 10
        queries[str(query)] = len(ten)
    plans(990, 10)
    for query in ({}, {"baerekraftsmal": "prioriterte"}):
        with CaptureQueriesContext(connection) as thousand:
            response = client.get(OVERVIEW, query)
        assert response.context["page"].paginator.count == 1000
        assert len(thousand) == queries[str(query)] <= 14  # lists of choices not yet kept included


# The plan page


def test_the_plan_page_marks_its_priority_sdgs_in_words(client, make_plan, chosen):
    plan = make_plan(title="Skolebruksplan")
    plan.sdgs.set(sdgs(4, 13))
    html = client.get(plan.get_absolute_url()).content.decode()
    period = chosen[0]
    section = html[html.index('id="sdg-heading"') :]
    assert "God utdanning <span" in section
    assert section.count(f"Prioritert i valgperioden {period}") == 1
    assert "Stoppe klimaendringene</li>" in section  # Bærum's priority, not Bergen's


def test_the_plan_page_marks_nothing_while_not_chosen(client, make_plan, period):
    plan = make_plan(title="Skolebruksplan")
    plan.sdgs.set(sdgs(4))
    assert "Prioritert i valgperioden" not in client.get(plan.get_absolute_url()).content.decode()


# The admin


def test_the_admin_refuses_one_and_saves_two_through_the_service(admin_client, period):
    url = f"/admin/plans/councilperiod/{period.pk}/change/"
    data = {
        "municipality": period.municipality_id,
        "first_year": period.first_year,
        "last_year": period.last_year,
        "priority_sdgs": [13],
        "priority_sdg_choices-TOTAL_FORMS": 0,
        "priority_sdg_choices-INITIAL_FORMS": 0,
    }
    response = admin_client.post(url, data)
    assert MESSAGE in response.content.decode()
    data["priority_sdgs"] = [11, 13]
    assert admin_client.post(url, data).status_code == 302
    assert PrioritySdgChoice.objects.get().sdg_numbers == [11, 13]
    assert CouncilPeriod.objects.get(pk=period.pk).priority_sdgs_version == 1

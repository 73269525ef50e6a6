"""The public pages of hearings and plan progress: /horinger/, /fremdrift/, the timeline on the
plan page, and the next milestone in the workspace's list of plans.

Dates are chosen relative to today (Europe/Oslo), so the states follow from the calendar the
pages use.
"""

import re
from datetime import date

import pytest
from django.utils.formats import date_format

from consultations.models import ConsultationState
from plans.models import PlanStatus, Role
from tests.consultations.page_helpers import row_with, section
from tests.factories import (
    DepartmentFactory,
    MilestoneFactory,
    MunicipalityFactory,
    PlanFactory,
)
from tests.helpers import day, hearing, member, queries_for

pytestmark = pytest.mark.django_db


def hearing_item(html, title):
    """The list item of the hearing called ``title``."""
    items = re.findall(r'<li class="plan-item hearing-item">.*?</li>', html, re.S)
    found = [item for item in items if f">{title}</a>" in item]
    assert len(found) == 1, (title, found)
    return found[0]


def titles_in(html):
    """The hearing titles of a list, in order."""
    return re.findall(r'<h3 class="ds-heading plan-item__title"[^>]*><a[^>]*>(.*?)</a>', html)


# /horinger/


def test_hearings_are_sorted_into_open_upcoming_and_recently_closed(client, make_plan):
    plan = make_plan(title="Skolebruksplan")
    hearing(plan, -5, 15, title="Åpen i ti dager til")
    hearing(plan, -20, 20, title="Siste dag i dag-høringen")
    hearing(plan, 0, 1, title="Startet i dag")
    hearing(plan, 5, 42, title="Starter snart")
    hearing(plan, 1, 42, title="Starter i morgen")
    closed = hearing(plan, -50, 49, title="Fristen var i går")
    hearing(plan, -100, 42, title="Lenge siden")

    response = client.get("/horinger/")
    html = response.content.decode()

    assert response.status_code == 200
    assert titles_in(section(html, "open-heading")) == [
        "Siste dag i dag-høringen",
        "Startet i dag",
        "Åpen i ti dager til",
    ]
    assert titles_in(section(html, "upcoming-heading")) == ["Starter i morgen", "Starter snart"]
    assert titles_in(section(html, "closed-heading")) == ["Fristen var i går", "Lenge siden"]
    overview = response.context["overview"]
    assert {item.state for item in overview.open} == {ConsultationState.OPEN}
    assert {item.state for item in overview.upcoming} == {ConsultationState.UPCOMING}
    assert {item.state for item in overview.recently_closed} == {ConsultationState.CLOSED}
    assert closed.deadline == day(-1)


def test_each_hearing_says_how_many_days_are_left(client, make_plan):
    plan = make_plan(title="Skolebruksplan")
    hearing(plan, -5, 15, title="Ti dager")
    hearing(plan, -5, 6, title="En dag")
    hearing(plan, -20, 20, title="Siste dag")
    hearing(plan, 5, 42, title="Om fem")
    hearing(plan, 1, 42, title="I morgen")
    closed = hearing(plan, -50, 49, title="Over")

    html = client.get("/horinger/").content.decode()

    assert "<strong>10 dager igjen</strong>" in hearing_item(html, "Ti dager")
    assert "<strong>1 dag igjen</strong>" in hearing_item(html, "En dag")
    assert "<strong>Siste dag i dag</strong>" in hearing_item(html, "Siste dag")
    assert "<strong>Starter om 5 dager</strong>" in hearing_item(html, "Om fem")
    assert "<strong>Starter om 1 dag</strong>" in hearing_item(html, "I morgen")
    deadline = date_format(closed.deadline, "DATE_FORMAT")
    assert f"<strong>Fristen gikk ut {deadline}</strong>" in hearing_item(html, "Over")


def test_a_hearing_item_links_the_hearing_and_its_plan(client, make_plan):
    plan = make_plan(title="Skolebruksplan")
    consultation = hearing(plan, -5, 15, title="Høring av skolebruksplanen")
    item = hearing_item(client.get("/horinger/").content.decode(), consultation.title)
    assert f'href="/horinger/{consultation.pk}/"' in item
    assert f'href="{plan.get_absolute_url()}"' in item
    assert "(Byrådsavdeling for barnehage og skole)" in item
    assert "kl. 23.59" in item


def test_only_the_ten_most_recently_closed_hearings_are_listed(client, make_plan):
    plan = make_plan(title="Skolebruksplan")
    for number in range(1, 12):
        hearing(plan, -42 - number, 42, title=f"Avsluttet {number:02d}")
    closed = section(client.get("/horinger/").content.decode(), "closed-heading")
    assert titles_in(closed) == [f"Avsluttet {number:02d}" for number in range(1, 11)]


def test_hearings_of_unpublished_plans_are_not_listed(client, make_plan, bbs):
    draft = make_plan(title="Utkast til plan", is_published=False)
    hearing(draft, -5, 15, title="Skjult åpen")
    hearing(draft, 5, 42, title="Skjult kommende")
    hearing(draft, -60, 20, title="Skjult avsluttet")
    hearing(make_plan(title="Synlig plan"), -5, 15, title="Synlig høring")

    anonymous = client.get("/horinger/").content.decode()
    client.force_login(member("kari", bbs, Role.PLANNER))
    planner = client.get("/horinger/").content.decode()

    for html in (anonymous, planner):
        assert "Synlig høring" in html
        assert "Skjult" not in html
        assert "Utkast til plan" not in html


def test_empty_sections_say_so(client):
    html = client.get("/horinger/").content.decode()
    assert "Ingen høringer er åpne akkurat nå." in html
    assert "Ingen høringer er varslet." in html
    assert "Ingen avsluttede høringer ennå." in html


def test_municipality_is_named_only_when_there_are_several(client, make_plan):
    plan = make_plan(title="Skolebruksplan")
    hearing(plan, -5, 15, title="Bergens høring")
    assert ", Bergen)" not in hearing_item(
        client.get("/horinger/").content.decode(), "Bergens høring"
    )
    other = DepartmentFactory(municipality=MunicipalityFactory(name="Askøy"))
    hearing(make_plan(department=other), -5, 15, title="Askøys høring")
    html = client.get("/horinger/").content.decode()
    assert "(Byrådsavdeling for barnehage og skole, Bergen)" in hearing_item(html, "Bergens høring")
    assert ", Askøy)" in hearing_item(html, "Askøys høring")


def _hearings(bbs, count):
    departments = [bbs, DepartmentFactory(municipality=bbs.municipality)]
    for number in range(count):
        plan_number = number // 3
        department = departments[plan_number % 2]
        plan = PlanFactory(department=department, title=f"Plan {count}-{plan_number}")
        starts_in = (-5, 5, -60)[number % 3]
        hearing(plan, starts_in, 20, title=f"Høring {count}-{number}")


def test_hearing_list_uses_a_fixed_number_of_queries(client, bbs, django_assert_max_num_queries):
    _hearings(bbs, 3)
    few = queries_for(client, "/horinger/")
    _hearings(bbs, 27)
    with django_assert_max_num_queries(5):  # with the data's version (page cache)
        response = client.get("/horinger/")
    overview = response.context["overview"]
    assert len(overview.open) + len(overview.upcoming) == 20
    assert queries_for(client, "/horinger/") == few


# /fremdrift/


def test_progress_lists_plans_in_process_by_their_next_milestone(client, make_plan):
    later = make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)
    MilestoneFactory(plan=later, title="Oppstart", planned_start=day(-200), completed_on=day(-190))
    MilestoneFactory(plan=later, title="Høring av skolebruksplanen", planned_start=day(30))
    MilestoneFactory(plan=later, title="Vedtak i bystyret", planned_start=day(90))
    sooner = make_plan(title="Idrettsplan", status=PlanStatus.HEARING)
    MilestoneFactory(plan=sooner, title="Politisk behandling", planned_start=day(10))
    late = make_plan(title="Kulturplan", status=PlanStatus.REVISING)
    MilestoneFactory(plan=late, title="Forsinket oppstart", planned_start=day(-3))
    done = make_plan(title="Ferdig planlagt", status=PlanStatus.POLITICAL)
    MilestoneFactory(plan=done, title="Alt er gjort", planned_start=day(-9), completed_on=day(-9))
    make_plan(title="Uten milepæler", status=PlanStatus.STARTED)
    adopted = make_plan(title="Vedtatt plan", status=PlanStatus.ADOPTED)
    MilestoneFactory(plan=adopted, title="Kunngjøring", planned_start=day(5))
    draft = make_plan(title="Hemmelig utkast", status=PlanStatus.DRAFTING, is_published=False)
    MilestoneFactory(plan=draft, title="Hemmelig milepæl", planned_start=day(1))

    response = client.get("/fremdrift/")
    html = response.content.decode()

    rows = [
        (row.plan.title, row.next_milestone.label if row.next_milestone else None)
        for row in response.context["rows"]
    ]
    assert rows == [
        ("Kulturplan", "Forsinket oppstart"),
        ("Idrettsplan", "Politisk behandling"),
        ("Skolebruksplan", "Høring av skolebruksplanen"),
        ("Ferdig planlagt", None),
        ("Uten milepæler", None),
    ]
    positions = [html.index(title) for title, _label in rows]
    assert positions == sorted(positions)
    assert "5 planer under arbeid" in html
    skolebruksplan = row_with(html, "Skolebruksplan")
    assert "Høring av skolebruksplanen" in skolebruksplan
    assert date_format(day(30), "DATE_FORMAT") in skolebruksplan
    assert "Oppstart" not in skolebruksplan and "Vedtak i bystyret" not in skolebruksplan
    assert "Forsinket 3 dager" in row_with(html, "Kulturplan")
    assert "Ingen milepæler er lagt inn." in row_with(html, "Uten milepæler")
    for absent in ("Vedtatt plan", "Kunngjøring", "Hemmelig utkast", "Hemmelig milepæl"):
        assert absent not in html


def test_progress_filters_by_department(client, make_plan, bbs):
    other = DepartmentFactory(municipality=bbs.municipality, name="Byrådsavdeling for kultur")
    make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)
    make_plan(title="Kulturplan", status=PlanStatus.DRAFTING, department=other)

    everything = client.get("/fremdrift/").content.decode()
    mine = client.get(f"/fremdrift/?avdeling={bbs.pk}").content.decode()
    theirs = client.get(f"/fremdrift/?avdeling={other.pk}")

    assert "Skolebruksplan" in everything and "Kulturplan" in everything
    assert "Skolebruksplan" in mine and "Kulturplan" not in mine
    assert [row.plan.title for row in theirs.context["rows"]] == ["Kulturplan"]
    assert "1 plan under arbeid" in theirs.content.decode()


def test_progress_filters_by_municipality_when_there_are_several(client, make_plan):
    askoy = DepartmentFactory(municipality=MunicipalityFactory(name="Askøy", slug="askoy"))
    make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)
    make_plan(title="Askøys plan", status=PlanStatus.DRAFTING, department=askoy)
    response = client.get("/fremdrift/?kommune=askoy")
    assert [row.plan.title for row in response.context["rows"]] == ["Askøys plan"]
    assert 'name="kommune"' in response.content.decode()


def test_progress_says_when_no_plan_is_in_process(client, make_plan):
    make_plan(title="Vedtatt plan", status=PlanStatus.ADOPTED)
    html = client.get("/fremdrift/").content.decode()
    assert "Ingen planer er under arbeid med dette utvalget." in html
    assert "Vedtatt plan" not in html


def _plans_in_process(department, count, offset=0):
    for number in range(offset, offset + count):
        plan = PlanFactory(department=department, status=PlanStatus.DRAFTING)
        MilestoneFactory(plan=plan, planned_start=day(number - 5))
        MilestoneFactory(plan=plan, planned_start=day(number + 40))


def test_progress_uses_a_fixed_number_of_queries(client, bbs, django_assert_max_num_queries):
    _plans_in_process(bbs, 3)
    few = queries_for(client, "/fremdrift/")
    _plans_in_process(DepartmentFactory(municipality=bbs.municipality), 27, offset=3)
    with django_assert_max_num_queries(7):  # the hearings are read beside the milestones
        response = client.get("/fremdrift/")
    assert len(response.context["rows"]) == 30
    assert queries_for(client, "/fremdrift/") == few


def test_progress_shows_fifty_plans_a_page_and_keeps_the_filter_between_pages(client, bbs):
    _plans_in_process(bbs, 55)

    first = client.get(f"/fremdrift/?avdeling={bbs.pk}")
    second = client.get(f"/fremdrift/?avdeling={bbs.pk}&side=2")

    first_html = first.content.decode()
    assert len(first.context["rows"]) == 50 and len(second.context["rows"]) == 5
    assert "55 planer under arbeid" in first_html
    assert f'href="?avdeling={bbs.pk}&amp;side=2"' in first_html
    assert 'aria-label="Sider med planer under arbeid"' in first_html
    shown = {row.plan.pk for page in (first, second) for row in page.context["rows"]}
    assert len(shown) == 55
    # The soonest first across the pages: the second page's are all later.
    last_on_first = first.context["rows"][-1].next_milestone.planned_start
    assert all(row.next_milestone.planned_start >= last_on_first for row in second.context["rows"])


# The plan page's timeline


def test_plan_page_shows_the_timeline_table_and_drawing(client, make_plan):
    plan = make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)
    next_year = day(0).year + 1
    done = MilestoneFactory(
        plan=plan, title="Oppstartsak", planned_start=day(-100), completed_on=day(-95)
    )
    MilestoneFactory(plan=plan, title="Høringsutkast", planned_start=day(-10))
    MilestoneFactory(
        plan=plan,
        title="Politisk behandling i bystyret",
        planned_start=date(next_year, 2, 1),
        planned_end=date(next_year, 5, 31),
        precision="month",
        tentative=True,
    )

    html = client.get(plan.get_absolute_url()).content.decode()

    table = re.search(r'<table class="ds-table timeline-table".*?</table>', html, re.S).group(0)
    assert table.index("Oppstartsak") < table.index("Høringsutkast")
    assert table.index("Høringsutkast") < table.index("Politisk behandling i bystyret")
    completed = date_format(done.completed_on, "DATE_FORMAT")
    assert f"Gjennomført {completed}" in row_with(table, "Oppstartsak")
    assert "(5 dager etter plan)" in row_with(table, "Oppstartsak")
    assert "Forsinket 10 dager" in row_with(table, "Høringsutkast")
    upcoming = row_with(table, "Politisk behandling i bystyret")
    assert f"februar–mai {next_year}" in upcoming
    assert "(foreløpig)" in upcoming
    assert "Etter planen" in upcoming

    svg = re.search(r"<svg[^>]*>.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg
    assert 'aria-labelledby="timeline-caption"' in svg
    bars = re.findall(r'timeline-svg__bar--(\w+)"', svg)
    assert bars == ["done", "late", "planned"]
    assert 'id="timeline-caption"' in html


def test_a_late_milestone_by_one_day_is_in_the_singular(client, make_plan):
    plan = make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING)
    MilestoneFactory(plan=plan, title="I går", planned_start=day(-1))
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "Forsinket 1 dag<" in row_with(html, "I går")


def test_plan_page_links_the_plans_hearings(client, make_plan):
    plan = make_plan(title="Skolebruksplan")
    first = hearing(plan, -60, 42, title="Høring av planprogrammet")
    second = hearing(plan, -5, 15, title="Høring av planforslaget")
    hearing(make_plan(title="Annen plan"), -5, 15, title="En annen plans høring")

    html = client.get(plan.get_absolute_url()).content.decode()

    links = re.search(r'<ul class="plain-list hearing-links">.*?</ul>', html, re.S).group(0)
    assert f'href="/horinger/{first.pk}/"' in links
    assert f'href="/horinger/{second.pk}/"' in links
    assert links.index("Høring av planprogrammet") < links.index("Høring av planforslaget")
    assert "En annen plans høring" not in html
    assert f'href="/planer/{plan.slug}/kalender.ics"' in html


def test_plan_page_without_milestones_or_hearings_has_no_timeline(client, make_plan):
    plan = make_plan(title="Skolebruksplan")
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "timeline-heading" not in html
    assert "<svg" not in html


def _timeline(plan, count):
    for number in range(count):
        MilestoneFactory(plan=plan, planned_start=day(number * 7 - 50))
        hearing(plan, number * 10 - 50, 20)


def test_plan_page_timeline_uses_a_fixed_number_of_queries(
    client, make_plan, django_assert_max_num_queries
):
    few, many = make_plan(title="Få milepæler"), make_plan(title="Mange milepæler")
    _timeline(few, 3)
    _timeline(many, 30)
    with django_assert_max_num_queries(13):
        response = client.get(many.get_absolute_url())
    # 30 milestones and 30 hearings: a hearing is a step of the timeline too.
    assert response.content.decode().count("timeline-svg__bar--") == 60
    assert queries_for(client, many.get_absolute_url()) == queries_for(
        client, few.get_absolute_url()
    )


# The workspace's list of plans


def test_workspace_shows_each_plans_next_milestone(client, make_plan, bbs):
    client.force_login(member("kari", bbs, Role.PLANNER))
    school = make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING, contact_name="Kari")
    MilestoneFactory(plan=school, title="Oppstart", planned_start=day(-90), completed_on=day(-90))
    MilestoneFactory(plan=school, title="Vedtak", planned_start=day(60))
    MilestoneFactory(plan=school, title="Høring", planned_start=day(20))
    sports = make_plan(title="Idrettsplan", status=PlanStatus.HEARING, contact_name="Kari")
    MilestoneFactory(plan=sports, kind="political", title="", body="Bystyret", planned_start=day(5))
    make_plan(title="Kulturplan", status=PlanStatus.STARTED, contact_name="Kari")

    html = client.get("/arbeidsflate/").content.decode()

    assert "Neste milepæl" in html
    school_row = row_with(html, "Skolebruksplan")
    assert '<span lang="nb">Høring</span>' in school_row
    assert date_format(day(20), "DATE_FORMAT") in school_row
    assert "Oppstart" not in school_row and "Vedtak" not in school_row
    assert '<span lang="nb">Politisk behandling: Bystyret</span>' in row_with(html, "Idrettsplan")
    culture_row = row_with(html, "Kulturplan")
    assert "Ingen planlagte milepæler" in culture_row
    for slug, row in [(school.slug, school_row), ("kulturplan", culture_row)]:
        assert f'href="/arbeidsflate/planer/{slug}/fremdrift/"' in row
    assert "forsinket" not in school_row


def test_workspace_says_when_the_next_milestone_is_late(client, make_plan, bbs):
    client.force_login(member("kari", bbs, Role.PLANNER))
    school = make_plan(title="Skolebruksplan", status=PlanStatus.DRAFTING, contact_name="Kari")
    MilestoneFactory(plan=school, title="Høring", planned_start=day(-30))

    school_row = row_with(client.get("/arbeidsflate/").content.decode(), "Skolebruksplan")

    assert "Forsinket 30 dager" in school_row
    assert "<li>Neste milepæl er forsinket</li>" in school_row

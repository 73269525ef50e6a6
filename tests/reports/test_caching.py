"""The report cache: the same bytes until the data changes, one render for many readers, and
saved editions that never change with it."""

import io
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from consultations.services import milestone_save
from hierarchy.models import NodeKind
from plans.models import PlanType, Role
from plans.services import plan_save
from reports import caching, views
from reports.models import ReportEdition
from tests.factories import GoalNodeFactory, MilestoneFactory, PlanFactory
from tests.helpers import day, member
from tests.hierarchy.editing_helpers import build_tree, node_form_data
from tests.reports.pdf import pdf_text, squeezed

PORTFOLIO = "/rapporter/portefolje.pdf"


@pytest.fixture
def renders(monkeypatch):
    """The PDFs rendered by WeasyPrint, counted; each takes a moment longer, so that requests
    made at the same time really do overlap."""
    made = []
    real = views.html_to_pdf

    def counting(html):
        made.append(html)
        time.sleep(0.2)
        return real(html)

    monkeypatch.setattr(views, "html_to_pdf", counting)
    return made


@pytest.fixture
def plan(make_plan):
    return make_plan(title="Kulturstrategi for Bergen")


@pytest.mark.django_db
def test_the_cache_gives_the_same_bytes_until_a_plan_changes(client, plan, renders):
    first = client.get(PORTFOLIO).content
    assert client.get(PORTFOLIO).content == first
    assert len(renders) == 1

    plan.title = "Kulturstrategi for Bergen 2027–2035"
    plan_save(plan=plan)

    changed = client.get(PORTFOLIO).content
    assert len(renders) == 2
    assert changed != first
    assert "Kulturstrategi for Bergen 2027–2035" in squeezed(pdf_text(changed))
    assert client.get(PORTFOLIO).content == changed
    assert len(renders) == 2


@pytest.mark.django_db
def test_a_new_funding_amount_alone_gives_a_new_report(client, make_plan, bbs, renders):
    kps = make_plan(title="Et nystemt Bergen", plan_type=PlanType.KPS)
    vision = GoalNodeFactory(plan=kps, kind=NodeKind.VISION, title="Et nystemt Bergen", parent=None)
    tree = build_tree(kps, vision, make_plan)
    hop = PlanFactory(department=bbs, title="HØP 2026–2029", plan_type=PlanType.HOP)
    coordinator = member("koordinator", bbs, Role.COORDINATOR)
    client.force_login(coordinator)
    created = client.post(
        f"/arbeidsflate/mal/plan/{hop.slug}/ny/?under={tree['measure'].pk}",
        node_form_data(
            kind=NodeKind.MEASURE, title="Drift av Team Skyfritt", funding=[(2026, 4200)]
        ),
    )
    assert created.status_code == 302
    measure = hop.goal_nodes.get(title="Drift av Team Skyfritt")
    client.logout()
    report = f"/planer/{hop.slug}/rapport.pdf"
    first = client.get(report)
    assert client.get(report).content == first.content
    assert len(renders) == 1

    client.force_login(coordinator)
    edit = node_form_data(measure, funding=[])
    edit["funding-0-amount"] = 5300
    assert client.post(f"/arbeidsflate/mal/{measure.pk}/rediger/", edit).status_code == 302
    assert list(measure.funding.values_list("amount", flat=True)) == [5300]
    client.logout()

    again = client.get(report)
    assert len(renders) == 2
    assert again["ETag"] != first["ETag"]


@pytest.mark.django_db
def test_a_moved_milestone_alone_gives_a_new_report(client, plan, renders):
    milestone = MilestoneFactory(plan=plan, planned_start=day(30), planned_end=day(30))
    report = f"/planer/{plan.slug}/rapport.pdf"
    first = client.get(report)
    assert client.get(report).content == first.content
    assert len(renders) == 1

    milestone.planned_start = milestone.planned_end = day(60)
    milestone_save(milestone=milestone)

    again = client.get(report)
    assert len(renders) == 2
    assert again["ETag"] != first["ETag"]


def get_at_once(path, count=4):
    """GET ``path`` from ``count`` threads released at the same moment, each with its own
    database connection; the responses' bodies."""
    start = threading.Barrier(count)
    bodies, errors = [None] * count, []

    def fetch(index):
        try:
            start.wait()
            response = Client().get(path)
            assert response.status_code == 200
            bodies[index] = response.content
        except Exception as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=fetch, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return bodies


@pytest.mark.django_db(transaction=True)
def test_readers_asking_at_once_for_an_uncached_report_get_one_render(make_plan, renders):
    make_plan(title="Kulturstrategi for Bergen")
    bodies = get_at_once(PORTFOLIO)
    assert len(renders) == 1
    assert len(set(bodies)) == 1


class NoThreadLocks(dict):
    """Every request a lock of its own, as in separate server processes."""

    def setdefault(self, key, default=None):
        return default


@pytest.mark.django_db(transaction=True)
def test_server_processes_asking_at_once_get_one_render(make_plan, renders, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("processes wait on each other through PostgreSQL's advisory locks")
    monkeypatch.setattr(caching, "_key_locks", NoThreadLocks())
    make_plan(title="Kulturstrategi for Bergen")
    bodies = get_at_once(PORTFOLIO)
    assert len(renders) == 1
    assert len(set(bodies)) == 1


@pytest.mark.django_db
def test_a_saved_edition_stays_byte_identical_after_the_plan_changes(client, plan, bbs):
    client.force_login(member("koordinator", bbs, Role.COORDINATOR))
    saved = client.post(
        "/rapporter/utgaver/lagre/", {"rapport": "plan", "slug": plan.slug, "filtre": ""}
    )
    edition = ReportEdition.objects.get()
    address = f"/rapporter/utgaver/{edition.pk}.pdf"
    assert saved["Location"] == edition.get_absolute_url()
    before = client.get(address).content
    assert before == bytes(edition.pdf)

    plan.title = "Kulturstrategi for Bergen, revidert"
    plan_save(plan=plan)
    live = client.get(f"/planer/{plan.slug}/rapport.pdf").content
    assert "revidert" in squeezed(pdf_text(live))

    after = client.get(address)
    assert after.content == before
    assert after["ETag"] == f'"{edition.checksum}"'
    assert "revidert" not in squeezed(pdf_text(after.content))


@pytest.mark.django_db
def test_render_reports_fills_the_cache_for_the_common_reports(client, make_plan, bbs, renders):
    plan = make_plan(title="Kulturstrategi for Bergen")
    make_plan(title="Skjult utkast", is_published=False)
    out = io.StringIO()
    call_command("render_reports", stdout=out)
    # All, Bergen, BBS; the red thread of Bergen; the one published plan.
    assert len(renders) == 5
    assert "5 rendered, 0 already cached" in out.getvalue()

    for address in [
        PORTFOLIO,
        f"{PORTFOLIO}?kommune=bergen",
        f"{PORTFOLIO}?avdeling={bbs.pk}",
        "/rapporter/rod-trad.pdf?kommune=bergen",
        f"/planer/{plan.slug}/rapport.pdf",
    ]:
        assert client.get(address).status_code == 200
    assert len(renders) == 5

    again = io.StringIO()
    call_command("render_reports", stdout=again)
    assert "0 rendered, 5 already cached" in again.getvalue()

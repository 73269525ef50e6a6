"""Every number on /oversikt/ equals the count on the page it links to, over the demo data."""

import html
import re

import pytest

from plans.demo.users import load_users
from plans.models import Plan, PlanType

pytestmark = pytest.mark.django_db

# A number on the overview: a link whose text is the number (in a table cell, bold in a total,
# or the big figure of a box).
NUMBER_LINK = re.compile(
    r'<a class="(?:ds-link|status-grid__link)" href="([^"]+)">\s*'
    r'(?:<strong>|<span class="status-grid__count">)?(\d+)<'
)


def numbers_on(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return [(html.unescape(url), int(n)) for url, n in NUMBER_LINK.findall(response.text)]


def count_on(client, url):
    """How many plans or items the page at ``url`` lists, read as a reader reads it."""
    page = client.get(url).content.decode()
    if url.startswith("/planer/"):
        found = re.search(r'id="result-heading"[^>]*>\s*(\d+) plan', page)
    elif url.startswith("/horinger/"):
        found = re.search(r'role="status">(\d+) høring', page)
        listed = page.count('class="plan-item hearing-item"')
        assert int(found.group(1)) == listed
    elif url.startswith("/fremdrift/"):
        found = re.search(r'role="status">(\d+) plan', page)
        listed = len(re.findall(r'<th scope="row"><a class="ds-link"', page))
        assert int(found.group(1)) == listed
    elif url.startswith("/mal/oppfolging/"):
        counts = re.findall(r'id="follow-up-[^"]+">[^<:]+: (\d+) tiltak<', page)
        listed = page.count('<th scope="row"><a class="ds-link" href="/mal/')
        assert sum(int(n) for n in counts) == listed
        return listed
    elif url.startswith("/mal/dekning/"):
        counts = re.findall(r"Mål og strategier som ingen plan følger opp \((\d+)\)", page)
        return sum(int(n) for n in counts)
    elif url.startswith("/mal/"):
        found = re.search(r"(\d+) treff", page)
    else:
        raise AssertionError(f"no count known for {url}")
    assert found, url
    return int(found.group(1))


def politician_with_a_shared_draft(client):
    load_users()
    draft = Plan.objects.filter(municipality__slug="bergen", plan_type=PlanType.TEMAPLAN).first()
    Plan.objects.filter(pk=draft.pk).update(is_published=False, shared_with_politicians=True)
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="politiker.bergen"))
    return draft


@pytest.mark.parametrize("reader", ["public", "politician"])
@pytest.mark.parametrize("query", ["", "?kommune=bergen", "?kommune=baerum"])
def test_every_number_equals_the_count_of_the_page_it_links_to(
    demo_for_module, client, reader, query
):
    if reader == "politician":
        politician_with_a_shared_draft(client)
    numbers = numbers_on(client, f"/oversikt/{query}")
    assert len(numbers) > 40
    kinds = {url.split("?")[0] for url, _n in numbers}
    assert kinds == {
        "/planer/",
        "/horinger/",
        "/fremdrift/",
        "/mal/",
        "/mal/dekning/",
        "/mal/oppfolging/",
    }
    for url, n in numbers:
        if query:
            assert query.lstrip("?") in url, url
        assert count_on(client, url) == n, url


def test_the_politician_counts_the_shared_draft_the_public_does_not(demo_for_module, client):
    public_total = dict(numbers_on(client, "/oversikt/?kommune=bergen"))["/planer/?kommune=bergen"]
    draft = politician_with_a_shared_draft(client)
    total = dict(numbers_on(client, "/oversikt/?kommune=bergen"))["/planer/?kommune=bergen"]
    assert total == public_total
    listed = client.get("/planer/?kommune=bergen&q=" + draft.title[:20]).content.decode()
    assert "(Utkast)" in listed
    client.logout()
    after = dict(numbers_on(client, "/oversikt/?kommune=bergen"))["/planer/?kommune=bergen"]
    assert after == public_total - 1


def test_the_councils_priority_sdgs_are_marked_and_counted_together(demo_for_module, client):
    page = client.get("/oversikt/?kommune=baerum").content.decode()
    assert "Bærum har valgt disse bærekraftsmålene som politiske satsingsområder" in page
    assert page.count("Prioritert i valgperioden 2023–2027") == 3
    numbers = dict(numbers_on(client, "/oversikt/?kommune=baerum"))
    assert numbers["/planer/?baerekraftsmal=prioriterte&kommune=baerum"] > 0
    assert "/mal/?baerekraftsmal=prioriterte&kommune=baerum" in numbers
    bergen = client.get("/oversikt/?kommune=bergen").content.decode()
    assert "Bergen har ikke valgt prioriterte bærekraftsmål for valgperioden 2023–2027." in bergen
    assert "baerekraftsmal=prioriterte" not in bergen


def test_measures_not_reported_on_are_counted_with_the_interval(demo_for_module, client):
    numbers = dict(numbers_on(client, "/oversikt/?kommune=bergen"))
    assert numbers["/mal/oppfolging/?kommune=bergen"] > 0
    page = client.get("/oversikt/?kommune=bergen").content.decode()
    assert "tiltak uten rapport siste 6 måneder" in page

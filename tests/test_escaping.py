"""Text people type reaches every page, feed and calendar as text, never as markup.

Every text a planner or a citizen types here holds the same hostile strings. Each is wrapped in
markers, ``ZQX<label>:<hostile>XQZ``: the page is parsed as a browser parses it, and between
every pair of markers the parsed text must be the typed string exactly. Text written without
escaping breaks that three ways: an injected tag splits the text (a marker without its end),
``&amp;`` is read back as ``&``, and a template tag typed as text is evaluated. So the check
fails wherever escaping is missing, even if the same text is escaped elsewhere on the page.
"""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import unquote_plus

import pytest
from icalendar import Calendar

from consultations.models import SubmissionState
from hierarchy.models import MeasureStatus, NodeKind
from plans.models import PlanStatus, PlanType, Role
from tests.factories import GoalNodeFactory, MilestoneFactory, SubmissionFactory
from tests.helpers import member, open_hearing

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    '{{ 7|add:1 }}{% now "Y" %}',
    "Barn &amp; unge",
]

# Brackets no token, nonce or slug can hold, so random page content never looks like a marker.
START, END = "⟦ZQX", "XQZ⟧"
MARKED = re.compile(f"{START}(.*?){END}", re.DOTALL)
SHORTENED = re.compile(f"{START}([^…]*)…$", re.DOTALL)


def typed(label, hostile):
    return f"{START}{label}:{hostile}{END}"


class Texts(HTMLParser):
    """The text nodes and attribute values of a page, as a browser reads them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self.injected = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.injected.append(f"<{tag} {name}>")
            # A search comes back in addresses percent-encoded: read as the address bar does.
            value = value or ""
            url = name in ("href", "action") or value.startswith(("/", "http"))
            self.texts.append(unquote_plus(value) if url else value)
        if tag == "img" and ("src", "x") in attrs:
            self.injected.append("<img src=x>")

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.texts.append(data)


def html_texts(content):
    parser = Texts()
    parser.feed(content.decode())
    parser.close()
    assert parser.injected == [], parser.injected
    return parser.texts


def atom_texts(content):
    root = ET.fromstring(content)
    texts = []
    for element in root.iter():
        texts.append(element.text or "")
        texts.extend(element.attrib.values())
    return texts


def calendar_texts(content):
    calendar = Calendar.from_ical(content)
    return [str(value) for component in calendar.walk() for value in component.values()]


def assert_typed_text_intact(texts, hostile, required):
    """Every marked text equals what was typed; each label in ``required`` appears."""
    found = set()
    for text in texts:
        for match in MARKED.finditer(text):
            label, _sep, rest = match.group(1).partition(":")
            assert rest == hostile, f"{label!r} shown as {rest!r}, typed {hostile!r}"
            found.add(label)
        # A start without its end: something typed was read as a tag and split the text,
        # unless the page shortened a long text on purpose ("…" after a prefix of it).
        leftover = MARKED.sub("", text)
        if cut := SHORTENED.search(leftover):
            shown = cut.group(1).partition(":")[2]
            assert (hostile + END).startswith(shown), f"{text!r} is not {hostile!r} shortened"
            leftover = leftover[: cut.start()]
        assert START not in leftover and END not in leftover, f"text split: {text!r}"
    assert required <= found, f"missing {required - found}"


@pytest.fixture(params=HOSTILE, ids=["script", "attribute", "template", "entity"])
def world(request, make_plan, bbs):
    """Plans, goals, milestones, hearings and input, every typed text hostile."""
    hostile = request.param
    kps = make_plan(
        title=typed("kps", hostile),
        summary=typed("kpssammendrag", hostile),
        plan_type=PlanType.KPS,
        slug="kps",
    )
    plan = make_plan(
        title=typed("plan", hostile),
        summary=typed("plansammendrag", hostile),
        plan_type=PlanType.TEMAPLAN,
        status=PlanStatus.DRAFTING,
        slug="temaplan",
    )
    vision = GoalNodeFactory(
        plan=kps, kind=NodeKind.VISION, parent=None, title=typed("visjon", hostile)
    )
    main = GoalNodeFactory(
        plan=kps, kind=NodeKind.MAIN_GOAL, parent=vision, title=typed("hovedmal", hostile)
    )
    goal = GoalNodeFactory(
        plan=kps, kind=NodeKind.GOAL, parent=main, title=typed("delmal", hostile)
    )
    GoalNodeFactory(plan=kps, kind=NodeKind.GOAL, parent=main, title=typed("udekket", hostile))
    strategy = GoalNodeFactory(
        plan=plan, kind=NodeKind.STRATEGY, parent=goal, title=typed("strategi", hostile)
    )
    GoalNodeFactory(
        plan=plan,
        kind=NodeKind.MEASURE,
        parent=strategy,
        title=typed("tiltak", hostile),
        status=MeasureStatus.ONGOING,
        progress=40,
    )
    GoalNodeFactory(
        plan=plan, kind=NodeKind.MEASURE, parent=strategy, title=typed("stilletiltak", hostile)
    )
    MilestoneFactory(plan=plan, title=typed("milepael", hostile))
    hearing = open_hearing(
        plan, title=typed("horing", hostile), summary=typed("horingtekst", hostile)
    )
    SubmissionFactory(
        consultation=hearing,
        state=SubmissionState.PUBLISHED,
        name=typed("innsender", hostile),
        organisation=typed("organisasjon", hostile),
        text=typed("innspill", hostile),
    )
    return {"hostile": hostile, "plan": plan, "strategy": strategy, "hearing": hearing, "bbs": bbs}


PUBLIC_PAGES = {
    "home": ("/", {"kps", "kpssammendrag", "plan", "horing"}),
    "plan list": ("/planer/", {"kps", "plan", "kpssammendrag", "plansammendrag"}),
    "plan page": (
        "/planer/temaplan/",
        {"plan", "plansammendrag", "strategi", "tiltak", "milepael", "horing"},
    ),
    "progress": ("/fremdrift/", {"plan", "horing"}),
    "goal tree": ("/mal/?vis=alle", {"visjon", "hovedmal", "delmal", "strategi", "tiltak"}),
    "goal": ("/mal/{strategy}/", {"visjon", "hovedmal", "delmal", "strategi", "tiltak"}),
    "coverage": ("/mal/dekning/", {"udekket", "stilletiltak"}),
    "hearings": ("/horinger/", {"horing"}),
    "hearing": (
        "/horinger/{hearing}/",
        {"horing", "horingtekst", "innsender", "organisasjon", "innspill", "plan"},
    ),
}

WORKSPACE_PAGES = {
    "plan form": ("/arbeidsflate/planer/temaplan/", {"plan", "plansammendrag"}),
    "goal editor": ("/arbeidsflate/mal/plan/temaplan/", {"delmal", "strategi", "tiltak"}),
    "timeline": ("/arbeidsflate/planer/temaplan/fremdrift/", {"milepael", "horing"}),
    "input": ("/arbeidsflate/horinger/{hearing}/innspill/", {"innsender", "innspill"}),
}


def address(path, world):
    return path.format(strategy=world["strategy"].pk, hearing=world["hearing"].pk)


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_public_pages_show_typed_text_as_text(client, world, page):
    path, required = PUBLIC_PAGES[page]
    response = client.get(address(path, world))
    assert response.status_code == 200
    assert_typed_text_intact(html_texts(response.content), world["hostile"], required)


@pytest.mark.parametrize("path", ["/planer/", "/mal/?vis=alle", "/mal/{goal}/grener/"])
def test_htmx_parts_show_typed_text_as_text(client, world, path):
    path = path.format(goal=world["strategy"].parent_id)
    response = client.get(path, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert_typed_text_intact(html_texts(response.content), world["hostile"], {"plan"})


def test_a_search_is_shown_back_as_text(client, world):
    response = client.get("/planer/", {"q": typed("sok", world["hostile"])})
    assert response.status_code == 200
    assert_typed_text_intact(html_texts(response.content), world["hostile"], {"sok"})


@pytest.mark.parametrize("page", WORKSPACE_PAGES)
def test_workspace_pages_show_typed_text_as_text(client, world, page):
    client.force_login(member("kari", world["bbs"], Role.PLANNER))
    path, required = WORKSPACE_PAGES[page]
    response = client.get(address(path, world))
    assert response.status_code == 200
    assert_typed_text_intact(html_texts(response.content), world["hostile"], required)


def test_the_atom_feed_carries_typed_text_as_text(client, world):
    response = client.get("/horinger/nye.atom")
    assert response.status_code == 200
    texts = atom_texts(response.content)
    assert_typed_text_intact(texts, world["hostile"], {"horing", "plan"})


@pytest.mark.parametrize("path", ["/horinger/kalender.ics", "/planer/temaplan/kalender.ics"])
def test_calendars_carry_typed_text_as_text(client, world, path):
    response = client.get(path)
    assert response.status_code == 200
    texts = calendar_texts(response.content)
    assert_typed_text_intact(texts, world["hostile"], {"horing", "plan", "milepael"})

"""Dependencies between the apps point one way (DESIGN.md, issue 10).

plans reads none of the other apps, hierarchy reads plans, consultations reads plans and
hierarchy, reports reads them all. The scan reads each app's modules and templates for a
reference to an app in a layer above it: an import, a lazy model or module name
("hierarchy.GoalNode", ``apps.get_model("hierarchy", …)``), a template library it loads, a
template it extends or includes, or a URL it links to whose view lives there. Pages that show
several apps together are composed in ``planportal``, above all of them.
"""

import ast
import re
from pathlib import Path

import pytest
from django.template.backends.django import get_installed_libraries
from django.urls import URLPattern, URLResolver, get_resolver

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["plans", "hierarchy", "consultations", "reports"]

LOAD = re.compile(r"{%\s*load\s+(.+?)\s*%}")
TEMPLATE_NAME = re.compile(r"""{%\s*(?:extends|include)\s+["']([^"']+)["']""")
URL_NAME = re.compile(r"""{%\s*url\s+["']([^"']+)["']""")


def _owner(module):
    return module.split(".")[0]


def _url_owners(resolver=None, namespace=""):
    """{url name with its namespaces: the app whose module holds the view}."""
    owners = {}
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            owners.update(_url_owners(pattern, inner))
        elif isinstance(pattern, URLPattern) and pattern.name:
            owners.setdefault(f"{namespace}{pattern.name}", _owner(pattern.callback.__module__))
    return owners


def _is_dotted_name(value):
    """A model or module by name; a docstring or message has spaces and never is one."""
    return isinstance(value, str) and re.fullmatch(r"[A-Za-z_][\w.]*", value) is not None


def _python_references(path, above):
    """(line, what) for each import of, or dotted name in, an app of ``above``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Constant) and _is_dotted_name(node.value):
            names = [node.value]
        found += [(node.lineno, name) for name in names if _owner(name) in above]
    return found


def _template_references(path, above, libraries, url_owners):
    """(line, what) for each library, template or URL of an app of ``above`` a template uses."""
    found = []
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        for match in LOAD.finditer(line):
            words = match.group(1).split()
            loaded = words[words.index("from") + 1 :] if "from" in words else words
            for library in loaded:
                if _owner(libraries.get(library, "")) in above:
                    found.append((number, f"load {library}"))
        for match in TEMPLATE_NAME.finditer(line):
            name = match.group(1)
            if any((ROOT / app / "templates" / name).exists() for app in above):
                found.append((number, f"template {name}"))
        for match in URL_NAME.finditer(line):
            if url_owners.get(match.group(1)) in above:
                found.append((number, f"url {match.group(1)}"))
    return found


def references_above(app_dir, above):
    """["path:line: what"] for every reference from the app at ``app_dir`` to an app of
    ``above``."""
    libraries = get_installed_libraries()
    url_owners = _url_owners()
    found = []
    for path in sorted(app_dir.rglob("*")):
        if path.suffix == ".py":
            hits = _python_references(path, above)
        elif "templates" in path.relative_to(app_dir).parts and path.is_file():
            hits = _template_references(path, above, libraries, url_owners)
        else:
            continue
        found += [f"{path.relative_to(app_dir.parent)}:{line}: {what}" for line, what in hits]
    return found


@pytest.mark.parametrize(
    ("app", "above"),
    [(app, LAYERS[index + 1 :]) for index, app in enumerate(LAYERS[:-1])],
)
def test_no_app_reads_an_app_in_a_layer_above_it(app, above):
    assert references_above(ROOT / app, set(above)) == []


def test_the_scan_sees_each_kind_of_reference(tmp_path):
    """The scan itself: a clean result above must mean clean, not blind."""
    app = tmp_path / "plans"
    (app / "templates" / "plans").mkdir(parents=True)
    (app / "views.py").write_text(
        '"""Plans never read hierarchy or consultations."""\n'
        "import consultations.steps\n"
        "from hierarchy.tree import tree\n"
        "date_hierarchy = 'updated_at'\n"
        "NODE = 'hierarchy.GoalNode'\n"
    )
    (app / "templates" / "plans" / "page.html").write_text(
        "{% load i18n timeline_tags %}{% load plan_timeline from timeline_tags %}\n"
        '{% include "hierarchy/tree.html" %}\n'
        "{% url 'timeline-workspace:moderation' %}{% url 'progress' %}{% url 'workspace:home' %}\n"
    )

    found = [
        line.split(":", 1)[1]
        for line in references_above(app, {"hierarchy", "consultations", "reports"})
    ]

    assert found == [
        "1: load timeline_tags",
        "1: load timeline_tags",
        "2: template hierarchy/tree.html",
        "3: url timeline-workspace:moderation",
        "3: url progress",
        "2: consultations.steps",
        "3: hierarchy.tree",
        "5: hierarchy.GoalNode",
    ]

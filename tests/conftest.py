import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone, translation

from hierarchy.models import NodeKind
from plans.models import PlanStatus, PlanType
from tests.factories import DepartmentFactory, GoalNodeFactory, MunicipalityFactory, PlanFactory
from tests.helpers import load_demo_copy


@pytest.fixture(autouse=True)
def norwegian():
    """Messages outside a request in bokmål; a request's language must not leak into the next."""
    with translation.override("nb"):
        yield


@pytest.fixture(autouse=True)
def empty_caches():
    """A report cached by one test must not answer the next, whose data has the same ids."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def bergen():
    return MunicipalityFactory(name="Bergen", number="4601", slug="bergen")


@pytest.fixture
def bbs(bergen):
    return DepartmentFactory(
        municipality=bergen,
        name="Byrådsavdeling for barnehage og skole",
        short_name="BBS",
        slug="bbs",
    )


@pytest.fixture
def make_plan(bbs):
    """Build plans of BBS in Bergen unless another department is given."""

    def make(**fields):
        fields.setdefault("department", bbs)
        return PlanFactory(**fields)

    return make


# `load_demo` takes 5-8 s; `loaddata` of what it saved takes about a quarter. Tests that only
# read the demo load the saved copy; tests of `load_demo` itself still run it on top of that copy.
DEMO_DUMP_EXCLUDES = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


@pytest.fixture(scope="session")
def demo_dump(django_db_setup, django_db_blocker, tmp_path_factory):
    """A function giving the path of a JSON fixture with everything `load_demo` saves.

    Made on first call, inside a transaction that is rolled back, so the database is as it was;
    made again if the day has changed, since the demo's hearings are dated from the load day.
    Call it with the database as migrated (as in a `db` test, or in a `transactional_db` test
    with serialized rollback once the test has set up), since the copy holds the SDGs' ids too.
    """
    dumps = {}

    def path():
        today = timezone.localdate()
        if today not in dumps:
            dump = tmp_path_factory.mktemp("demo") / f"demo-{today}.json"
            with django_db_blocker.unblock(), transaction.atomic():
                call_command("load_demo", verbosity=0)
                call_command(
                    "dumpdata",
                    natural_foreign=True,
                    exclude=DEMO_DUMP_EXCLUDES,
                    output=str(dump),
                    verbosity=0,
                )
                transaction.set_rollback(True)
            dumps[today] = dump
        return dumps[today]

    return path


@pytest.fixture(scope="module")
def demo_for_module(django_db_setup, django_db_blocker, demo_dump):
    """The demo, loaded once for a module of `db` tests and rolled back after its last test.

    Each test runs in a savepoint inside this transaction, so what one test changes is gone
    before the next.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo_copy(demo_dump())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def kps(make_plan):
    """Bergen's municipal master plan (KPS), in force, for the goal tree to hang from."""
    return make_plan(title="Et nystemt Bergen", plan_type=PlanType.KPS, status=PlanStatus.ADOPTED)


@pytest.fixture
def vision(kps):
    return GoalNodeFactory(plan=kps, kind=NodeKind.VISION, title="Et nystemt Bergen", parent=None)

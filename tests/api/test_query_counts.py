"""Each answer of the API reads a small, fixed number of queries, whatever the data holds
(tests/test_query_bounds.py compares 3 plans with 24; these are the ceilings). Counted as
rendered, not served from the page cache; the reading of the data's version is included."""

import pytest

from tests.helpers import rendered
from tests.test_query_bounds import grow

pytestmark = pytest.mark.django_db

CEILINGS = {
    "": 1,
    "openapi.json": 1,
    "municipalities/": 3,
    "municipalities/bergen/": 2,
    "municipalities/bergen/goal-tree/": 4,
    "departments/?kommune=bergen": 4,
    "council-periods/": 3,
    "areas/": 3,
    "themes/": 3,
    # The version, the municipality filter's checks, count, page, SDGs, themes, areas, documents.
    "plans/": 8,
    "plans/?type=temaplan&status=adopted&kommune=bergen&sorter=-updated": 11,
    "plans/temaplan-for-omrade-1/": 9,
    "plans/temaplan-for-omrade-1/milestones/": 4,
    "plans/temaplan-for-omrade-1/hearings/": 5,
    "hearings/?state=open": 4,
    "goal-nodes/": 7,
    "goal-nodes/?kommune=bergen&kind=measure&plan=temaplan-for-omrade-1": 9,
    "planstrategi-decisions/": 3,
}


@pytest.mark.parametrize(("path", "ceiling"), CEILINGS.items())
def test_each_answer_reads_few_queries(
    client, make_plan, vision, bergen, django_assert_max_num_queries, path, ceiling
):
    grow(make_plan, vision, bergen, 5, start=0)
    with django_assert_max_num_queries(ceiling):
        response = rendered(client, f"/api/v1/{path}")
    assert response.status_code == 200

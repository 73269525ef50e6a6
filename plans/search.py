"""Free-text search over plans.

PostgreSQL: full-text search with the ``norwegian`` configuration (stemming, so "skolen" finds
"skoler"), ranked. Norwegian compounds are single words to the stemmer ("skole" is not in
"Skolebruksplan"), so a plain substring match on the title is allowed as well.
SQLite: every word must occur in the title or summary. On both, the department's short name
(BBS) finds its plans.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q


def _words(text):
    return [word for word in text.split() if word]


def _every_word_in(fields, words):
    condition = Q()
    for word in words:
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return condition


def search_plans(queryset, text):
    """Plans of ``queryset`` that match ``text``; on PostgreSQL annotated with ``search_rank``."""
    words = _words(text)
    if not words:
        return queryset
    if connection.vendor != "postgresql":
        fields = ["title", "summary", "department__short_name"]
        return queryset.filter(_every_word_in(fields, words))
    vector = SearchVector("title", weight="A", config="norwegian") + SearchVector(
        "summary", weight="B", config="norwegian"
    )
    query = SearchQuery(text, search_type="websearch", config="norwegian")
    return queryset.annotate(search=vector, search_rank=SearchRank(vector, query)).filter(
        Q(search=query) | _every_word_in(["title", "department__short_name"], words)
    )

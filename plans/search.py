"""Free-text search over plans.

PostgreSQL: full-text search with the ``norwegian`` configuration (stemming, so "skolen" finds
"skoler"), ranked, over the stored and GIN-indexed ``Plan.search_vector`` (title weight A,
summary B). Norwegian compounds are single words to the stemmer ("skole" is not in
"Skolebruksplan"), so a plain substring match on the title is allowed as well.
SQLite: every word must occur in the title or summary. On both, the department's short name
(BBS) finds its plans.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q

from .models import Department


def _words(text):
    return [word for word in text.split() if word]


def _departments_named(words):
    """{word: [pks of the departments whose short name holds it]} for ``words``, from one
    query over the (small) department table."""
    departments = Department.objects.exclude(short_name="").order_by()
    names = list(departments.values_list("pk", "short_name"))
    return {
        word: [pk for pk, name in names if word.casefold() in name.casefold()] for word in words
    }


def _every_word_in(fields, words):
    """Each word in one of ``fields`` of the plan or in its department's short name.

    The departments are looked up first, so the condition stays on the plan's own columns,
    each of which PostgreSQL can answer from an index (combined in a BitmapOr).
    """
    departments = _departments_named(words)
    condition = Q()
    for word in words:
        any_field = Q(department__in=departments[word]) if departments[word] else Q(pk__in=[])
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return condition


def plan_search(text):
    """A function that narrows a queryset of plans to those matching ``text`` (on PostgreSQL
    annotated with ``search_rank``), with what it looks up read once: a page applies it to
    its list and to its counts."""
    words = _words(text)
    if not words:
        return lambda queryset: queryset
    if connection.vendor != "postgresql":
        condition = _every_word_in(["title", "summary"], words)
        return lambda queryset: queryset.filter(condition)
    query = SearchQuery(text, search_type="websearch", config="norwegian")
    condition = Q(search_vector=query) | _every_word_in(["title"], words)
    rank = SearchRank(F("search_vector"), query)
    return lambda queryset: queryset.annotate(search_rank=rank).filter(condition)

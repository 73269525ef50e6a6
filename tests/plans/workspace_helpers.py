"""Building the POST data of the plan form, as a browser would send it."""

from plans.forms import PlanForm
from tests.helpers import formset_data

DOCUMENT_PREFIX = "documents"


def plan_form_data(plan=None, *, documents=(), **changes):
    """The plan form's fields for ``plan`` (or empty), with ``changes`` applied.

    ``documents`` are (title, url) pairs added as new document rows.
    """
    data = {"base_version": plan.version if plan else ""}
    if plan is not None:
        for name in PlanForm.Meta.fields:
            value = getattr(plan, name)
            if name in ("sdgs", "themes", "areas"):
                data[name] = [item.pk for item in value.all()]
            elif hasattr(value, "pk"):
                data[name] = value.pk
            elif isinstance(value, bool):
                data[name] = "on" if value else ""
            else:
                data[name] = "" if value is None else value
    data.update(changes)
    for name in [key for key, value in data.items() if value == "" and key != "base_version"]:
        if name in ("shared_with_politicians",):
            del data[name]
    existing = list(plan.documents.all()) if plan is not None else []
    rows = [(document.pk, document.title, document.url) for document in existing]
    rows += [("", title, url) for title, url in documents]
    data.update(
        formset_data(
            DOCUMENT_PREFIX,
            [
                {"id": pk, "title": title, "url": url, "order": index}
                for index, (pk, title, url) in enumerate(rows)
            ],
            initial=len(existing),
        )
    )
    return {key: value for key, value in data.items() if value is not None}

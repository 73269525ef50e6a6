"""The portal's filter form components, written in Python.

A filter form holds a dozen fields and a hundred choices. As templates (an include per field, a
widget object per choice) they cost more than the rest of a list page, so these tags write the
same markup directly. ``components/select_field.html`` calls ``select_field`` for the pages
that include it.
"""

import html

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

OOB = mark_safe(' data-hx-swap-oob="true"')


@register.simple_tag
def select_field(field, oob=False):
    """A labelled ``<select>`` of the bound ``field`` with its errors; with ``oob``, marked for
    htmx to swap in out of band (the filters beside a list follow the list)."""
    field_id = field.id_for_label
    return format_html(
        '<div class="ds-field" id="{}_field"{}>\n'
        '  <label class="ds-label" data-weight="medium" for="{}">{}</label>\n'
        '  <select class="ds-input" name="{}" id="{}">{}</select>\n'
        "  {}\n</div>",
        field_id,
        OOB if oob else "",
        field_id,
        field.label,
        field.html_name,
        field_id,
        select_options(field),
        _errors(field),
    )


@register.simple_tag
def select_options(field):
    """The ``<option>``s of the bound select ``field``, the chosen one marked ``selected``
    (Django's rule: the first option whose value is the field's). Grouped choices are listed
    flat."""
    chosen = set(field.field.widget.format_value(field.value()))
    options, marked = [], False
    for value, label in _flat(field.field.choices):
        value = "" if value is None else str(value)
        selected = not marked and value in chosen
        marked = marked or selected
        # Escaped as format_html would, without its checks per value: a select of fifty
        # departments is a hundred values, on every request of a list page.
        options.append(
            f'<option value="{_escape(value)}"{" selected" if selected else ""}>'
            f"{_escape(label)}</option>"
        )
    return mark_safe("".join(options))


@register.simple_tag
def checkbox_group(field, counts=None):
    """A fieldset of checkboxes for the bound multiple-choice ``field``; ``counts`` (a list of
    (value, label, count)) puts a count after each choice's label."""
    chosen = set(field.field.widget.format_value(field.value()))
    counted = {str(value): count for value, _label, count in counts or ()}
    boxes = []
    for index, (value, label) in enumerate(_flat(field.field.choices)):
        value = str(value)
        box_id = f"{field.auto_id}_{index}"
        count = (
            format_html(
                ' <span class="filter-count" id="{}_count">({})</span>', box_id, counted[value]
            )
            if value in counted
            else ""
        )
        boxes.append(
            (
                field.html_name,
                value,
                box_id,
                " checked" if value in chosen else "",
                box_id,
                label,
                count,
            )
        )
    return format_html(
        '<fieldset class="ds-fieldset filter-group">\n'
        '  <legend class="ds-label" data-weight="medium">{}</legend>\n{}\n  {}\n</fieldset>',
        field.label,
        format_html_join(
            "\n",
            '  <div class="ds-field">\n'
            '    <input class="ds-input" type="checkbox" name="{}" value="{}" id="{}"{}>\n'
            '    <label class="ds-label" data-weight="regular" for="{}">{}{}</label>\n'
            "  </div>",
            boxes,
        ),
        _errors(field),
    )


def _errors(field):
    return format_html_join(
        "",
        '<p class="ds-validation-message" data-color="danger">{}</p>',
        ((error,) for error in field.errors),
    )


def _escape(text):
    """``text`` escaped for HTML, as ``django.utils.html.escape`` does, unless it is marked
    safe already (as ``conditional_escape``)."""
    if hasattr(text, "__html__"):
        return text.__html__()
    return html.escape(str(text))


def _flat(choices):
    for value, label in choices:
        if isinstance(label, (list, tuple)):
            yield from _flat(label)
        else:
            yield value, label

from django import template

from reports.editions import can_save_edition

register = template.Library()


@register.filter
def may_save_edition(user, report):
    """``{% if request.user|may_save_edition:report %}``: show the "Lagre utgave" button."""
    return can_save_edition(user, report)

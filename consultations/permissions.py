"""Who may keep a plan's timeline and hearings, and moderate the input: one predicate per question.

Milestones, hearings and input belong to a plan, so every answer here comes from
``plans.permissions``: whoever may change a plan keeps its timeline and hearings and moderates
the input sent to them (README: "the plan's planners publish, hide or mark input as handled").
"""

from plans.permissions import can_change_plan, plans_changeable_by


def can_change_timeline(user, plan):
    """May the user add, edit and delete the milestones and hearings of ``plan``?"""
    return can_change_plan(user, plan)


def can_moderate_submissions(user, plan):
    """May the user read, publish, hide, mark as handled and anonymise input to the hearings
    of ``plan``, and download its attachments?"""
    return can_change_plan(user, plan)


def plans_moderated_by(user):
    """The plans whose hearing input the user moderates (``can_moderate_submissions`` as a
    query)."""
    return plans_changeable_by(user)

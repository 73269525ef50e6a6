"""Writes to the plan register: the one place the admin, the demo loader and the forms call."""

from django.db import transaction
from django.utils import timezone

from .models import Plan, PlanStatusChange


@transaction.atomic
def plan_save(*, plan, user=None, status_changed_on=None, status_note=""):
    """Validate and save ``plan``; a new plan or a new status is recorded in its history.

    Raises ValidationError (and saves nothing) if any rule of the plan is broken.
    """
    previous_status = (
        Plan.objects.filter(pk=plan.pk).values_list("status", flat=True).first()
        if plan.pk
        else None
    )
    plan.full_clean()
    plan.save()
    if plan.status != previous_status:
        PlanStatusChange.objects.create(
            plan=plan,
            status=plan.status,
            changed_on=status_changed_on or timezone.localdate(),
            note=status_note,
            recorded_by=user if user and user.is_authenticated else None,
        )
    return plan


def plan_change_status(*, plan, status, on=None, user=None, note=""):
    """Move ``plan`` to ``status`` as of the date ``on`` (today if not given)."""
    plan.status = status
    return plan_save(plan=plan, user=user, status_changed_on=on, status_note=note)

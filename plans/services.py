"""Writes to the plan register: the one place the admin, the demo loader and the forms call."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .history import changes_since, m2m_ids
from .models import (
    CouncilPeriod,
    Plan,
    PlanStatusChange,
    PrioritySdgChoice,
    validate_priority_sdgs,
)
from .models.plan import PLAN_HISTORY


class EditConflict(Exception):
    """Someone saved the plan after the version the editor started from."""

    def __init__(self, plan, base_version):
        super().__init__(f"{plan} changed after version {base_version}")
        self.current = Plan.objects.get(pk=plan.pk)
        self.base_version = base_version

    def changes(self):
        """[(field label, value then, value now)] for what the other save changed."""
        return changes_since(self.current, self.base_version)

    def changed_by(self):
        latest = self.current.history.select_related("history_user").first()
        return latest.history_user if latest else None


@transaction.atomic
def plan_save(
    *,
    plan,
    user=None,
    status_changed_on=None,
    status_note="",
    base_version=None,
    m2m=None,
):
    """Validate and save ``plan``; a new plan or a new status is recorded in its history.

    ``base_version`` is the version the editor started from: if another save came in between,
    EditConflict is raised and nothing is saved. ``m2m`` maps sdgs/themes/areas to new values.
    Raises ValidationError (and saves nothing) if any rule of the plan is broken.
    """
    previous_status = (
        Plan.objects.filter(pk=plan.pk).values_list("status", flat=True).first()
        if plan.pk
        else None
    )
    plan.full_clean()
    if plan.pk and base_version is not None:
        # Compare-and-set in the database: of two saves from the same version, one wins.
        claimed = Plan.objects.filter(pk=plan.pk, version=base_version).update(
            version=F("version") + 1
        )
        if not claimed:
            raise EditConflict(plan, base_version)
        plan.version = base_version + 1
    elif plan.pk:
        plan.version = (Plan.objects.filter(pk=plan.pk).values_list("version", flat=True)[0]) + 1
    if user is not None and user.is_authenticated:
        plan._history_user = user
    created = plan.pk is None
    # One history record per save, written once the many-to-many fields hold their new values.
    plan.skip_history_when_saving = True
    try:
        plan.save()
        for name, values in (m2m or {}).items():
            getattr(plan, name).set(values)
    finally:
        del plan.skip_history_when_saving
    PLAN_HISTORY.create_historical_record(plan, "+" if created else "~")
    if plan.status != previous_status:
        PlanStatusChange.objects.create(
            plan=plan,
            status=plan.status,
            changed_on=status_changed_on or timezone.localdate(),
            note=status_note,
            recorded_by=user if user is not None and user.is_authenticated else None,
        )
    return plan


def plan_change_status(*, plan, status, on=None, user=None, note="", m2m=None):
    """Move ``plan`` to ``status`` as of the date ``on`` (today if not given)."""
    plan.status = status
    return plan_save(plan=plan, user=user, status_changed_on=on, status_note=note, m2m=m2m)


def plan_set_published(*, plan, published, user, base_version=None):
    plan.is_published = published
    return plan_save(plan=plan, user=user, base_version=base_version)


def plan_restore(*, plan, record, user):
    """Bring back the fields of an earlier version ``record``; saved as a new version."""
    restored = record.instance
    restored._state.adding = False
    restored.pk = plan.pk
    restored.created_at = plan.created_at
    restored.version = plan.version
    m2m = {name: ids[record.history_id] for name, ids in m2m_ids([record]).items()}
    return plan_save(plan=restored, user=user, base_version=plan.version, m2m=m2m)


class PrioritySdgsConflict(Exception):
    """Someone saved the period's priority SDGs after the version the coordinator started from."""

    def __init__(self, period, base_version):
        super().__init__(f"{period} priority SDGs changed after version {base_version}")
        self.current = CouncilPeriod.objects.get(pk=period.pk)
        self.base_version = base_version

    def chosen_now(self):
        return list(self.current.priority_sdgs.all())

    def changed_by(self):
        latest = self.current.priority_sdg_choices.select_related("chosen_by").first()
        return latest.chosen_by if latest else None


@transaction.atomic
def priority_sdgs_save(*, period, sdgs, user=None, base_version=None):
    """Set the council period's priority SDGs to ``sdgs`` (two or three, or none) and log it.

    ``base_version`` is the ``priority_sdgs_version`` the coordinator started from: if another
    save came in between, PrioritySdgsConflict is raised and nothing is saved. Raises
    ValidationError (and saves nothing) for one SDG or more than three.
    """
    sdgs = list(sdgs)
    validate_priority_sdgs(sdgs)
    periods = CouncilPeriod.objects.filter(pk=period.pk)
    if base_version is not None:
        periods = periods.filter(priority_sdgs_version=base_version)
    # Compare-and-set in the database: of two saves from the same version, one wins.
    if not periods.update(priority_sdgs_version=F("priority_sdgs_version") + 1):
        raise PrioritySdgsConflict(period, base_version)
    period.priority_sdgs_version = CouncilPeriod.objects.values_list(
        "priority_sdgs_version", flat=True
    ).get(pk=period.pk)
    period.priority_sdgs.set(sdgs)
    PrioritySdgChoice.objects.create(
        council_period=period,
        sdg_numbers=sorted(sdg.number for sdg in sdgs),
        chosen_by=user if user is not None and user.is_authenticated else None,
    )
    return period

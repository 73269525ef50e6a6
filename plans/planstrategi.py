"""Writes of the planstrategi workbench: decisions per plan, new plan work, adopted totals.

Each write runs in one transaction and keeps history (``PlanstrategiDecision.history``,
``PlanstrategiAdoption.history``, and the plan's own history through ``plan_save``). A bulk save
is all or nothing: one bad row and no row is saved, with every row's problem reported.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .models import Plan, PlanStatus, PlanstrategiAdoption, PlanstrategiDecision
from .models.choices import PlanstrategiDecisionKind
from .services import plan_save

# The version a row had when the workbench was read, for a plan that had no decision then.
NO_DECISION = None


@dataclass(frozen=True)
class DecisionChoice:
    """One row of a save: the decision and note chosen for ``plan``, and the version of the
    plan's decision the coordinator saw (``NO_DECISION`` if there was none)."""

    plan: Plan
    decision: str
    note: str
    seen_version: int | None


class DecisionErrors(Exception):
    """Rows that could not be saved, as {plan id: [messages]}; nothing was saved."""

    def __init__(self, errors):
        super().__init__(f"{len(errors)} rows refused")
        self.errors = errors


def _conflict_message(current):
    if current is None:
        return _(
            "Beslutningen er fjernet av noen andre etter at du åpnet siden. Se over og lagre "
            "på nytt."
        )
    return _(
        "Noen andre endret beslutningen etter at du åpnet siden. Den er nå «%(decision)s». "
        "Se over og lagre på nytt."
    ) % {"decision": current.get_decision_display()}


def _set_user(row, user):
    if user is not None and user.is_authenticated:
        row._history_user = user


@transaction.atomic
def planstrategi_decisions_save(*, period, choices, user=None):
    """Save the decisions ``choices`` (DecisionChoice) for council period ``period``.

    Raises DecisionErrors, saving nothing, if any row breaks a rule, belongs to another
    municipality, or was changed by someone else since the coordinator read it. Rows whose
    decision and note are unchanged are left as they are. Returns the rows saved.
    """
    plan_ids = [choice.plan.pk for choice in choices]
    current = {
        row.plan_id: row
        for row in PlanstrategiDecision.objects.select_for_update().filter(
            council_period=period, plan_id__in=plan_ids
        )
    }
    errors, to_save = {}, []
    for choice in choices:
        row = current.get(choice.plan.pk)
        seen = row.version if row else NO_DECISION
        if seen != choice.seen_version:
            errors[choice.plan.pk] = [_conflict_message(row)]
            continue
        if choice.plan.municipality_id != period.municipality_id:
            errors[choice.plan.pk] = [_("Planen hører til en annen kommune enn valgperioden.")]
            continue
        if row and (row.decision, row.note) == (choice.decision, choice.note):
            continue
        row = row or PlanstrategiDecision(plan=choice.plan, council_period=period)
        row.decision, row.note = choice.decision, choice.note
        try:
            # The one-per-plan rule is the database's: a row someone else added after the read
            # above is a conflict, caught below.
            row.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors[choice.plan.pk] = error.messages
            continue
        to_save.append(row)
    if errors:
        raise DecisionErrors(errors)
    for row in to_save:
        _set_user(row, user)
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError:
            raise DecisionErrors(
                {row.plan_id: [_conflict_message(PlanstrategiDecision(decision=row.decision))]}
            ) from None
    return to_save


@transaction.atomic
def planstrategi_new_plan(*, period, title, plan_type, department, note="", user=None):
    """New plan work the strategy of ``period`` calls for: a planned, unpublished plan of the
    period with the decision "new". Raises ValidationError (saving nothing) on a broken rule."""
    plan = Plan(
        municipality=period.municipality,
        department=department,
        title=title,
        plan_type=plan_type,
        status=PlanStatus.PLANNED,
        council_period=period,
        is_published=False,
    )
    plan_save(plan=plan, user=user, status_note=_("Nytt planarbeid i planstrategien"))
    decision = PlanstrategiDecision(
        plan=plan, council_period=period, decision=PlanstrategiDecisionKind.NEW, note=note
    )
    decision.full_clean()
    _set_user(decision, user)
    decision.save()
    return plan


class AdoptionConflict(Exception):
    """Someone saved the period's adopted totals after the version the editor started from."""


@transaction.atomic
def planstrategi_adoption_save(*, adoption, base_version, user=None):
    """Validate and save the adopted totals ``adoption``.

    ``base_version`` is the version the editor started from (None if there were no totals
    then): if someone saved the period's totals since, AdoptionConflict is raised and nothing
    is saved. Raises ValidationError on a broken rule.
    """
    stored = (
        PlanstrategiAdoption.objects.select_for_update()
        .filter(council_period_id=adoption.council_period_id)
        .values_list("version", flat=True)
        .first()
    )
    if stored != base_version:
        raise AdoptionConflict
    adoption.full_clean(validate_unique=False)
    _set_user(adoption, user)
    try:
        with transaction.atomic():
            adoption.save()
    except IntegrityError:
        # Another coordinator recorded the first totals of the period at the same moment.
        raise AdoptionConflict from None
    return adoption

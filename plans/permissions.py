"""Who may read and change which plans: one predicate per question.

Views, templates (through ``plans.templatetags.plan_tags``) and later the API all ask here.
Roles come from ``Membership`` rows: a planner changes the plans of their departments (drafts
and published plans alike) and creates drafts there, a coordinator changes every plan of the
municipality and is the one who publishes (DESIGN.md: "runs the planstrategi, publishes"), a
politician reads internal notes and drafts shared with politicians; an active superuser is the
administrator and may do everything.
"""

from dataclasses import dataclass

from django.db.models import Q

from .models import Department, Membership, Municipality, Plan, Role


@dataclass(frozen=True)
class Access:
    """What one user's memberships give, read once per request."""

    is_admin: bool
    planner_departments: frozenset
    coordinator_municipalities: frozenset
    politician_municipalities: frozenset

    @property
    def is_staff_member(self):
        return bool(
            self.is_admin
            or self.planner_departments
            or self.coordinator_municipalities
            or self.politician_municipalities
        )


def access_for(user):
    """The user's access, cached on the user object for the rest of the request."""
    if not user.is_authenticated or not user.is_active:
        return Access(False, frozenset(), frozenset(), frozenset())
    cached = getattr(user, "_planportal_access", None)
    if cached is None:
        rows = Membership.objects.of(user).values_list(
            "role", "department_id", "department__municipality_id"
        )
        by_role = {role: [] for role in Role.values}
        for role, department_id, municipality_id in rows:
            by_role[role].append((department_id, municipality_id))
        cached = Access(
            is_admin=user.is_superuser,
            planner_departments=frozenset(d for d, _m in by_role[Role.PLANNER]),
            coordinator_municipalities=frozenset(m for _d, m in by_role[Role.COORDINATOR]),
            politician_municipalities=frozenset(m for _d, m in by_role[Role.POLITICIAN]),
        )
        user._planportal_access = cached
    return cached


def _changeable_condition(access):
    return Q(department_id__in=access.planner_departments) | Q(
        municipality_id__in=access.coordinator_municipalities
    )


def plans_changeable_by(user):
    access = access_for(user)
    if access.is_admin:
        return Plan.objects.all()
    return Plan.objects.filter(_changeable_condition(access))


def plans_readable_by(user):
    """Published plans, plus the drafts the user works on or may read as a politician."""
    access = access_for(user)
    if access.is_admin:
        return Plan.objects.all()
    shared = Q(shared_with_politicians=True, municipality_id__in=access.politician_municipalities)
    return Plan.objects.filter(Q(is_published=True) | _changeable_condition(access) | shared)


def can_change_plan(user, plan):
    access = access_for(user)
    return (
        access.is_admin
        or plan.department_id in access.planner_departments
        or plan.municipality_id in access.coordinator_municipalities
    )


def can_read_internal_notes(user, plan):
    access = access_for(user)
    return can_change_plan(user, plan) or plan.municipality_id in access.politician_municipalities


def _coordinates(access, plan):
    return access.is_admin or plan.municipality_id in access.coordinator_municipalities


def can_restore_plan_version(user, plan):
    return _coordinates(access_for(user), plan)


def can_publish_plan(user, plan):
    """May the user publish or unpublish ``plan``?

    Publishing is the plan coordinator's act for the whole municipality (DESIGN.md), so a draft
    a planner writes is seen by one person beside its department before the public sees it.
    """
    return _coordinates(access_for(user), plan)


def plans_publishable_by(user):
    """The plans the user may publish or unpublish (``can_publish_plan`` as a query)."""
    access = access_for(user)
    if access.is_admin:
        return Plan.objects.all()
    return Plan.objects.filter(municipality_id__in=access.coordinator_municipalities)


def departments_for_new_plans(user):
    """The departments the user may create plans in."""
    access = access_for(user)
    departments = Department.objects.select_related("municipality")
    if access.is_admin:
        return departments
    return departments.filter(
        Q(id__in=access.planner_departments)
        | Q(municipality_id__in=access.coordinator_municipalities)
    )


def coordinated_municipalities(user):
    """The ids of the municipalities whose plans the user coordinates (all for an admin)."""
    access = access_for(user)
    if access.is_admin:
        return list(Municipality.objects.values_list("pk", flat=True))
    return sorted(access.coordinator_municipalities)


def can_use_workspace(user):
    return access_for(user).is_staff_member


def is_only_politician(user):
    """Is the user a politician and nothing else (no plans to edit, no administration)?"""
    access = access_for(user)
    return bool(
        access.politician_municipalities
        and not (access.is_admin or access.planner_departments or access.coordinator_municipalities)
    )


def can_coordinate(user, municipality_id):
    """May the user run the planstrategi of the municipality ``municipality_id``, and enter
    its council's priority SDGs? Its plan coordinators (DESIGN.md) and the administrator."""
    access = access_for(user)
    return access.is_admin or municipality_id in access.coordinator_municipalities

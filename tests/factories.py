import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from consultations.services import consultation_save, milestone_save
from hierarchy.services import node_save
from plans.models import (
    Area,
    CouncilPeriod,
    Department,
    Municipality,
    Plan,
    PlanStatus,
    PlanType,
    Theme,
)
from plans.services import plan_save


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["number"]

    name = factory.Sequence(lambda n: f"Testkommune {n}")
    # Four digits (PostgreSQL holds it to that) however many municipalities a test run makes.
    number = factory.Sequence(lambda n: f"{9000 + n % 1000:04d}")
    slug = factory.Sequence(lambda n: f"testkommune-{n}")


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Avdeling {n}")
    short_name = factory.Sequence(lambda n: f"AVD{n}")
    slug = factory.Sequence(lambda n: f"avdeling-{n}")


class CouncilPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilPeriod

    municipality = factory.SubFactory(MunicipalityFactory)
    first_year = factory.Sequence(lambda n: 2023 + 4 * n)
    last_year = factory.LazyAttribute(lambda period: period.first_year + 4)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Bydel {n}")
    kind = Area.Kind.DISTRICT
    slug = factory.Sequence(lambda n: f"bydel-{n}")


class PlanFactory(factory.django.DjangoModelFactory):
    """A published temaplan in force; pass ``department`` to choose the municipality."""

    class Meta:
        model = Plan

    department = factory.SubFactory(DepartmentFactory)
    municipality = factory.LazyAttribute(lambda plan: plan.department.municipality)
    title = factory.Sequence(lambda n: f"Temaplan nummer {n}")
    plan_type = PlanType.TEMAPLAN
    status = PlanStatus.ADOPTED
    summary = "En plan for testene."
    is_published = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Through the service, as the workspace saves it: rules checked, history recorded.
        return plan_save(plan=model_class(*args, **kwargs))


class UncheckedPlanFactory(PlanFactory):
    """Saved straight to the database, past the plan's rules: for data no user can make."""

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return super(PlanFactory, cls)._create(model_class, *args, **kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"bruker{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")


def bulk_create_plans(department, count, start=0):
    """``count`` published temaplaner of ``department``, in one query, statuses spread evenly."""
    statuses = PlanStatus.values
    Plan.objects.bulk_create(
        Plan(
            title=f"Generert plan {number:05d}",
            slug=f"generert-plan-{number}",
            summary="Generert for ytelsesmåling av planoversikten.",
            municipality=department.municipality,
            department=department,
            plan_type=PlanType.TEMAPLAN,
            status=statuses[number % len(statuses)],
            valid_from=2020 + number % 8,
            is_published=True,
        )
        for number in range(start, start + count)
    )


class GoalNodeFactory(factory.django.DjangoModelFactory):
    """A node of the goal tree; give ``plan`` and ``parent`` (and ``kind`` if not a goal)."""

    class Meta:
        model = "hierarchy.GoalNode"

    kind = "goal"
    title = factory.Sequence(lambda n: f"Mål {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Through the service, so the goal tree's rules hold as in the editor.
        return node_save(node=model_class(*args, **kwargs))


class UncheckedGoalNodeFactory(GoalNodeFactory):
    """Saved straight to the database, past the goal tree's rules: for trees no user can make."""

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return super(GoalNodeFactory, cls)._create(model_class, *args, **kwargs)


class MilestoneFactory(factory.django.DjangoModelFactory):
    """A milestone planned on one day a month from today; give ``plan``."""

    class Meta:
        model = "consultations.Milestone"

    kind = "other"
    title = factory.Sequence(lambda n: f"Milepæl {n}")
    planned_start = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    planned_end = factory.LazyAttribute(lambda milestone: milestone.planned_start)
    precision = "day"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return milestone_save(milestone=model_class(*args, **kwargs))


class UncheckedMilestoneFactory(MilestoneFactory):
    """Saved straight to the database, past the milestone's rules."""

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return super(MilestoneFactory, cls)._create(model_class, *args, **kwargs)


class ConsultationFactory(factory.django.DjangoModelFactory):
    """A six-week 'other' hearing starting in a week; give ``plan`` (and dates as needed)."""

    class Meta:
        model = "consultations.Consultation"

    kind = "other"
    title = factory.Sequence(lambda n: f"Høring {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    deadline = factory.LazyAttribute(
        lambda consultation: consultation.starts_on + datetime.timedelta(days=42)
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Through the service, so the legal minimum periods are checked as in the workspace.
        return consultation_save(consultation=model_class(*args, **kwargs))


class UncheckedConsultationFactory(ConsultationFactory):
    """Saved straight to the database, past the hearing's rules: for hearings no user can make."""

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return super(ConsultationFactory, cls)._create(model_class, *args, **kwargs)


class SubmissionFactory(factory.django.DjangoModelFactory):
    """Input to a hearing as stored, in any state and at any time; give ``consultation``.

    Not through ``submission_receive``: that takes input only while the hearing is open and
    from a client under the rate limit, and moderation and retention tests need input to
    closed hearings. Tests of taking input post the form or call the service.
    """

    class Meta:
        model = "consultations.Submission"

    name = factory.Sequence(lambda n: f"Innsender {n}")
    email = factory.Sequence(lambda n: f"innsender{n}@example.no")
    text = "Et innspill til planen."

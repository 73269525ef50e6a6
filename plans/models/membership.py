from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .organisation import Department


class Role(models.TextChoices):
    PLANNER = "planner", _("Planlegger")
    COORDINATOR = "coordinator", _("Plankoordinator")
    POLITICIAN = "politician", _("Politiker")


class MembershipQuerySet(models.QuerySet):
    def of(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)


class Membership(models.Model):
    """A user's role in a department; it decides which plans the user may read and change.

    A planner edits the plans of the department. A coordinator edits every plan of the
    department's municipality. A politician reads the internal notes and the drafts shared with
    politicians in the municipality, and changes nothing.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("bruker"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("avdeling"),
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["department__municipality__name", "department__name", "user__username"]
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "department"],
                name="membership_one_role_per_department",
                violation_error_message=_("Brukeren har allerede en rolle i denne avdelingen."),
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}, {self.department}"

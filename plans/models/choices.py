from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PlanType(models.TextChoices):
    """Bergen's 2019 rule for thematic plans, plus KPS, planstrategi and HØP."""

    KPS = "kps", _("Kommuneplanens samfunnsdel")
    PLANSTRATEGI = "planstrategi", _("Kommunal planstrategi")
    MELDING = "melding", _("Melding")
    STRATEGI = "strategi", pgettext_lazy("plantype", "Strategi")
    TEMAPLAN = "temaplan", _("Temaplan")
    HANDLINGSPLAN = "handlingsplan", _("Handlingsplan")
    HOP = "hop", _("Handlings- og økonomiplan")


class PlanStatus(models.TextChoices):
    """The status of the plan work, in process order."""

    PLANNED = "planned", _("Planlagt")
    STARTED = "started", _("Oppstartet")
    DRAFTING = "drafting", _("Under utarbeiding")
    HEARING = "hearing", _("På høring")
    POLITICAL = "political", _("Til politisk behandling")
    ADOPTED = "adopted", _("Vedtatt")
    REVISING = "revising", _("Under revisjon")
    EXPIRED = "expired", _("Utgått")

    @classmethod
    def in_force(cls):
        """Adopted and still valid; a plan under revision stays in force."""
        return [cls.ADOPTED, cls.REVISING]

    @classmethod
    def in_process(cls):
        """Plan work going on: what /fremdrift/ and the politicians follow."""
        return [cls.STARTED, cls.DRAFTING, cls.HEARING, cls.POLITICAL, cls.REVISING]

    @classmethod
    def rank(cls, value):
        return cls.values.index(value)


class AdoptingBody(models.TextChoices):
    BYSTYRET = "bystyret", _("Bystyret")
    KOMMUNESTYRET = "kommunestyret", _("Kommunestyret")
    BYRADET = "byradet", _("Byrådet")
    FORMANNSKAPET = "formannskapet", _("Formannskapet")
    UTVALG = "utvalg", _("Politisk utvalg")


class PlanstrategiDecisionKind(models.TextChoices):
    CONTINUE = "continue", _("Videreføres uten endringer")
    REVISE = "revise", _("Revideres/rulleres")
    EXPIRE = "expire", _("Utgår")
    NEW = "new", _("Nytt planarbeid")

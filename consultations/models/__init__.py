from .consultation import (
    Consultation,
    ConsultationDocument,
    ConsultationKind,
    ConsultationQuerySet,
    ConsultationState,
)
from .milestone import Milestone, MilestoneKind
from .policy import ConsultationPolicy
from .submission import Submission, SubmissionState

__all__ = [
    "Consultation",
    "ConsultationDocument",
    "ConsultationKind",
    "ConsultationPolicy",
    "ConsultationQuerySet",
    "ConsultationState",
    "Milestone",
    "MilestoneKind",
    "Submission",
    "SubmissionState",
]

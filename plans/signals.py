"""Hooks through which apps that build on plans take part in the plans' own rules.

``plans`` depends on no other app, so an app that keeps data per plan (the goal tree) tells
here why a change to a plan would break that data.
"""

from django.dispatch import Signal

# Sent from Plan.clean() when a stored plan's type changes, with ``plan`` (the new type is
# plan.plan_type). A receiver returns a list of problems, in Norwegian; empty when all is well.
plan_type_changing = Signal()

# Sent when a query needs the status the public sees of plans (PlanQuerySet.with_public_status).
# A receiver returns a query expression on Plan giving that status, or None. The consultations
# app answers (an open hearing puts a plan "på høring"); plans cannot ask it directly, since
# plans reads no other app. Without an answer the public sees the stored status.
plan_public_status = Signal()

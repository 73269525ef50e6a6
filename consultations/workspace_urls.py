from django.urls import path

from . import workspace_views as views

app_name = "timeline-workspace"

urlpatterns = [
    path("planer/<slug:slug>/fremdrift/", views.plan_timeline, name="plan-timeline"),
    path("planer/<slug:slug>/milepaeler/ny/", views.milestone_create, name="milestone-create"),
    path("milepaeler/<int:pk>/", views.milestone_edit, name="milestone-edit"),
    path("milepaeler/<int:pk>/slett/", views.milestone_delete, name="milestone-delete"),
    path("planer/<slug:slug>/horinger/ny/", views.consultation_create, name="consultation-create"),
    path("horinger/<int:pk>/", views.consultation_edit, name="consultation-edit"),
    path("horinger/<int:pk>/slett/", views.consultation_delete, name="consultation-delete"),
    path("horinger/<int:pk>/innspill/", views.consultation_submissions, name="submissions"),
    path("innspill/", views.moderation, name="moderation"),
    path(
        "innspill/<int:pk>/publiser/",
        views.submission_moderate,
        {"action": "publish"},
        name="submission-publish",
    ),
    path(
        "innspill/<int:pk>/skjul/",
        views.submission_moderate,
        {"action": "hide"},
        name="submission-hide",
    ),
    path(
        "innspill/<int:pk>/behandlet/",
        views.submission_moderate,
        {"action": "handled"},
        name="submission-handled",
    ),
    path("innspill/<int:pk>/anonymiser/", views.submission_anonymise, name="submission-anonymise"),
    path("innspill/<int:pk>/vedlegg/", views.submission_attachment, name="submission-attachment"),
]

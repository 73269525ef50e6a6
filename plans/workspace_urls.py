from django.urls import path

from . import workspace_views as views

app_name = "workspace"

urlpatterns = [
    path("", views.workspace_home, name="home"),
    path("planer/ny/", views.plan_create, name="plan-create"),
    path("planer/<slug:slug>/", views.plan_edit, name="plan-edit"),
    path(
        "planer/<slug:slug>/publiser/", views.plan_publish, {"publish": True}, name="plan-publish"
    ),
    path(
        "planer/<slug:slug>/avpubliser/",
        views.plan_publish,
        {"publish": False},
        name="plan-unpublish",
    ),
    path("planer/<slug:slug>/historikk/", views.plan_history, name="plan-history"),
    path(
        "planer/<slug:slug>/historikk/<int:history_id>/gjenopprett/",
        views.plan_restore_version,
        name="plan-restore",
    ),
]

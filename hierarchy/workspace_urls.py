from django.urls import path

from . import import_views
from . import workspace_views as views

app_name = "goal-workspace"

urlpatterns = [
    path("plan/<slug:slug>/", views.plan_goals, name="plan-goals"),
    path("plan/<slug:slug>/velg-overordnet/", views.parent_picker, name="parent-picker"),
    path("plan/<slug:slug>/ny/", views.node_create, name="node-create"),
    path("<int:pk>/rediger/", views.node_edit, name="node-edit"),
    path("<int:pk>/flytt-opp/", views.node_reorder, {"direction": -1}, name="node-move-up"),
    path("<int:pk>/flytt-ned/", views.node_reorder, {"direction": 1}, name="node-move-down"),
    path("<int:pk>/flytt/", views.node_move_picker, name="node-move"),
    path("<int:pk>/slett/", views.node_delete_confirm, name="node-delete"),
    path("<int:pk>/rapporter/", views.measure_report, name="measure-report"),
    path("import/", import_views.goal_import_page, name="goal-import"),
    path("import/bekreft/", import_views.goal_import_confirm, name="goal-import-confirm"),
    path("import/mal.csv", import_views.goal_import_template, {"fmt": "csv"}, name="import-csv"),
    path("import/mal.xlsx", import_views.goal_import_template, {"fmt": "xlsx"}, name="import-xlsx"),
]

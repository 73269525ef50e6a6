from django.urls import path

from . import views

app_name = "hierarchy"

urlpatterns = [
    path("", views.tree, name="tree"),
    path("dekning/", views.coverage, name="coverage"),
    path("oppfolging/", views.follow_up, name="follow-up"),
    path("<int:pk>/", views.node_detail, name="node-detail"),
    path("<int:pk>/grener/", views.branch, name="branch"),
    path(
        "regneark/<slug:slug>.csv", views.tree_spreadsheet, {"fmt": "csv"}, name="spreadsheet-csv"
    ),
    path(
        "regneark/<slug:slug>.xlsx",
        views.tree_spreadsheet,
        {"fmt": "xlsx"},
        name="spreadsheet-xlsx",
    ),
]

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from consultations import feeds as consultation_feeds
from consultations import views as consultation_views
from plans import import_views as plan_import
from plans import planstrategi_views as planstrategi
from plans import priority_views as plan_priorities
from plans import views as plan_views
from plans import workspace_views as plan_workspace
from reports import views as report_views

from . import area_views, legal_views, overview, views, workspace_views
from .api.urls import urlpatterns as api_patterns
from .page_cache import cached_for_anonymous

# The plan page shows the plan's goals and timeline, so its view is composed here, above the
# apps; the overview and the page keep their names in the plans namespace.
plan_pages = (
    [
        path("", plan_views.plan_list, name="plan-list"),
        path(
            "regneark.csv", plan_views.plan_list_spreadsheet, {"fmt": "csv"}, name="plan-list-csv"
        ),
        path(
            "regneark.xlsx",
            plan_views.plan_list_spreadsheet,
            {"fmt": "xlsx"},
            name="plan-list-xlsx",
        ),
        path("<slug:slug>/", views.plan_detail, name="plan-detail"),
        path(
            "<slug:slug>/rapport/",
            cached_for_anonymous(report_views.plan_report),
            {"fmt": "html"},
            name="report",
        ),
        path(
            "<slug:slug>/rapport.pdf", report_views.plan_report, {"fmt": "pdf"}, name="report-pdf"
        ),
    ],
    "plans",
)

# The workspace home and the edit page show the plans' timelines and goals, so they are composed
# here too; every route keeps its name in the workspace namespace. "planer/ny/" stays before
# "planer/<slug>/", which would otherwise take it.
workspace_pages = (
    [
        path("", workspace_views.workspace_home, name="home"),
        path("planer/ny/", plan_workspace.plan_create, name="plan-create"),
        path("planer/<slug:slug>/", workspace_views.plan_edit, name="plan-edit"),
        path(
            "planer/<slug:slug>/publiser/",
            plan_workspace.plan_publish,
            {"publish": True},
            name="plan-publish",
        ),
        path(
            "planer/<slug:slug>/avpubliser/",
            plan_workspace.plan_publish,
            {"publish": False},
            name="plan-unpublish",
        ),
        path("baerekraftsmal/", plan_priorities.priority_sdgs, name="priority-sdgs"),
        path("importer-planer/", plan_import.plan_import, name="plan-import"),
        path(
            "importer-planer/bekreft/", plan_import.plan_import_confirm, name="plan-import-confirm"
        ),
        path(
            "importer-planer/mal.csv",
            plan_import.plan_import_template,
            {"fmt": "csv"},
            name="plan-import-template-csv",
        ),
        path(
            "importer-planer/mal.xlsx",
            plan_import.plan_import_template,
            {"fmt": "xlsx"},
            name="plan-import-template-xlsx",
        ),
        path("planer/<slug:slug>/historikk/", plan_workspace.plan_history, name="plan-history"),
        path(
            "planer/<slug:slug>/historikk/<int:history_id>/gjenopprett/",
            plan_workspace.plan_restore_version,
            name="plan-restore",
        ),
        path("planstrategi/", planstrategi.workbench_index, name="planstrategi-index"),
        path("planstrategi/<int:pk>/", planstrategi.workbench, name="planstrategi"),
    ],
    "workspace",
)

urlpatterns = [
    path("", views.home, name="home"),
    path("helse/", views.health, name="health"),
    path("planer/<slug:slug>/kalender.ics", consultation_feeds.plan_calendar, name="plan-calendar"),
    path("planer/", include(plan_pages)),
    path("horinger/", include("consultations.urls")),
    path("tilgjengelighet/", legal_views.accessibility_statement, name="accessibility"),
    path("personvern/", legal_views.privacy_notice, name="privacy"),
    path("planstrategi/", planstrategi.planstrategi_index, name="planstrategi-index"),
    path(
        "planstrategi/<int:first_year>-<int:last_year>/",
        planstrategi.planstrategi_page,
        name="planstrategi",
    ),
    path("fremdrift/", consultation_views.progress, name="progress"),
    path("fremdrift/regneark.csv", consultation_views.progress_csv, name="progress-csv"),
    path("oversikt/", overview.overview, name="overview"),
    path("omrader/", area_views.area_list, name="area-list"),
    path("omrader/<slug:slug>/", area_views.area_detail, name="area-detail"),
    path("mal/", include("hierarchy.urls")),
    path("rapporter/", include("reports.urls")),
    path("arbeidsflate/", include(workspace_pages)),
    path("arbeidsflate/mal/", include("hierarchy.workspace_urls")),
    path("arbeidsflate/", include("consultations.workspace_urls")),
    path(
        "logg-inn/",
        views.SignInView.as_view(),
        name="login",
    ),
    path("logg-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("sprak/", views.choose_language, name="choose-language"),
    path("robots.txt", views.robots, name="robots"),
    path("admin/", admin.site.urls),
    *api_patterns,
]

from django.urls import path

from planportal.page_cache import cached_for_anonymous

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.report_index, name="index"),
    path("portefolje/", cached_for_anonymous(views.portfolio), {"fmt": "html"}, name="portfolio"),
    path("portefolje.pdf", views.portfolio, {"fmt": "pdf"}, name="portfolio-pdf"),
    path("rod-trad/", cached_for_anonymous(views.red_thread), {"fmt": "html"}, name="red-thread"),
    path("rod-trad.pdf", views.red_thread, {"fmt": "pdf"}, name="red-thread-pdf"),
    path(
        "planstrategi/<int:first_year>-<int:last_year>/",
        cached_for_anonymous(views.planstrategi),
        {"fmt": "html"},
        name="planstrategi",
    ),
    path(
        "planstrategi/<int:first_year>-<int:last_year>.pdf",
        views.planstrategi,
        {"fmt": "pdf"},
        name="planstrategi-pdf",
    ),
    path("utgaver/", views.edition_list, name="editions"),
    path("utgaver/lagre/", views.edition_save, name="edition-save"),
    path("utgaver/<int:pk>/", views.edition_detail, name="edition"),
    path("utgaver/<int:pk>.pdf", views.edition_pdf, name="edition-pdf"),
]

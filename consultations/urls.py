from django.urls import path

from planportal.page_cache import cached_for_anonymous

from . import feeds, views

app_name = "consultations"

urlpatterns = [
    path("", views.consultation_list, name="list"),
    path("regneark.csv", views.consultation_list_csv, name="list-csv"),
    path("kalender.ics", feeds.calendar, name="calendar"),
    path("nye.atom", cached_for_anonymous(feeds.NewConsultationsFeed()), name="atom"),
    path("<int:pk>/", views.consultation_detail, name="detail"),
    path("<int:pk>/kvittering/", views.submission_receipt, name="receipt"),
]

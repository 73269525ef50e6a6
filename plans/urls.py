from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="plan-list"),
    path("<slug:slug>/", views.plan_detail, name="plan-detail"),
]

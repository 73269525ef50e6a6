app_name = "hierarchy"

urlpatterns: list = []

app_name = "goal-workspace"

urlpatterns: list = []

"""Public URLs of this app, mounted at the site root before Wagtail's pages."""

urlpatterns: list = []

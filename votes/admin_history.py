"""« Bulletins remplacés » in the admin: the ballots that gave way when communes merged.

Read-only: the import of the official list writes them (``votes.services.merges``),
staff read who had voted for what before the later ballot of the new commune won.
"""

from django.urls import path
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ReplacedBallot


class ReplacedBallotIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("campaign", "collectivite", "cast_for")


class ReplacedBallotViewSet(ModelViewSet):
    model = ReplacedBallot
    name = "vote_replaced_ballots"
    url_prefix = "votes/bulletins-remplaces"
    icon = "history"
    menu_label = "Bulletins remplacés"
    index_view_class = ReplacedBallotIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "cast_for",
        "collectivite",
        "campaign",
        "themes",
        "voter_name",
        DateColumn("updated_at", label="Dernier vote le"),
        DateColumn("replaced_at", label="Remplacé le"),
    ]
    list_filter = ["campaign"]
    search_fields = ["cast_for__name", "collectivite__name", "voter_name"]
    ordering = ["-replaced_at"]

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{self.pk_path_converter}:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        return {
            **super().get_common_view_kwargs(**kwargs),
            "add_url_name": None,
            "edit_url_name": None,
            "delete_url_name": None,
            "history_url_name": None,
            "usage_url_name": None,
        }

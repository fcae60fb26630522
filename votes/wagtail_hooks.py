"""The votes in the Wagtail admin (menu « Votes ») and on the home page."""

from django.contrib.admin.utils import quote
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import Button, HeaderButton

from collectivites.account_sections import ACCOUNT_SECTION_HOOK, AccountSection
from core.dashboard import PENDING_WORK_HOOK, PendingWork
from core.home import HOME_SECTION_HOOK, HomeSection
from core.search import SEARCH_GROUP_HOOK, SearchGroup, page_search

from . import admin_views, demo, selectors, views
from .admin_history import ReplacedBallotViewSet
from .models import (
    Ballot,
    Campaign,
    Candidate,
    ProjectRegistration,
    SharedProjectPage,
    ThemeProposal,
)
from .selectors.account import (
    ballot_list_of_collectivite,
    campaign_open_without_ballot,
    registration_list_of_collectivite,
)
from .services.errors import paris_datetime

# --- Campaigns -------------------------------------------------------------------------


def _close_url(campaign) -> str:
    return reverse("vote_campaigns:close", args=[quote(campaign.pk)])


class CampaignIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.is_published and self.user_has_permission("change"):
            buttons.append(
                Button(
                    admin_views.CLOSE_ACTION_LABEL,
                    url=_close_url(instance),
                    icon_name="tasks",
                    priority=15,
                )
            )
        return buttons


class CampaignEditView(generic.EditView):
    @property
    def header_buttons(self):
        if not self.object.is_published:
            return []
        return [
            HeaderButton(
                admin_views.CLOSE_ACTION_LABEL, url=_close_url(self.object), icon_name="tasks"
            )
        ]


class CampaignViewSet(ModelViewSet):
    model = Campaign
    name = "vote_campaigns"
    url_prefix = "votes/campagnes"
    icon = "tasks"
    menu_label = "Campagnes"
    index_view_class = CampaignIndexView
    edit_view_class = CampaignEditView
    copy_view_enabled = False
    list_display = [
        "title",
        Column("status", label="Statut", accessor="get_status_display"),
        Column("opens_at", label="Ouverture", accessor=lambda c: paris_datetime(c.opens_at)),
        Column("closes_at", label="Clôture", accessor=lambda c: paris_datetime(c.closing_time)),
        "max_choices",
    ]
    list_filter = ["is_published"]
    search_fields = ["title", "description"]
    ordering = ["-opens_at"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("close/<int:pk>/", admin_views.CloseCampaignView.as_view(), name="close"),
        ]


# --- Candidate themes and proposals ----------------------------------------------------


class CandidateViewSet(ModelViewSet):
    model = Candidate
    name = "vote_candidates"
    url_prefix = "votes/themes"
    icon = "list-ul"
    menu_label = "Thèmes candidats"
    delete_view_class = admin_views.CandidateDeleteView
    copy_view_enabled = False
    list_display = ["title", "campaign", "status", "sort_order", "theme_page"]
    list_filter = ["campaign", "status"]
    search_fields = ["title", "description"]
    ordering = ["campaign", "sort_order", "title"]


class ThemeProposalViewSet(ModelViewSet):
    model = ThemeProposal
    name = "vote_proposals"
    url_prefix = "votes/propositions"
    icon = "help"
    menu_label = "Propositions à modérer"
    copy_view_enabled = False
    index_view_class = admin_views.ProposalIndexView
    edit_view_class = admin_views.ProposalEditView
    list_display = [
        "title",
        "campaign",
        "proposer_collectivite",
        "proposer_name",
        "status",
        DateColumn("created_at", label="Proposé le"),
    ]
    list_filter = ["status", "campaign"]
    search_fields = ["title", "description", "proposer_name"]
    ordering = ["-created_at"]
    edit_handler = ObjectList(
        [
            admin_views.ProposalFactsPanel(heading="La proposition"),
            FieldPanel("title"),
            FieldPanel("description"),
            FieldPanel("theme_page"),
            FieldPanel("decision"),
            FieldPanel("reason"),
        ],
        base_form_class=admin_views.ProposalModerationForm,
    )

    def get_urlpatterns(self):
        # Proposals come from the collectivités: no « add » here.
        return [p for p in super().get_urlpatterns() if p.name != "add"]

    def get_common_view_kwargs(self, **kwargs):
        return {**super().get_common_view_kwargs(**kwargs), "add_url_name": None}


def read_only_urlpatterns(viewset: ModelViewSet) -> list:
    return [
        path("", viewset.index_view, name="index"),
        path("results/", viewset.index_results_view, name="index_results"),
        path(f"inspect/<{viewset.pk_path_converter}:pk>/", viewset.inspect_view, name="inspect"),
    ]


# --- Ballots (read-only) ---------------------------------------------------------------


class BallotViewSet(ModelViewSet):
    model = Ballot
    name = "vote_ballots"
    url_prefix = "votes/bulletins"
    icon = "doc-full"
    menu_label = "Bulletins"
    index_view_class = admin_views.BallotIndexView
    inspect_view_class = admin_views.BallotInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "collectivite",
        "campaign",
        "voter_name",
        DateColumn("updated_at", label="Dernier vote le"),
    ]
    list_filter = ["campaign"]
    search_fields = ["collectivite__name", "voter_name"]
    ordering = ["-updated_at"]

    def get_urlpatterns(self):
        # Ballots are cast by the collectivités only: staff read them.
        return read_only_urlpatterns(self)

    def get_common_view_kwargs(self, **kwargs):
        return {
            **super().get_common_view_kwargs(**kwargs),
            "add_url_name": None,
            "edit_url_name": None,
            "delete_url_name": None,
            "history_url_name": None,
            "usage_url_name": None,
        }


# --- Registrations to the projets partagés ---------------------------------------------


class RegistrationViewSet(ModelViewSet):
    model = ProjectRegistration
    name = "vote_registrations"
    url_prefix = "votes/inscriptions"
    icon = "group"
    menu_label = "Inscriptions aux projets partagés"
    index_view_class = admin_views.RegistrationIndexView
    delete_view_class = admin_views.RegistrationDeleteView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "collectivite",
        "project",
        "role",
        "status",
        "slot",
        "registered_by_name",
        DateColumn("created_at", label="Inscrite le"),
    ]
    list_filter = ["project", "role", "status"]
    search_fields = ["collectivite__name", "registered_by_name"]
    ordering = ["project", "role", "status", "created_at"]

    def get_urlpatterns(self):
        # Registrations go through the public page (places, waiting list); staff may
        # read them and remove one, which moves the waiting list up.
        return [
            *read_only_urlpatterns(self),
            path(f"delete/<{self.pk_path_converter}:pk>/", self.delete_view, name="delete"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        return {
            **super().get_common_view_kwargs(**kwargs),
            "add_url_name": None,
            "edit_url_name": None,
            "history_url_name": None,
            "usage_url_name": None,
        }


class VotesViewSetGroup(ModelViewSetGroup):
    menu_label = "Votes"
    menu_icon = "tasks"
    menu_name = "votes"
    menu_order = 300
    items = (
        CampaignViewSet,
        CandidateViewSet,
        ThemeProposalViewSet,
        BallotViewSet,
        ReplacedBallotViewSet,
        RegistrationViewSet,
    )


@hooks.register("register_admin_viewset")
def register_votes_viewsets():
    return VotesViewSetGroup()


# --- Home page -------------------------------------------------------------------------


@hooks.register(HOME_SECTION_HOOK)
def vote_section(*, request, home_page):
    """« Votez pour une thématique » with the live tallies, while a campaign is open."""
    summary = selectors.campaign_home_summary()
    campaign = summary["campaign"]
    if campaign is None:
        return None
    return HomeSection(
        template="votes/home/vote.html",
        order=40,
        context={
            "campaign": campaign,
            "chart": selectors.tally_chart_rows(tallies=summary["tallies"]),
            "ballot_url": reverse("votes:ballot", kwargs={"slug": campaign.slug}),
        },
    )


@hooks.register(HOME_SECTION_HOOK)
def shared_project_call_section(*, request, home_page):
    """The last closed vote's results and its projet partagé's call, until its places of
    partie prenante are filled."""
    call = selectors.campaign_home_summary().get("project_call")
    if call is None:
        return None
    return HomeSection(template="votes/home/shared_project_call.html", order=41, context=call)


# --- Projets partagés -------------------------------------------------------------------


@hooks.register("on_serve_page", order=100)  # inside Wagtail's privacy check (order 0)
def serve_shared_projects(serve):
    """A projet partagé page is served by ``views.shared_project_page``: it shows the
    visitor's registration and takes the registration form posted to the page."""

    def serve_page(page, request, serve_args, serve_kwargs):
        if isinstance(page, SharedProjectPage):
            return views.shared_project_page(request, page)
        return serve(page, request, serve_args, serve_kwargs)

    return serve_page


@hooks.register(SEARCH_GROUP_HOOK)
def shared_projects_search_group():
    return SearchGroup(
        key="projets-partages",
        label="Projets partagés",
        order=35,
        search=page_search(SharedProjectPage),
    )


# The demo content of this app, found by ``manage.py load_demo_content`` in this order.
hooks.register("load_demo_content", demo.load, order=50)


@hooks.register(PENDING_WORK_HOOK)
def proposals_to_moderate(*, user):
    if not user.has_perm("votes.change_themeproposal"):
        return None
    return PendingWork(
        count=ThemeProposal.objects.to_moderate().count(),
        singular="proposition de thème à modérer",
        plural="propositions de thèmes à modérer",
        url=reverse("vote_proposals:index") + f"?status={Candidate.Status.PROPOSED}",
        order=40,
    )


@hooks.register(ACCOUNT_SECTION_HOOK)
def account_ballots_section(*, representative):
    """« Mon compte »: the collectivité's ballot in each campaign, and the open vote."""
    collectivite_id = representative.collectivite_id
    return AccountSection(
        template="votes/includes/account_ballots.html",
        order=10,
        context={
            "ballots": ballot_list_of_collectivite(collectivite_id=collectivite_id),
            "campaign_to_vote": campaign_open_without_ballot(
                collectivite_id=collectivite_id, open_campaign=selectors.campaign_get_open()
            ),
        },
    )


@hooks.register(ACCOUNT_SECTION_HOOK)
def account_registrations_section(*, representative):
    """« Mon compte »: the collectivité's registrations to projets partagés."""
    registrations = registration_list_of_collectivite(
        collectivite_id=representative.collectivite_id
    )
    return AccountSection(
        template="votes/includes/account_registrations.html",
        order=20,
        context={"registrations": registrations},
    )

"""The moderation queue and the requests to the ANCT in the Wagtail admin; the home call."""

import django_filters
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from core.dashboard import PENDING_WORK_HOOK, PendingWork
from core.home import HOME_SECTION_HOOK, HomeSection
from themes.models import ThemePage

from . import admin_answers, admin_views, demo
from .models import Contribution, NeedRequest


class NoAddingPolicy(ModelPermissionPolicy):
    """Contributions and requests come from the public forms, never from the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


register_permission_policy(Contribution, NoAddingPolicy(Contribution))
register_permission_policy(NeedRequest, NoAddingPolicy(NeedRequest))


class ReceivedFilterSet(WagtailFilterSet):
    """Filters of both queues: when the item was sent."""

    created_at = django_filters.DateFromToRangeFilter(
        label="Envoyée entre le", widget=DateRangePickerWidget
    )


class ContributionFilterSet(ReceivedFilterSet):
    kind = django_filters.ChoiceFilter(label="Type", choices=Contribution.Kind.choices)
    status = django_filters.ChoiceFilter(
        label="Statut",
        choices=[
            choice
            for choice in Contribution.Status.choices
            if choice[0] != Contribution.Status.UNCONFIRMED
        ],
    )
    flagged_duplicate = django_filters.BooleanFilter(label="Doublon possible")

    class Meta:
        model = Contribution
        fields = ["kind", "status", "created_at", "flagged_duplicate"]


def _status_tag_column(label):
    return StatusTagColumn(
        "status",
        label=label,
        accessor="get_status_display",
        primary=lambda item: (
            item.status in Contribution.OPEN_STATUSES or item.status == NeedRequest.Status.NEW
        ),
    )


class ReceivedViewSet(ModelViewSet):
    """A queue of what visitors sent: newest first, read in detail, searched in the database."""

    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    list_per_page = 50
    ordering = ["-created_at"]


class ContributionViewSet(ReceivedViewSet):
    model = Contribution
    name = "contributions"
    icon = "mail"
    menu_label = "Contributions à modérer"
    menu_order = 100
    index_view_class = admin_views.ContributionIndexView
    inspect_view_class = admin_views.ContributionInspectView
    edit_view_class = admin_views.ContributionEditView
    filterset_class = ContributionFilterSet
    search_fields = ["title", "reference", "organisation", "email", "contributor_name"]
    list_display = [
        "reference",
        "title",
        Column("kind", label="Type", accessor="get_kind_display"),
        _status_tag_column("Statut"),
        Column("flagged_duplicate", label="Doublon", accessor="duplicate_label"),
        "organisation",
        DateColumn("created_at", label="Envoyée le"),
    ]
    # The edit form is chosen per kind by the edit view; this one lists every field.
    panels = admin_views.PANELS_BY_KIND[Contribution.Kind.EVENT]

    # The moderators' actions on one contribution, beside the viewset's own views.
    action_views = {
        "take": admin_views.TakeView,
        "approve": admin_views.ApproveView,
        "decline": admin_views.DeclineView,
        "duplicate": admin_views.DuplicateView,
        "document": admin_views.DocumentView,
    }

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            *(
                path(
                    f"{name}/<int:pk>/",
                    view.as_view(permission_policy=self.permission_policy),
                    name=name,
                )
                for name, view in self.action_views.items()
            ),
        ]


class NeedRequestFilterSet(ReceivedFilterSet):
    status = django_filters.ChoiceFilter(label="Statut", choices=NeedRequest.FOLLOW_UP_STATUSES)
    stage = django_filters.ChoiceFilter(label="Avancement", choices=NeedRequest.Stage.choices)
    theme = django_filters.ModelChoiceFilter(
        label="Thématique", queryset=ThemePage.objects.order_by("-month")
    )

    class Meta:
        model = NeedRequest
        fields = ["status", "stage", "theme", "created_at"]


class NeedRequestViewSet(ReceivedViewSet):
    model = NeedRequest
    name = "besoins"
    icon = "help"
    menu_label = "Demandes des collectivités"
    menu_order = 200
    index_view_class = admin_views.NeedRequestIndexView
    inspect_view_class = admin_views.NeedRequestInspectView
    edit_view_class = admin_views.NeedRequestEditView
    filterset_class = NeedRequestFilterSet
    search_fields = ["subject", "reference", "structure_name", "contact_name", "email"]
    form_fields = ["status", "internal_note"]
    list_display = [
        "reference",
        "subject",
        Column("structure", label="Structure"),
        Column("theme", label="Thématique"),
        Column("stage", label="Avancement", accessor="get_stage_display"),
        _status_tag_column("Statut"),
        DateColumn("created_at", label="Envoyée le"),
    ]

    def get_urlpatterns(self):
        answer = admin_answers.NeedRequestAnswerView.as_view(
            permission_policy=self.permission_policy
        )
        return [*super().get_urlpatterns(), path("answer/<int:pk>/", answer, name="answer")]


class ContributionsViewSetGroup(ModelViewSetGroup):
    items = (ContributionViewSet, NeedRequestViewSet)
    menu_icon = "mail"
    menu_label = "Contributions"
    menu_name = "contributions-group"
    menu_order = 250


@hooks.register("register_admin_viewset")
def register_contributions_viewsets():
    return ContributionsViewSetGroup()


@hooks.register(HOME_SECTION_HOOK)
def contribute_section(*, request, home_page):
    """« Je suis une collectivité ou un partenaire et je souhaite contribuer »."""
    return HomeSection(template="contributions/home/contribute.html", order=80)


@hooks.register(PENDING_WORK_HOOK)
def contributions_to_moderate(*, user):
    if not user.has_perm("contributions.change_contribution"):
        return None
    return PendingWork(
        count=Contribution.objects.awaiting_moderation().count(),
        singular="contribution à modérer",
        plural="contributions à modérer",
        url=reverse("contributions:index"),
        order=20,
    )


@hooks.register(PENDING_WORK_HOOK)
def need_requests_to_handle(*, user):
    if not user.has_perm("contributions.change_needrequest"):
        return None
    return PendingWork(
        count=NeedRequest.objects.unhandled().count(),
        singular="demande d'accompagnement nouvelle",
        plural="demandes d'accompagnement nouvelles",
        url=reverse("besoins:index") + f"?status={NeedRequest.Status.NEW}",
        order=30,
    )


# The demo content of this app, found by ``manage.py load_demo_content`` in this order.
hooks.register("load_demo_content", demo.load, order=60)

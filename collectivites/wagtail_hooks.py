"""The admin: moderators review representatives and the collectivités' e-mail domains."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from core.dashboard import PENDING_WORK_HOOK, PendingWork
from core.geography import DEPARTEMENTS
from core.text import of

from . import demo
from .admin_exports import RepresentativeExportMixin
from .admin_forms import CollectiviteDomainsForm, RepresentativeAdminForm
from .models import Collectivite, Representative
from .names import compact_number, fold_query
from .selectors import RANKING, collectivite_filter_matching
from .services import (
    StatusChangeRefused,
    representative_approve,
    representative_reactivate,
    representative_suspend,
)

# --- Permissions -------------------------------------------------------------------------


class WithoutActionsPolicy(ModelPermissionPolicy):
    """Model permissions, less some actions nobody takes in the admin."""

    def __init__(self, model, *, refused: set[str]):
        super().__init__(model)
        self.refused = refused

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action not in self.refused]
        )


# The list comes from the official data: it is imported, never typed in.
collectivite_policy = WithoutActionsPolicy(Collectivite, refused={"add", "delete"})
# Representatives sign up themselves, with their own password.
representative_policy = WithoutActionsPolicy(Representative, refused={"add"})
register_permission_policy(Collectivite, collectivite_policy)
register_permission_policy(Representative, representative_policy)


# --- Representatives ---------------------------------------------------------------------

STATUS_ACTIONS = {
    # action: (label, allowed from, service, question)
    "approve": (
        "Valider",
        {Representative.Status.PENDING},
        representative_approve,
        "Valider le compte {of_name} : cette personne pourra voter et inscrire {collectivite} "
        "aux projets partagés. Elle en est informée par e-mail.",
    ),
    "suspend": (
        "Suspendre",
        {
            Representative.Status.UNCONFIRMED,
            Representative.Status.PENDING,
            Representative.Status.ACTIVE,
        },
        representative_suspend,
        "Suspendre le compte {of_name} : cette personne ne pourra plus se connecter ni agir "
        "au nom de {collectivite}. Elle en est informée par e-mail.",
    ),
    "reactivate": (
        "Réactiver",
        {Representative.Status.SUSPENDED},
        representative_reactivate,
        "Réactiver le compte {of_name} : cette personne pourra de nouveau se connecter et agir "
        "au nom de {collectivite} (après confirmation de son adresse si elle ne l'a pas encore "
        "fait).",
    ),
}


def status_action_buttons(representative: Representative, button_class=ListingButton) -> list:
    return [
        button_class(
            label,
            url=reverse(f"representatives:{action}", args=[representative.pk]),
            icon_name={"approve": "check", "suspend": "cross", "reactivate": "redirect"}[action],
            priority=index,
        )
        for index, (action, (label, allowed, _service, _question)) in enumerate(
            STATUS_ACTIONS.items()
        )
        if representative.status in allowed
    ]


class RepresentativeFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Statut", choices=Representative.Status.choices, empty_label="Tous"
    )
    role = django_filters.ChoiceFilter(
        label="Fonction", choices=Representative.Role.choices, empty_label="Toutes"
    )
    collectivite__kind = django_filters.ChoiceFilter(
        label="Type de collectivité", choices=Collectivite.Kind.choices, empty_label="Tous"
    )
    collectivite__departement = django_filters.ChoiceFilter(
        label="Département",
        choices=sorted((code, f"{code} — {name}") for code, (name, _r) in DEPARTEMENTS.items()),
        empty_label="Tous",
    )

    class Meta:
        model = Representative
        fields = ["status", "role"]


class RepresentativeIndexView(RepresentativeExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return self.export_queryset(super().get_base_queryset().select_related("collectivite"))

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        folded = fold_query(query)
        return queryset.filter(
            Q(full_name__icontains=query)
            | Q(email__icontains=query)
            | Q(collectivite__search_name__contains=folded)
            | Q(collectivite__code=compact_number(query))
            | Q(collectivite__siren=compact_number(query))
        )

    def get_list_buttons(self, instance):
        return status_action_buttons(instance) + super().get_list_buttons(instance)


class RepresentativeEditView(generic.EditView):
    def get_header_more_buttons(self):
        return status_action_buttons(self.object, Button) + list(super().get_header_more_buttons())


class StatusColumn(Column):
    cell_template_name = "collectivites/admin/status_cell.html"


class RepresentativeViewSet(ModelViewSet):
    model = Representative
    url_prefix = "representants"
    url_namespace = "representatives"
    icon = "user"
    menu_label = "Représentants"
    menu_order = 100
    index_view_class = RepresentativeIndexView
    edit_view_class = RepresentativeEditView
    filterset_class = RepresentativeFilterSet
    search_fields = ["full_name", "email"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["full_name", "role", "position", "collectivite"]
    ordering = ["-created_at"]
    # The export's columns and its choice of accounts: RepresentativeExportMixin.

    @property
    def list_display(self):
        return [
            "full_name",
            Column("collectivite", label="Collectivité", accessor="collectivite.label"),
            Column("role", label="Fonction", accessor="get_role_display"),
            "email",
            StatusColumn("status", label="Statut", sort_key="status"),
            DateColumn("created_at", label="Inscrit le", sort_key="created_at"),
        ]

    def get_form_class(self, for_update=False):
        return RepresentativeAdminForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"{action}/<int:pk>/", change_status, {"action": action}, name=action)
            for action in STATUS_ACTIONS
        ]


@require_http_methods(["GET", "POST"])
def change_status(request, pk: int, action: str):
    """Asks to confirm (GET), then approves, suspends or reactivates (POST)."""
    if not representative_policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    representative = get_object_or_404(Representative.objects.select_related("collectivite"), pk=pk)
    label, allowed, service, question = STATUS_ACTIONS[action]
    index_url = reverse("representatives:index")
    if representative.status not in allowed:
        messages.warning(
            request,
            f"Le compte {of(representative.full_name)} est « "
            f"{representative.get_status_display()} » : l'action « {label} » ne s'applique pas.",
        )
        return redirect(index_url)
    if request.method == "POST":
        try:
            service(representative=representative, by=request.user)
        except StatusChangeRefused:
            messages.warning(
                request, "Le statut de ce compte vient de changer : rien n'a été fait."
            )
            return redirect(index_url)
        representative.refresh_from_db()
        messages.success(
            request,
            f"Compte {of(representative.full_name)} : {representative.get_status_display()}.",
        )
        return redirect(request.POST.get("next") or index_url)
    return TemplateResponse(
        request,
        "collectivites/admin/confirm_status.html",
        {
            "representative": representative,
            "label": label,
            "action": action,
            "question": question.format(
                of_name=of(representative.full_name),
                collectivite=representative.collectivite.label,
            ),
            "index_url": index_url,
            "header_title": f"{label} — {representative.full_name}",
        },
    )


# --- Collectivités -----------------------------------------------------------------------


class CollectiviteFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label="Type", choices=Collectivite.Kind.choices, empty_label="Tous"
    )
    departement = django_filters.ChoiceFilter(
        label="Département",
        choices=sorted((code, f"{code} — {name}") for code, (name, _r) in DEPARTEMENTS.items()),
        empty_label="Tous",
    )
    is_current = django_filters.BooleanFilter(label="En vigueur")
    has_domains = django_filters.BooleanFilter(
        label="Domaines de messagerie renseignés", method="filter_has_domains"
    )

    class Meta:
        model = Collectivite
        fields = ["kind", "departement", "is_current"]

    def filter_has_domains(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.exclude(email_domains="") if value else queryset.filter(email_domains="")


class CollectiviteIndexView(generic.IndexView):
    def search_queryset(self, queryset):
        """The same search as the public field, ranked the same unless sorted by a column."""
        if not self.is_searching:
            return queryset
        matching = collectivite_filter_matching(query=self.search_query, candidates=queryset)
        return matching if self.is_explicitly_ordered else matching.order_by(*RANKING)


class CollectiviteViewSet(ModelViewSet):
    model = Collectivite
    url_prefix = "collectivites"
    url_namespace = "collectivites"
    icon = "site"
    menu_label = "Liste des collectivités"
    menu_order = 200
    index_view_class = CollectiviteIndexView
    filterset_class = CollectiviteFilterSet
    search_fields = ["name"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True
    ordering = ["search_name", "code"]
    list_display = [
        "name",
        Column("kind", label="Type", accessor="get_kind_display"),
        Column("departement", label="Dép.", sort_key="departement"),
        "code",
        "siren",
        "population",
        Column("email_domains", label="Domaines reconnus"),
    ]

    def get_form_class(self, for_update=False):
        return CollectiviteDomainsForm


class CollectivitesGroup(ViewSetGroup):
    menu_label = "Collectivités"
    menu_icon = "group"
    menu_order = 250
    items = (RepresentativeViewSet, CollectiviteViewSet)


@hooks.register("register_admin_viewset")
def register_collectivites_viewsets():
    return CollectivitesGroup()


@hooks.register("register_log_actions")
def register_representative_actions(actions):
    actions.register_action("collectivites.approve", "Valider", "Représentant validé")
    actions.register_action("collectivites.suspend", "Suspendre", "Représentant suspendu")
    actions.register_action("collectivites.reactivate", "Réactiver", "Représentant réactivé")
    actions.register_action(
        "collectivites.proconnect_create", "Créer avec ProConnect", "Compte créé avec ProConnect"
    )
    actions.register_action(
        "collectivites.proconnect_link", "Lier à ProConnect", "Compte lié à ProConnect"
    )


# The demo content of this app, found by ``manage.py load_demo_content`` in this order.
hooks.register("load_demo_content", demo.load, order=40)


@hooks.register(PENDING_WORK_HOOK)
def representatives_to_approve(*, user):
    if not user.has_perm("collectivites.change_representative"):
        return None
    return PendingWork(
        count=Representative.objects.pending().count(),
        singular="représentant à valider",
        plural="représentants à valider",
        url=reverse("representatives:index") + "?status=pending",
        order=10,
    )

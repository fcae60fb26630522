"""The moderation queue in the Wagtail admin: list, detail, edit, approve, decline, duplicate."""

from django import forms
from django.contrib.admin.utils import quote
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView, View
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from . import services
from .forms import DeclineForm, DuplicateForm
from .models import Contribution, NeedRequest
from .selectors import contribution_find_duplicates
from .storage import STORAGE_ERRORS

COMMON_PANELS = [
    FieldPanel("title"),
    FieldPanel("summary"),
    FieldPanel("description"),
]
CONTRIBUTOR_PANELS = MultiFieldPanel(
    [
        FieldRowPanel([FieldPanel("contributor_name"), FieldPanel("organisation")]),
        FieldPanel("email"),
        FieldPanel("credit"),
    ],
    heading="Contributeur",
)
THEMES_PANEL = FieldPanel("themes", widget=forms.CheckboxSelectMultiple)

PANELS_BY_KIND = {
    Contribution.Kind.RESOURCE: [
        FieldPanel("title"),
        FieldPanel("resource_kind"),
        FieldPanel("summary"),
        FieldPanel("url"),
        THEMES_PANEL,
        CONTRIBUTOR_PANELS,
    ],
    Contribution.Kind.EVENT: [
        *COMMON_PANELS,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("event_format"),
            ],
            heading="Date et format",
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("departement")]),
                FieldPanel("online_url"),
            ],
            heading="Lieu",
        ),
        FieldRowPanel([FieldPanel("organiser_name"), FieldPanel("registration_url")]),
        THEMES_PANEL,
        CONTRIBUTOR_PANELS,
    ],
    Contribution.Kind.PROJECT: [
        *COMMON_PANELS,
        FieldRowPanel([FieldPanel("territory"), FieldPanel("departement")]),
        FieldPanel("url"),
        THEMES_PANEL,
        CONTRIBUTOR_PANELS,
    ],
}


def edit_handler_for(kind: str):
    return ObjectList(PANELS_BY_KIND[kind]).bind_to_model(Contribution)


class ContributionIndexView(IndexView):
    """Confirmed proposals only: unconfirmed ones never reach the moderators."""

    def get_base_queryset(self):
        return super().get_base_queryset().confirmed()

    def get_edit_url(self, instance):
        # The title leads to the detail, where the moderator decides.
        return reverse(self.inspect_url_name, args=[quote(instance.pk)])


class ContributionInspectView(InspectView):
    template_name = "contributions/admin/contribution_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(Contribution.objects.confirmed(), pk=self.pk)

    def get_page_subtitle(self):
        return self.object.reference

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        contribution = self.object
        can_moderate = self.user_has_permission("change")
        context.update(
            contribution=contribution,
            duplicates=contribution_find_duplicates(contribution=contribution)
            if contribution.is_open
            else [],
            themes=list(contribution.themes.all()),
            can_moderate=can_moderate and contribution.is_open,
            published=contribution.published_object,
            document_url=reverse("contributions:document", args=[contribution.pk])
            if contribution.document
            else "",
            status_path=services.contribution_status_path(contribution=contribution),
        )
        return context


class ContributionEditView(EditView):
    """Edit before publishing, with the fields of the proposal's kind only."""

    def get_panel(self):
        contribution = Contribution.objects.confirmed().filter(pk=self.object_pk).first()
        if contribution is None:
            raise Http404
        return edit_handler_for(contribution.kind)

    def get_form_class(self):
        # The viewset hands every edit view one form class; ours depends on the kind.
        return self.panel.get_form_class()

    def get_object(self, queryset=None):
        contribution = super().get_object(queryset)
        if not contribution.is_open:
            raise Http404
        return contribution

    def save_instance(self):
        instance = super().save_instance()
        services.contribution_edited(contribution=instance)
        return instance

    def get_success_url(self):
        return reverse("contributions:inspect", args=[self.object.pk])


class ModerationActionMixin(PermissionCheckedMixin):
    """A moderator's decision on one open contribution."""

    permission_required = "change"

    @cached_property
    def contribution(self):
        return get_object_or_404(Contribution.objects.confirmed(), pk=self.kwargs["pk"])

    def back(self):
        return redirect("contributions:inspect", self.contribution.pk)

    def apply(self, decide):
        """Runs ``decide()``, which returns the success message, and goes back to the detail."""
        try:
            message = decide()
        except services.ModerationError as error:
            messages.error(self.request, error.message)
        else:
            messages.success(self.request, message)
        return self.back()


class TakeView(ModerationActionMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        def take():
            services.contribution_take(contribution=self.contribution, moderator=request.user)
            return "Vous examinez cette contribution : son auteur le voit sur sa page de suivi."

        return self.apply(take)


class ApproveView(ModerationActionMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        def approve():
            published = services.contribution_approve(
                contribution=self.contribution, moderator=request.user
            )
            return f"« {published.title} » est publié et son auteur en est informé."

        return self.apply(approve)


class DecisionFormView(ModerationActionMixin, WagtailAdminTemplateMixin, FormView):
    """A decision that needs a message to the contributor: ``decide`` applies it."""

    template_name = "contributions/admin/decision_form.html"
    header_icon = "mail"
    submit_label = ""

    def dispatch(self, request, *args, **kwargs):
        if not self.contribution.is_open:
            messages.error(request, "Cette contribution a déjà été traitée.")
            return self.back()
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.contribution.reference

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("contributions:index"), "label": "Contributions"},
            {
                "url": reverse("contributions:inspect", args=[self.contribution.pk]),
                "label": self.contribution.reference,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            contribution=self.contribution, submit_label=self.submit_label, **kwargs
        )

    def form_valid(self, form):
        return self.apply(lambda: self.decide(form.cleaned_data))

    def decide(self, data: dict) -> str:
        raise NotImplementedError


class DeclineView(DecisionFormView):
    form_class = DeclineForm
    page_title = "Refuser la contribution"
    submit_label = "Refuser et prévenir le contributeur"

    def decide(self, data: dict) -> str:
        services.contribution_decline(
            contribution=self.contribution, moderator=self.request.user, reason=data["reason"]
        )
        return "La contribution est refusée ; son auteur a reçu le motif."


class DuplicateView(DecisionFormView):
    form_class = DuplicateForm
    page_title = "Marquer comme doublon"
    submit_label = "Marquer comme doublon et prévenir le contributeur"

    def get_initial(self):
        matches = contribution_find_duplicates(contribution=self.contribution)
        if matches:
            return {"duplicate_of": f"{matches[0].title} ({matches[0].what})"[:300]}
        return {}

    def decide(self, data: dict) -> str:
        services.contribution_mark_duplicate(
            contribution=self.contribution,
            moderator=self.request.user,
            duplicate_of=data["duplicate_of"],
            reason=data["reason"],
        )
        return "La contribution est marquée comme doublon."


class DocumentView(ModerationActionMixin, View):
    """The document sent with a proposal, for moderators only (it is not public yet).

    Streamed from the private storage, the local folder or the private bucket alike:
    the file never has an address of its own.
    """

    permission_required = "change"

    def get(self, request, pk):
        contribution = self.contribution
        if not contribution.document:
            raise Http404
        document = contribution.document
        try:
            handle = document.storage.open(document.name, "rb")
        except FileNotFoundError as error:
            raise Http404 from error
        except STORAGE_ERRORS:
            messages.error(request, "Le document est momentanément inaccessible : réessayez.")
            return self.back()
        return FileResponse(handle, as_attachment=True, filename=contribution.document_name)


# -- Requests to the ANCT ----------------------------------------------------------------


def _confirmed_need_request(need_request: NeedRequest) -> NeedRequest:
    # Unconfirmed requests never reach the team: their sender may be a stranger.
    if need_request.status == NeedRequest.Status.UNCONFIRMED:
        raise Http404
    return need_request


class NeedRequestInspectView(InspectView):
    template_name = "contributions/admin/need_request_inspect.html"

    def get_object(self, queryset=None):
        return _confirmed_need_request(super().get_object(queryset))

    def get_page_subtitle(self):
        return self.object.reference

    def get_context_data(self, **kwargs):
        return super().get_context_data(need=self.object, **kwargs)


class NeedRequestEditView(EditView):
    """Only the follow-up is editable: the request stays as the collectivité sent it."""

    def get_object(self, queryset=None):
        return _confirmed_need_request(super().get_object(queryset))

    def get_page_subtitle(self):
        return self.object.reference

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # A request once confirmed cannot go back to « to confirm » (and be purged).
        form.fields["status"].choices = NeedRequest.FOLLOW_UP_STATUSES
        return form

    def save_instance(self):
        instance = super().save_instance()
        return services.need_request_update(need_request=instance, user=self.request.user)

    def get_success_url(self):
        return reverse("besoins:inspect", args=[self.object.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["need"] = self.object
        return context


class NeedRequestIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().confirmed().select_related("collectivite", "theme")

    def get_edit_url(self, instance):
        return reverse(self.inspect_url_name, args=[quote(instance.pk)])

"""Admin views of the votes that do more than edit a row: moderating a proposal,
closing a campaign and creating its projet partagé, cancelling a registration."""

import logging

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import Panel
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import selectors
from .models import Campaign, Candidate
from .models.projects import MAX_STAKEHOLDERS, MIN_STAKEHOLDERS
from .services import (
    VoteRefused,
    campaign_close,
    proposal_moderate,
    registration_cancel,
    shared_project_create,
)
from .tasks import announce_shared_project

logger = logging.getLogger(__name__)

CLOSE_ACTION_LABEL = "Clôturer le vote et créer le projet partagé"
ANNOUNCE_ACTION_LABEL = "Prévenir les collectivités qui ont voté"

# --- Proposals -------------------------------------------------------------------------

APPROVE, REJECT, LATER = "approve", "reject", "later"


class ProposalModerationForm(WagtailAdminModelForm):
    """The proposal as sent (editable, to fix a typo) and the moderator's decision."""

    decision = forms.ChoiceField(
        label="Décision",
        choices=[
            (LATER, "Décider plus tard"),
            (APPROVE, "Accepter : le thème est ajouté au bulletin"),
            (REJECT, "Refuser"),
        ],
        initial=LATER,
        widget=forms.RadioSelect,
        required=False,
    )
    reason = forms.CharField(
        label="Motif du refus",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Obligatoire pour un refus ; envoyé par e-mail à la collectivité.",
    )

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision") or LATER
        if decision != LATER and self.instance.status != Candidate.Status.PROPOSED:
            raise forms.ValidationError("Cette proposition a déjà été modérée.")
        if decision == REJECT and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Indiquez le motif du refus.")
        return cleaned


class ProposalFactsPanel(Panel):
    """Who proposed the theme, when, for which campaign, and where it stands."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "votes/admin/proposal_facts.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["proposal"] = self.instance
            return context


class ProposalEditView(generic.EditView):
    """Saves the corrections, then applies the decision through the service
    (which sends the e-mail to the collectivité)."""

    def save_instance(self):
        instance = super().save_instance()
        decision = self.form.cleaned_data.get("decision") or LATER
        if decision != LATER:
            try:
                instance = proposal_moderate(
                    candidate=instance,
                    approve=decision == APPROVE,
                    reason=self.form.cleaned_data.get("reason", ""),
                    moderator=self.request.user,
                )
            except VoteRefused as refused:
                messages.error(self.request, refused.message)
        return instance

    def get_success_message(self):
        status = self.object.status
        if status == Candidate.Status.APPROVED:
            return "« %(title)s » est ajouté au bulletin ; la collectivité est prévenue." % {
                "title": self.object.title
            }
        if status == Candidate.Status.REJECTED:
            return "« %(title)s » est refusé ; la collectivité est prévenue." % {
                "title": self.object.title
            }
        return super().get_success_message()


class ProposalIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .exclude(proposer_email="", proposer_collectivite=None)
            .select_related("campaign", "proposer_collectivite")
        )


class CandidateDeleteView(generic.DeleteView):
    """A theme that collectivités voted for is part of the results: it stays."""

    def form_valid(self, form):
        if self.object.choices.exists():
            messages.error(
                self.request,
                "« %(title)s » a reçu des votes : il ne peut pas être supprimé."
                % {"title": self.object.title},
            )
            return redirect(self.index_url_name)
        return super().form_valid(form)


# --- Ballots (read-only) ---------------------------------------------------------------


class BallotIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("campaign", "collectivite")


class BallotInspectView(generic.InspectView):
    def get_fields(self):
        return ["campaign", "collectivite", "voter_name", "voter", "cast_at", "updated_at"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen = ", ".join(c.title for c in self.object.candidates.all())
        context["fields"].append({"label": "Thèmes choisis", "value": chosen})
        return context


# --- Registrations ---------------------------------------------------------------------


class RegistrationIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("project", "collectivite")


class RegistrationDeleteView(generic.DeleteView):
    """Through the service, so that the waiting list moves up and people are told."""

    def delete_action(self):
        registration_cancel(registration=self.object)


# --- Closing a campaign ----------------------------------------------------------------


class CloseCampaignForm(forms.Form):
    winner = forms.ModelChoiceField(
        label="Thème retenu",
        queryset=Candidate.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    title = forms.CharField(
        label="Titre du projet partagé",
        max_length=255,
        required=False,
        help_text="Laisser vide pour reprendre le nom du thème.",
    )
    capacity = forms.IntegerField(
        label="Nombre de places de parties prenantes",
        min_value=MIN_STAKEHOLDERS,
        max_value=MAX_STAKEHOLDERS,
        initial=MAX_STAKEHOLDERS,
    )

    def __init__(self, *args, campaign: Campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["winner"].queryset = selectors.candidate_list_on_ballot(campaign=campaign)


class CloseCampaignView(WagtailAdminTemplateMixin, FormView):
    """Close the vote, and make the chosen theme (by default the top of the tally)
    a projet partagé: the choice, then a confirmation page that shows the winner,
    the capacity and who will be e-mailed, then the closing."""

    template_name = "votes/admin/close_campaign.html"
    confirm_template_name = "votes/admin/close_campaign_confirm.html"
    form_class = CloseCampaignForm
    page_title = CLOSE_ACTION_LABEL
    header_icon = "tasks"
    index_url_name = "vote_campaigns:index"
    edit_url_name = "vote_campaigns:edit"

    def dispatch(self, request, pk, *args, **kwargs):
        if not request.user.has_perm("votes.change_campaign"):
            raise PermissionDenied
        self.campaign = get_object_or_404(Campaign, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.campaign.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": "Campagnes de vote"},
            {
                "url": reverse(self.edit_url_name, args=[quote(self.campaign.pk)]),
                "label": self.campaign.title,
            },
            {"url": "", "label": "Clôturer"},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "campaign": self.campaign}

    def get_initial(self):
        self.results = selectors.results_get(campaign=self.campaign)
        suggested, self.ties = selectors.results_suggest_winner(results=self.results)
        return {"winner": suggested.candidate_id if suggested else None}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            campaign=self.campaign,
            results=self.results,
            ties=self.ties,
            results_url=self.campaign.get_absolute_url(),
            action_label=CLOSE_ACTION_LABEL,
            announce_label=ANNOUNCE_ACTION_LABEL,
        )
        return context

    def queue_announcement(self) -> None:
        """The e-mails to the voting collectivités, by a Celery task once committed."""
        campaign_id = self.campaign.pk

        def queue():
            try:
                announce_shared_project.delay(campaign_id)
            except Exception:  # broker down: nothing is claimed, the editor can try again
                logger.exception("Announcement of campaign %s not queued", campaign_id)
                messages.error(
                    self.request,
                    "Les e-mails aux collectivités qui ont voté n'ont pas pu être confiés au "
                    "service d'envoi : réessayez dans quelques minutes avec « %s »."
                    % ANNOUNCE_ACTION_LABEL,
                )
            else:
                messages.success(
                    self.request,
                    "Les représentants des collectivités qui ont voté vont recevoir les "
                    "résultats et l'invitation à rejoindre le projet partagé.",
                )

        transaction.on_commit(queue)

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "announce":
            if self.campaign.shared_project_id is not None:
                self.queue_announcement()
            return redirect("vote_campaigns:close", pk=self.campaign.pk)
        if request.POST.get("action") == "close":
            try:
                campaign_close(campaign=self.campaign)
            except VoteRefused as refused:
                messages.error(request, refused.message)
            else:
                messages.success(request, "Le vote est clos et ses résultats sont figés.")
            return redirect("vote_campaigns:close", pk=self.campaign.pk)
        return super().post(request, *args, **kwargs)

    def confirmation(self, form) -> dict:
        """What the confirmation page shows before anything changes."""
        winner = form.cleaned_data["winner"]
        contacts = selectors.campaign_voter_contacts(campaign=self.campaign)
        return {
            "confirming": True,
            "winner": winner,
            "winner_tally": next(
                (t for t in self.results.tallies if t.candidate_id == winner.pk), None
            ),
            "project_title": " ".join((form.cleaned_data["title"] or winner.title).split()),
            "capacity": form.cleaned_data["capacity"],
            "min_stakeholders": MIN_STAKEHOLDERS,
            "max_stakeholders": MAX_STAKEHOLDERS,
            "recipients": len(contacts),
            "recipient_collectivites": len({contact.collectivite_id for contact in contacts}),
        }

    def form_valid(self, form):
        if self.campaign.shared_project_id is not None:
            # Said before the confirmation page; the service refuses it anyway.
            form.add_error(None, "Le projet partagé de cette campagne existe déjà.")
            return self.form_invalid(form)
        if self.request.POST.get("confirm") != "yes":
            self.template_name = self.confirm_template_name
            return self.render_to_response(
                self.get_context_data(form=form, **self.confirmation(form))
            )
        try:
            page = shared_project_create(
                campaign=self.campaign,
                winner=form.cleaned_data["winner"],
                capacity=form.cleaned_data["capacity"],
                title=form.cleaned_data["title"],
                user=self.request.user,
            )
        except VoteRefused as refused:
            form.add_error(None, refused.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            "Le vote est clos et le projet partagé « %(title)s » est publié."
            % {"title": page.title},
            buttons=[
                messages.button(reverse("wagtailadmin_pages:edit", args=[page.pk]), "Modifier")
            ],
        )
        self.queue_announcement()
        return redirect("vote_campaigns:close", pk=self.campaign.pk)

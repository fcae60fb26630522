"""Answering a request to the ANCT from the admin: the answer is recorded on the
request, e-mailed to the requester and shown on the request's status page."""

from django import forms
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from . import services
from .models import NeedRequest


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="Réponse, envoyée au demandeur",
        help_text="Envoyée par e-mail et affichée sur la page de suivi de la demande.",
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=10000,
    )


class NeedRequestAnswerView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    permission_required = "change"
    template_name = "contributions/admin/need_answer_form.html"
    form_class = AnswerForm
    page_title = "Répondre à la demande"
    header_icon = "mail"

    @cached_property
    def need(self) -> NeedRequest:
        return get_object_or_404(NeedRequest.objects.confirmed(), pk=self.kwargs["pk"])

    def get_initial(self):
        return {"answer": self.need.answer}

    def get_page_subtitle(self):
        return self.need.reference

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("besoins:index"), "label": "Demandes des collectivités"},
            {"url": reverse("besoins:inspect", args=[self.need.pk]), "label": self.need.reference},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(need=self.need, **kwargs)

    def form_valid(self, form):
        services.need_request_answer(
            need_request=self.need, user=self.request.user, answer=form.cleaned_data["answer"]
        )
        messages.success(self.request, "La réponse est envoyée au demandeur.")
        return redirect("besoins:inspect", self.need.pk)

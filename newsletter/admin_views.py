"""The newsletter in the Wagtail admin: issues, assembly, previews, tests and sending.

Editors assemble and edit issues like any page; from an issue's « Envoi » screen
they preview it as e-mail and as web page, send a test, schedule the send or send
it now, cancel a scheduled send, and follow its progress. Scheduling and sending
need the « Peut envoyer la newsletter » permission (Moderators).
"""

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from kombu.exceptions import OperationalError
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import services
from .forms import AssembleForm, ScheduleForm, TrialForm
from .models import DispatchStatus, NewsletterIssuePage, Subscriber
from .months import month_label, next_month
from .rendering import preview_email
from .selectors import (
    delivery_counts_by_issue,
    issue_get_dispatch,
    issue_list_for_admin,
    issue_send_progress,
)
from .tasks import start_dispatch

SEND_PERMISSION = "newsletter.send_dispatch"
# What publishing a task raises when the broker (Redis) cannot be reached.
QUEUE_ERRORS = (OperationalError, ConnectionError, TimeoutError)
QUEUE_DOWN_MESSAGE = (
    "La file d'envoi (Redis) est injoignable pour le moment : la lettre n'a pas été "
    "envoyée et rien n'a changé. Réessayez dans quelques minutes, ou programmez l'envoi : "
    "il partira dès que la file sera de nouveau disponible."
)

logger = logging.getLogger(__name__)


def can_send(user) -> bool:
    return user.has_perm(SEND_PERMISSION)


def _issue(issue_id: int) -> NewsletterIssuePage:
    return get_object_or_404(NewsletterIssuePage, pk=issue_id)


def _send_url(issue) -> str:
    return reverse("newsletter_admin:send", args=[issue.pk])


def issue_state(issue, dispatch) -> str:
    """What the list says about an issue: « Brouillon », « Envoi programmé »…"""
    if dispatch is not None and dispatch.is_overdue():
        return "En retard"
    if dispatch is not None and dispatch.status != DispatchStatus.CANCELLED:
        return dispatch.get_status_display()
    return "Publiée sans envoi" if issue.live else "Brouillon"


class IssueIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "newsletter/admin/issue_index.html"
    page_title = "Lettres"
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": "Newsletter"}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = delivery_counts_by_issue()
        rows = []
        for issue in issue_list_for_admin():
            dispatch = getattr(issue, "dispatch", None)
            rows.append(
                {
                    "issue": issue,
                    "dispatch": dispatch,
                    "state": issue_state(issue, dispatch),
                    "counts": counts.get(issue.pk),
                }
            )
        context.update(
            rows=rows,
            assemble_form=AssembleForm(initial={"month": next_month(timezone.localdate())}),
            receiving=Subscriber.objects.receiving().count(),
        )
        return context


def assemble(request):
    if request.method != "POST":
        return redirect("newsletter_admin:index")
    form = AssembleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Indiquez un mois valide, par exemple 2026-12.")
        return redirect("newsletter_admin:index")
    try:
        assembly = services.issue_assemble(month=form.cleaned_data["month"], user=request.user)
    except services.AssemblyRefused as refusal:
        buttons = []
        if refusal.issue is not None:
            buttons.append(
                messages.button(
                    reverse("wagtailadmin_pages:edit", args=[refusal.issue.pk]), "Modifier"
                )
            )
        messages.error(request, refusal.message, buttons=buttons)
        return redirect("newsletter_admin:index")
    messages.success(
        request,
        "Le brouillon de la lettre de %(month)s est prêt : relisez-le et complétez-le. %(found)s"
        % {"month": month_label(assembly.issue.month), "found": assembly.summary},
    )
    for warning in assembly.warnings:
        messages.warning(request, warning)
    return redirect("wagtailadmin_pages:edit", assembly.issue.pk)


class IssueSendView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "newsletter/admin/issue_send.html"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        self.issue = _issue(kwargs["issue_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return "Envoi de la lettre"

    def get_page_subtitle(self):
        return self.issue.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("newsletter_admin:index"), "label": "Lettres"},
            {"url": "", "label": self.issue.title},
        ]

    def get_context_data(self, trial_form=None, schedule_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        dispatch = issue_get_dispatch(issue=self.issue)
        user = self.request.user
        context.update(
            issue=self.issue,
            dispatch=dispatch,
            state=issue_state(self.issue, dispatch),
            progress=issue_send_progress(issue=self.issue),
            receiving=Subscriber.objects.receiving().count(),
            can_send=can_send(user),
            can_edit=self.issue.permissions_for_user(user).can_edit(),
            trial_form=trial_form or TrialForm(initial={"addresses": user.email}),
            schedule_form=schedule_form or ScheduleForm(),
            sending=dispatch is not None and dispatch.status == DispatchStatus.SENDING,
            finished=dispatch is not None and dispatch.status == DispatchStatus.SENT,
            scheduled=dispatch is not None and dispatch.status == DispatchStatus.SCHEDULED,
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "trial":
            return self.trial()
        if not can_send(request.user):
            raise PermissionDenied
        if action == "schedule":
            return self.schedule()
        if action == "send_now":
            return self.send_now()
        if action == "cancel":
            return self.cancel()
        messages.error(request, "Action inconnue.")
        return redirect(_send_url(self.issue))

    def trial(self):
        if not self.issue.permissions_for_user(self.request.user).can_edit():
            raise PermissionDenied
        form = TrialForm(self.request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(trial_form=form), status=400)
        try:
            services.issue_send_trial(
                issue=self.issue.get_latest_revision_as_object(),
                addresses=form.cleaned_data["addresses"],
            )
        except services.SendRefused as refusal:
            messages.error(self.request, refusal.message)
        else:
            messages.success(
                self.request,
                "E-mail de test envoyé à %(addresses)s."
                % {"addresses": ", ".join(form.cleaned_data["addresses"])},
            )
        return redirect(_send_url(self.issue))

    def schedule(self):
        form = ScheduleForm(self.request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(schedule_form=form), status=400)
        at = form.cleaned_data["scheduled_at"]
        return self._schedule(
            at,
            "Envoi programmé le %(date)s."
            % {"date": timezone.localtime(at).strftime("%d/%m/%Y à %H:%M")},
        )

    def send_now(self):
        """The send goes through the queue, paced by the workers; if the queue cannot
        be reached, the editor is told and nothing is sent nor marked."""
        if self.request.POST.get("confirm") != "yes":
            messages.error(self.request, "Cochez la case de confirmation pour envoyer la lettre.")
            return redirect(_send_url(self.issue))
        previous = issue_get_dispatch(issue=self.issue)
        try:
            services.dispatch_schedule(issue=self.issue, at=timezone.now(), user=self.request.user)
        except services.SendRefused as refusal:
            messages.error(self.request, refusal.message)
            return redirect(_send_url(self.issue))
        # The schedule is committed (no transaction around admin views): a worker
        # taking the task at once finds it due.
        try:
            start_dispatch.delay(self.issue.pk)
        except QUEUE_ERRORS:
            logger.warning("Newsletter %s not started: queue unreachable", self.issue.pk)
            services.dispatch_unschedule(issue=self.issue, previous=previous)
            messages.error(self.request, QUEUE_DOWN_MESSAGE)
            return redirect(_send_url(self.issue))
        messages.success(self.request, "L'envoi a commencé.")
        return redirect(_send_url(self.issue))

    def _schedule(self, at, success: str):
        try:
            services.dispatch_schedule(issue=self.issue, at=at, user=self.request.user)
        except services.SendRefused as refusal:
            messages.error(self.request, refusal.message)
            return redirect(_send_url(self.issue))
        messages.success(self.request, success)
        return redirect(_send_url(self.issue))

    def cancel(self):
        try:
            services.dispatch_cancel(issue=self.issue)
        except services.SendRefused as refusal:
            messages.error(self.request, refusal.message)
        else:
            messages.success(self.request, "L'envoi programmé est annulé.")
        return redirect(_send_url(self.issue))


def progress(request, issue_id: int):
    """Counts for the progress bar, polled while the issue goes out."""
    issue = _issue(issue_id)
    dispatch = issue_get_dispatch(issue=issue)
    counts = issue_send_progress(issue=issue)
    return JsonResponse(
        {
            "status": dispatch.status if dispatch else "",
            "status_label": issue_state(issue, dispatch),
            "total": counts.total,
            "sent": counts.sent,
            "failed": counts.failed,
            "bounced": counts.bounced,
            "skipped": counts.skipped,
            "pending": counts.pending,
            "unsubscribed_after": counts.unsubscribed_after,
            "percent": counts.percent,
        }
    )


def preview(request, issue_id: int, mode: str):
    """The latest revision as the e-mail (HTML or text) a subscriber would receive."""
    issue = _issue(issue_id)
    if mode not in ("email", "texte"):
        raise Http404
    html, text = preview_email(issue.get_latest_revision_as_object())
    if mode == "texte":
        return HttpResponse(text, content_type="text/plain; charset=utf-8")
    return HttpResponse(html)

"""A projet partagé page with its registration form, and the form's POST.

The page keeps its Wagtail URL: ``wagtail_hooks.serve_shared_projects`` hands its
requests to ``shared_project_page`` once Wagtail has checked the page's privacy,
so the model itself never reaches into the views.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.timezone import localtime

from core.ratelimit import limit_posts
from votes.access import login_url, representative_of_request
from votes.forms import RegistrationForm
from votes.models import ProjectRegistration, SharedProjectPage
from votes.selectors import departure_consequence, registration_of
from votes.services import (
    DEPARTURE_DELAY,
    VoteRefused,
    registration_register,
    registration_schedule_departure,
    registration_undo_departure,
    representative_refusal,
)

Role = ProjectRegistration.Role


def _project_page(request, page: SharedProjectPage, *, form=None, status: int = 200):
    """The page as Wagtail renders it, with the visitor's registration and its form."""
    request.is_preview = False
    context = page.get_context(request)
    representative = representative_of_request(request=request)
    mine = None
    if representative is not None:
        mine = next(
            (
                r
                for r in context["registrations"]
                if r.collectivite_id == representative.collectivite_id
            ),
            None,
        )
    if form is None:
        form = RegistrationForm(initial={"role": mine.role} if mine else None)
    context.update(
        registration_form=form,
        representative=representative,
        refusal=representative_refusal(representative) if representative else None,
        my_registration=mine,
        login_url=login_url(request.get_full_path()),
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _registered_message(registration: ProjectRegistration, collectivite) -> str:
    if registration.is_waiting:
        message = (
            "%(collectivite)s est inscrite sur la liste d'attente des parties prenantes : "
            "vous serez prévenu par e-mail si une place se libère."
        )
    else:
        message = "%(collectivite)s participe à ce projet partagé comme %(role)s."
    return message % {
        "collectivite": collectivite,
        "role": str(registration.get_role_display()).lower(),
    }


def project_registration(request, page: SharedProjectPage):
    """POST on a projet partagé page: register the collectivité, change role, leave;
    a change that gives something up is confirmed on a page of its own first."""
    representative = representative_of_request(request=request)
    form = RegistrationForm(request.POST)
    refusal = representative_refusal(representative)
    if refusal:
        form.add_error(None, refusal)
        return _project_page(request, page, form=form, status=403)
    if form.is_spam:
        return redirect(page.url)
    action = request.POST.get("action")
    try:
        if action == "undo":
            return _undo_departure(request, page, representative)
        if action != "withdraw" and not form.is_valid():
            return _project_page(request, page, form=form)
        role = form.cleaned_data.get("role") if action != "withdraw" else None
        mine = registration_of(project=page, collectivite_id=representative.collectivite_id)
        changes = mine is not None and (action == "withdraw" or role != mine.role)
        if changes and request.POST.get("confirm") != "1":
            return _confirmation_page(request, page, mine, role)
        if changes and (action == "withdraw" or role == Role.OBSERVER):
            return _schedule_departure(request, page, representative, role)
        registration = registration_register(representative=representative, project=page, role=role)
    except VoteRefused as refused:
        form.add_error(None, refused.message)
        return _project_page(request, page, form=form)
    messages.success(request, _registered_message(registration, representative.collectivite))
    return redirect(page.url)


def _confirmation_page(request, page, mine: ProjectRegistration, role: str | None):
    context = {
        "page": page,
        "registration": mine,
        "role": role,
        "consequence": departure_consequence(registration=mine, new_role=role),
        "delay_minutes": int(DEPARTURE_DELAY.total_seconds() // 60),
    }
    return TemplateResponse(request, "votes/registration_confirmation.html", context)


def _schedule_departure(request, page, representative, role):
    registration = registration_schedule_departure(
        representative=representative,
        project=page,
        become_observer=role == Role.OBSERVER,
    )
    if registration is not None:
        messages.success(
            request,
            "Votre demande est enregistrée : elle prendra effet le %(when)s. D'ici là, "
            "vous pouvez l'annuler sur cette page sans perdre votre place."
            % {"when": date_format(localtime(registration.leaving_at), "j F Y à H\\hi")},
        )
    return redirect(page.url)


def _undo_departure(request, page, representative):
    if registration_undo_departure(representative=representative, project=page):
        messages.success(
            request,
            "C'est annulé : %(collectivite)s garde sa place dans ce projet partagé."
            % {"collectivite": representative.collectivite},
        )
    else:
        messages.error(request, "Le délai pour annuler est passé : le changement a pris effet.")
    return redirect(page.url)


@limit_posts("project-registration", "30/h")
def shared_project_page(request, page: SharedProjectPage):
    """A projet partagé page: shown with its registration form, which posts back to it."""
    if request.method == "POST":
        return project_registration(request, page)
    return _project_page(request, page)

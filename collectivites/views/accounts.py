"""Signing up as a representative, confirming the address, the « Mon compte » page."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods

from core.ratelimit import SubmissionLimit, exceeded, limit_posts, rate_for, too_many_requests
from core.signed_links import InvalidLink

from ..account_sections import account_sections
from ..forms import ResendConfirmationForm, SignupForm
from ..proconnect import proconnect_enabled
from ..selectors import representative_list_colleagues, representative_of_request
from ..services import (
    representative_confirm_email,
    representative_from_confirmation,
    representative_resend_confirmation,
    representative_signup,
)

# Only sign-ups that pass the form count: a form sent back with errors costs nothing.
SIGNUP_LIMIT = SubmissionLimit("account-signup", per_ip="10/h")


# The password never appears in an error report (e-mailed to ADMINS, logged).
@sensitive_post_parameters("password", "password_confirmation")
@sensitive_variables()
@require_http_methods(["GET", "POST"])
@SIGNUP_LIMIT
def signup(request):
    if request.user.is_authenticated and representative_of_request(request=request) is not None:
        return redirect("account-home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if SIGNUP_LIMIT.refuses(request, email=email):
            return too_many_requests(request)
        SIGNUP_LIMIT.count_success(request, email=email)
        if not form.is_spam:
            data = form.cleaned_data
            representative_signup(
                full_name=data["full_name"],
                role=data["role"],
                position=data["position"],
                email=data["email"],
                password=data["password"],
                collectivite=data["collectivite"],
            )
        request.session["signup_email"] = form.cleaned_data["email"]
        return redirect("account-signup-done")
    return render(
        request,
        "collectivites/signup.html",
        {
            "form": form,
            "proconnect": proconnect_enabled(),
            "breadcrumb": {"links": [], "current": "Créer un compte"},
        },
    )


@require_http_methods(["GET"])
def signup_done(request):
    return render(
        request,
        "collectivites/signup_done.html",
        {
            "email": request.session.get("signup_email", ""),
            "breadcrumb": {"links": [], "current": "Créer un compte"},
        },
    )


@sensitive_variables("token")
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """GET shows a button, POST confirms: mail scanners that open links spend nothing."""
    try:
        representative = (
            representative_confirm_email(token=token)
            if request.method == "POST"
            else representative_from_confirmation(token=token)
        )
    except InvalidLink as error:
        return render(
            request,
            "collectivites/confirm_invalid.html",
            {"message": error.message, "breadcrumb": {"links": [], "current": "Confirmation"}},
            status=400,
        )
    if request.method == "GET":
        return render(
            request,
            "collectivites/confirm.html",
            {
                "representative": representative,
                "breadcrumb": {"links": [], "current": "Confirmation"},
            },
        )
    user = representative.user
    if user.is_active:
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, "Votre adresse e-mail est confirmée.")
    return redirect("account-home")


@require_http_methods(["GET", "POST"])
@limit_posts("account-resend", "10/h")
def resend_confirmation(request):
    representative = representative_of_request(request=request)
    initial = {"email": representative.email} if representative else {}
    form = ResendConfirmationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if exceeded("account-resend:email", email, rate_for("account-resend:email", "3/h")):
            return too_many_requests(
                request, "Plusieurs liens ont déjà été envoyés à cette adresse dans l'heure."
            )
        representative_resend_confirmation(email=email)
        messages.success(
            request,
            f"Si un compte attend la confirmation de l'adresse {email}, un nouveau lien "
            "vient de lui être envoyé.",
        )
        return redirect(reverse("account-resend-confirmation"))
    return render(
        request,
        "collectivites/resend_confirmation.html",
        {"form": form, "breadcrumb": {"links": [], "current": "Recevoir un nouveau lien"}},
    )


@login_required
@require_http_methods(["GET"])
def account_home(request):
    representative = representative_of_request(request=request)
    colleagues, sections = [], []
    if representative is not None and representative.can_act:
        colleagues = list(representative_list_colleagues(representative=representative))
        # The collectivité's ballots and projects (the votes app's sections).
        sections = account_sections(representative=representative)
    return render(
        request,
        "collectivites/account_home.html",
        {
            "representative": representative,
            "colleagues": colleagues,
            "sections": sections,
            "breadcrumb": {"links": [], "current": "Mon compte"},
        },
    )

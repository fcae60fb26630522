"""Logging in and out, and passwords: Django's views with our French DSFR pages."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator

from core.admin_login import keeps_secrets

from ..forms import (
    LocalisedPasswordChangeForm,
    LocalisedPasswordResetForm,
    LocalisedSetPasswordForm,
    LoginForm,
)
from ..proconnect import proconnect_enabled, proconnect_logout_url


def _breadcrumb(current: str) -> dict:
    return {
        "links": [{"url": reverse_lazy("account-home"), "title": "Mon compte"}],
        "current": current,
    }


@method_decorator(keeps_secrets, name="dispatch")
class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "collectivites/login.html"
    redirect_authenticated_user = True
    extra_context = {"breadcrumb": {"links": [], "current": "Se connecter"}}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "proconnect": proconnect_enabled()}

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.refusal:
            response.status_code = 429
            response["Retry-After"] = str(form.refusal.retry_after)
        return response


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("account-login")

    def post(self, request, *args, **kwargs):
        # Read before the session goes: it tells ProConnect whose session to end.
        id_token = request.session.get("oidc_id_token")
        response = super().post(request, *args, **kwargs)
        messages.info(request, "Vous êtes déconnecté.")
        if id_token and proconnect_enabled():
            return_to = request.build_absolute_uri(reverse("account-login"))
            if url := proconnect_logout_url(id_token=id_token, return_to=return_to):
                return render(request, "collectivites/proconnect_logout.html", {"logout_url": url})
        return response


# Beyond the login policy's limits (core.login_throttle), the visitor gets the same
# « e-mail sent » page and no e-mail leaves: nothing to learn, nothing to flood.
class PasswordResetView(auth_views.PasswordResetView):
    form_class = LocalisedPasswordResetForm
    template_name = "collectivites/password_reset.html"
    success_url = reverse_lazy("account-password-reset-done")
    extra_context = {"breadcrumb": _breadcrumb("Mot de passe oublié")}


password_reset = PasswordResetView.as_view()


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "collectivites/password_reset_done.html"
    extra_context = {"breadcrumb": _breadcrumb("Mot de passe oublié")}


@method_decorator(keeps_secrets, name="dispatch")
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = LocalisedSetPasswordForm
    template_name = "collectivites/password_reset_confirm.html"
    success_url = reverse_lazy("account-password-reset-complete")
    extra_context = {"breadcrumb": _breadcrumb("Nouveau mot de passe")}


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "collectivites/password_reset_complete.html"
    extra_context = {"breadcrumb": _breadcrumb("Nouveau mot de passe")}


@method_decorator(keeps_secrets, name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = LocalisedPasswordChangeForm
    template_name = "collectivites/password_change.html"
    success_url = reverse_lazy("account-home")
    extra_context = {"breadcrumb": _breadcrumb("Changer de mot de passe")}

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, "Votre mot de passe a été modifié.")
        return response

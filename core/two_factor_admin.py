"""Staff actions on a colleague's account, from the admin's users list: reset their
second factor (a lost phone) and lift their login limits (a lock-out)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from .login_throttle import login_unlock
from .second_factor import second_factor_reset
from .signed_links import ADMIN_2FA_ENROLMENT_DAYS, days_label
from .text import of


def can_manage(request_user, target) -> bool:
    """Who may act on ``target``: staff who may change users, on a colleague (not
    themselves), and only a superuser on a superuser."""
    meta = get_user_model()._meta
    return (
        request_user.has_perm(f"{meta.app_label}.change_{meta.model_name}")
        and target.pk != request_user.pk
        and (request_user.is_superuser or not target.is_superuser)
    )


class ColleagueActionView(WagtailAdminTemplateMixin, TemplateView):
    """Asks for confirmation (GET), then acts (POST) and goes back to the users list."""

    template_name = "wagtailadmin/two_factor/colleague_action.html"
    header_icon = "user"
    confirmation = ""
    button_label = ""

    def dispatch(self, request, *args, user_id, **kwargs):
        self.target = get_object_or_404(get_user_model(), pk=user_id)
        if not can_manage(request.user, self.target):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"{self.page_title} : {self.target.get_full_name() or self.target.get_username()}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            confirmation=self.confirmation.format(
                of_name=of(self.target.get_full_name() or self.target.get_username()),
                email=self.target.email or "aucune adresse",
            ),
            button_label=self.button_label,
            back_url=reverse("wagtailusers_users:index"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.act()
        return redirect("wagtailusers_users:index")


class ResetSecondFactorView(ColleagueActionView):
    page_title = "Réinitialiser la double authentification"
    confirmation = (
        "L'application d'authentification et les codes de secours {of_name} ne fonctionneront "
        "plus. Un lien pour associer une nouvelle application sera envoyé à son adresse "
        f"e-mail ({{email}}) ; il est valable {days_label(ADMIN_2FA_ENROLMENT_DAYS)} et ne sert "
        "qu'une fois."
    )
    button_label = "Réinitialiser et envoyer le lien"

    def act(self):
        name = self.target.get_full_name() or self.target.get_username()
        if second_factor_reset(user=self.target):
            messages.success(
                self.request,
                f"La double authentification {of(name)} est réinitialisée : un lien "
                f"d'activation a été envoyé à {self.target.email}.",
            )
        else:
            messages.warning(
                self.request,
                f"La double authentification {of(name)} est réinitialisée, mais ce compte n'a "
                "pas d'adresse e-mail : ajoutez-en une, puis réinitialisez à nouveau pour "
                "envoyer le lien d'activation.",
            )


class UnlockLoginView(ColleagueActionView):
    page_title = "Débloquer la connexion"
    confirmation = (
        "Les tentatives de connexion échouées {of_name} sont oubliées : la connexion à ce "
        "compte n'est plus bloquée ni retardée. Si quelqu'un essaie de deviner son mot de "
        "passe, conseillez-lui aussi d'en choisir un nouveau."
    )
    button_label = "Débloquer la connexion"

    def act(self):
        for identifier in {self.target.get_username(), self.target.email}:
            if identifier:
                login_unlock(username=identifier)
        name = self.target.get_full_name() or self.target.get_username()
        messages.success(self.request, f"La connexion {of(name)} est débloquée.")


def colleague_buttons(*, user, request_user) -> list[Button]:
    """The two actions in the « ⋯ » menu of each colleague in the users list."""
    if not can_manage(request_user, user):
        return []
    return [
        Button(
            "Réinitialiser la double authentification",
            url=reverse("admin-2fa-reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        ),
        Button(
            "Débloquer la connexion",
            url=reverse("admin-login-unlock", args=[user.pk]),
            icon_name="lock-open",
            priority=61,
        ),
    ]

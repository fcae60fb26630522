"""Public URLs of this app, mounted at the site root before Wagtail's pages."""

from django.urls import path

from core.ratelimit import limit_posts

from .views import accounts, auth, proconnect, profile, search

urlpatterns = [
    path("collectivites/recherche", search.collectivite_search, name="collectivite-search"),
    path("compte/", accounts.account_home, name="account-home"),
    path("compte/modifier/", profile.profile_edit, name="account-profile"),
    path("compte/supprimer/", profile.account_delete_view, name="account-delete"),
    path("compte/inscription/", accounts.signup, name="account-signup"),
    path("compte/inscription/envoyee/", accounts.signup_done, name="account-signup-done"),
    path("compte/confirmation/<str:token>/", accounts.confirm, name="account-confirm"),
    path(
        "compte/nouveau-lien/",
        accounts.resend_confirmation,
        name="account-resend-confirmation",
    ),
    path(
        "compte/connexion/",
        limit_posts("account-login", "60/h")(auth.LoginView.as_view()),
        name="account-login",
    ),
    path(
        "compte/proconnect/connexion/",
        proconnect.ProConnectLoginView.as_view(),
        name="proconnect-login",
    ),
    path(
        "compte/proconnect/retour/",
        proconnect.ProConnectCallbackView.as_view(),
        name="proconnect-callback",
    ),
    path("compte/proconnect/refus/", proconnect.proconnect_refused, name="proconnect-refused"),
    path("compte/deconnexion/", auth.LogoutView.as_view(), name="account-logout"),
    path("compte/mot-de-passe/oubli/", auth.password_reset, name="account-password-reset"),
    path(
        "compte/mot-de-passe/oubli/envoye/",
        auth.PasswordResetDoneView.as_view(),
        name="account-password-reset-done",
    ),
    path(
        "compte/mot-de-passe/nouveau/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(),
        name="account-password-reset-confirm",
    ),
    path(
        "compte/mot-de-passe/modifie/",
        auth.PasswordResetCompleteView.as_view(),
        name="account-password-reset-complete",
    ),
    path(
        "compte/mot-de-passe/changer/",
        auth.PasswordChangeView.as_view(),
        name="account-password-change",
    ),
]

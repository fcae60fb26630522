"""Two-factor authentication (TOTP) for everyone who can enter the Wagtail admin.

After the usual password login, an editor without a verified second factor is
sent to ``/admin/2fa/``: the first time to enrol an authenticator app (QR code
and key), then to type its six-digit code at every login. django-otp records
the verification in the session and throttles wrong codes.
"""

import segno
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from .security import ADMIN_PREFIX

DEVICE_NAME = "Application d'authentification"


def needs_second_factor(user) -> bool:
    return (
        settings.ADMIN_REQUIRE_2FA
        and user.is_authenticated
        and not user.is_verified()
        and user.has_perm("wagtailadmin.access_admin")
    )


class AdminTwoFactorMiddleware:
    """Sends admin users without a verified second factor to enrol or verify it."""

    # Reachable before the second factor: signing in and out, the 2FA pages, assets.
    EXEMPT = (
        "/admin/login/",
        "/admin/logout/",
        "/admin/2fa/",
        "/admin/password_reset/",
        "/admin/jsi18n/",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            path.startswith(ADMIN_PREFIX)
            and not path.startswith(self.EXEMPT)
            and needs_second_factor(request.user)
        ):
            return redirect(f"{reverse('admin-2fa')}?next={request.get_full_path()}")
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.RegexField(
        label="Code à six chiffres",
        regex=r"^\s*\d{6}\s*$",
        error_messages={
            "required": "Saisissez le code affiché par votre application.",
            "invalid": "Le code comporte six chiffres.",
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@login_required(login_url="wagtailadmin_login")
def two_factor(request):
    """Enrol (first time) or verify the second factor, then go on to the admin."""
    user = request.user
    if not needs_second_factor(user):
        return redirect(_next_url(request))
    enrolling = not user_has_device(user, confirmed=True)
    device = (
        TOTPDevice.objects.get_or_create(
            user=user, confirmed=False, defaults={"name": DEVICE_NAME}
        )[0]
        if enrolling
        else TOTPDevice.objects.filter(user=user, confirmed=True).first()
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            form.add_error(
                "code", "Trop d'essais : patientez quelques instants avant de réessayer."
            )
        elif device.verify_token(form.cleaned_data["code"].strip()):
            if enrolling:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_next_url(request))
        else:
            form.add_error(
                "code",
                "Ce code n'est pas le bon, ou il a expiré. Réessayez avec le code affiché maintenant.",
            )
    context = {"form": form, "enrolling": enrolling, "next": _next_url(request)}
    if enrolling:
        context["qr_svg"] = segno.make(device.config_url, error="m").svg_inline(
            scale=4, title="QR code à scanner avec votre application d'authentification"
        )
        context["secret"] = " ".join(_base32_groups(device))
    return render(request, "wagtailadmin/two_factor/verify.html", context)


def _base32_groups(device) -> list[str]:
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return [secret[i : i + 4] for i in range(0, len(secret), 4)]

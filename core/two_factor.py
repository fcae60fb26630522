"""Two-factor authentication (TOTP) for everyone who can enter the Wagtail admin.

After the password, an editor without a verified second factor is sent to
``/admin/2fa/``, one page in every case: type the six-digit code (or a recovery
code); or, with no device yet, enrol one — but only after opening the enrolment link
e-mailed to the account's address (core.second_factor): a password alone never shows
a QR code. django-otp records the verification in the session and throttles codes.
"""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .admin_login import keeps_secrets
from .ratelimit import exceeded, rate_for
from .second_factor import (
    enrolment_confirm,
    enrolment_device,
    enrolment_link_send,
    recovery_code_use,
    recovery_codes_left,
)
from .security import ADMIN_PREFIX
from .signed_links import InvalidLink
from .text import plural

TEMPLATE = "wagtailadmin/two_factor/verify.html"
ENROLMENT_SESSION_KEY = "tec_2fa_enrolment"
TOO_MANY = "Trop d'essais : patientez quelques instants avant de réessayer."
WRONG_CODE = "Ce code n'est pas le bon, ou il a expiré. Réessayez avec le code affiché maintenant."


def needs_second_factor(user) -> bool:
    return (
        settings.ADMIN_REQUIRE_2FA
        and user.is_authenticated
        and not user.is_verified()
        and user.has_perm("wagtailadmin.access_admin")
    )


def _is_navigation(request) -> bool:
    """A page the browser shows (worth a redirect), not an asset or data it fetches."""
    mode = request.headers.get("Sec-Fetch-Mode")
    if mode:
        return mode == "navigate"
    if request.headers.get("X-Requested-With") == "XMLHttpRequest":
        return False
    accept = request.headers.get("Accept", "")
    return not accept or "text/html" in accept or "*/*" in accept


class AdminTwoFactorMiddleware:
    """Sends admin users without a verified second factor to enrol or verify it."""

    # Reachable before the second factor: signing in and out, the 2FA pages, and what
    # the admin's pages load before it (the icon sprite, the translations): the same for
    # everyone, nothing of the account's.
    EXEMPT = (
        "/admin/login/",
        "/admin/logout/",
        "/admin/2fa/",
        "/admin/password_reset/",
        "/admin/jsi18n/",
        "/admin/sprite/",
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
            if not _is_navigation(request):
                # An asset or JSON is refused, never replaced by the HTML of the 2FA page.
                return HttpResponseForbidden(
                    "Double authentification requise.", content_type="text/plain; charset=utf-8"
                )
            query = urlencode({"next": request.get_full_path()}, safe="/")
            return redirect(f"{reverse('admin-2fa')}?{query}")
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code à six chiffres",
        max_length=40,
        error_messages={"required": "Saisissez le code affiché par votre application."},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "autofocus": True}
        ),
    )

    def __init__(self, *args, recovery: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.recovery = recovery
        if recovery:
            self.fields["code"].label = "Code à six chiffres, ou code de secours"
            self.fields["code"].help_text = (
                "Le code affiché par votre application ; si vous n'avez plus votre "
                "téléphone, l'un de vos codes de secours (par exemple abcd-efgh-jkmn-pqrs)."
            )
        else:
            self.fields["code"].widget.attrs["inputmode"] = "numeric"

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if code.isdigit() and len(code) == 6:
            return code
        if self.recovery and len([c for c in code if c.isalnum()]) == 16:
            return code
        if self.recovery:
            raise forms.ValidationError(
                "Saisissez les six chiffres de votre application, ou un code de secours "
                "de seize caractères."
            )
        raise forms.ValidationError("Le code comporte six chiffres.")


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _render(request, state: str, status: int = 200, **context):
    context.update(state=state, next=_next_url(request))
    return render(request, TEMPLATE, context, status=status)


@keeps_secrets
@never_cache
@login_required(login_url="wagtailadmin_login")
def two_factor(request):
    """The one 2FA page: verify the code, enrol a device (with the e-mailed link's
    grant in the session) or ask for that link."""
    if not needs_second_factor(request.user):
        return redirect(_next_url(request))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is not None:
        return _verify(request, device)
    device = _granted_device(request)
    if device is not None:
        return _enrol(request, device)
    return _ask_for_link(request)


def _verify(request, device):
    form = CodeForm(request.POST or None, recovery=True)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if not device.verify_is_allowed()[0]:
            form.add_error("code", TOO_MANY)
        elif len(code) == 6:
            if device.verify_token(code):  # counts its own failures
                otp_login(request, device)
                return redirect(_next_url(request))
            form.add_error("code", WRONG_CODE)
        elif recovery_code_use(user=request.user, code=code):
            device.throttle_reset()
            otp_login(request, device)
            left = recovery_codes_left(user=request.user)
            return _render(
                request,
                "recovered",
                left=f"{left} {plural('code de secours', 'codes de secours', left)}",
            )
        else:
            device.throttle_increment()
            form.add_error("code", "Ce code de secours n'est pas valide, ou il a déjà servi.")
    return _render(request, "verify", form=form)


def _granted_device(request) -> TOTPDevice | None:
    """The device the enrolment link opened in this session named, if still valid."""
    token = request.session.get(ENROLMENT_SESSION_KEY)
    if not token:
        return None
    try:
        device = enrolment_device(token=token)
    except InvalidLink:
        del request.session[ENROLMENT_SESSION_KEY]
        return None
    return device if device.user_id == request.user.pk else None


def _enrol(request, device):
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error("code", TOO_MANY)
        elif device.verify_token(form.cleaned_data["code"]):
            codes = enrolment_confirm(device=device)
            request.session.pop(ENROLMENT_SESSION_KEY, None)
            otp_login(request, device)
            # Shown in this answer only: they are stored as digests.
            return _render(request, "codes", codes=codes)
        else:
            form.add_error("code", WRONG_CODE)
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return _render(
        request,
        "enrol",
        form=form,
        qr_svg=segno.make(device.config_url, error="m").svg_inline(
            scale=4, title="QR code à scanner avec votre application d'authentification"
        ),
        secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
    )


def _ask_for_link(request):
    user, notice = request.user, ""
    if request.method == "POST":
        if exceeded("2fa-enrolment-link", str(user.pk), rate_for("2fa-enrolment-link", "3/h")):
            notice = "Plusieurs liens vous ont déjà été envoyés : consultez votre messagerie."
        elif enrolment_link_send(user=user):
            notice = f"Un lien d'activation vient d'être envoyé à {_masked(user.email)}."
        else:
            notice = "Votre compte n'a pas d'adresse e-mail : demandez à un administrateur."
    return _render(request, "link", notice=notice, has_email=bool(user.email))


def _masked(email: str) -> str:
    name, _, domain = email.partition("@")
    return f"{name[:1]}{'•' * max(len(name) - 1, 1)}@{domain}"


@keeps_secrets
@never_cache
def enrolment_link(request, token):
    """The link of the enrolment e-mail: grants this session the enrolment of the
    device it names, once the account's password is given too."""
    try:
        device = enrolment_device(token=token)
    except InvalidLink as error:
        return _render(request, "invalid-link", status=400, message=error.message)
    if request.user.is_authenticated and request.user.pk != device.user_id:
        message = (
            "Ce lien d'activation est destiné à un autre compte : déconnectez-vous, "
            "puis ouvrez-le à nouveau."
        )
        return _render(request, "invalid-link", status=403, message=message)
    request.session[ENROLMENT_SESSION_KEY] = token
    # Out of the address bar (and of any Referer) at once.
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("admin-2fa"), login_url=reverse("wagtailadmin_login"))
    return redirect("admin-2fa")

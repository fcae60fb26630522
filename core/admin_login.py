"""The login and password-reset forms of every door, bound to the one login policy
(core.login_throttle): the Wagtail admin's forms here, and the mixins the site's
account forms use."""

from django.core.exceptions import ValidationError
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm

from . import login_throttle as throttle

# Names under which a password, a code or a token travels through a view and what it calls.
SECRET_NAMES = (
    "password",
    "password1",
    "password2",
    "old_password",
    "new_password1",
    "new_password2",
    "raw_password",
    "credentials",
    "token",
    "session_token",
    "code",
    "codes",
    "kwargs",  # a view's URL arguments (a token in the path) as decorators pass them on
)


def keeps_secrets(view):
    """Error reports of ``view`` show none of the POSTed values, nor a secret among its
    variables or those of the code it calls (forms, authentication)."""
    # sensitive_variables outermost: its own frame (holding the view's arguments) is hidden.
    return sensitive_variables(*SECRET_NAMES)(sensitive_post_parameters()(view))


class ThrottledLoginMixin:
    """For an ``AuthenticationForm``: refused before the password is checked while the
    policy says so; failures and successes are reported to it."""

    refusal: throttle.LoginRefusal | None = None

    @sensitive_variables(*SECRET_NAMES)
    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if username and self.cleaned_data.get("password"):
            self.refusal = throttle.login_refusal(self.request, username=username)
            if self.refusal:
                raise ValidationError(self.refusal.message, code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError as error:
            if error.code == "invalid_login":
                throttle.login_failed(self.request, username=username)
            raise
        if self.get_user() is not None:
            throttle.login_succeeded(self.request, username=username)
        return cleaned


class ThrottledPasswordResetMixin:
    """For a ``PasswordResetForm``: beyond the limits the visitor sees the usual
    « e-mail sent » answer (nothing to learn from it) but no e-mail leaves."""

    def save(self, *args, request=None, **kwargs):
        if throttle.password_reset_allowed(request, email=self.cleaned_data["email"]):
            return super().save(*args, request=request, **kwargs)
        return None


class ThrottledLoginForm(ThrottledLoginMixin, LoginForm):
    """The admin's login form (``WAGTAILADMIN_USER_LOGIN_FORM``)."""


class ThrottledPasswordResetForm(ThrottledPasswordResetMixin, PasswordResetForm):
    """The admin's password-reset form (``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``)."""

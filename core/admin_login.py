"""The Wagtail admin's login form, with the same failed-login throttling as the site's."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms.auth import LoginForm

from . import login_throttle as throttle

THROTTLED = (
    "Trop de tentatives de connexion ont échoué. Pour protéger ce compte, la connexion "
    "est bloquée pendant une heure."
)


class ThrottledLoginForm(LoginForm):
    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if username and throttle.login_blocked(self.request, username):
            raise ValidationError(THROTTLED, code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError as error:
            if error.code == "invalid_login":
                throttle.login_failed(self.request, username)
            raise
        throttle.login_succeeded(self.request, username)
        return cleaned

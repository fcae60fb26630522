import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django_otp import user_has_device

from core.second_factor import ENROLMENT_DAYS, enrolment_link_create

USERNAME = "editeur"
EDITOR_GROUPS = ["Editors", "Moderators"]


class Command(BaseCommand):
    help = (
        "Creates the demo editor account (Wagtail Editors and Moderators groups) and prints its "
        "login. The password is generated once and kept in var/editeur.txt. Until the account "
        "has enrolled its second factor, prints a fresh enrolment link each run."
    )

    def handle(self, *args, **options):
        password_file = Path(settings.VAR_DIR) / "editeur.txt"
        user, created = get_user_model().objects.get_or_create(
            username=USERNAME,
            defaults={
                "email": "editeur@territoires-en-commun.fr",
                "first_name": "Équipe",
                "last_name": "éditoriale",
            },
        )
        password = password_file.read_text().strip() if password_file.exists() else ""
        if created or not password or not user.check_password(password):
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save()
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        user.groups.add(*Group.objects.filter(name__in=EDITOR_GROUPS))
        self.stdout.write(
            f"Compte éditeur : identifiant « {USERNAME} », mot de passe « {password} » "
            f"(administration : {settings.WAGTAILADMIN_BASE_URL}/admin/)"
        )
        if settings.ADMIN_REQUIRE_2FA:
            self.stdout.write(two_factor_hint(user))


def two_factor_hint(user) -> str:
    if user_has_device(user, confirmed=True):
        return (
            "Double authentification : activée (code de l'application, ou un code de secours). "
            f"Téléphone perdu : python manage.py send_2fa_enrolment {USERNAME} --reset --print"
        )
    # On the embedded default, a link printed here stands in for the e-mail (which
    # also lands in var/mail/ when sent); each run makes a new one.
    return (
        "Double authentification : ouvrez ce lien d'activation (un seul usage, valable "
        f"{ENROLMENT_DAYS} jours), connectez-vous, puis scannez le QR code avec votre "
        f"application :\n    {enrolment_link_create(user=user)}"
    )

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

USERNAME = "editeur"
EDITOR_GROUPS = ["Editors", "Moderators"]


class Command(BaseCommand):
    help = (
        "Creates the demo editor account (Wagtail Editors and Moderators groups) and prints its "
        "login. The password is generated once and kept in var/editeur.txt."
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

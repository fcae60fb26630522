from django.core.management.base import BaseCommand, CommandError

from core.services import SiteAddressTaken, site_sync_with_setting


class Command(BaseCommand):
    help = (
        "Donne au site Wagtail par défaut l'adresse publique SITE_URL (nom d'hôte, port et "
        "donc schéma) : liens canoniques, plan du site, flux et e-mails la portent."
    )

    def handle(self, *args, **options):
        try:
            site = site_sync_with_setting()
        except SiteAddressTaken as error:
            raise CommandError(str(error)) from error
        if site is None:
            raise CommandError(
                "Aucun site Wagtail par défaut : lancez d'abord « manage.py load_demo_content » "
                "ou créez-le dans l'administration (Paramètres › Sites)."
            )
        self.stdout.write(self.style.SUCCESS(f"Site par défaut : {site.root_url}/"))

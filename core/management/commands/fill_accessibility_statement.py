from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.rgaa_report import rgaa_report_write
from core.services import accessibility_statement_fill


class Command(BaseCommand):
    help = (
        "Remplit la déclaration d'accessibilité (date, méthode, outils, pages évaluées, "
        "constats) avec le rapport des vérifications RGAA automatisées (var/rgaa/, écrit par "
        "tests/browser/test_rgaa_beyond_axe.py), puis la publie."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dossier",
            default=str(settings.RGAA_REPORT_DIR),
            help="Dossier du rapport (par défaut : %(default)s).",
        )

    def handle(self, *args, **options):
        folder = Path(options["dossier"])
        report = rgaa_report_write(folder=folder)
        if report is None:
            raise CommandError(
                f"Aucun résultat de vérification dans {folder} : lancez d'abord "
                "« pytest tests/browser/test_rgaa_beyond_axe.py »."
            )
        page = accessibility_statement_fill(report=report)
        if page is None:
            raise CommandError("Le site n'a pas encore de déclaration d'accessibilité à remplir.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Déclaration publiée : vérifications du {report.date.isoformat()}, "
                f"{len(report.pages)} pages, {report.finding_count} constat(s)."
            )
        )

from django.core.management.base import BaseCommand, CommandError

from newsletter.months import parse_month
from newsletter.services import AssemblyRefused, issue_assemble


class Command(BaseCommand):
    help = (
        "Assemble le brouillon de la lettre d'un mois (par exemple : assemble_newsletter 2026-12)."
    )

    def add_arguments(self, parser):
        parser.add_argument("month", help="Le mois, au format AAAA-MM.")

    def handle(self, *args, month, **options):
        try:
            assembly = issue_assemble(month=parse_month(month))
        except ValueError as error:
            raise CommandError(f"« {month} » n'est pas un mois au format AAAA-MM.") from error
        except AssemblyRefused as refusal:
            raise CommandError(refusal.message) from refusal
        self.stdout.write(
            self.style.SUCCESS(
                f"Brouillon « {assembly.issue.title} » créé (page {assembly.issue.pk}) : "
                + ", ".join(assembly.sections)
            )
        )
        self.stdout.write(assembly.summary)
        for warning in assembly.warnings:
            self.stdout.write(self.style.WARNING(f"Attention : {warning}"))

"""Write the demo's illustrations (core.illustrations) as PNG files, to look at them or
to upload them by hand."""

from pathlib import Path

from django.core.management.base import BaseCommand

from core.illustrations import SCHEMES, illustration_png


class Command(BaseCommand):
    help = "Dessine les illustrations de démonstration (palette du DSFR) en PNG."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="Dossier où écrire les fichiers PNG.")

    def handle(self, *args, folder: Path, **options):
        folder.mkdir(parents=True, exist_ok=True)
        for name in SCHEMES:
            path = folder / f"illustration-{name}.png"
            path.write_bytes(illustration_png(name))
            self.stdout.write(f"{path}")

import time

from django.core.management.base import BaseCommand, CommandError

from ...reference_data import SourceError, download_package, entries_from_package, load_entries
from ...services import collectivite_import_entries


class Command(BaseCommand):
    help = (
        "Importe la liste officielle des collectivités (communes, EPCI, départements, régions) : "
        "par défaut depuis le fichier livré avec le code, sinon depuis un paquet "
        "@etalab/decoupage-administratif (dossier décompressé ou .tgz) ou depuis le registre npm. "
        "Sans effet si rien n'a changé ; les collectivités disparues sont marquées « plus en "
        "vigueur », jamais supprimées."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source",
            nargs="?",
            help="Fichier compact (.json.gz), dossier du paquet décompressé ou archive .tgz.",
        )
        parser.add_argument(
            "--download",
            nargs="?",
            const="latest",
            metavar="VERSION",
            help="Télécharge le paquet depuis le registre npm (dernière version par défaut).",
        )

    def handle(self, *args, source=None, download=None, verbosity=1, **options):
        if source and download:
            raise CommandError("Indiquez une source ou --download, pas les deux.")
        started = time.monotonic()
        try:
            if download:
                files, version = download_package(download)
                entries, origin = entries_from_package(files), f"npm {version}"
            else:
                entries, origin = load_entries(source)
        except (SourceError, OSError) as error:
            raise CommandError(f"Source illisible : {error}") from error
        report = collectivite_import_entries(entries=entries)
        if verbosity:
            self.stdout.write(
                f"{len(entries)} collectivités lues ({origin}) : {report} "
                f"en {time.monotonic() - started:.1f} s."
            )

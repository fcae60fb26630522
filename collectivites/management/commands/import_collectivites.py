import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ...merges import collectivite_merge_communes
from ...reference_data import (
    SourceError,
    download_package,
    entries_from_package,
    former_codes_from_package,
    load_entries,
    load_former_codes,
)
from ...services import collectivite_import_entries


class Command(BaseCommand):
    help = (
        "Importe la liste officielle des collectivités (communes, EPCI, départements, régions) : "
        "par défaut depuis le fichier livré avec le code, sinon depuis un paquet "
        "@etalab/decoupage-administratif (dossier décompressé ou .tgz) ou depuis le registre npm. "
        "Sans effet si rien n'a changé ; les collectivités disparues sont marquées « plus en "
        "vigueur », jamais supprimées. Les comptes, bulletins et inscriptions des communes "
        "fusionnées passent à la commune nouvelle (la liste garde leurs anciens codes)."
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
                former_codes = former_codes_from_package(files)
            else:
                entries, origin = load_entries(source)
                former_codes = load_former_codes(source)
        except (SourceError, OSError) as error:
            raise CommandError(f"Source illisible : {error}") from error
        with transaction.atomic():
            report = collectivite_import_entries(entries=entries)
            merges = collectivite_merge_communes(former_codes=former_codes)
        if verbosity:
            self.stdout.write(
                f"{len(entries)} collectivités lues ({origin}) : {report} "
                f"en {time.monotonic() - started:.1f} s."
            )
            self.stdout.write(f"Fusions de communes : {merges}")
            for line in merges.communes:
                self.stdout.write(f"  {line}")

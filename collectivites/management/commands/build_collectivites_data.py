from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from ...reference_data import (
    DATA_FILE,
    PACKAGE,
    SourceError,
    download_package,
    entries_from_package,
    epci_members_from_package,
    former_codes_from_package,
    read_package,
    write_data_file,
)


class Command(BaseCommand):
    help = (
        "Reconstruit le fichier compact des collectivités livré avec le code "
        f"({DATA_FILE.name}) depuis un paquet {PACKAGE} (dossier ou .tgz) ou depuis le "
        "registre npm. Pensez à mettre à jour la version citée dans NOTICE.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", nargs="?", help="Dossier du paquet décompressé ou .tgz.")
        parser.add_argument(
            "--download",
            nargs="?",
            const="latest",
            metavar="VERSION",
            help="Télécharge le paquet depuis le registre npm (dernière version par défaut).",
        )
        parser.add_argument("--output", default=str(DATA_FILE), help="Fichier à écrire.")

    def handle(self, *args, source=None, download=None, output=None, **options):
        if bool(source) == bool(download):
            raise CommandError("Indiquez soit le chemin du paquet, soit --download [VERSION].")
        try:
            files, version = download_package(download) if download else read_package(source)
        except (SourceError, OSError) as error:
            raise CommandError(f"Source illisible : {error}") from error
        entries = entries_from_package(files)
        write_data_file(
            entries,
            version,
            output,
            former_codes=former_codes_from_package(files),
            epci_members=epci_members_from_package(files),
        )
        counts = Counter(entry.kind for entry in entries)
        without_siren = sum(1 for e in entries if e.kind == "commune" and not e.siren)
        self.stdout.write(
            f"{output} écrit ({PACKAGE}@{version}) : "
            + ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items()))
            + f" ; {without_siren} communes sans SIREN ; "
            + f"{sum(1 for e in entries if e.kind in ('departement', 'region') and e.siren)} "
            + "départements et régions avec SIREN."
        )

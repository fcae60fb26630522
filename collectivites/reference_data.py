"""The official list of collectivités: read from Etalab's package, kept compact, imported.

Etalab publishes the *découpage administratif* (INSEE's Code officiel géographique,
the DGCL's EPCI, La Poste's postal codes) as the npm package
``@etalab/decoupage-administratif``. We keep only the fields the site uses in a
gzipped JSON file shipped with the code (``data/collectivites.json.gz``), so a
fresh install has the whole list without the network.
"""

import gzip
import hashlib
import io
import json
import tarfile
import urllib.request
from base64 import b64decode
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from django.db import connection, transaction

from .models import Collectivite
from .names import fold

PACKAGE = "@etalab/decoupage-administratif"
REGISTRY_URL = "https://registry.npmjs.org/@etalab/decoupage-administratif"
DATA_FILE = Path(__file__).parent / "data" / "collectivites.json.gz"
SOURCE_FILES = ("communes", "epci", "departements", "regions")
KINDS = Collectivite.Kind


class SourceError(Exception):
    """The source is missing, unreadable or not the package we expect."""


class Entry(NamedTuple):
    """One collectivité as the official list describes it (the fields we import)."""

    kind: str
    code: str
    siren: str | None
    name: str
    epci_type: str
    departement: str
    region: str
    population: int | None
    postal_codes: str

    @property
    def key(self) -> tuple[str, str]:
        return self.kind, self.code


COLUMNS = list(Entry._fields)


# --- Reading Etalab's package ------------------------------------------------------------


def entries_from_package(data: dict[str, list]) -> list[Entry]:
    """Entries from the package's JSON files (``data["communes"]`` etc.)."""
    communes = [c for c in data["communes"] if c.get("type") == "commune-actuelle"]
    commune_by_code = {c["code"]: c for c in communes}
    entries = [
        Entry(
            kind=KINDS.COMMUNE,
            code=c["code"],
            siren=c.get("siren") or None,
            name=c["nom"],
            epci_type="",
            departement=c.get("departement", ""),
            region=c.get("region", ""),
            population=c.get("population"),
            postal_codes=" ".join(sorted(set(c.get("codesPostaux") or []))),
        )
        for c in communes
    ]
    for epci in data["epci"]:
        departement = _main_departement(epci.get("membres") or [], commune_by_code)
        entries.append(
            Entry(
                kind=KINDS.EPCI,
                code=epci["code"],
                siren=epci["code"],
                name=epci["nom"],
                epci_type=epci.get("type", ""),
                departement=departement,
                region=_region_of(departement, data["departements"]),
                population=epci.get("populationMunicipale") or epci.get("populationTotale"),
                postal_codes="",
            )
        )
    # Neither départements nor régions carry a population: the sum of their communes'.
    population_by_departement = Counter()
    population_by_region = Counter()
    for c in communes:
        population_by_departement[c.get("departement")] += c.get("population") or 0
        population_by_region[c.get("region")] += c.get("population") or 0
    for departement in data["departements"]:
        entries.append(
            Entry(
                kind=KINDS.DEPARTEMENT,
                code=departement["code"],
                siren=None,
                name=departement["nom"],
                epci_type="",
                departement=departement["code"],
                region=departement.get("region", ""),
                population=population_by_departement.get(departement["code"]) or None,
                postal_codes="",
            )
        )
    for region in data["regions"]:
        # Overseas collectivités (zone « com ») are listed as both a « département » and a
        # « région » of their own: they are kept once, as the département.
        if region.get("zone") == "com":
            continue
        entries.append(
            Entry(
                kind=KINDS.REGION,
                code=region["code"],
                siren=None,
                name=region["nom"],
                epci_type="",
                departement="",
                region=region["code"],
                population=population_by_region.get(region["code"]) or None,
                postal_codes="",
            )
        )
    return entries


def _main_departement(members: list[dict], commune_by_code: dict) -> str:
    """The département where most of an EPCI's inhabitants live."""
    weights = defaultdict(int)
    for member in members:
        commune = commune_by_code.get(member.get("code"))
        if commune:
            weights[commune.get("departement", "")] += member.get("populationMunicipale") or 1
    return max(sorted(weights), key=weights.get) if weights else ""


def _region_of(departement: str, departements: list[dict]) -> str:
    return next((d.get("region", "") for d in departements if d["code"] == departement), "")


def read_package(path: Path) -> tuple[dict[str, list], str]:
    """The JSON files and version of an unpacked package directory or of its ``.tgz``."""
    path = Path(path)
    if path.is_dir():
        root = path / "package" if (path / "package" / "package.json").exists() else path
        try:
            files = {
                name: json.loads((root / "data" / f"{name}.json").read_text("utf-8"))
                for name in SOURCE_FILES
            }
            version = json.loads((root / "package.json").read_text("utf-8")).get("version", "")
        except (OSError, ValueError) as error:
            raise SourceError(f"{path} : paquet illisible ({error})") from error
        return files, version
    try:
        return _read_tarball(path.read_bytes())
    except OSError as error:
        raise SourceError(f"{path} : fichier illisible ({error})") from error


def _read_tarball(content: bytes) -> tuple[dict[str, list], str]:
    try:
        with tarfile.open(fileobj=io.BytesIO(content), mode="r:gz") as archive:

            def member(name: str):
                handle = archive.extractfile(f"package/{name}")
                if handle is None:
                    raise SourceError(f"{name} absent de l'archive")
                return json.load(handle)

            files = {name: member(f"data/{name}.json") for name in SOURCE_FILES}
            version = member("package.json").get("version", "")
    except (tarfile.TarError, KeyError, ValueError) as error:
        raise SourceError(f"archive du paquet illisible ({error})") from error
    return files, version


def download_package(version: str = "latest", timeout: int = 60) -> tuple[dict[str, list], str]:
    """Fetches the package from the npm registry and checks its published digest."""
    with urllib.request.urlopen(f"{REGISTRY_URL}/{version}", timeout=timeout) as response:  # noqa: S310
        manifest = json.load(response)
    dist = manifest.get("dist") or {}
    tarball_url = dist.get("tarball", "")
    if not tarball_url.startswith("https://registry.npmjs.org/"):
        raise SourceError(f"adresse d'archive inattendue : {tarball_url!r}")
    with urllib.request.urlopen(tarball_url, timeout=timeout) as response:  # noqa: S310
        content = response.read()
    algorithm, _, expected = (dist.get("integrity") or "").partition("-")
    if algorithm in {"sha512", "sha384", "sha256"}:
        if hashlib.new(algorithm, content).digest() != b64decode(expected):
            raise SourceError("l'empreinte de l'archive téléchargée ne correspond pas")
    elif hashlib.sha1(content).hexdigest() != dist.get("shasum"):  # noqa: S324 (npm's own)
        raise SourceError("l'empreinte de l'archive téléchargée ne correspond pas")
    return _read_tarball(content)


# --- The compact file shipped with the code ----------------------------------------------


def write_data_file(entries: list[Entry], version: str, path: Path = DATA_FILE) -> None:
    """Writes the entries, sorted, so that the same source gives the same bytes."""
    rows = sorted((list(entry) for entry in entries), key=lambda row: (row[0], row[1]))
    document = {
        "source": f"{PACKAGE}@{version}",
        "licence": "Licence Ouverte 2.0 (Etalab) ; voir NOTICE.md",
        "columns": COLUMNS,
        "rows": rows,
    }
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with (
        open(path, "wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as out,
    ):
        out.write(payload)


def read_data_file(path: Path = DATA_FILE) -> tuple[list[Entry], str]:
    """The entries of a compact file and the package version they come from."""
    try:
        with gzip.open(path, "rb") as handle:
            document = json.load(handle)
        columns = document["columns"]
        if columns != COLUMNS:
            raise SourceError(f"colonnes inattendues : {columns}")
        entries = [Entry(*row) for row in document["rows"]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SourceError(f"{path} : fichier de données illisible ({error})") from error
    return entries, document.get("source", "")


def load_entries(source: str | Path | None = None) -> tuple[list[Entry], str]:
    """Entries from the shipped file (default), a compact file, a package dir or ``.tgz``."""
    if source is None:
        return read_data_file()
    path = Path(source)
    if not path.exists():
        raise SourceError(f"{path} n'existe pas")
    if path.name.endswith(".json.gz"):
        return read_data_file(path)
    files, version = read_package(path)
    return entries_from_package(files), f"{PACKAGE}@{version}"


# --- Importing into the database ---------------------------------------------------------


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    retired: int = 0
    unchanged: int = 0

    def __str__(self):
        return (
            f"{self.created} créée(s), {self.updated} mise(s) à jour, "
            f"{self.retired} retirée(s) de la liste, {self.unchanged} inchangée(s)"
        )


IMPORTED_FIELDS = [*COLUMNS, "search_name", "is_current"]


def _validated(entries: list[Entry]) -> list[Entry]:
    keys = Counter(entry.key for entry in entries)
    sirens = Counter(entry.siren for entry in entries if entry.siren)
    duplicates = [key for key, count in keys.items() if count > 1]
    duplicates += [siren for siren, count in sirens.items() if count > 1]
    if duplicates:
        raise SourceError(f"doublons dans la source : {duplicates[:5]}")
    return entries


@transaction.atomic
def import_entries(entries: list[Entry]) -> ImportReport:
    """Creates, updates and retires collectivités so that the table matches ``entries``.

    Idempotent. Those no longer in the list (mergers) are marked not current, never
    deleted: representatives and votes point at them. Only changed rows are written,
    in a few statements (the ORM's bulk methods are several times slower on 35,000 rows).
    """
    entries = _validated(entries)
    existing = {
        (row[1], row[2]): row
        for row in Collectivite.objects.values_list("id", *IMPORTED_FIELDS).iterator(5000)
    }
    report = ImportReport()
    to_create, to_update, kept = [], [], set()
    for entry in entries:
        values = (*entry, fold(entry.name), True)
        row = existing.get(entry.key)
        if row is None:
            to_create.append(values)
        elif row[1:] != values:
            to_update.append((*values, row[0]))
        else:
            report.unchanged += 1
        kept.add(entry.key)
    retired = [row[0] for key, row in existing.items() if key not in kept and row[-1]]
    # A SIREN may move to another row (a commune nouvelle keeps one of its old SIRENs):
    # free it first, retired rows giving theirs up, so the unique constraint holds.
    siren = IMPORTED_FIELDS.index("siren")  # its place in ``values`` (one more in ``row``)
    holder = {values[siren]: values[-1] for values in to_update if values[siren]}
    holder.update({values[siren]: None for values in to_create if values[siren]})
    freed = [
        row
        for row in existing.values()
        if row[siren + 1] in holder and holder[row[siren + 1]] != row[0]
    ]
    for ids in _chunks([row[0] for row in freed]):
        Collectivite.objects.filter(id__in=ids).update(siren=None)
    for ids in _chunks(retired):
        Collectivite.objects.filter(id__in=ids).update(is_current=False)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _copy_rows(cursor, to_create, to_update)
        else:
            _execute_rows(cursor, to_create, to_update)
    report.created, report.updated, report.retired = len(to_create), len(to_update), len(retired)
    return report


def _chunks(ids: list[int], size: int = 500):
    # SQLite may take no more than 999 parameters in one query.
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# Only quoted names of our own table go into this SQL; every value is a parameter.
TABLE = Collectivite._meta.db_table
WRITTEN = [*IMPORTED_FIELDS, "email_domains"]


def _quoted(names: list[str]) -> str:
    return ", ".join(connection.ops.quote_name(name) for name in names)


def _execute_rows(cursor, to_create: list[tuple], to_update: list[tuple]) -> None:
    """SQLite: one prepared statement run many times is its fastest way."""
    table = connection.ops.quote_name(TABLE)
    if to_update:
        assignments = ", ".join(
            f"{connection.ops.quote_name(name)} = %s" for name in IMPORTED_FIELDS
        )
        cursor.executemany(f"UPDATE {table} SET {assignments} WHERE id = %s", to_update)  # noqa: S608
    if to_create:
        marks = ", ".join(["%s"] * len(WRITTEN))
        cursor.executemany(
            f"INSERT INTO {table} ({_quoted(WRITTEN)}) VALUES ({marks})",  # noqa: S608
            [(*values, "") for values in to_create],
        )


def _copy_rows(cursor, to_create: list[tuple], to_update: list[tuple]) -> None:
    """PostgreSQL: COPY, three times faster than row by row; updates go through a
    temporary table joined in one UPDATE."""
    raw = cursor.cursor  # psycopg's own cursor, for COPY
    if to_update:
        # Built from a SELECT, so it takes the columns but not their NOT NULL constraints.
        raw.execute(
            f"CREATE TEMPORARY TABLE collectivite_import ON COMMIT DROP AS "  # noqa: S608
            f"SELECT {_quoted([*IMPORTED_FIELDS, 'id'])} FROM {TABLE} WITH NO DATA"
        )
        with raw.copy(
            f"COPY collectivite_import ({_quoted([*IMPORTED_FIELDS, 'id'])}) FROM STDIN"
        ) as copy:
            for row in to_update:
                copy.write_row(row)
        assignments = ", ".join(
            f"{name} = source.{name}"
            for name in (connection.ops.quote_name(field) for field in IMPORTED_FIELDS)
        )
        raw.execute(
            f"UPDATE {TABLE} SET {assignments} FROM collectivite_import AS source "  # noqa: S608
            f"WHERE {TABLE}.id = source.id"
        )
        raw.execute("DROP TABLE collectivite_import")
    if to_create:
        with raw.copy(f"COPY {TABLE} ({_quoted(WRITTEN)}) FROM STDIN") as copy:
            for values in to_create:
                copy.write_row((*values, ""))


def import_shipped_list() -> ImportReport:
    entries, _source = read_data_file()
    return import_entries(entries)

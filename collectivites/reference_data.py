"""The official list of collectivités: read from Etalab's package, kept compact, imported.

Etalab publishes the *découpage administratif* (INSEE's Code officiel géographique,
the DGCL's EPCI, La Poste's postal codes) as the npm package
``@etalab/decoupage-administratif``. We keep only the fields the site uses in a
gzipped JSON file shipped with the code (``data/collectivites.json.gz``), so a
fresh install has the whole list without the network.
"""

import csv
import functools
import gzip
import hashlib
import io
import json
import tarfile
import urllib.request
from base64 import b64decode
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

from .models import Collectivite

PACKAGE = "@etalab/decoupage-administratif"
REGISTRY_URL = "https://registry.npmjs.org/@etalab/decoupage-administratif"
DATA_FILE = Path(__file__).parent / "data" / "collectivites.json.gz"
# The package gives no SIREN to départements and régions: this table completes it
# (see data/NOTICE.md for its sources).
SIRENS_FILE = Path(__file__).parent / "data" / "sirens_departements_regions.csv"
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
    sirens = upper_sirens()
    communes = [c for c in data["communes"] if c.get("type") == "commune-actuelle"]
    # Neither départements nor régions carry a population: the sum of their communes'.
    population_by_departement = Counter()
    population_by_region = Counter()
    for c in communes:
        population_by_departement[c.get("departement")] += c.get("population") or 0
        population_by_region[c.get("region")] += c.get("population") or 0
    return [
        *(_commune_entry(c) for c in communes),
        *_epci_entries(data["epci"], communes, data["departements"]),
        *(
            _entry(
                KINDS.DEPARTEMENT,
                departement["code"],
                departement["nom"],
                siren=sirens.get((KINDS.DEPARTEMENT, departement["code"])),
                departement=departement["code"],
                region=departement.get("region", ""),
                population=population_by_departement.get(departement["code"]) or None,
            )
            for departement in data["departements"]
        ),
        *(
            _entry(
                KINDS.REGION,
                region["code"],
                region["nom"],
                siren=sirens.get((KINDS.REGION, region["code"])),
                region=region["code"],
                population=population_by_region.get(region["code"]) or None,
            )
            for region in data["regions"]
            # Overseas collectivités (zone « com ») are listed as both a « département »
            # and a « région » of their own: they are kept once, as the département.
            if region.get("zone") != "com"
        ),
    ]


def upper_sirens(path: Path = SIRENS_FILE) -> dict[tuple[str, str], str]:
    """(kind, code) -> SIREN of the départements and régions in the shipped table."""
    with open(path, encoding="utf-8", newline="") as handle:
        return {
            (row["type"], row["code"]): row["siren"]
            for row in csv.DictReader(handle, delimiter=";")
        }


def former_codes_from_package(data: dict[str, list]) -> dict[str, str]:
    """Former INSEE code -> code of the current commune that took it over (mergers).

    A commune nouvelle often keeps one of its founders' codes: that one is not a move,
    nor is a code that is a current commune's again (a commune restored).
    """
    communes = [c for c in data["communes"] if c.get("type") == "commune-actuelle"]
    current = {c["code"] for c in communes}
    return {
        former: commune["code"]
        for commune in communes
        for former in commune.get("anciensCodes") or []
        if former not in current
    }


def epci_members_from_package(data: dict[str, list]) -> dict[str, list[str]]:
    """EPCI SIREN -> INSEE codes of its member communes."""
    return {
        epci["code"]: sorted(m["code"] for m in epci.get("membres") or [] if m.get("code"))
        for epci in data["epci"]
    }


def _entry(kind: str, code: str, name: str, **details) -> Entry:
    """An entry; what ``details`` does not give is empty (no SIREN, no population…)."""
    empty = {"siren": None, "epci_type": "", "departement": "", "region": "", "population": None}
    return Entry(kind=kind, code=code, name=name, **{**empty, "postal_codes": "", **details})


def _commune_entry(commune: dict) -> Entry:
    return _entry(
        KINDS.COMMUNE,
        commune["code"],
        commune["nom"],
        siren=commune.get("siren") or None,
        departement=commune.get("departement", ""),
        region=commune.get("region", ""),
        population=commune.get("population"),
        postal_codes=" ".join(sorted(set(commune.get("codesPostaux") or []))),
    )


def _epci_entries(epcis: list[dict], communes: list[dict], departements: list[dict]):
    commune_by_code = {c["code"]: c for c in communes}
    for epci in epcis:
        departement = _main_departement(epci.get("membres") or [], commune_by_code)
        yield _entry(
            KINDS.EPCI,
            epci["code"],
            epci["nom"],
            siren=epci["code"],
            epci_type=epci.get("type", ""),
            departement=departement,
            region=_region_of(departement, departements),
            population=epci.get("populationMunicipale") or epci.get("populationTotale"),
        )


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


def write_data_file(
    entries: list[Entry],
    version: str,
    path: Path = DATA_FILE,
    *,
    former_codes: dict[str, str] | None = None,
    epci_members: dict[str, list[str]] | None = None,
) -> None:
    """Writes the entries, sorted, so that the same source gives the same bytes; with
    the mergers' former codes and the EPCI's members when the source gives them."""
    rows = sorted((list(entry) for entry in entries), key=lambda row: (row[0], row[1]))
    document = {
        "source": f"{PACKAGE}@{version}",
        "licence": "Licence Ouverte 2.0 (Etalab) ; voir NOTICE.md",
        "columns": COLUMNS,
        "rows": rows,
        "former_codes": dict(sorted((former_codes or {}).items())),
        "epci_members": dict(sorted((epci_members or {}).items())),
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


def read_data_file_links(path: Path = DATA_FILE) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The former codes (former -> current) and EPCI members of a compact file."""
    try:
        with gzip.open(path, "rb") as handle:
            document = json.load(handle)
    except (OSError, ValueError) as error:
        raise SourceError(f"{path} : fichier de données illisible ({error})") from error
    return document.get("former_codes") or {}, document.get("epci_members") or {}


@functools.cache
def shipped_epci_members() -> dict[str, list[str]]:
    """EPCI SIREN -> member communes' codes, from the shipped file (read once)."""
    return read_data_file_links()[1]


def load_former_codes(source: str | Path | None = None) -> dict[str, str]:
    """Former commune code -> current code, from the same sources as ``load_entries``."""
    path = DATA_FILE if source is None else Path(source)
    if path.name.endswith(".json.gz"):
        return read_data_file_links(path)[0]
    files, _version = read_package(path)
    return former_codes_from_package(files)


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

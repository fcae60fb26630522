"""Importing the official list: idempotent, updates what changed, never deletes."""

import gzip
import io
import json
import tarfile
from base64 import b64encode
from hashlib import sha512

import pytest
from django.core.management import CommandError, call_command

from collectivites import reference_data
from collectivites.models import Collectivite
from collectivites.reference_data import (
    Entry,
    entries_from_package,
    read_data_file,
    write_data_file,
)
from collectivites.services import collectivite_import_entries, collectivite_import_shipped_list

from .factories import RepresentativeFactory, siren_with_key

pytestmark = pytest.mark.django_db


def test_the_shipped_file_holds_the_whole_official_list():
    entries, source = read_data_file()
    assert source == "@etalab/decoupage-administratif@6.0.0"
    kinds = {kind: [e for e in entries if e.kind == kind] for kind in Collectivite.Kind.values}
    assert len(kinds["commune"]) == 34969
    assert len([e for e in kinds["commune"] if not e.siren]) == 94
    assert {e.departement for e in kinds["commune"] if not e.siren} <= {
        "975",
        "977",
        "978",
        "984",
        "986",
        "987",
        "988",
        "989",
    }
    assert len(kinds["epci"]) == 1255
    assert len(kinds["departement"]) == 109
    assert len(kinds["region"]) == 18
    lyon = next(e for e in kinds["commune"] if e.code == "69123")
    assert lyon == Entry(
        "commune", "69123", "216901231", "Lyon", "", "69", "84", 519127,
        "69001 69002 69003 69004 69005 69006 69007 69008 69009",
    )  # fmt: skip


def test_the_demo_database_holds_it_and_importing_it_again_changes_nothing():
    assert Collectivite.objects.filter(kind="commune", is_current=True).count() == 34969
    assert Collectivite.objects.filter(kind="commune", siren=None).count() == 94
    assert Collectivite.objects.filter(kind="epci").count() == 1255
    domains = dict(
        Collectivite.objects.exclude(email_domains="").values_list("code", "email_domains")
    )
    report = collectivite_import_shipped_list()
    assert (report.created, report.updated, report.retired) == (0, 0, 0)
    assert report.unchanged == 36351
    # What staff typed in the admin stays.
    assert (
        dict(Collectivite.objects.exclude(email_domains="").values_list("code", "email_domains"))
        == domains
    )


def commune(code, name, siren=None, population=100, postal="99100"):
    return Entry("commune", code, siren, name, "", "99", "99", population, postal)


def test_changes_update_rows_and_vanished_collectivites_are_kept_as_not_current():
    first = [
        commune("99001", "Amont", siren_with_key("99100001")),
        commune("99002", "Aval", siren_with_key("99100002")),
    ]
    collectivite_import_entries(entries=first)
    amont = Collectivite.objects.get(code="99001")
    RepresentativeFactory(collectivite=amont)

    # A year later: Amont and Aval merge into Amont-et-Aval, which keeps Amont's SIREN.
    merged = commune("99003", "Amont-et-Aval", siren_with_key("99100001"), population=250)
    renamed = [commune("99002", "Aval-sur-Loire", siren_with_key("99100002")), merged]
    report = collectivite_import_entries(entries=renamed)

    assert (report.created, report.updated, report.retired) == (1, 1, 1)
    amont.refresh_from_db()
    assert not amont.is_current
    assert amont.siren is None  # given up to the new commune
    assert amont.representatives.count() == 1  # never deleted
    aval = Collectivite.objects.get(code="99002")
    assert (aval.name, aval.search_name) == ("Aval-sur-Loire", "aval sur loire")
    new = Collectivite.objects.get(code="99003")
    assert (new.siren, new.population, new.is_current) == (merged.siren, 250, True)

    again = collectivite_import_entries(entries=renamed)
    assert (again.created, again.updated, again.retired) == (0, 0, 0)


def test_a_collectivite_coming_back_is_current_again():
    entries = [commune("99001", "Revenante")]
    collectivite_import_entries(entries=entries)
    collectivite_import_entries(entries=[commune("99002", "Autre")])
    assert not Collectivite.objects.get(code="99001").is_current
    collectivite_import_entries(entries=entries)
    assert Collectivite.objects.get(code="99001").is_current


def test_sirens_swapped_between_two_rows_import_without_breaking_uniqueness():
    a, b = siren_with_key("99100011"), siren_with_key("99100012")
    collectivite_import_entries(entries=[commune("99001", "Une", a), commune("99002", "Deux", b)])
    collectivite_import_entries(entries=[commune("99001", "Une", b), commune("99002", "Deux", a)])
    assert Collectivite.objects.get(code="99001").siren == b


def test_duplicates_in_the_source_are_refused_before_anything_is_written():
    with pytest.raises(reference_data.SourceError):
        collectivite_import_entries(entries=[commune("99001", "A"), commune("99001", "B")])
    assert not Collectivite.objects.filter(code="99001").exists()


# --- From the package --------------------------------------------------------------------

PACKAGE = {
    "communes": [
        {"code": "99001", "nom": "Bourg-Témoin", "type": "commune-actuelle", "departement": "99",
         "region": "98", "siren": "219900019", "population": 1200, "codesPostaux": ["99100", "99100"]},
        {"code": "99002", "nom": "Île-Témoin", "type": "commune-actuelle", "departement": "99",
         "region": "98", "population": 40},
        {"code": "99003", "nom": "Déléguée", "type": "commune-deleguee", "departement": "99"},
    ],
    "epci": [
        {"code": "249900015", "nom": "CC Témoin", "type": "CC", "populationMunicipale": 1240,
         "populationTotale": 1300, "membres": [{"code": "99001", "populationMunicipale": 1200}]},
    ],
    "departements": [{"code": "99", "nom": "Témoin", "region": "98", "zone": "metro"}],
    "regions": [
        {"code": "98", "nom": "Région Témoin", "zone": "metro"},
        {"code": "997", "nom": "Collectivité d'outre-mer", "zone": "com"},
    ],
}  # fmt: skip


def test_entries_from_the_package_keep_current_communes_and_derive_what_is_missing():
    entries = {e.key: e for e in entries_from_package(PACKAGE)}
    assert set(entries) == {
        ("commune", "99001"), ("commune", "99002"), ("epci", "249900015"),
        ("departement", "99"), ("region", "98"),
    }  # fmt: skip
    assert entries[("commune", "99001")].postal_codes == "99100"
    assert entries[("commune", "99002")].siren is None
    epci = entries[("epci", "249900015")]
    assert (epci.siren, epci.departement, epci.region, epci.population) == (
        "249900015",
        "99",
        "98",
        1240,
    )
    assert entries[("departement", "99")].population == 1240
    assert entries[("departement", "99")].siren is None


def write_package(root, files=PACKAGE, version="9.9.9"):
    (root / "package" / "data").mkdir(parents=True)
    (root / "package" / "package.json").write_text(json.dumps({"version": version}))
    for name, content in files.items():
        (root / "package" / "data" / f"{name}.json").write_text(json.dumps(content))
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        archive.add(root / "package", arcname="package")
    return buffer.getvalue()


def test_the_command_imports_from_a_package_directory_or_its_tarball(tmp_path):
    tarball = write_package(tmp_path)
    (tmp_path / "package.tgz").write_bytes(tarball)
    out = io.StringIO()
    call_command("import_collectivites", str(tmp_path), stdout=out)
    assert (
        "5 collectivités lues (@etalab/decoupage-administratif@9.9.9) : 5 créée(s)"
        in out.getvalue()
    )
    call_command("import_collectivites", str(tmp_path / "package.tgz"), stdout=out)
    assert (
        "0 créée(s), 0 mise(s) à jour, 0 retirée(s) de la liste, 5 inchangée(s)" in out.getvalue()
    )
    assert Collectivite.objects.get(code="99001").search_name == "bourg temoin"
    # Everything not in this small source is now marked as not current, nothing deleted.
    assert Collectivite.objects.filter(is_current=False).count() >= 36351


def test_the_compact_file_is_rebuilt_from_the_package_identically(tmp_path):
    write_package(tmp_path)
    output = tmp_path / "out.json.gz"
    call_command(
        "build_collectivites_data", str(tmp_path), output=str(output), stdout=io.StringIO()
    )
    first = output.read_bytes()
    call_command(
        "build_collectivites_data", str(tmp_path), output=str(output), stdout=io.StringIO()
    )
    assert output.read_bytes() == first
    entries, source = read_data_file(output)
    assert source == "@etalab/decoupage-administratif@9.9.9"
    assert sorted(entries) == sorted(entries_from_package(PACKAGE))
    document = json.loads(gzip.decompress(first))
    assert "Licence Ouverte" in document["licence"]


def test_download_checks_the_digest_published_by_the_registry(tmp_path, monkeypatch):
    tarball = write_package(tmp_path, version="7.0.0")
    integrity = "sha512-" + b64encode(sha512(tarball).digest()).decode()
    tarball_url = "https://registry.npmjs.org/@etalab/decoupage-administratif/-/x-7.0.0.tgz"
    answers = {
        f"{reference_data.REGISTRY_URL}/7.0.0": json.dumps(
            {"dist": {"tarball": tarball_url, "integrity": integrity}}
        ).encode(),
        tarball_url: tarball,
    }
    monkeypatch.setattr(
        reference_data.urllib.request, "urlopen", lambda url, timeout: io.BytesIO(answers[url])
    )
    out = io.StringIO()
    call_command("import_collectivites", download="7.0.0", stdout=out)
    assert "(npm 7.0.0) : 5 créée(s)" in out.getvalue()

    answers[tarball_url] = tarball[:-10] + b"0" * 10  # altered on the way
    with pytest.raises(CommandError, match="empreinte"):
        call_command("import_collectivites", download="7.0.0", stdout=out)


def test_unreadable_sources_stop_with_a_clear_error(tmp_path):
    (tmp_path / "broken.tgz").write_bytes(b"not a tarball")
    (tmp_path / "broken.json.gz").write_bytes(gzip.compress(b'{"columns": ["x"]}'))
    for source in ["/nonexistent", tmp_path / "broken.tgz", tmp_path / "broken.json.gz", tmp_path]:
        with pytest.raises(CommandError, match="Source illisible"):
            call_command("import_collectivites", str(source), stdout=io.StringIO())
    assert Collectivite.objects.current().count() == 36351


def test_write_then_read_gives_back_the_entries(tmp_path):
    entries = [commune("99001", "Œuilly-Témoin", siren_with_key("99100001"))]
    write_data_file(entries, "1.0.0", tmp_path / "x.json.gz")
    assert read_data_file(tmp_path / "x.json.gz") == (
        entries,
        "@etalab/decoupage-administratif@1.0.0",
    )

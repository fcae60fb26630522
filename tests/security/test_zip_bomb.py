"""Attack: a zip bomb sent as an OpenDocument text to the resource contribution form.
A 0.5 MB .odt whose ``mimetype`` member is 512 MiB of zeros made the serving process
grow by 1 GiB (the member was inflated whole to compare it with 39 bytes); a 2 GiB
variant took 4 GiB. Now the form refuses such an archive in French, and checking it
costs the process less than 100 MiB at its peak, measured in a fresh process (its
``ru_maxrss``), including for a bzip2 member whose declared size lies (Python inflates
those without a bound) and for an archive of 230,000 empty members (listing them took
125 MiB)."""

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from contributions.models import Contribution
from tests.contributions.helpers import resource_data, text

from .zip_bombs import MiB, declare_small, write_bomb, write_crowded, write_document

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
ABNORMAL = "c'est une archive anormale, peut-être malveillante"
ODD_COMPRESSION = "compressé d'une façon qu'aucun traitement de texte n'emploie"
CROWDED = "fichiers internes : bien trop pour un document"


@pytest.fixture(scope="module")
def bombs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bombs")
    write_document(folder / "genuine.odt")
    write_bomb(folder / "512mib.odt", inflated=512 * MiB)
    write_bomb(folder / "2gib.odt", inflated=2048 * MiB)
    write_bomb(folder / "lying-bzip2.odt", inflated=256 * MiB, compression=zipfile.ZIP_BZIP2)
    declare_small(folder / "lying-bzip2.odt")
    write_crowded(folder / "crowded.odt", members=230_000)  # under the 20 Mio limit
    return folder


def test_the_form_refuses_the_bomb_in_french(client, bombs):
    content = (bombs / "512mib.odt").read_bytes()
    assert len(content) < 3 * MiB

    response = client.post(
        "/contribuer/ressource/",
        resource_data(url="", document=SimpleUploadedFile("guide.odt", content)),
    )

    assert response.status_code == 200
    page = text(response).replace("\xa0", " ")
    assert "Une fois décompressé, ce document occuperait 512,0 Mio" in page
    assert ABNORMAL in page
    assert "Le formulaire contient 1 erreur" in page
    assert Contribution.objects.count() == 0


def database_name() -> str:
    return connection.settings_dict["NAME"]


def run_probe(upload: Path, warm_up: Path) -> dict:
    """Checks ``upload`` in a fresh process, on this test database (PostgreSQL: an
    in-memory SQLite database is this process's alone)."""
    if connection.vendor != "postgresql":
        pytest.skip("the probe process reads the test database: PostgreSQL only")
    probe = subprocess.run(
        [sys.executable, "-m", "tests.security.zip_bombs", upload, warm_up, database_name()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert probe.returncode == 0, probe.stderr[-3000:]
    return json.loads(probe.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("bomb", "message"),
    [
        ("512mib.odt", ABNORMAL),
        ("2gib.odt", ABNORMAL),
        ("lying-bzip2.odt", ODD_COMPRESSION),
        ("crowded.odt", CROWDED),
    ],
)
def test_checking_a_bomb_costs_less_than_100_mib(bombs, bomb, message):
    result = run_probe(bombs / bomb, bombs / "genuine.odt")

    assert result["growth_mib"] < 100, result
    assert result["valid"] is False
    assert any(message in error for error in result["errors"]), result["errors"]


def test_a_genuine_document_is_still_accepted(bombs):
    result = run_probe(bombs / "genuine.odt", bombs / "genuine.odt")

    assert result == {"valid": True, "errors": [], "growth_mib": result["growth_mib"]}

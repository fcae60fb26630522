"""`make run` serves the site as visitors see it: a real runserver on the dev settings.

DEBUG is left unset, as `make run` leaves it: French error pages, no debug page,
static files through WhiteNoise and uploaded media from the local store.
"""

import http.client
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
PORT = 18410
# What a developer's shell may hold and `make run` does not read.
LEFT_OUT = {"DEBUG", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"}
LEFT_OUT |= {"EMAIL_HOST", "MEDIA_ROOT", "DJANGO_ALLOW_ASYNC_UNSAFE"}
LEFT_OUT |= {name for name in os.environ if name.startswith("AWS_")}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("var")
    env = {name: value for name, value in os.environ.items() if name not in LEFT_OUT}
    env |= {
        "VAR_DIR": str(var_dir),
        "DJANGO_SETTINGS_MODULE": "tests.territoires.embedded_default_settings",
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run(
        [*manage, "migrate", "--noinput"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    process = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{PORT}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(process)
        yield var_dir
    finally:
        process.terminate()
        process.wait(timeout=20)


def wait_until_up(process):
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert process.poll() is None, "runserver stopped"
        try:
            get("/sante/")
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError("runserver did not answer")


def get(path):
    """Status, headers and body of a GET, error statuses included."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def heading(body: bytes) -> str:
    soup = BeautifulSoup(body, "html.parser")
    assert soup.html["lang"] == "fr"
    return soup.select_one("main h1").get_text(strip=True)


def test_an_unknown_address_shows_the_french_404_not_the_debug_page(server):
    status, _, body = get("/cette-page-n-existe-pas/")
    assert status == 404
    assert heading(body) == "Page non trouvée"
    assert b"URLconf" not in body and b"DEBUG = True" not in body


def test_an_error_shows_the_french_500_without_a_traceback(server):
    status, _, body = get("/panne/")
    assert status == 500
    assert heading(body) == "Erreur inattendue"
    assert b"Traceback" not in body and b"RuntimeError" not in body


def test_static_files_are_served_with_debug_off(server):
    status, headers, body = get("/static/css/territoires.css")
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert body == (ROOT / "static/css/territoires.css").read_bytes()


def test_uploaded_images_are_served_from_the_local_store(server):
    image = server / "media/images/affiche.jpg"
    image.parent.mkdir(parents=True)
    image.write_bytes(b"\xff\xd8\xff\xe0 une image")
    status, headers, body = get("/media/images/affiche.jpg")
    assert status == 200
    assert headers["Content-Type"] == "image/jpeg"
    assert body == b"\xff\xd8\xff\xe0 une image"


def test_documents_are_reached_only_through_their_download_view(server):
    document = server / "media/documents/guide.pdf"
    document.parent.mkdir(parents=True)
    document.write_bytes(b"%PDF-1.4")
    status, _, body = get("/media/documents/guide.pdf")
    assert status == 404
    assert heading(body) == "Page non trouvée"
    for escape in ("/media/../db.sqlite3", "/media/%2e%2e/db.sqlite3"):
        status, _, body = get(escape)
        assert status in {400, 404} and b"SQLite format" not in body

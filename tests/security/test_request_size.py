"""Attack: a 200 MiB POST to a public form, declared (Content-Length) or not (chunked).
Before, the body was read in full before the form refused it: a few such requests
fill a node's memory or disk. Now it is refused from its declared length, with a
French page naming the limit, before a byte of it is read — by the test client and
by gunicorn, which answers while the client is still sending."""

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from contributions.models import Contribution
from tests.contributions.helpers import resource_data, text

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
MiB = 1024 * 1024
ATTACK_SIZE = 200 * MiB
FORM = "/contribuer/ressource/"
MULTIPART = "multipart/form-data; boundary=frontiere"


class CountingBody:
    """A request body of zeros, made as it is read, that counts what was read of it."""

    def __init__(self, size: int):
        self.size = size
        self.read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        left = self.size - self.read_bytes
        size = left if size is None or size < 0 else min(size, left)
        self.read_bytes += size
        return bytes(size)

    def readline(self, size: int = -1) -> bytes:
        return self.read(size if size and size > 0 else 64 * 1024)


def test_a_declared_200_mib_body_is_refused_unread(client):
    body = CountingBody(ATTACK_SIZE)

    response = client.generic(
        "POST",
        FORM,
        CONTENT_TYPE=MULTIPART,
        CONTENT_LENGTH=str(ATTACK_SIZE),
        **{"wsgi.input": body},
    )

    assert response.status_code == 413
    page = text(response).replace("\xa0", " ")  # sizes are written with no-break spaces
    assert "Votre envoi pèse 200,0 Mio : la limite est de 25,0 Mio par envoi." in page
    assert body.read_bytes == 0
    assert Contribution.objects.count() == 0


def test_a_chunked_body_is_refused_unread(client):
    body = CountingBody(ATTACK_SIZE)

    response = client.generic(
        "POST",
        FORM,
        CONTENT_TYPE=MULTIPART,
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": body},
    )

    assert response.status_code == 411
    assert "n'annonce pas sa taille" in text(response)
    assert body.read_bytes == 0


def test_too_many_form_bytes_are_a_french_400(client):
    """Under the upload limit, text fields are still capped (DATA_UPLOAD_MAX_MEMORY_SIZE)."""
    response = client.post(FORM, resource_data(summary="x" * (3 * MiB)))

    assert response.status_code == 400
    assert "Demande non valide" in text(response)


def test_a_document_over_the_limit_is_refused_by_the_form_which_names_it(client):
    document = SimpleUploadedFile("guide.pdf", b"%PDF-1.4\n" + bytes(21 * MiB))

    response = client.post(FORM, resource_data(url="", document=document))

    assert response.status_code == 200
    page = text(response).replace("\xa0", " ")
    assert "Le fichier pèse 21,0 Mio : la limite est de 20,0 Mio." in page
    assert Contribution.objects.count() == 0


# --- The same, against gunicorn -------------------------------------------------------

PORTS = range(18600, 18700)


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as sock, contextlib.suppress(OSError):
            sock.bind(("127.0.0.1", port))
            return port
    raise RuntimeError("no free port in 18600-18699")


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    """gunicorn on the test settings. The refusal comes before sessions and the
    database, so this server needs neither (its SQLite file is never opened)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env |= {"DJANGO_SETTINGS_MODULE": "territoires.settings.test"}
    env |= {"VAR_DIR": str(tmp_path_factory.mktemp("var"))}
    command = [sys.executable, "-m", "gunicorn", "territoires.wsgi", "--workers", "1"]
    process = subprocess.Popen(
        [*command, "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert process.poll() is None, "gunicorn stopped"
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            time.sleep(0.3)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def send_head_and_start_body(port: int, headers: str, first_bytes: bytes) -> bytes:
    """Sends the request head and the start of its body, then reads the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(headers.encode() + b"\r\n" + first_bytes)
        answer = b""
        with contextlib.suppress(TimeoutError, ConnectionResetError):
            while b"</html>" not in answer and (chunk := sock.recv(65536)):
                answer += chunk
        return answer


def test_gunicorn_answers_413_while_the_body_is_still_coming(gunicorn):
    head = (
        f"POST {FORM} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {MULTIPART}\r\n"
        f"Content-Length: {ATTACK_SIZE}\r\n"
    )
    answer = send_head_and_start_body(gunicorn, head, bytes(64 * 1024))

    assert answer.startswith(b"HTTP/1.1 413 ")
    assert "la limite est de 25,0\xa0Mio par envoi" in answer.decode()


def test_gunicorn_refuses_a_chunked_body(gunicorn):
    head = (
        f"POST {FORM} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {MULTIPART}\r\n"
        "Transfer-Encoding: chunked\r\n"
    )
    answer = send_head_and_start_body(gunicorn, head, b"10000\r\n" + bytes(0x10000) + b"\r\n")

    assert answer.startswith(b"HTTP/1.1 411 ")

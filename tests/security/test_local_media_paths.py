"""Attack: reading a Wagtail document's raw file through /media/ on the embedded
default by spelling its path another way, which would skip /documents/ and its
collection's privacy."""

import pytest

pytestmark = pytest.mark.django_db

SECRET = b"document d'une collection privee"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "prive.pdf").write_bytes(SECRET)
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "affiche.jpg").write_bytes(b"image")
    return tmp_path


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/prive.pdf",
        "/media/images/../documents/prive.pdf",
        "/media/./documents/prive.pdf",
        "/media//documents/prive.pdf",
        "/media/images/%2e%2e/documents/prive.pdf",
        "/media/../documents/prive.pdf",
        "/media/documents",
    ],
)
def test_no_spelling_of_a_document_path_serves_the_file(client, media_root, path):
    response = client.get(path)

    assert response.status_code == 404
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert SECRET not in body


def test_images_are_still_served(client, media_root):
    response = client.get("/media/images/affiche.jpg")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"image"

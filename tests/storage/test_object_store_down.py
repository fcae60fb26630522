"""When the object store cannot take a document, the contributor reads why, and nothing is kept."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from contributions.models import Contribution
from territoires.settings.storage import file_storages
from tests.contributions.helpers import resource_data, submit, text
from tests.object_store import free_ports

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_proposal_with_a_document_is_refused_with_a_french_message(
    client, settings, django_capture_on_commit_callbacks
):
    [closed_port] = free_ports(1)  # nothing listens there
    settings.STORAGES = {
        **settings.STORAGES,
        **file_storages(
            {
                "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{closed_port}",
                "AWS_ACCESS_KEY_ID": "site",
                "AWS_SECRET_ACCESS_KEY": "secret",
                "AWS_STORAGE_BUCKET_NAME": "media",
                "AWS_PRIVATE_BUCKET_NAME": "private",
            }
        ),
    }
    data = resource_data(url="", document=SimpleUploadedFile("rapport.pdf", PDF))
    response = submit(client, "ressource", data, django_capture_on_commit_callbacks)

    assert response.status_code == 503
    assert "Votre document n'a pas pu être enregistré pour le moment" in text(response)
    assert data["title"] in response.content.decode()  # what they typed is still there
    assert not Contribution.objects.exists()

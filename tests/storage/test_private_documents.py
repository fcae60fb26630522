"""Documents sent with proposals sit in the private bucket: moderators only, never public."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from contributions.models import Contribution
from contributions.services import contributions_purge_unconfirmed
from resources.models import Resource
from tests.collectivites.factories import UserFactory
from tests.contributions.helpers import resource_data, submit, submit_and_confirm

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% rapport confidentiel\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def contribution(client, s3_storages, django_capture_on_commit_callbacks):
    return submit_and_confirm(
        client,
        "ressource",
        django_capture_on_commit_callbacks,
        url="",
        document=SimpleUploadedFile("rapport.pdf", PDF),
    )


def download_path(contribution) -> str:
    return f"/admin/contributions/document/{contribution.pk}/"


def test_a_contributed_document_is_in_the_private_bucket_and_not_readable_anonymously(
    contribution, s3_storages
):
    key = contribution.document.name
    assert s3_storages.read(s3_storages.private_bucket, key) == PDF
    assert not s3_storages.holds(s3_storages.public_bucket, key)
    status, body = s3_storages.anonymous_get(s3_storages.private_bucket, key)
    assert status == 403
    assert PDF not in body
    with pytest.raises(ValueError, match="no public address"):
        contribution.document.url  # noqa: B018


def test_a_moderator_downloads_it_through_the_site(client, contribution, moderator):
    client.force_login(moderator)
    response = client.get(download_path(contribution))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == 'attachment; filename="rapport.pdf"'


def test_visitors_and_other_users_never_get_it(client, contribution):
    anonymous = client.get(download_path(contribution))
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/admin/login/")

    client.force_login(UserFactory(username="curieux@example.fr"))
    refused = client.get(download_path(contribution))
    assert refused.status_code in (302, 403)
    assert not getattr(refused, "streaming", False)
    assert PDF not in refused.content


def test_publishing_copies_it_into_the_public_bucket(
    client, contribution, moderator, s3_storages, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/contributions/approve/{contribution.pk}/")
    resource = Resource.objects.get(title=contribution.title)
    assert resource.live
    document = resource.document
    assert s3_storages.read(s3_storages.public_bucket, document.file.name) == PDF
    assert document.file_size == len(PDF)
    # The private copy stays private.
    status, _ = s3_storages.anonymous_get(s3_storages.private_bucket, contribution.document.name)
    assert status == 403


def test_forgetting_an_unconfirmed_proposal_deletes_its_document(
    client, s3_storages, django_capture_on_commit_callbacks
):
    data = resource_data(url="", document=SimpleUploadedFile("brouillon.pdf", PDF))
    submit(client, "ressource", data, django_capture_on_commit_callbacks)
    stale = Contribution.objects.get(email=data["email"])
    key = stale.document.name
    assert s3_storages.holds(s3_storages.private_bucket, key)
    Contribution.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )

    assert contributions_purge_unconfirmed() == 1
    assert not s3_storages.holds(s3_storages.private_bucket, key)

import pytest


@pytest.fixture
def sent_after_commit(django_capture_on_commit_callbacks):
    """E-mails leave after the transaction commits: run those callbacks in the test."""
    return django_capture_on_commit_callbacks

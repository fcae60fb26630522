import pytest

from events.models import EventIndexPage


@pytest.fixture
def agenda(db):
    return EventIndexPage.objects.get()

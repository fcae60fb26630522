"""Attack: absurd event dates. An event ending in year 9999 (or starting in 1900, or in
year 20266 typed as 2026…) was accepted from the public form and in the admin: listed
after everything else, kept in every feed for ever, and one time-zone conversion away
from an overflow. Now dates run from 2000 to five years ahead, the end after the
start, and the forms say so in French, every problem at once."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone

from contributions.models import Contribution
from events.dates import PARIS
from events.models import EventIndexPage, EventPage
from tests.contributions.helpers import event_data
from tests.events.test_admin_publishing import client_in_group, event_form

pytestmark = pytest.mark.django_db

LAST_YEAR = timezone.localdate().year + 5
START_RANGE = f"Indiquez une date de début entre 2000 et {LAST_YEAR}."
END_RANGE = f"Indiquez une date de fin entre 2000 et {LAST_YEAR}."
DAY = datetime.timedelta(days=1)
IN_A_MONTH = datetime.date.today() + DAY * 30


def page_text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("dates", "messages"),
    [
        ({"end_date": "9999-12-31"}, [END_RANGE]),
        ({"end_date": "31/12/9999", "end_time": "23:59"}, [END_RANGE]),
        ({"end_date": f"{LAST_YEAR + 1}-01-01"}, [END_RANGE]),
        ({"start_date": "9999-12-31", "end_date": "9999-12-31"}, [START_RANGE, END_RANGE]),
        (
            {"start_date": IN_A_MONTH.isoformat(), "end_date": str(IN_A_MONTH - DAY * 2)},
            ["La date de fin doit venir après la date de début."],
        ),
    ],
)
def test_the_public_form_refuses_absurd_dates(client, dates, messages):
    response = client.post("/contribuer/evenement/", event_data(**dates))

    assert response.status_code == 200
    page = page_text(response)
    for message in messages:
        assert message in page
    assert Contribution.objects.count() == 0


@pytest.mark.parametrize(
    ("start", "end", "messages"),
    [
        ("2030-12-03 14:00", "9999-12-31 23:00", {"end": END_RANGE}),
        ("1999-12-31 14:00", "2030-12-03 16:00", {"start": START_RANGE}),
        ("9999-12-31 22:00", "", {"start": START_RANGE}),
        ("2030-12-03 14:00", "2030-12-02 16:00", {"end": "doit venir après son début"}),
    ],
)
def test_the_admin_refuses_absurd_dates(client, start, end, messages):
    agenda = EventIndexPage.objects.get()
    moderator = client_in_group(client, "Moderators")

    response = moderator.post(
        f"/admin/pages/add/events/eventpage/{agenda.pk}/", event_form(start=start, end=end)
    )

    assert response.status_code == 200
    page = page_text(response)
    for message in messages.values():
        assert message in page
    assert not EventPage.objects.filter(slug="atelier-budget-participatif").exists()


def test_the_model_itself_refuses_them(home):
    event = EventPage(
        title="Fin du monde",
        slug="fin-du-monde",
        summary="Un événement qui ne finit jamais.",
        start=datetime.datetime(2030, 1, 1, 10, tzinfo=PARIS),
        end=datetime.datetime(9999, 12, 31, 23, tzinfo=PARIS),
    )

    with pytest.raises(ValidationError) as error:
        event.clean()

    assert error.value.message_dict == {"end": [END_RANGE]}

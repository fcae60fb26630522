"""What an editor or an operator does to the several-nodes stack, in a process of its own
with the stack's production settings, so that every write fires the signals the admin's
would (page-cache invalidation through the shared Redis) and tasks go to the real broker.

Started once by ``test_several_nodes``: one JSON command per line on stdin, one answer
per line on stdout, prefixed with ``ANSWER`` (other output is Django's own).
"""

import datetime
import json
import sys
import time
import traceback

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from core.models import ContentPage  # noqa: E402
from newsletter import services, tasks  # noqa: E402
from newsletter.models import (  # noqa: E402
    Delivery,
    Dispatch,
    NewsletterArchivePage,
    NewsletterIssuePage,
    Subscriber,
)
from tests.newsletter.factories import SubscriberFactory  # noqa: E402

ANSWER = "ANSWER "
HOST = "127.0.0.1"
ARTICLE_SLUG = "article"
ISSUE_MONTH = datetime.date(2040, 1, 1)


def prepare(*, run: str, subscribers: int) -> dict:
    """Migrate, then this run's site: an article and a newsletter issue to send."""
    call_command("migrate", interactive=False, verbosity=0)
    Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Racine"))
    home = root.add_child(instance=ContentPage(title="Plusieurs nœuds", slug=f"noeuds-{run}"))
    Site.objects.update_or_create(
        hostname=HOST, port=80, defaults={"root_page": home, "site_name": "Plusieurs nœuds"}
    )
    article = home.add_child(instance=ContentPage(title="Version 1", slug=ARTICLE_SLUG))
    article.save_revision().publish()
    archive = home.add_child(instance=NewsletterArchivePage(title="Archives", slug="archives"))
    issue = archive.add_child(
        instance=NewsletterIssuePage(
            title="Lettre des nœuds", slug="lettre", month=ISSUE_MONTH, live=False
        )
    )
    issue.save_revision()
    # The copied database may hold the demo's subscribers: the recipients are ours.
    Subscriber.objects.all().delete()
    emails = [f"abonne{n}-{run}@exemple.fr" for n in range(subscribers)]
    for email in emails:
        SubscriberFactory(email=email)
    return {"article": f"/{ARTICLE_SLUG}/"}  # the site's root is ``home``


def publish(*, title: str) -> dict:
    """What « Publier » in the admin does: a new revision, published."""
    article = ContentPage.objects.get(slug=ARTICLE_SLUG)
    article.title = title
    article.save_revision().publish()
    return {}


def send_newsletter(*, wait: float) -> dict:
    """Schedule the issue now and queue its start several times over, as the beat task
    and an impatient editor would; once started, queue every chunk a second time."""
    issue = NewsletterIssuePage.objects.get(month=ISSUE_MONTH)
    services.dispatch_schedule(issue=issue, at=timezone.now())
    tasks.start_dispatch.delay(issue.pk)
    tasks.start_dispatch.delay(issue.pk)
    tasks.start_due_dispatches.delay()
    deadline = time.monotonic() + wait
    while not (dispatch := Dispatch.objects.get(issue=issue)).chunk_count:
        if time.monotonic() > deadline:
            raise TimeoutError("the issue was not started by a worker")
        time.sleep(0.2)
    for chunk in range(dispatch.chunk_count):
        tasks.send_chunk.delay(issue.pk, chunk)
    return {"chunks": dispatch.chunk_count}


def newsletter_status() -> dict:
    dispatch = Dispatch.objects.get(issue__month=ISSUE_MONTH)
    statuses = Delivery.objects.filter(issue_id=dispatch.issue_id).values_list("status", flat=True)
    return {"status": dispatch.status, "deliveries": sorted(statuses)}


ACTIONS = {
    "prepare": prepare,
    "publish": publish,
    "send_newsletter": send_newsletter,
    "newsletter_status": newsletter_status,
}


def main() -> None:
    for line in sys.stdin:
        command = json.loads(line)
        try:
            answer = {"ok": True, **ACTIONS[command.pop("action")](**command)}
        except Exception:  # reported to the test, which fails with it
            answer = {"ok": False, "error": traceback.format_exc()}
        print(ANSWER + json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()

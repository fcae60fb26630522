"""What an editor or an operator does to the several-nodes stack, in a process of its own
with the stack's production settings, so that every write fires the signals the admin's
would (page-cache invalidation through the shared Redis) and tasks go to the real broker.

Started once by ``test_several_nodes``: one JSON command per line on stdin, one answer
per line on stdout, prefixed with ``ANSWER`` (other output is Django's own).
"""

import datetime
import importlib
import io
import json
import sys
import time
import traceback

import django

django.setup()

import django_otp  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib import auth  # noqa: E402
from django.contrib.auth.models import AnonymousUser, Group  # noqa: E402
from django.core.files.images import ImageFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.http import HttpRequest  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402
from PIL import Image as PillowImage  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from contributions import services as contribution_services  # noqa: E402
from contributions.models import Contribution  # noqa: E402
from core.models import ContentPage  # noqa: E402
from newsletter import services, tasks  # noqa: E402
from newsletter.models import (  # noqa: E402
    Delivery,
    Dispatch,
    NewsletterArchivePage,
    NewsletterIssuePage,
    Subscriber,
)
from resources.models import Resource, ResourceIndexPage, ResourceKind  # noqa: E402
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
    library = home.add_child(instance=ResourceIndexPage(title="Ressources", slug="ressources"))
    library.save_revision().publish()
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


def resource_publish(*, title: str) -> dict:
    """An editor adds a resource to the library and publishes it, as the admin does."""
    resource = Resource(
        title=title,
        kind=ResourceKind.GUIDE,
        summary="Une ressource publiée sur un nœud, cherchée sur tous.",
        url="https://ressources.example/noeuds",
        published_on=datetime.date(2040, 1, 1),
        live=False,
    )
    resource.save()
    resource.save_revision().publish()
    return {"slug": resource.slug}


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


def moderator_session(*, username: str) -> dict:
    """A moderator signed in with a verified second factor, as after the admin's login
    and ``/admin/2fa/``: the session (in the shared database) holds the user and, as
    django-otp records it, the confirmed device. Returns the cookie a browser sends."""
    user = auth.get_user_model().objects.create_user(
        username=username, email=f"{username}@anct.gouv.fr", password=None
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    device = TOTPDevice.objects.create(user=user, name="Téléphone", confirmed=True)
    request = HttpRequest()
    request.session = importlib.import_module(settings.SESSION_ENGINE).SessionStore()
    request.user = AnonymousUser()
    auth.login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    django_otp.login(request, device)
    request.session.save()
    return {"cookie": f"{settings.SESSION_COOKIE_NAME}={request.session.session_key}"}


def contribution_confirm(*, email: str) -> dict:
    """What the link of the confirmation e-mail does: the proposal reaches moderation."""
    contribution = Contribution.objects.get(email=email)
    contribution_services.contribution_confirm(contribution=contribution)
    return {"pk": contribution.pk, "document": contribution.document.name}


def illustrated_page(*, slug: str, width: int, height: int) -> dict:
    """An editor uploads an image (to the default storage) and publishes a page showing
    it; no rendition is made here: the node that renders the page makes it."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), (0, 102, 204)).save(buffer, "PNG")
    image = get_image_model()(title="Carte des nœuds", width=width, height=height)
    image.file.save("carte-des-noeuds.png", ImageFile(buffer, name="carte.png"), save=False)
    image.save()
    home = Site.objects.get(hostname=HOST).root_page
    page = home.add_child(
        instance=ContentPage(
            title="Page illustrée",
            slug=slug,
            body=[("image", {"image": image, "alt_text": "Carte", "caption": ""})],
        )
    )
    page.save_revision().publish()
    return {"path": f"/{slug}/", "image": image.pk, "original": image.file.name}


def renditions(*, image: int) -> dict:
    """The renditions of ``image`` made so far, by URL (their file in the storage)."""
    found = get_image_model().objects.get(pk=image).renditions.all()
    return {"files": {rendition.url: rendition.file.name for rendition in found}}


ACTIONS = {
    "prepare": prepare,
    "publish": publish,
    "resource_publish": resource_publish,
    "send_newsletter": send_newsletter,
    "newsletter_status": newsletter_status,
    "moderator_session": moderator_session,
    "contribution_confirm": contribution_confirm,
    "illustrated_page": illustrated_page,
    "renditions": renditions,
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

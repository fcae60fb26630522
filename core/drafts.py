"""New pages that Wagtail's autosave created and their author abandoned before saving.

Wagtail 8 autosaves the page being created: the page exists, with its slug, before the
editor has clicked anything. If the editor leaves, that draft would keep its slug and
refuse a new page of the same title (« Le slug … est déjà utilisé »). Such a draft is
recorded (``AutosavedDraft``) until its author saves or publishes it; until then it gives
way to a new page of the same slug (at once for its own author, after
``IDLE_BEFORE_GIVING_WAY`` for a colleague, who may still be writing it), and the
scheduler deletes those left idle for ``PURGE_AFTER``.
"""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from .models import AutosavedDraft

logger = logging.getLogger(__name__)

IDLE_BEFORE_GIVING_WAY = timedelta(minutes=30)
PURGE_AFTER = timedelta(hours=24)


def autosaved_draft_record(*, page: Page, user) -> None:
    """``page`` was created by an autosave, not by its author's click."""
    AutosavedDraft.objects.get_or_create(page=page, defaults={"author": user})


def autosaved_draft_forget(*, page: Page) -> None:
    """Its author saved or published ``page``: it is an ordinary page from now on."""
    AutosavedDraft.objects.filter(page=page).delete()


def _abandoned(queryset, *, idle_since: datetime):
    """Drafts never published and not autosaved since ``idle_since``."""
    return queryset.filter(
        page__live=False,
        page__first_published_at__isnull=True,
        page__latest_revision_created_at__lt=idle_since,
    )


def _delete(drafts) -> int:
    pages = list(Page.objects.filter(pk__in=drafts.values("page_id")))
    for page in pages:
        logger.info("Abandoned autosaved page %s (%s) deleted", page.pk, page.slug)
        page.delete()
    return len(pages)


@transaction.atomic
def autosaved_draft_give_way(*, parent: Page, slug: str, user, now: datetime | None = None) -> int:
    """Delete the abandoned drafts under ``parent`` that hold ``slug``; how many."""
    now = now or timezone.now()
    slug = slugify(slug)
    if not slug:
        return 0
    drafts = AutosavedDraft.objects.filter(
        page__in=parent.get_children().filter(slug=slug), page__first_published_at__isnull=True
    ).filter(Q(author=user) | Q(page__latest_revision_created_at__lt=now - IDLE_BEFORE_GIVING_WAY))
    return _delete(drafts.filter(page__live=False))


@transaction.atomic
def autosaved_draft_purge(*, now: datetime | None = None) -> int:
    """Delete the drafts left idle for ``PURGE_AFTER``; how many."""
    now = now or timezone.now()
    return _delete(_abandoned(AutosavedDraft.objects.all(), idle_since=now - PURGE_AFTER))

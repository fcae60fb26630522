"""Idempotent building blocks for the demo content loaders.

Running a loader twice changes nothing: what exists (found by slug or name) is
left as it is, so an editor's later changes are never overwritten.
"""

import io

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Page

from .illustrations import illustration_png


def ensure_page(
    parent: Page, model: type[Page], *, slug: str, tags: list[str] = (), **fields
) -> tuple[Page, bool]:
    """Return the published child of ``parent`` with ``slug``, creating it if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, **fields)
    if tags:
        page.tags.add(*tags)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_legal_page(parent: Page, model: type[Page], *, slug: str, **fields) -> Page | None:
    """``ensure_page`` for a page whose type changed since older demos: a page of
    another type already at ``slug`` is left to the editors (None)."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None and existing.specific_class is not model:
        return None
    return ensure_page(parent, model, slug=slug, show_in_menus=False, **fields)[0]


def paragraphs(*texts: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


def heading(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def rich_list(*items: str) -> dict:
    return {
        "type": "paragraph",
        "value": "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>",
    }


def quote(text: str, source: str = "") -> dict:
    return {"type": "quote", "value": {"text": text, "source": source}}


def link(label: str, url: str) -> dict:
    return {"type": "link", "value": {"label": label, "page": None, "url": url}}


def demo_illustration(name: str):
    """The Wagtail image of the drawing ``name`` (core.illustrations), made once."""
    image_model = get_image_model()
    title = f"Illustration « {name} » (Territoires en Commun)"
    image = image_model.objects.filter(title=title).first()
    if image is None:
        png = ImageFile(io.BytesIO(illustration_png(name)), name=f"illustration-{name}.png")
        image = image_model.objects.create(title=title, file=png)
    return image

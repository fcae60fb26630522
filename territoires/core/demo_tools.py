"""Idempotent building blocks for the demo content loaders.

Running a loader twice changes nothing: what exists (found by slug or name) is
left as it is, so an editor's later changes are never overwritten.
"""

from wagtail.models import Page


def ensure_page(parent: Page, model: type[Page], *, slug: str, **fields) -> tuple[Page, bool]:
    """Return the published child of ``parent`` with ``slug``, creating it if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = parent.add_child(instance=model(slug=slug, **fields))
    page.save_revision().publish()
    return page, True


def paragraphs(*texts: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


def heading(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}

"""Pages made before slugs kept elided words apart (« L'aller vers » → ``laller-vers``)
get the slug of their title with the apostrophe as a separator (``l-aller-vers``), when
the slug is still the one the admin proposed and no sibling has the new one. The old
address keeps working: a permanent redirect leads to the page."""

import re

from django.db import migrations
from django.utils.text import slugify

APOSTROPHES = re.compile(r"['’ʼ‘`´]")


def _public_path(url_path: str, site_roots: list[str]) -> str | None:
    for root in site_roots:
        if url_path.startswith(root):
            return "/" + url_path[len(root) :].strip("/")
    return None


STEPLEN = 4  # treebeard's path step, Wagtail's pages


def _renamed(page, Page, revisions) -> tuple[str, str] | None:
    """Renames one page (and the url_path of its descendants): (old, new) url_path."""
    if not APOSTROPHES.search(page.title) or page.slug != slugify(page.title):
        return None
    new_slug = slugify(APOSTROPHES.sub(" ", page.title))
    if new_slug == page.slug or not new_slug:
        return None
    parent_path = page.path[:-STEPLEN]
    siblings = Page.objects.filter(path__startswith=parent_path, depth=page.depth)
    if siblings.filter(slug=new_slug).exists():
        return None
    old_url_path = page.url_path
    new_url_path = old_url_path[: -len(page.slug) - 1] + new_slug + "/"
    for descendant in Page.objects.filter(path__startswith=page.path, depth__gt=page.depth):
        descendant.url_path = new_url_path + descendant.url_path[len(old_url_path) :]
        descendant.save(update_fields=["url_path"])
    Page.objects.filter(pk=page.pk).update(slug=new_slug, url_path=new_url_path)
    # A later publication of an older revision must not bring the old slug back.
    for revision in revisions.filter(object_id=str(page.pk)):
        if isinstance(revision.content, dict) and revision.content.get("slug") == page.slug:
            revision.content = {**revision.content, "slug": new_slug, "url_path": new_url_path}
            revision.save(update_fields=["content"])
    return old_url_path, new_url_path


def forwards(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    Site = apps.get_model("wagtailcore", "Site")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    revisions = Revision.objects.filter(base_content_type=page_type)
    site_roots = [site.root_page.url_path for site in Site.objects.select_related("root_page")]
    for page in Page.objects.filter(depth__gt=2).order_by("path"):
        page.refresh_from_db(fields=["url_path", "slug"])
        renamed = _renamed(page, Page, revisions)
        old_path = _public_path(renamed[0], site_roots) if renamed else None
        if old_path and not Redirect.objects.filter(old_path=old_path).exists():
            Redirect.objects.create(old_path=old_path, redirect_page_id=page.pk, is_permanent=True)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_partner_logo"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

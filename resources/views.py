from django.shortcuts import get_object_or_404, render

from .models import Resource, ResourceIndexPage


def resource_detail(request, slug):
    """/ressources/<slug>/: one published resource (drafts stay in the admin)."""
    resource = get_object_or_404(
        Resource.objects.published().select_related("publisher", "document"), slug=slug
    )
    library = ResourceIndexPage.objects.live().first()
    related = (
        Resource.objects.published()
        .filter(themes__in=resource.themes.all())
        .exclude(pk=resource.pk)
        .select_related("publisher", "document")
        .distinct()
        .order_by("-published_on")[:3]
    )
    return render(
        request,
        "resources/resource_detail.html",
        {
            "resource": resource,
            "library": library,
            "themes": resource.themes.live().order_by("-month"),
            "audiences": resource.audiences.all(),
            "tags": resource.tags.all(),
            "related": related,
            "breadcrumb": {
                "links": [{"url": library.url, "title": library.title}] if library else [],
                "current": resource.title,
            },
        },
    )

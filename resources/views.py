from django.shortcuts import get_object_or_404, render

from .models import Resource
from .selectors import library_page, resource_related


def resource_detail(request, slug):
    """/ressources/<slug>/: one published resource (drafts stay in the admin)."""
    resource = get_object_or_404(
        Resource.objects.published().select_related("publisher", "document"), slug=slug
    )
    library = library_page()
    return render(
        request,
        "resources/resource_detail.html",
        {
            "resource": resource,
            "library": library,
            "themes": resource.themes.live().order_by("-month"),
            "audiences": resource.audiences.all(),
            "tags": resource.tags.all(),
            "related": resource_related(resource=resource),
            "breadcrumb": {
                "links": [{"url": library.url, "title": library.title}] if library else [],
                "current": resource.title,
            },
        },
    )

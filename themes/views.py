"""/projets/mots-cles.json: the tags the project index's « Mot-clé » autocomplete proposes."""

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from .models import ProjectPageTag
from .selectors import tag_suggestions


@require_safe
def project_tag_suggestions(request):
    results = tag_suggestions(
        text=request.GET.get("q", "")[:100], through=ProjectPageTag, noun=("projet", "projets")
    )
    return JsonResponse({"results": results})

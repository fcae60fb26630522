"""/ressources/mots-cles.json: the tags the library's « Mot-clé » autocomplete proposes."""

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from themes.selectors import tag_suggestions

from .models import TaggedResource


@require_safe
def resource_tag_suggestions(request):
    results = tag_suggestions(
        text=request.GET.get("q", "")[:100],
        through=TaggedResource,
        noun=("ressource", "ressources"),
    )
    return JsonResponse({"results": results})

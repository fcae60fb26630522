"""The JSON search behind the collectivité autocomplete."""

from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from .. import selectors
from ..forms import KIND_NAMES
from ..models import Collectivite


def _as_option(collectivite: Collectivite) -> dict:
    details = [KIND_NAMES[collectivite.kind].capitalize()]
    if collectivite.kind == Collectivite.Kind.COMMUNE and collectivite.postal_codes:
        details.append(collectivite.postal_codes.split()[0])
    details.append(collectivite.code_label)
    return {
        "id": collectivite.pk,
        "label": collectivite.label,
        "name": collectivite.name,
        "kind": collectivite.kind,
        "detail": " · ".join(details),
    }


@require_GET
def collectivite_search(request):
    """At most 10 current collectivités for ``?q=`` (optionally ``&types=commune,epci``)."""
    query = request.GET.get("q", "")
    kinds = request.GET.get("types", "")[:60].split(",")
    results = selectors.collectivite_search(query=query, limit=10, kinds=kinds)
    response = JsonResponse(
        {"query": query[:100], "results": [_as_option(c) for c in results]},
        json_dumps_params={"ensure_ascii": False},
    )
    # The list changes once a year: browsers and proxies may keep answers a while.
    patch_cache_control(response, public=True, max_age=600)
    return response

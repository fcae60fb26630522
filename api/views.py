import json
import re

from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_safe

from resources.models import Resource

from .http import MAX_PAGE_SIZE, json_response, not_found_response
from .openapi import build_document
from .resources import serialize_resource, with_relations

TYPE_NAMES = {
    "integer": "entier",
    "number": "nombre",
    "string": "texte",
}
# Each returns results on the demo content (tests/territoires/test_openapi.py checks it).
EXAMPLES = [
    "/api/ressources/?q=participation&kind=jeu",
    "/api/ressources/?audience=elus&tri=recent&page_size=5",
    "/api/projets/?region=11",
]


@require_safe
def openapi_document(request):
    return json_response(build_document(request))


@require_safe
def documentation(request):
    """/api/: the API explained to a developer of a collectivité, in French."""
    document = build_document(request)
    parameters = document["components"]["parameters"]
    endpoints = []
    for path, operations in document["paths"].items():
        operation = operations["get"]
        endpoints.append(
            {
                "path": path,
                "summary": inline_code(operation["summary"]),
                "description": inline_code(operation.get("description", "")),
                "parameters": [
                    _describe_parameter(
                        parameters[p["$ref"].rsplit("/", 1)[1]] if "$ref" in p else p
                    )
                    for p in operation["parameters"]
                ],
            }
        )
    newest = with_relations(Resource.objects.published()).order_by("-published_on", "-pk").first()
    return render(
        request,
        "api/documentation.html",
        {
            "document": document,
            "description": inline_code(document["info"].get("description", "")),
            "endpoints": endpoints,
            "examples": EXAMPLES,
            "max_page_size": MAX_PAGE_SIZE,
            "example_resource": (
                json.dumps(serialize_resource(request, newest), ensure_ascii=False, indent=2)
                if newest
                else ""
            ),
            "breadcrumb": {"links": [], "current": "API"},
        },
    )


def _describe_parameter(parameter: dict) -> dict:
    schema = parameter["schema"]
    if schema["type"] == "array":
        kind = "%(type)s, répétable" % {"type": TYPE_NAMES[schema["items"]["type"]]}
    else:
        kind = TYPE_NAMES[schema["type"]]
    return {
        "name": parameter["name"],
        "location": parameter["in"],
        "type": kind,
        "description": inline_code(parameter["description"]),
    }


INLINE_CODE = re.compile(r"`([^`]+)`")


def inline_code(text: str) -> SafeString:
    """The OpenAPI descriptions' Markdown `code` spans as <code>, the rest escaped:
    the page shows no raw backticks, and the JSON document keeps its Markdown."""
    return mark_safe(INLINE_CODE.sub(r"<code>\1</code>", escape(text)))  # noqa: S308


def unknown_endpoint(request, rest):
    return not_found_response("Cette adresse ne correspond à aucun point d'accès de l'API.")

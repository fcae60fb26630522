"""The OpenAPI 3.1 document of the JSON API.

Query parameters are read from the FilterSets the endpoints filter with, and each
collection's operations and schemas sit beside the functions that serve them, so
the document cannot drift from what the API accepts and answers.
"""

from django.http import HttpRequest

from core.public_urls import site_url

from .http import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from .registry import COLLECTIONS
from .schema import COMMON_SCHEMAS, list_schema, query_parameter, resolve

OPENAPI_VERSION = "3.1.0"
API_VERSION = "1.0.0"
INFO = {
    "title": "API de Territoires en Commun",
    "version": API_VERSION,
    "summary": "Les ressources et les projets publiés, en lecture seule.",
    "description": (
        "Accès libre et sans authentification aux ressources de la bibliothèque et aux "
        "projets démocratiques et expériences territoriales publiés sur Territoires en "
        "Commun. Seuls les contenus publiés sont exposés. Les listes sont paginées ; un "
        "paramètre refusé donne une réponse 400 qui nomme chaque paramètre en cause."
    ),
}
PAGE_PARAMETERS = {
    "page": query_parameter(
        "page", {"type": "integer", "minimum": 1, "default": 1}, "Numéro de la page de résultats."
    ),
    "page_size": query_parameter(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
        "Nombre de résultats par page.",
    ),
}


def build_document(request: HttpRequest) -> dict:
    """The document, with the public address as its server."""
    paths, schemas = {}, dict(COMMON_SCHEMAS)
    for collection in COLLECTIONS:
        paths[collection.list_path] = {"get": collection.list_operation}
        paths[collection.detail_path] = {"get": collection.detail_operation}
        schemas.update(collection.schemas)
        schemas[f"{collection.item_schema}List"] = list_schema(collection.item_schema)
    return resolve(
        {
            "openapi": OPENAPI_VERSION,
            "info": INFO,
            "servers": [{"url": site_url()}],
            "tags": [collection.tag for collection in COLLECTIONS],
            "paths": paths,
            "components": {"parameters": PAGE_PARAMETERS, "schemas": schemas},
        }
    )

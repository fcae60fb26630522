"""The OpenAPI 3.1 document of the JSON API.

Query parameters are read from the FilterSets the endpoints filter with, and the
object schemas sit beside the functions that serialize them, so the document
cannot drift from what the API accepts and answers.
"""

import django_filters
from django.http import HttpRequest
from django.utils.functional import Promise

from resources.filters import ResourceFilterSet
from resources.selectors import SORT_RELEVANCE, SORTS
from themes.filters import ProjectFilterSet

from . import projects as projects_api
from . import resources as resources_api
from .http import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

OPENAPI_VERSION = "3.1.0"
API_VERSION = "1.0.0"


def build_document(request: HttpRequest) -> dict:
    """The document, its texts in the active language and its server the requested host."""
    return _resolve(
        {
            "openapi": OPENAPI_VERSION,
            "info": {
                "title": "API de Territoires en Commun",
                "version": API_VERSION,
                "summary": "Les ressources et les projets publiés, en lecture seule.",
                "description": (
                    "Accès libre et sans authentification aux ressources de la bibliothèque "
                    "et aux projets démocratiques et expériences territoriales publiés sur "
                    "Territoires en Commun. Seuls les contenus publiés sont exposés. Les listes "
                    "sont paginées ; un paramètre refusé donne une réponse 400 qui nomme "
                    "chaque paramètre en cause."
                ),
            },
            "servers": [{"url": request.build_absolute_uri("/").rstrip("/")}],
            "tags": [
                {"name": "ressources", "description": "La bibliothèque de ressources."},
                {"name": "projets", "description": "Projets et expériences territoriales."},
            ],
            "paths": {
                "/api/ressources/": {
                    "get": _list_operation(
                        operation_id="listResources",
                        tag="ressources",
                        summary="Rechercher et filtrer les ressources publiées",
                        description=(
                            "Les mêmes recherche, filtres et tris que la page « Ressources ». "
                            "Les filtres se combinent ; un filtre répété accepte chacune des "
                            "valeurs données."
                        ),
                        parameters=[
                            _query_parameter(
                                "q", {"type": "string"}, resources_api.PARAMETER_HELP["q"]
                            ),
                            *filter_parameters(ResourceFilterSet, resources_api.PARAMETER_HELP),
                            _query_parameter(
                                "tri",
                                {"type": "string", "enum": list(SORTS), "default": SORT_RELEVANCE},
                                resources_api.PARAMETER_HELP["tri"],
                            ),
                        ],
                        item_schema="Resource",
                    )
                },
                "/api/ressources/{slug}/": {
                    "get": _detail_operation(
                        operation_id="getResource",
                        tag="ressources",
                        summary="Une ressource publiée",
                        slug_help="Identifiant de la ressource (champ `slug`).",
                        item_schema="Resource",
                    )
                },
                "/api/projets/": {
                    "get": _list_operation(
                        operation_id="listProjects",
                        tag="projets",
                        summary="Filtrer les projets publiés",
                        description=(
                            "Les mêmes filtres que la page « Projets », du plus récemment "
                            "publié au plus ancien."
                        ),
                        parameters=filter_parameters(ProjectFilterSet, projects_api.PARAMETER_HELP),
                        item_schema="Project",
                    )
                },
                "/api/projets/{slug}/": {
                    "get": _detail_operation(
                        operation_id="getProject",
                        tag="projets",
                        summary="Un projet publié",
                        slug_help="Identifiant du projet (champ `slug`).",
                        item_schema="Project",
                    )
                },
            },
            "components": {
                "parameters": {
                    "page": _query_parameter(
                        "page",
                        {"type": "integer", "minimum": 1, "default": 1},
                        "Numéro de la page de résultats.",
                    ),
                    "page_size": _query_parameter(
                        "page_size",
                        {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": MAX_PAGE_SIZE,
                            "default": DEFAULT_PAGE_SIZE,
                        },
                        "Nombre de résultats par page.",
                    ),
                },
                "schemas": {
                    **_common_schemas(),
                    **projects_api.SCHEMAS,
                    **resources_api.SCHEMAS,
                    "ResourceList": _list_schema("Resource"),
                    "ProjectList": _list_schema("Project"),
                },
            },
        }
    )


def filter_parameters(filterset_class: type[django_filters.FilterSet], help_texts: dict) -> list:
    """One query parameter per filter, typed after the filter and its choices."""
    parameters = []
    for name, filter_ in filterset_class.base_filters.items():
        schema, values = _filter_schema(filter_)
        description = str(help_texts.get(name) or filter_.label)
        if values:
            description += " " + "Valeurs : %(values)s." % {"values": values}
        if isinstance(filter_, django_filters.MultipleChoiceFilter):
            parameters.append(
                {
                    **_query_parameter(name, {"type": "array", "items": schema}, description),
                    "style": "form",
                    "explode": True,
                }
            )
        else:
            parameters.append(_query_parameter(name, schema, description))
    return parameters


def _filter_schema(filter_) -> tuple[dict, str]:
    if isinstance(
        filter_, django_filters.ModelChoiceFilter | django_filters.ModelMultipleChoiceFilter
    ):
        if filter_.extra.get("to_field_name"):
            return {"type": "string"}, ""
        return {"type": "integer", "minimum": 1}, ""
    if isinstance(filter_, django_filters.ChoiceFilter | django_filters.MultipleChoiceFilter):
        choices = filter_.extra.get("choices") or []
        if callable(choices):
            choices = choices()
        codes = [str(code) for code, _label in choices if code != ""]
        values = ", ".join(f"`{code}` ({label})" for code, label in choices if code != "")
        return {"type": "string", "enum": codes}, values
    if isinstance(filter_, django_filters.NumberFilter):
        if filter_.field_name.endswith("__year"):
            return {"type": "integer", "minimum": 1, "maximum": 9999}, ""
        return {"type": "number"}, ""
    return {"type": "string"}, ""


def _query_parameter(name: str, schema: dict, description) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


def _json(schema_name: str, description) -> dict:
    return {
        "description": description,
        "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}
        },
    }


def _list_operation(*, operation_id, tag, summary, description, parameters, item_schema) -> dict:
    return {
        "operationId": operation_id,
        "tags": [tag],
        "summary": summary,
        "description": description,
        "parameters": [
            *parameters,
            {"$ref": "#/components/parameters/page"},
            {"$ref": "#/components/parameters/page_size"},
        ],
        "responses": {
            "200": _json(f"{item_schema}List", "Une page de résultats."),
            "400": _json("Errors", "Un ou plusieurs paramètres ont été refusés."),
            "404": _json("NotFound", "La page demandée n'existe pas."),
        },
    }


def _detail_operation(*, operation_id, tag, summary, slug_help, item_schema) -> dict:
    return {
        "operationId": operation_id,
        "tags": [tag],
        "summary": summary,
        "parameters": [
            {
                "name": "slug",
                "in": "path",
                "required": True,
                "description": slug_help,
                "schema": {"type": "string"},
            }
        ],
        "responses": {
            "200": _json(item_schema, summary),
            "404": _json("NotFound", "Aucun contenu publié ne porte cet identifiant."),
        },
    }


def _list_schema(item_schema: str) -> dict:
    page_url = {"type": ["string", "null"], "format": "uri"}
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["count", "next", "previous", "results"],
        "properties": {
            "count": {"type": "integer", "description": "Nombre total de résultats."},
            "next": {**page_url, "description": "La page suivante, s'il y en a une."},
            "previous": {**page_url, "description": "La page précédente, s'il y en a une."},
            "results": {"type": "array", "items": {"$ref": f"#/components/schemas/{item_schema}"}},
        },
    }


def _common_schemas() -> dict:
    return {
        "Choice": {
            "type": "object",
            "description": "Une valeur codée et son libellé en français.",
            "additionalProperties": False,
            "required": ["code", "label"],
            "properties": {"code": {"type": "string"}, "label": {"type": "string"}},
        },
        "Tag": {
            "type": "object",
            "additionalProperties": False,
            "required": ["slug", "name"],
            "properties": {
                "slug": {"type": "string", "description": "Valeur du filtre `tag`."},
                "name": {"type": "string"},
            },
        },
        "Errors": {
            "type": "object",
            "additionalProperties": False,
            "required": ["erreurs"],
            "properties": {
                "erreurs": {
                    "type": "object",
                    "description": "Pour chaque paramètre refusé, les raisons en français.",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                }
            },
            "examples": [{"erreurs": {"year": ["Saisissez un nombre."]}}],
        },
        "NotFound": {
            "type": "object",
            "additionalProperties": False,
            "required": ["erreur"],
            "properties": {"erreur": {"type": "string"}},
        },
    }


def _resolve(value):
    """Lazy translations become text, so the document is plain JSON."""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return {key: _resolve(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_resolve(item) for item in value]
    return value

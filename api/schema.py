"""The pieces of the OpenAPI document: parameters read from FilterSets, operations,
list pages and the schemas every endpoint shares."""

import django_filters
from django.utils.functional import Promise


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
                    **query_parameter(name, {"type": "array", "items": schema}, description),
                    "style": "form",
                    "explode": True,
                }
            )
        else:
            parameters.append(query_parameter(name, schema, description))
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


def query_parameter(name: str, schema: dict, description) -> dict:
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


def list_operation(*, operation_id, tag, summary, description, parameters, item_schema) -> dict:
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


def detail_operation(*, operation_id, tag, summary, slug_help, item_schema) -> dict:
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


def list_schema(item_schema: str) -> dict:
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


COMMON_SCHEMAS = {
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


def resolve(value):
    """Lazy texts (Django's own, in some filters' labels) become text: the document is plain JSON."""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return {key: resolve(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [resolve(item) for item in value]
    return value

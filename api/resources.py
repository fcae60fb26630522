"""/api/ressources/: the published resources of the library, as JSON.

Search, filters and sort are the library page's own (``resources.selectors``), so
the API and the page always answer the same question the same way.
"""

from django import forms
from django.db.models import Prefetch
from django.views.decorators.http import require_safe

from core.fulltext import MAX_QUERY_LENGTH
from core.public_urls import public_url
from resources.filters import ResourceFilterSet
from resources.models import Language, Resource, ResourceKind
from resources.selectors import (
    SORT_RELEVANCE,
    SORTS,
    resource_list_filtered,
    resource_list_sorted,
)

from .collection import Collection
from .http import (
    PageParams,
    choice,
    errors_response,
    form_errors,
    json_response,
    not_found_response,
    paginated_response,
)
from .projects import published_themes, serialize_tags, serialize_theme
from .schema import detail_operation, filter_parameters, list_operation, query_parameter

PARAMETER_HELP = {
    "q": (
        "Mots recherchés dans le titre, le résumé, les mots-clés, l'éditeur et les "
        "thématiques, comme sur la page de la bibliothèque : recherche plein texte en français "
        "(accents, majuscules, pluriels et terminaisons ignorés : « participatif » trouve "
        '« participative »), mots entiers, « "budget participatif" » entre guillemets pour '
        "une expression, « -jeunes » pour exclure un mot ; une requête faite seulement de mots "
        f"très courants ou de symboles ne trouve rien. {MAX_QUERY_LENGTH} caractères au plus."
    ),
    "kind": "Type de ressource ; répétez le paramètre pour en combiner plusieurs.",
    "theme": "Identifiant d'une thématique d'inspiration (champ `themes[].id` des réponses) ; répétable.",
    "tag": "Identifiant d'un mot-clé (champ `tags[].slug` des réponses).",
    "publisher": "Identifiant d'un éditeur (champ `publisher.id` des réponses) ; répétable.",
    "audience": (
        "Public visé (champ `audiences[].slug` des réponses : elus, agents, associations, "
        "habitants) ; répétable."
    ),
    "year": "Année de publication de la ressource.",
    "tri": (
        "Ordre des résultats : « pertinence » (par défaut, la plus récente d'abord sans "
        "recherche) ou « recent »."
    ),
}

SCHEMAS = {
    "Publisher": {
        "type": "object",
        "description": "Le partenaire qui publie la ressource.",
        "additionalProperties": False,
        "required": ["id", "name", "full_name", "website"],
        "properties": {
            "id": {"type": "integer", "description": "Valeur du filtre `publisher`."},
            "name": {"type": "string"},
            "full_name": {"type": "string"},
            "website": {"type": ["string", "null"], "format": "uri"},
        },
    },
    "Audience": {
        "type": "object",
        "additionalProperties": False,
        "required": ["slug", "name"],
        "properties": {
            "slug": {"type": "string", "description": "Valeur du filtre `audience`."},
            "name": {"type": "string"},
        },
    },
    "Resource": {
        "type": "object",
        "description": (
            "Un guide, un outil, un jeu, un MOOC, une enquête ou une tribune recommandé aux "
            "collectivités."
        ),
        "additionalProperties": False,
        "required": [
            "id",
            "slug",
            "title",
            "kind",
            "summary",
            "url",
            "document_url",
            "publisher",
            "themes",
            "tags",
            "audiences",
            "language",
            "published_on",
            "licence",
            "page_url",
        ],
        "properties": {
            "id": {"type": "integer"},
            "slug": {"type": "string"},
            "title": {"type": "string"},
            "kind": {"$ref": "#/components/schemas/Choice"},
            "summary": {"type": "string"},
            "url": {
                "type": ["string", "null"],
                "format": "uri",
                "description": "Lien vers la ressource sur le site de l'éditeur.",
            },
            "document_url": {
                "type": ["string", "null"],
                "format": "uri",
                "description": "Document téléchargeable, quand il y en a un.",
            },
            "publisher": {"oneOf": [{"$ref": "#/components/schemas/Publisher"}, {"type": "null"}]},
            "themes": {"type": "array", "items": {"$ref": "#/components/schemas/Theme"}},
            "tags": {"type": "array", "items": {"$ref": "#/components/schemas/Tag"}},
            "audiences": {"type": "array", "items": {"$ref": "#/components/schemas/Audience"}},
            "language": {"$ref": "#/components/schemas/Choice"},
            "published_on": {"type": "string", "format": "date"},
            "licence": {"type": "string"},
            "page_url": {
                "type": "string",
                "format": "uri",
                "description": "La fiche de la ressource sur Territoires en Commun.",
            },
        },
    },
}


class ResourceListParams(PageParams):
    tri = forms.ChoiceField(choices=list(SORTS.items()), required=False)


def with_relations(queryset):
    """What a serialized resource reads, fetched in a fixed number of queries."""
    return queryset.select_related("publisher", "document").prefetch_related(
        Prefetch("themes", queryset=published_themes(), to_attr="published_themes"),
        "tags",
        "audiences",
    )


def serialize_publisher(publisher) -> dict | None:
    if publisher is None:
        return None
    return {
        "id": publisher.pk,
        "name": publisher.name,
        "full_name": publisher.full_name,
        "website": publisher.website or None,
    }


def serialize_resource(request, resource: Resource) -> dict:
    return {
        "id": resource.pk,
        "slug": resource.slug,
        "title": resource.title,
        "kind": choice(resource.kind, ResourceKind.choices),
        "summary": resource.summary,
        "url": resource.url or None,
        "document_url": public_url(resource.document.url) if resource.document else None,
        "publisher": serialize_publisher(resource.publisher),
        "themes": [serialize_theme(request, theme) for theme in resource.published_themes],
        "tags": serialize_tags(resource.tags.all()),
        "audiences": [
            {"slug": audience.slug, "name": audience.name} for audience in resource.audiences.all()
        ],
        "language": choice(resource.language, Language.choices),
        "published_on": resource.published_on.isoformat(),
        "licence": resource.licence,
        "page_url": public_url(resource.get_absolute_url()),
    }


@require_safe
def resource_list(request):
    params = request.GET
    options = ResourceListParams(params)
    filterset, queryset, ranked = resource_list_filtered(params=params)
    errors = {**form_errors(options), **form_errors(filterset.form)}
    if errors:
        return errors_response(errors)
    sort = options.cleaned_data["tri"] or SORT_RELEVANCE
    results = with_relations(resource_list_sorted(queryset=queryset, ranked=ranked, sort=sort))
    return paginated_response(request, results, options, serialize_resource)


@require_safe
def resource_detail(request, slug):
    resource = with_relations(Resource.objects.published()).filter(slug=slug).first()
    if resource is None:
        return not_found_response("Aucune ressource publiée ne porte cet identifiant.")
    return json_response(serialize_resource(request, resource))


COLLECTION = Collection(
    segment="ressources",
    url_name="resource",
    tag={"name": "ressources", "description": "La bibliothèque de ressources."},
    list_view=resource_list,
    detail_view=resource_detail,
    list_operation=list_operation(
        operation_id="listResources",
        tag="ressources",
        summary="Rechercher et filtrer les ressources publiées",
        description=(
            "Les mêmes recherche, filtres et tris que la page « Ressources ». Les filtres se "
            "combinent ; un filtre répété accepte chacune des valeurs données."
        ),
        parameters=[
            query_parameter("q", {"type": "string"}, PARAMETER_HELP["q"]),
            *filter_parameters(ResourceFilterSet, PARAMETER_HELP),
            query_parameter(
                "tri",
                {"type": "string", "enum": list(SORTS), "default": SORT_RELEVANCE},
                PARAMETER_HELP["tri"],
            ),
        ],
        item_schema="Resource",
    ),
    detail_operation=detail_operation(
        operation_id="getResource",
        tag="ressources",
        summary="Une ressource publiée",
        slug_help="Identifiant de la ressource (champ `slug`).",
        item_schema="Resource",
    ),
    item_schema="Resource",
    schemas=SCHEMAS,
)

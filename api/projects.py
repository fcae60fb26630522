"""/api/projets/: the published projects and expériences territoriales, as JSON.

The filters are the project index's own (``ProjectFilterSet``); only live pages
outside private sections are ever listed.
"""

from django.db.models import Prefetch
from django.views.decorators.http import require_safe

from core.geography import DEPARTEMENTS, REGION_CHOICES
from core.public_urls import public_url
from themes.filters import ProjectFilterSet
from themes.models import ProjectPage, ThemePage
from themes.selectors import newest_projects

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
from .schema import detail_operation, filter_parameters, list_operation

PARAMETER_HELP = {
    "theme": "Identifiant d'une thématique d'inspiration (champ `themes[].id` des réponses).",
    "region": "Code INSEE de la région du projet.",
    "tag": "Identifiant d'un mot-clé (champ `tags[].slug` des réponses).",
}

SCHEMAS = {
    "Theme": {
        "type": "object",
        "description": "Une thématique d'inspiration publiée.",
        "additionalProperties": False,
        "required": ["id", "slug", "title", "url"],
        "properties": {
            "id": {"type": "integer", "description": "Valeur du filtre `theme`."},
            "slug": {"type": "string"},
            "title": {"type": "string"},
            "url": {"type": ["string", "null"], "format": "uri"},
        },
    },
    "Project": {
        "type": "object",
        "description": "Un projet démocratique ou une expérience territoriale.",
        "additionalProperties": False,
        "required": [
            "id",
            "slug",
            "title",
            "summary",
            "territory",
            "departement",
            "region",
            "themes",
            "tags",
            "external_url",
            "page_url",
            "first_published_at",
        ],
        "properties": {
            "id": {"type": "integer"},
            "slug": {"type": "string"},
            "title": {"type": "string"},
            "summary": {"type": "string", "description": "Le chapeau du projet."},
            "territory": {
                "type": "string",
                "description": "Collectivité ou territoire, peut être vide.",
            },
            "departement": {
                "oneOf": [{"$ref": "#/components/schemas/Choice"}, {"type": "null"}],
                "description": "Département (code INSEE et nom).",
            },
            "region": {
                "oneOf": [{"$ref": "#/components/schemas/Choice"}, {"type": "null"}],
                "description": "Région (code INSEE et nom).",
            },
            "themes": {"type": "array", "items": {"$ref": "#/components/schemas/Theme"}},
            "tags": {"type": "array", "items": {"$ref": "#/components/schemas/Tag"}},
            "external_url": {
                "type": ["string", "null"],
                "format": "uri",
                "description": "Lien « En savoir plus » vers le site du projet.",
            },
            "page_url": {
                "type": ["string", "null"],
                "format": "uri",
                "description": "La page du projet sur Territoires en Commun.",
            },
            "first_published_at": {"type": ["string", "null"], "format": "date-time"},
        },
    },
}


def published_themes():
    """For prefetching the themes of a list: only those a visitor can open."""
    return ThemePage.objects.live().public().order_by("-month", "pk")


def page_url(request, page) -> str | None:
    """Absolute, on the public address (unless the page is on another Wagtail site)."""
    return public_url(page.get_url(request)) or None


def serialize_theme(request, theme: ThemePage) -> dict:
    return {
        "id": theme.pk,
        "slug": theme.slug,
        "title": theme.title,
        "url": page_url(request, theme),
    }


def serialize_tags(tags) -> list[dict]:
    return [{"slug": tag.slug, "name": tag.name} for tag in sorted(tags, key=lambda t: t.name)]


def published_projects():
    """Live, public projects, newest first, with what the API shows of them."""
    return newest_projects().prefetch_related(
        Prefetch("themes", queryset=published_themes(), to_attr="published_themes"), "tags"
    )


def serialize_project(request, project: ProjectPage) -> dict:
    departement = None
    if project.departement in DEPARTEMENTS:
        departement = {"code": project.departement, "label": DEPARTEMENTS[project.departement][0]}
    return {
        "id": project.pk,
        "slug": project.slug,
        "title": project.title,
        "summary": project.intro,
        "territory": project.territory,
        "departement": departement,
        "region": choice(project.region, REGION_CHOICES),
        "themes": [serialize_theme(request, theme) for theme in project.published_themes],
        "tags": serialize_tags(project.tags.all()),
        "external_url": project.external_url or None,
        "page_url": page_url(request, project),
        "first_published_at": (
            project.first_published_at.isoformat() if project.first_published_at else None
        ),
    }


@require_safe
def project_list(request):
    params = request.GET
    paging = PageParams(params)
    filterset = ProjectFilterSet(params, queryset=published_projects())
    errors = {**form_errors(paging), **form_errors(filterset.form)}
    if errors:
        return errors_response(errors)
    return paginated_response(request, filterset.qs, paging, serialize_project)


@require_safe
def project_detail(request, slug):
    project = published_projects().filter(slug=slug).first()
    if project is None:
        return not_found_response("Aucun projet publié ne porte cet identifiant.")
    return json_response(serialize_project(request, project))


COLLECTION = Collection(
    segment="projets",
    url_name="project",
    tag={"name": "projets", "description": "Projets et expériences territoriales."},
    list_view=project_list,
    detail_view=project_detail,
    list_operation=list_operation(
        operation_id="listProjects",
        tag="projets",
        summary="Filtrer les projets publiés",
        description=(
            "Les mêmes filtres que la page « Projets », du plus récemment publié au plus ancien."
        ),
        parameters=filter_parameters(ProjectFilterSet, PARAMETER_HELP),
        item_schema="Project",
    ),
    detail_operation=detail_operation(
        operation_id="getProject",
        tag="projets",
        summary="Un projet publié",
        slug_help="Identifiant du projet (champ `slug`).",
        item_schema="Project",
    ),
    item_schema="Project",
    schemas=SCHEMAS,
)

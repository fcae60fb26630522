"""What every endpoint of the JSON API shares: parameters, pages, errors, answers."""

from collections.abc import Callable, Iterable

from django import forms
from django.core.paginator import EmptyPage, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse

from core.public_urls import public_url

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# The widest integer every supported database can be asked about (SQLite and
# PostgreSQL bigint): a larger id is not an id, and SQLite fails on it.
MAX_DATABASE_INTEGER = 2**63 - 1


class PageParams(forms.Form):
    """``page`` and ``page_size``, as every list endpoint takes them."""

    page = forms.IntegerField(min_value=1, required=False)
    page_size = forms.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE, required=False)


def json_response(data: dict, *, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # Public, read-only and cookie-free: any site may read it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def errors_response(errors: dict[str, list[str]]) -> JsonResponse:
    """400, naming each parameter that was refused and why, in French."""
    return json_response({"erreurs": errors}, status=400)


def not_found_response(message: str) -> JsonResponse:
    return json_response({"erreur": message}, status=404)


def form_errors(form: forms.Form) -> dict[str, list[str]]:
    return {
        name: [error["message"] for error in errors]
        for name, errors in form.errors.get_json_data().items()
    }


def paginated_response(
    request: HttpRequest,
    queryset: QuerySet,
    paging: PageParams,
    serialize: Callable[[HttpRequest, object], dict],
) -> JsonResponse:
    """``{"count", "next", "previous", "results"}``, the neighbours as absolute URLs."""
    page_size = paging.cleaned_data["page_size"] or DEFAULT_PAGE_SIZE
    number = paging.cleaned_data["page"] or 1
    paginator = Paginator(queryset, page_size)
    try:
        page = paginator.page(number)
    except EmptyPage:
        return not_found_response("Cette page n'existe pas.")
    return json_response(
        {
            "count": paginator.count,
            "next": _page_url(request, page.next_page_number()) if page.has_next() else None,
            "previous": (
                _page_url(request, page.previous_page_number()) if page.has_previous() else None
            ),
            "results": [serialize(request, item) for item in page.object_list],
        }
    )


def _page_url(request: HttpRequest, number: int) -> str:
    params = request.GET.copy()
    if number == 1:
        params.pop("page", None)
    else:
        params["page"] = str(number)
    query = params.urlencode()
    return public_url(request.path + (f"?{query}" if query else ""))


def choice(code: str, choices: Iterable[tuple[str, str]]) -> dict | None:
    """``{"code", "label"}`` of a choice, ``None`` when the field is empty."""
    if not code:
        return None
    return {"code": code, "label": str(dict(choices).get(code, code))}

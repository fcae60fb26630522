"""What every endpoint of the JSON API shares: parameters, pages, errors, answers."""

from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    ProhibitNullCharactersValidator,
)
from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse, QueryDict
from django.utils.translation import gettext as _

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


def unqueryable_values(
    filterset_class: type[django_filters.FilterSet], params: QueryDict
) -> dict[str, list[str]]:
    """Filter values that the database must not even be asked about.

    django-filter validates the form by querying the database, and some values
    make that query fail instead of being refused: a null character (PostgreSQL
    rejects it), an id larger than any integer column (SQLite overflows), a year
    outside the calendar. They are refused here with the field's own message.
    """
    form = filterset_class(params).form
    errors: dict[str, list[str]] = {}
    for name, filter_ in filterset_class.base_filters.items():
        field = form.fields[name]
        for value in params.getlist(name):
            message = _unqueryable(filter_, field, value)
            if message:
                errors.setdefault(name, []).append(message)
    return errors


def _unqueryable(filter_, field: forms.Field, value: str) -> str | None:
    if "\x00" in value:
        return str(ProhibitNullCharactersValidator.message)
    if isinstance(
        filter_, django_filters.ModelChoiceFilter | django_filters.ModelMultipleChoiceFilter
    ):
        if filter_.extra.get("to_field_name"):
            return None  # a slug, compared as text
        try:
            if abs(int(value)) <= MAX_DATABASE_INTEGER:
                return None
        except ValueError:
            return None  # not a number: the field itself refuses it
        if isinstance(field, forms.ModelMultipleChoiceField):
            return str(field.error_messages["invalid_pk_value"] % {"pk": value})
        return str(field.error_messages["invalid_choice"])
    if isinstance(filter_, django_filters.NumberFilter) and filter_.field_name.endswith("__year"):
        try:
            year = Decimal(value.strip())
        except InvalidOperation:
            return None  # « Saisissez un nombre. », from the field
        if not year.is_finite():
            return None  # NaN and infinities: the field refuses them too
        try:
            for validator in (MinValueValidator(1), MaxValueValidator(9999)):
                validator(year)
        except ValidationError as error:
            return str(error.messages[0])
    return None


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
        return not_found_response(_("Cette page n'existe pas."))
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
    return request.build_absolute_uri(request.path + (f"?{query}" if query else ""))


def choice(code: str, choices: Iterable[tuple[str, str]]) -> dict | None:
    """``{"code", "label"}`` of a choice, ``None`` when the field is empty."""
    if not code:
        return None
    return {"code": code, "label": str(dict(choices).get(code, code))}

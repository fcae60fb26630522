"""django-filter pieces that refuse, rather than crash on, values no database can hold.

A visitor can type anything in a URL: ``?theme=99999999999999999999`` overflows
SQLite's integers and ``?year=0`` is no year at all. These fields turn such
values into ordinary form errors (shown, then ignored).
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import EMPTY_VALUES
from django_filters import fields

MAX_ID = 2**63 - 1


def check_id(field, value) -> None:
    """Refuse a primary key that is not a positive 64-bit integer, and any value
    with a null character (PostgreSQL cannot even compare it)."""
    if value in EMPTY_VALUES:
        return
    if "\x00" in str(value):
        raise ValidationError(
            field.error_messages["invalid_choice"], code="invalid_choice", params={"value": ""}
        )
    if field.to_field_name:
        return
    try:
        valid = 0 < int(str(value)) <= MAX_ID
    except ValueError:
        valid = False
    if not valid:
        raise ValidationError(
            field.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )


class SafeModelChoiceField(fields.ModelChoiceField):
    def to_python(self, value):
        check_id(self, value)
        return super().to_python(value)


class SafeModelMultipleChoiceField(fields.ModelMultipleChoiceField):
    def _check_values(self, value):
        for item in value:
            check_id(self, item)
        return super()._check_values(value)


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = SafeModelChoiceField


class ModelMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = SafeModelMultipleChoiceField


class YearFilter(django_filters.NumberFilter):
    """A calendar year, 1 to 9999, matched on a date field's year."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 9999)
        super().__init__(*args, **kwargs)


class DistinctWhenJoinedMixin:
    """De-duplicate only when a many-to-many filter is in use.

    ``DISTINCT`` makes the database sort whole rows; without a join through a
    many-to-many table no row can appear twice, so it is skipped.
    """

    many_valued_filters: tuple[str, ...] = ()

    @property
    def qs(self):
        queryset = super().qs
        cleaned = getattr(self.form, "cleaned_data", {})
        if any(cleaned.get(name) for name in self.many_valued_filters):
            return queryset.distinct()
        return queryset

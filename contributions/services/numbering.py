"""Storing what a public form sent, with its reference number."""

from ..models import Submission, reference_for


def submission_create(*, model: type[Submission], data: dict, client_network: str, **extra):
    """Creates the ``model`` row from the form's fields it accepts, then numbers it."""
    fields = {name: value for name, value in data.items() if name in model.SUBMITTED_FIELDS}
    item = model.objects.create(client_network=client_network, **extra, **fields)
    item.reference = reference_for(model.REFERENCE_PREFIX, item.pk, item.created_at)
    item.save(update_fields=["reference"])
    return item

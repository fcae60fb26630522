"""The form a contributor corrects a waiting proposal with: the proposal's own form,
filled with what was sent, every field validated again; the address stays."""

from django.utils import timezone

from ..models import Contribution
from . import event


def _initial(contribution: Contribution, form_class) -> dict:
    initial = {
        name: getattr(contribution, name)
        for name in form_class.base_fields
        if name in Contribution.SUBMITTED_FIELDS and name != "document"
    }
    initial["themes"] = [theme.pk for theme in contribution.themes.all()]
    if contribution.kind == Contribution.Kind.EVENT and contribution.start:
        start = timezone.localtime(contribution.start, event.PARIS)
        end = timezone.localtime(contribution.end or contribution.start, event.PARIS)
        initial.update(
            start_date=start.date(), end_date=end.date() if end.date() != start.date() else None
        )
        if not contribution.all_day:
            initial.update(start_time=start.time(), end_time=end.time())
    return initial


def correction_form(*, contribution: Contribution, form_class, data=None, files=None):
    """``form_class`` is the kind's public form; the e-mail field is left out."""
    form = form_class(data, files, initial=_initial(contribution, form_class))
    del form.fields["email"]
    if contribution.document:
        form.kept_document = contribution.document_name
        form["document"].help_text = form.fields["document"].help_text = (
            f"Le document envoyé, « {contribution.document_name} », est conservé "
            "si vous n'en joignez pas un autre. PDF, ODT ou DOCX, 20 Mo au plus."
        )
    return form

"""What every public form shares: DSFR rendering, a honeypot, plain-text fields."""

import nh3
from django import forms
from dsfr.forms import DsfrBaseForm

HONEYPOT_FIELD = "site_web"
# What forms add to the label of a field one may leave empty (the summary leaves it out).
OPTIONAL_MARK = " (facultatif)"


def plain_text(value: str) -> str:
    """Text with any HTML removed (tags dropped, entities kept as text)."""
    cleaned = nh3.clean(value or "", tags=set(), attributes={})
    # nh3 escapes what it keeps; our templates escape again on output.
    return (
        cleaned.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&amp;", "&")
    ).strip()


class PlainTextField(forms.CharField):
    """A text field whose value is stored without any markup."""

    def to_python(self, value):
        return plain_text(super().to_python(value))


class PlainTextareaField(PlainTextField):
    widget = forms.Textarea


class PublicForm(DsfrBaseForm):
    """A form anyone can post: DSFR markup plus a field only robots fill in.

    The honeypot is hidden from people (CSS and ``aria-hidden``) and skipped by the
    keyboard. A filled honeypot does not show an error (that would teach the
    robot): views check ``is_spam`` and answer as if all went well, storing nothing.
    """

    honeypot_field = HONEYPOT_FIELD

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_field] = forms.CharField(
            label="Ne pas remplir ce champ",
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )
        self.fields[self.honeypot_field].template_name = "includes/honeypot_field.html"

    def get_context(self):
        # Mark the optional fields rather than the required ones, as the DSFR now advises
        # (set here rather than through django-dsfr's transitional setting, which warns).
        context = forms.Form.get_context(self)
        context["DSFR_MARK_OPTIONAL_FIELDS"] = True
        return context

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(self.honeypot_field))

    def error_summary(self) -> list[tuple[str, str, str]]:
        """(field id, label, message) for each error, for the summary at the top."""
        summary = [("", "", str(message)) for message in self.non_field_errors()]
        # In the order of the form, whatever order the checks found them in.
        for name in [name for name in self.fields if name in self.errors]:
            errors = self.errors[name]
            bound = self[name]
            # Radio and checkbox groups label a fieldset: link to their first input.
            target = bound.id_for_label or (f"{bound.auto_id}_0" if bound.auto_id else "")
            for message in errors:
                label = str(bound.label).removesuffix(OPTIONAL_MARK)
                summary.append((target, label, str(message)))
        return summary

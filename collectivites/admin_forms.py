"""Forms of the admin views: a representative's details, a collectivité's domains."""

import re

from django import forms
from django.core.exceptions import ValidationError

from .forms import CollectiviteField
from .models import Collectivite, Representative

DOMAIN = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def parse_domains(text: str) -> list[str]:
    """« @Mairie-X.fr, ville-x.fr » → ["mairie-x.fr", "ville-x.fr"]; refuses non-domains."""
    domains = []
    for item in re.split(r"[\s,;]+", (text or "").strip().lower()):
        domain = item.strip().lstrip("@").rstrip(".")
        if not domain:
            continue
        if not DOMAIN.match(domain):
            raise ValidationError(
                f"« {item[:60]} » n'est pas un nom de domaine (attendu par exemple : "
                "mairie-exemple.fr).",
                code="invalid_domain",
            )
        if domain not in domains:
            domains.append(domain)
    return domains


class CollectiviteDomainsForm(forms.ModelForm):
    class Meta:
        model = Collectivite
        fields = ["email_domains"]

    def clean_email_domains(self):
        return " ".join(parse_domains(self.cleaned_data["email_domains"]))


class RepresentativeAdminForm(forms.ModelForm):
    collectivite = CollectiviteField(label="Collectivité", help_text="")

    class Meta:
        model = Representative
        fields = ["full_name", "role", "position", "collectivite"]

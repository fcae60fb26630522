"""The representatives' export (CSV and XLSX) from the admin listing.

Only verified accounts by default: an export leaves the admin (a mailing, a table
shared with partners), and a pending sign-up is a claim nobody has checked yet. Staff
who want every account ask for it (« tous les comptes »), and the file says which it
is, in its name and in a « Compte vérifié » column. Cells are made inert by
``core.exports`` (a sign-up's name must not run as a formula).
"""

from django.utils.functional import cached_property
from wagtail.admin.widgets.button import Button

ALL_ACCOUNTS = ("comptes", "tous")  # the query parameter that asks for every account


def yes_no(value) -> str:
    return "oui" if value else "non"


class RepresentativeExportMixin:
    list_export = [
        "full_name",
        "email",
        "get_role_display",
        "position",
        "collectivite.label",
        "collectivite.code_label",
        "get_status_display",
        "is_verified",
        "created_at",
    ]
    export_headings = {
        "full_name": "Nom et prénom",
        "email": "Adresse e-mail",
        "get_role_display": "Fonction",
        "position": "Poste ou mandat",
        "collectivite.label": "Collectivité",
        "collectivite.code_label": "Code de la collectivité",
        "get_status_display": "Statut",
        "is_verified": "Compte vérifié",
        "created_at": "Inscrit le",
    }
    custom_field_preprocess = {"is_verified": {"csv": yes_no, "xlsx": yes_no}}

    @cached_property
    def exports_every_account(self) -> bool:
        name, value = ALL_ACCOUNTS
        return self.request.GET.get(name) == value

    def export_queryset(self, queryset):
        if self.is_export and not self.exports_every_account:
            return queryset.verified()
        return queryset

    def get_filename(self):
        if self.exports_every_account:
            return "representants-tous-les-comptes"
        return "representants-comptes-verifies"

    @cached_property
    def header_more_buttons(self):
        """Wagtail's two download buttons, said plainly, and the same for every account."""
        buttons = [
            button
            for button in super().header_more_buttons
            if button.url not in (self.xlsx_export_url, self.csv_export_url)
        ]
        name, value = ALL_ACCOUNTS
        for priority, (label, fmt, every) in enumerate(
            [
                ("Télécharger les comptes vérifiés (XLSX)", "xlsx", False),
                ("Télécharger les comptes vérifiés (CSV)", "csv", False),
                ("Télécharger tous les comptes, en attente compris (XLSX)", "xlsx", True),
                ("Télécharger tous les comptes, en attente compris (CSV)", "csv", True),
            ]
        ):
            params = self.request.GET.copy()
            params["export"] = fmt
            if every:
                params[name] = value
            else:
                params.pop(name, None)
            url = f"{self.request.path}?{params.urlencode()}"
            buttons.append(Button(label, url=url, icon_name="download", priority=90 + priority))
        return buttons

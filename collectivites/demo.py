"""Demo content of this app, loaded by ``manage.py load_demo_content`` (idempotent).

The whole official list is imported from the file shipped with the code when the
table is empty (about two seconds), so the autocomplete works on a fresh install.
"""

from django.utils import timezone

from .models import Collectivite, Representative
from .services import (
    collectivite_import_shipped_list,
    collectivite_set_email_domains,
    representative_create,
)

# Domains of a few real collectivités, so that auto-approval can be tried in the demo.
DEMO_EMAIL_DOMAINS = {
    ("commune", "69123"): "lyon.fr",
    ("epci", "200046977"): "grandlyon.com",
    ("commune", "44109"): "nantes.fr",
}
# Accounts waiting for a moderator, to try the review in the admin (they cannot log in).
DEMO_PENDING = [
    ("commune", "35238", "Camille Le Goff", "agent", "Chargée de mission démocratie locale"),
    ("commune", "59350", "Yanis Benali", "elu", "Adjoint à la participation citoyenne"),
]


def load(*, home) -> None:
    if not Collectivite.objects.exists():
        collectivite_import_shipped_list()
    for (kind, code), domain in DEMO_EMAIL_DOMAINS.items():
        collectivite = Collectivite.objects.filter(kind=kind, code=code, email_domains="").first()
        if collectivite is not None:
            collectivite_set_email_domains(collectivite=collectivite, domains=domain)
    _pending_representatives()


def _pending_representatives() -> None:
    for kind, code, full_name, role, position in DEMO_PENDING:
        collectivite = Collectivite.objects.filter(kind=kind, code=code).first()
        if collectivite is None:
            continue
        email = f"demo.{full_name.split()[0].lower()}@example.org"
        if Representative.objects.filter(email=email).exists():
            continue
        representative_create(
            email=email,
            password=None,
            collectivite=collectivite,
            full_name=full_name,
            role=role,
            position=position,
            status=Representative.Status.PENDING,
            email_confirmed_at=timezone.now(),
        )

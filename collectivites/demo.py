"""Demo content of this app, loaded by ``manage.py load_demo_content`` (idempotent).

The whole official list is imported from the file shipped with the code when the
table is empty (about two seconds), so the autocomplete works on a fresh install.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import Collectivite, Representative
from .reference_data import import_shipped_list

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
        import_shipped_list()
    for (kind, code), domain in DEMO_EMAIL_DOMAINS.items():
        Collectivite.objects.filter(kind=kind, code=code, email_domains="").update(
            email_domains=domain
        )
    _pending_representatives()


def _pending_representatives() -> None:
    User = get_user_model()
    for kind, code, full_name, role, position in DEMO_PENDING:
        collectivite = Collectivite.objects.filter(kind=kind, code=code).first()
        if collectivite is None:
            continue
        email = f"demo.{full_name.split()[0].lower()}@example.org"
        if Representative.objects.filter(email=email).exists():
            continue
        user = User(username=email, email=email)
        user.set_unusable_password()
        user.save()
        Representative.objects.create(
            user=user,
            collectivite=collectivite,
            full_name=full_name,
            role=role,
            position=position,
            email=email,
            status=Representative.Status.PENDING,
            email_confirmed_at=timezone.now(),
        )

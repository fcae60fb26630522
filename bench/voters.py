"""Representatives' accounts for the vote scenario of the load test.

``python -m bench.voters N`` (run with the stack's environment) makes sure N active
representatives exist, each for a collectivité of their own that is not in the
real list (codes 999xx), and prints their e-mail and password as JSON. Accounts
made by an earlier run are reused: the passwords are hashed once.
"""

import json
import os
import subprocess
import sys

from bench.production_stack import ROOT, Stack

PASSWORD = "mot-de-passe-solide-42"  # noqa: S105 — the bench database's test accounts


def make_voters(stack: Stack, count: int) -> list[tuple[str, str]]:
    completed = subprocess.run(  # noqa: S603 — our own interpreter and module
        [sys.executable, "-m", "bench.voters", str(count)],
        cwd=ROOT,
        env={**os.environ, **stack.env},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"bench.voters failed:\n{completed.stderr[-3000:]}")
    return [tuple(pair) for pair in json.loads(completed.stdout.strip().splitlines()[-1])]


def main(count: int) -> None:
    import django

    django.setup()
    from collectivites.models import Collectivite, Representative
    from tests.collectivites.factories import RepresentativeFactory, UserFactory, siren_with_key

    accounts = []
    for n in range(count):
        email = f"bench-voter-{n}@exemple.fr"
        if not Representative.objects.filter(user__username=email).exists():
            collectivite, _created = Collectivite.objects.get_or_create(
                code=f"999{n:02d}",
                defaults={
                    "kind": Collectivite.Kind.COMMUNE,
                    "siren": siren_with_key(f"999{n:05d}"),
                    "name": f"Commune du banc d'essai {n}",
                    "search_name": f"commune du banc d'essai {n}",
                    "departement": "44",
                    "region": "52",
                    "population": 5000,
                    "postal_codes": "44000",
                },
            )
            RepresentativeFactory(
                user=UserFactory(username=email, email=email, password=PASSWORD),
                collectivite=collectivite,
            )
        accounts.append((email, PASSWORD))
    print(json.dumps(accounts))


if __name__ == "__main__":
    main(int(sys.argv[1]))

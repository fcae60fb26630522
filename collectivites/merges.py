"""Commune merges: what belonged to a commune that merged follows the new commune.

Every 1 January communes merge into communes nouvelles; the official list keeps the
former codes (``reference_data.load_former_codes``). After an import, the accounts of
a merged commune move here; ballots and registrations belong to apps that build on
this one, so they move in receivers of ``collectivite_merged`` (``votes.signals``),
whose answers — counts by label — make up the report.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.dispatch import Signal

from .models import Collectivite, Representative

# Sent with ``former`` and ``into`` (Collectivite); a receiver returns {label: count}.
collectivite_merged = Signal()

ACCOUNTS = "compte(s) de représentant"


@dataclass
class MergeReport:
    communes: list[str] = field(default_factory=list)  # « Ancienne (code) → Nouvelle (code) »
    moved: Counter = field(default_factory=Counter)

    def __str__(self):
        if not self.moved:
            return "aucune commune fusionnée n'avait de compte, de vote ni d'inscription."
        what = ", ".join(f"{count} {label}" for label, count in sorted(self.moved.items()))
        return f"{len(self.communes)} commune(s) fusionnée(s) suivie(s) : {what}."


def _label(collectivite: Collectivite) -> str:
    return f"{collectivite.name} ({collectivite.code})"


def collectivite_merge(*, former: Collectivite, into: Collectivite) -> Counter:
    """Moves the accounts of ``former`` to ``into``, then lets the other apps move theirs."""
    moved = Counter()
    moved[ACCOUNTS] = Representative.objects.filter(collectivite=former).update(collectivite=into)
    for _receiver, answer in collectivite_merged.send(
        sender=Collectivite, former=former, into=into
    ):
        moved.update(answer or {})
    return +moved  # only what moved


@transaction.atomic
def collectivite_merge_communes(*, former_codes: dict[str, str]) -> MergeReport:
    """For each commune no longer in the list whose code the list names as the former
    code of a current commune, moves what it had to that commune. Idempotent."""
    report = MergeReport()
    formers = Collectivite.objects.filter(
        kind=Collectivite.Kind.COMMUNE, is_current=False, code__in=list(former_codes)
    ).order_by("code")
    targets = {
        commune.code: commune
        for commune in Collectivite.objects.filter(
            kind=Collectivite.Kind.COMMUNE,
            is_current=True,
            code__in={former_codes[former.code] for former in formers},
        )
    }
    for former in formers:
        into = targets.get(former_codes[former.code])
        if into is None:
            continue
        moved = collectivite_merge(former=former, into=into)
        if moved:
            report.communes.append(f"{_label(former)} → {_label(into)}")
            report.moved.update(moved)
    return report

"""The ballots of the collectivités, and which of them count in live results."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from collectivites.models import Collectivite, Representative


def counted_ballots_q(prefix: str = "") -> Q:
    """The ballots that count in live results, seen from ``prefix`` (e.g. ``"ballot__"``):
    the collectivité is current (not merged away) and the last voter has not been
    suspended since (a colleague's new vote counts again). Frozen results keep the
    ballots as they were at the closing.

    Written as two exclusions of short lists (merged collectivités, suspended
    accounts) rather than joins, so that counting 30,000 ballots does not join each
    of them to its collectivité and its voter.
    """
    merged = Collectivite.objects.filter(is_current=False).values("pk")
    suspended = Representative.objects.filter(status=Representative.Status.SUSPENDED).values("pk")
    return ~Q(**{f"{prefix}collectivite_id__in": merged}) & ~Q(
        **{f"{prefix}voter_id__in": suspended}
    )


class Ballot(models.Model):
    """The one ballot of a collectivité in a campaign; a colleague's later vote
    replaces it. ``voter_name`` keeps who voted last even if the account goes."""

    campaign = models.ForeignKey(
        "votes.Campaign",
        verbose_name="campagne",
        on_delete=models.CASCADE,
        related_name="ballots",
    )
    collectivite = models.ForeignKey(
        "collectivites.Collectivite",
        verbose_name="collectivité",
        on_delete=models.PROTECT,
        related_name="ballots",
    )
    candidates = models.ManyToManyField(
        "votes.Candidate",
        through="BallotChoice",
        related_name="ballots",
        verbose_name="thèmes choisis",
    )
    voter = models.ForeignKey(
        "collectivites.Representative",
        verbose_name="dernier vote par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ballots",
    )
    voter_name = models.CharField("nom du votant", max_length=150)
    cast_at = models.DateTimeField("premier vote le", default=timezone.now)
    updated_at = models.DateTimeField("dernier vote le", default=timezone.now)

    class Meta:
        verbose_name = "bulletin"
        verbose_name_plural = "bulletins"
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "collectivite"], name="ballot_one_per_collectivite"
            )
        ]

    def __str__(self):
        return f"{self.collectivite} — {self.campaign}"


class BallotChoice(models.Model):
    """One theme chosen on a ballot."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    candidate = models.ForeignKey(
        "votes.Candidate", on_delete=models.PROTECT, related_name="choices"
    )

    class Meta:
        verbose_name = "choix"
        verbose_name_plural = "choix"
        constraints = [
            models.UniqueConstraint(fields=["ballot", "candidate"], name="ballot_choice_unique")
        ]

    def __str__(self):
        return str(self.candidate_id)


class ReplacedBallot(models.Model):
    """A ballot that gave way when its commune merged into one that had also voted
    in the campaign: the later of the two ballots counts, this one is kept for staff."""

    campaign = models.ForeignKey(
        "votes.Campaign",
        verbose_name="campagne",
        on_delete=models.CASCADE,
        related_name="replaced_ballots",
    )
    collectivite = models.ForeignKey(
        "collectivites.Collectivite",
        verbose_name="collectivité qui garde le vote",
        on_delete=models.PROTECT,
        related_name="+",
    )
    cast_for = models.ForeignKey(
        "collectivites.Collectivite",
        verbose_name="bulletin exprimé par",
        on_delete=models.PROTECT,
        related_name="+",
    )
    themes = models.TextField("thèmes choisis", blank=True)
    candidate_ids = models.JSONField("identifiants des thèmes", default=list, blank=True)
    voter_name = models.CharField("nom du votant", max_length=150, blank=True)
    cast_at = models.DateTimeField("premier vote le")
    updated_at = models.DateTimeField("dernier vote le")
    reason = models.CharField("motif", max_length=200)
    replaced_at = models.DateTimeField("remplacé le", default=timezone.now)

    class Meta:
        verbose_name = "bulletin remplacé"
        verbose_name_plural = "bulletins remplacés (fusions de communes)"
        ordering = ["-replaced_at", "-pk"]

    def __str__(self):
        return f"{self.cast_for} — {self.campaign} (remplacé)"

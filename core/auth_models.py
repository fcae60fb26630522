"""What the login doors keep in the database: counters while the cache is down, and
the recovery codes of the second factor."""

from django.conf import settings
from django.db import models


class RateCounter(models.Model):
    """A rate-limit or failed-login counter, kept here while the cache (Redis) is down.

    Limits that let everything through when Redis fails protect nothing at the very
    moment an attacker may have caused the failure: the database counts instead.
    Expired rows are deleted as new ones are written.
    """

    key = models.CharField(max_length=200, unique=True)
    value = models.BigIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "compteur de limite"
        verbose_name_plural = "compteurs de limite"

    def __str__(self):
        return f"{self.key} = {self.value}"


class RecoveryCode(models.Model):
    """A single-use code that stands in for the authenticator app (a lost phone).

    Shown once, at enrolment; only its SHA-256 digest is stored (the codes are random
    and long enough that a digest cannot be reversed by trying them all).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "code de secours"
        verbose_name_plural = "codes de secours"
        constraints = [
            models.UniqueConstraint(fields=["user", "digest"], name="recovery_code_unique")
        ]

    def __str__(self):
        return f"code de secours de {self.user}"

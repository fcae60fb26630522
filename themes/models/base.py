"""What theme and concept pages share: the month they are featured."""

import datetime

from django.db import models
from django.utils.formats import date_format


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


class MonthMixin(models.Model):
    """A page featured for one month (the day is ignored)."""

    month = models.DateField(
        "mois de mise en avant",
        help_text="Choisissez n'importe quel jour du mois : seul le mois compte.",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.month:
            self.month = first_of_month(self.month)
        super().save(*args, **kwargs)

    @property
    def month_label(self) -> str:
        """« novembre 2021 »."""
        return date_format(self.month, "F Y") if self.month else ""

    def full_clean(self, *args, **kwargs):
        if self.month:
            self.month = first_of_month(self.month)
        super().full_clean(*args, **kwargs)

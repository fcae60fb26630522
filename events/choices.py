"""The plain choices of an event, importable without the models."""

from django.db import models


class EventFormat(models.TextChoices):
    """The attendance mode (schema.org ``eventAttendanceMode``)."""

    IN_PERSON = "presentiel", "Présentiel"
    ONLINE = "en_ligne", "En ligne"
    HYBRID = "hybride", "Hybride"


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Programmé"
    POSTPONED = "postponed", "Reporté"
    CANCELLED = "cancelled", "Annulé"
    FULL = "full", "Complet"


# Not a stored status: what an event (or an occurrence) that has ended shows,
# whatever its status said before. A past event is never « Programmé ».
PAST = "past"
PAST_LABEL = "Passé"


class RegistrationMode(models.TextChoices):
    NONE = "", "Sans inscription"
    LINK = "link", "Sur un site extérieur (lien)"
    EMAIL = "email", "Par e-mail"
    SITE = "site", "Sur Territoires en Commun (nombre de places limité ou non)"


class Country(models.TextChoices):
    """ISO 3166-1 alpha-2: the countries the partners' events take place in."""

    FRANCE = "FR", "France"
    GERMANY = "DE", "Allemagne"
    BELGIUM = "BE", "Belgique"
    CANADA = "CA", "Canada"
    SPAIN = "ES", "Espagne"
    ITALY = "IT", "Italie"
    LUXEMBOURG = "LU", "Luxembourg"
    NETHERLANDS = "NL", "Pays-Bas"
    PORTUGAL = "PT", "Portugal"
    UNITED_KINGDOM = "GB", "Royaume-Uni"
    SWITZERLAND = "CH", "Suisse"


class Accessibility(models.TextChoices):
    """What the event offers people with disabilities: field name → label."""

    REDUCED_MOBILITY = "access_reduced_mobility", "Lieu accessible aux personnes à mobilité réduite"
    SIGN_LANGUAGE = "access_sign_language", "Interprétation en langue des signes (LSF)"
    SUBTITLES = "access_subtitles", "Sous-titrage"
    INDUCTION_LOOP = "access_induction_loop", "Boucle magnétique"
    EASY_READ = "access_easy_read", "Documents en FALC (facile à lire et à comprendre)"

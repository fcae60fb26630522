"""What a representative types in the sign-up form, for the tests that post it."""

PASSWORD = "Participation-citoyenne-2026"


def signup_data(collectivite, **overrides):
    data = {
        "full_name": "Anne Martin",
        "role": "agent",
        "position": "Chargée de mission participation",
        "collectivite": collectivite.label,
        "collectivite_choix": str(collectivite.pk),
        "email": "Anne.Martin@Mairie-Exemple.fr",
        "password": PASSWORD,
        "password_confirmation": PASSWORD,
        "attestation": "on",
    }
    data.update(overrides)
    return data

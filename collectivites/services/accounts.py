"""Writes of one's own account: creating it, changing one's name or role, deleting it."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.views.decorators.debug import sensitive_variables

from ..models import Collectivite, Representative


@sensitive_variables()
@transaction.atomic
def representative_create(
    *,
    email: str,
    password: str | None,
    collectivite: Collectivite,
    full_name: str,
    role: str,
    position: str = "",
    encoded_password: str = "",
    **state,
) -> Representative:
    """The user account and its representative; no password means none can log in.

    ``encoded_password``: the password already hashed (``make_password``).
    ``state`` may set the status and the confirmation date (the demo's accounts).
    """
    user = get_user_model()(username=email, email=email)
    if encoded_password:
        user.password = encoded_password
    elif password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.save()
    return Representative.objects.create(
        user=user,
        collectivite=collectivite,
        full_name=full_name,
        role=role,
        position=position,
        email=email,
        **state,
    )


def representative_update_profile(
    *, representative: Representative, full_name: str, role: str, position: str = ""
) -> Representative:
    """One's name, role and position (the e-mail and the collectivité stay)."""
    representative.full_name = full_name
    representative.role = role
    representative.position = position
    representative.save(update_fields=["full_name", "role", "position"])
    return representative


class AccountDeletionRefused(Exception):
    """A staff account is deleted by an administrator, not from « Mon compte »."""


@transaction.atomic
def account_delete(*, user) -> None:
    """Deletes the user and their representative account. What they did for the
    collectivité stays its own: ballots and registrations keep the voter's name and
    lose only the link to the account (``SET_NULL``)."""
    if user.is_staff or user.is_superuser:
        raise AccountDeletionRefused
    # The representative goes with the user (CASCADE); no trace of the person is kept.
    user.delete()

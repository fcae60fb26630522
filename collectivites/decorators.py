"""Views only a validated representative may reach."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse

from .selectors import representative_of_request


def representative_required(view):
    """Lets through only a confirmed, validated representative (``request.representative``).

    Visitors go to the login page and come back; others are told in plain French what
    is missing (confirming their address, staff validation, a suspended account).
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("account-login"))
        representative = representative_of_request(request=request)
        if representative is None or not representative.can_act:
            return render(
                request,
                "collectivites/representative_required.html",
                {"representative": representative},
                status=403,
            )
        request.representative = representative
        return view(request, *args, **kwargs)

    return wrapped

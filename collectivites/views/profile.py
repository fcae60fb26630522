"""« Mon compte »: changing one's name and role, deleting one's account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_http_methods

from ..account_forms import AccountDeleteForm, ProfileForm
from ..selectors import representative_of_request
from ..services.accounts import (
    AccountDeletionRefused,
    account_delete,
    representative_update_profile,
)


def _breadcrumb(current: str) -> dict:
    return {
        "links": [{"url": reverse_lazy("account-home"), "title": "Mon compte"}],
        "current": current,
    }


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    representative = representative_of_request(request=request)
    if representative is None:
        return redirect("account-home")
    initial = {
        "full_name": representative.full_name,
        "role": representative.role,
        "position": representative.position,
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if not form.is_spam:
            representative_update_profile(
                representative=representative,
                full_name=form.cleaned_data["full_name"],
                role=form.cleaned_data["role"],
                position=form.cleaned_data["position"],
            )
            messages.success(request, "Vos informations sont enregistrées.")
        return redirect("account-home")
    return render(
        request,
        "collectivites/profile_edit.html",
        {"form": form, "breadcrumb": _breadcrumb("Modifier mes informations")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_delete_view(request):
    representative = representative_of_request(request=request)
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    context = {
        "form": form,
        "representative": representative,
        "is_staff": request.user.is_staff or request.user.is_superuser,
        "breadcrumb": _breadcrumb("Supprimer mon compte"),
    }
    if request.method == "POST" and form.is_valid() and not form.is_spam:
        try:
            account_delete(user=request.user)
        except AccountDeletionRefused:
            return render(request, "collectivites/account_delete.html", context, status=403)
        logout(request)
        messages.success(request, "Votre compte est supprimé.")
        return redirect("account-login")
    return render(request, "collectivites/account_delete.html", context)

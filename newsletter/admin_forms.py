"""The subscriber's form in the admin: details, and unsubscribing on the person's request."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from .models import SubscriberStatus
from .services import Consent, subscriber_unsubscribe

ADMIN_UNSUBSCRIBE_WORDING = "Désinscrit par l'équipe de Territoires en Commun, à sa demande."


class SubscriberAdminForm(WagtailAdminModelForm):
    """Moderators may unsubscribe someone who asked (by e-mail, by the « mailto » of
    List-Unsubscribe…); only the person can subscribe again, from a link we send them."""

    unsubscribe = forms.BooleanField(
        label="Désinscrire cette adresse",
        required=False,
        help_text="À la demande de la personne. Elle pourra se réabonner elle-même depuis le site.",
    )

    def save(self, commit=True):
        subscriber = super().save(commit=commit)
        if (
            commit
            and self.cleaned_data.get("unsubscribe")
            and subscriber.status != SubscriberStatus.UNSUBSCRIBED
        ):
            subscriber_unsubscribe(
                subscriber=subscriber,
                consent=Consent(source="administration", wording=ADMIN_UNSUBSCRIBE_WORDING),
            )
        return subscriber

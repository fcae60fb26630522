"""Django's createsuperuser, which then says how the new account enrols its second factor
(a password alone does not open the admin, nor enrol a device: core.two_factor)."""

from django.conf import settings
from django.contrib.auth.management.commands import createsuperuser
from django.db.models.signals import post_save

from core.signed_links import ADMIN_2FA_ENROLMENT_DAYS, days_label

HINT_UID = "createsuperuser-enrolment-hint"


def enrolment_hint(user) -> str:
    name = user.get_username()
    how = (
        "envoyez-lui le lien d'activation (un seul usage, valable "
        f"{days_label(ADMIN_2FA_ENROLMENT_DAYS)}) à son adresse e-mail :"
        if user.email
        else "ce compte n'a pas d'adresse e-mail : ajoutez-en une puis envoyez le lien, ou "
        "affichez-le ici avec --print :"
    )
    return (
        "Double authentification : pour entrer dans l'administration, ce compte doit associer "
        f"une application d'authentification ; {how}\n"
        f"    python manage.py send_2fa_enrolment {name}"
        f"{'' if user.email else ' --print'}"
    )


class Command(createsuperuser.Command):
    help = f"{createsuperuser.Command.help} Then says how it enrols its second factor."

    def handle(self, *args, **options):
        new_users = []

        def remember(sender, instance, created, **kwargs):
            if created:
                new_users.append(instance)

        post_save.connect(remember, sender=self.UserModel, weak=False, dispatch_uid=HINT_UID)
        try:
            super().handle(*args, **options)
        finally:
            post_save.disconnect(sender=self.UserModel, dispatch_uid=HINT_UID)
        if settings.ADMIN_REQUIRE_2FA and options["verbosity"] >= 1:
            for user in new_users:
                self.stdout.write(enrolment_hint(user))

from django.core.management.base import BaseCommand, CommandError
from django_otp import user_has_device

from core.second_factor import (
    ENROLMENT_DAYS,
    enrolment_link_create,
    enrolment_link_send,
    second_factor_forget,
    user_find,
)


class Command(BaseCommand):
    help = (
        "Envoie à un compte de l'administration le lien qui associe son application "
        "d'authentification (double authentification), à son adresse e-mail ; --print "
        "l'affiche ici au lieu de l'envoyer. Le lien ne sert qu'une fois et reste valable "
        f"{ENROLMENT_DAYS} jours."
    )

    def add_arguments(self, parser):
        parser.add_argument("identifier", help="identifiant ou adresse e-mail du compte")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="oublie d'abord l'application et les codes de secours déjà associés",
        )
        parser.add_argument(
            "--print",
            action="store_true",
            dest="print_link",
            help="affiche le lien au lieu de l'envoyer par e-mail",
        )

    def handle(self, *args, identifier, reset, print_link, **options):
        user = user_find(identifier=identifier)
        if user is None:
            raise CommandError(f"Aucun compte n'a l'identifiant ou l'adresse « {identifier} ».")
        if user_has_device(user, confirmed=True) and not reset:
            raise CommandError(
                f"« {user.get_username()} » a déjà une application d'authentification : "
                "ajoutez --reset pour la remplacer (ses codes de secours seront aussi oubliés)."
            )
        if not (print_link or user.email):
            raise CommandError(
                f"« {user.get_username()} » n'a pas d'adresse e-mail : ajoutez-en une, ou "
                "utilisez --print pour afficher le lien."
            )
        if reset:
            second_factor_forget(user=user)
        if print_link:
            self.stdout.write(
                f"Lien d'activation de la double authentification pour « {user.get_username()} » "
                f"(valable {ENROLMENT_DAYS} jours, un seul usage) :\n"
                f"{enrolment_link_create(user=user)}"
            )
        else:
            enrolment_link_send(user=user)
            self.stdout.write(f"Lien d'activation envoyé à {user.email}.")

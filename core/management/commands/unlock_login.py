from django.core.management.base import BaseCommand, CommandError

from core.login_throttle import login_unlock
from core.second_factor import user_find


class Command(BaseCommand):
    help = (
        "Débloque la connexion d'un compte : ses tentatives échouées sont oubliées, la "
        "connexion n'est plus bloquée ni retardée (le bouton « Débloquer la connexion » "
        "de la liste des utilisateurs fait de même)."
    )

    def add_arguments(self, parser):
        parser.add_argument("identifier", help="identifiant ou adresse e-mail du compte")

    def handle(self, *args, identifier, **options):
        user = user_find(identifier=identifier)
        if user is None:
            raise CommandError(f"Aucun compte n'a l'identifiant ou l'adresse « {identifier} ».")
        for name in {user.get_username(), user.email}:
            if name:
                login_unlock(username=name)
        self.stdout.write(f"La connexion de « {user.get_username()} » est débloquée.")

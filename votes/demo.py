"""Demo content of the votes, from the real newsletters."""

from territoires.core.demo_tools import ensure_page

from .models import VoteIndexPage


def load(*, home) -> None:
    ensure_page(
        home,
        VoteIndexPage,
        slug="votes",
        title="Votes",
        show_in_menus=True,
        search_description="Votez pour les thématiques des projets partagés proposés par l'ANCT.",
        intro=(
            "<p><b>C'est vous qui décidez !</b> L'ANCT accompagne les collectivités sur des "
            "politiques publiques qu'elles jugent prioritaires. Chaque collectivité vote selon "
            "ses enjeux ; le thème le plus populaire devient un projet partagé, que trois à "
            "cinq collectivités rejoignent comme parties prenantes et d'autres comme "
            "observatrices.</p>"
        ),
    )

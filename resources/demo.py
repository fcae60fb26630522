"""Demo content of the resource library, from the real newsletters."""

from territoires.core.demo_tools import ensure_page

from .models import ResourceIndexPage


def load(*, home) -> None:
    ensure_page(
        home,
        ResourceIndexPage,
        slug="ressources",
        title="Ressources",
        show_in_menus=True,
        search_description="Guides, outils, jeux, MOOC, conférences, enquêtes et tribunes.",
        intro=(
            "<p>Guides, outils, fiches méthode, jeux, MOOC, conférences, enquêtes et tribunes "
            "pour (re)découvrir les fondamentaux de la participation citoyenne et des "
            "coopérations, choisis avec les partenaires de Territoires en Commun.</p>"
        ),
    )

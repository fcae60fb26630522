"""Demo content of the themes app, from the real newsletters."""

from territoires.core.demo_tools import ensure_page

from .models import ProjectIndexPage, ThemeIndexPage


def load(*, home) -> None:
    ensure_page(
        home,
        ThemeIndexPage,
        slug="thematiques",
        title="Thématiques",
        show_in_menus=True,
        search_description="Les thématiques d'inspiration de Territoires en Commun, mois par mois.",
        intro=(
            "<p>Chaque mois, une thématique d'inspiration rassemble des ressources, des "
            "expériences territoriales et un concept pour agir : retour à l'emploi, petite "
            "enfance, démarches participatives…</p>"
        ),
    )
    ensure_page(
        home,
        ProjectIndexPage,
        slug="projets",
        title="Projets",
        show_in_menus=True,
        search_description="Projets démocratiques et expériences territoriales pour vous inspirer.",
        intro=(
            "<p>Projets démocratiques et expériences territoriales pour vous inspirer : des "
            "collectivités et des associations, en France et ailleurs, racontent ce qu'elles "
            "ont mis en place et ce qu'elles en ont appris.</p>"
        ),
    )

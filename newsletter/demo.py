"""Demo content of the newsletter, from the real newsletters."""

from territoires.core.demo_tools import ensure_page

from .models import NewsletterPage


def load(*, home) -> None:
    ensure_page(
        home,
        NewsletterPage,
        slug="newsletter",
        title="Newsletter",
        show_in_menus=True,
        search_description="La lettre mensuelle de Territoires en Commun.",
        call_to_action=(
            "Chaque mois, une thématique d'inspiration, des projets pour vous inspirer, le "
            "concept du mois et l'agenda des partenaires, dans votre boîte aux lettres."
        ),
        intro=(
            "<p>Tous les mois, la newsletter de Territoires en Commun vous propose une "
            "thématique d'inspiration autour des enjeux, des expériences et des bonnes "
            "pratiques de l'engagement citoyen et des coopérations.</p>"
        ),
    )

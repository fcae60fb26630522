"""Demo content of the agenda, from the real newsletters."""

from territoires.core.demo_tools import ensure_page

from .models import EventIndexPage


def load(*, home) -> None:
    ensure_page(
        home,
        EventIndexPage,
        slug="agenda",
        title="Agenda",
        show_in_menus=True,
        search_description="À vos agendas ! Les rendez-vous des partenaires de Territoires en Commun.",
        intro=(
            "<p>À vos agendas ! Rencontres, webinaires, afterworks et conférences des "
            "partenaires de Territoires en Commun, en présentiel ou en ligne.</p>"
        ),
    )

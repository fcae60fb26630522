"""Demo content for the site as a whole: home page, partners, legal pages, settings."""

from django.conf import settings
from wagtail.models import Locale, Page, Site

from .demo_accessibility import load_accessibility_statement
from .demo_tools import ensure_legal_page, heading, paragraphs
from .models import ContentPage, HomePage, LegalNoticePage, Partner, SiteSettings
from .public_urls import site_host_and_port
from .services import site_sync_with_setting

PARTNERS = [
    (
        "ANCT",
        "Agence nationale de la cohésion des territoires",
        "https://agence-cohesion-territoires.gouv.fr",
    ),
    (
        "Banque des Territoires",
        "Banque des Territoires (groupe Caisse des Dépôts)",
        "https://www.banquedesterritoires.fr",
    ),
    ("Décider ensemble", "Décider ensemble", "https://www.deciderensemble.com"),
    ("ICPC", "Institut de la concertation et de la participation citoyenne", "https://i-cpc.org"),
]

HOME_INTRO = (
    "<p>Chaque mois, Territoires en Commun vous fait découvrir une <b>thématique d'inspiration</b> : "
    "les enjeux, les expériences et les bonnes pratiques de l'engagement citoyen et des coopérations "
    "entre collectivités. Ressources, projets inspirants, agenda des partenaires et votes sur les "
    "projets partagés de l'ANCT : tout est ici.</p>"
)

LEGAL_PAGES = {
    "legal_notice_page": dict(
        slug="mentions-legales",
        title="Mentions légales",
        intro="Qui édite Territoires en Commun et à quelles conditions vous pouvez réutiliser ses contenus.",
        body=[
            heading("Éditeur"),
            *paragraphs(
                "Agence nationale de la cohésion des territoires (ANCT), 20 avenue de Ségur, "
                "75007 Paris, en partenariat avec la Banque des Territoires, Décider ensemble et "
                "l'Institut de la concertation et de la participation citoyenne (ICPC).",
            ),
            heading("Réutilisation des contenus"),
            *paragraphs(
                "Sauf mention contraire, les contenus éditoriaux sont publiés sous licence "
                "Creative Commons BY-SA 4.0 : vous pouvez les partager et les adapter en citant "
                "Territoires en Commun et en conservant la même licence. Les ressources des "
                "partenaires restent soumises à la licence indiquée sur chacune d'elles.",
            ),
        ],
    ),
    "personal_data_page": dict(
        slug="donnees-personnelles",
        title="Données personnelles",
        intro="Quelles données Territoires en Commun traite, pourquoi, combien de temps, et vos droits.",
        body=[
            heading("Responsable de traitement"),
            *paragraphs(
                "L'Agence nationale de la cohésion des territoires (ANCT) est responsable des "
                "traitements de données personnelles réalisés sur la plateforme.",
            ),
            heading("Données traitées"),
            *paragraphs(
                "Nous ne collectons que ce que vous nous confiez : votre adresse électronique et, "
                "si vous le souhaitez, votre nom, votre organisation et vos thématiques "
                "d'intérêt lorsque vous vous abonnez à la newsletter, avec la trace de votre "
                "consentement (date, formulaire, texte affiché, adresse IP tronquée) ; vos "
                "coordonnées professionnelles et votre fonction lorsque vous représentez une "
                "collectivité pour voter ; vos nom, organisation et adresse lorsque vous proposez "
                "une ressource, un événement ou un projet, ou que vous précisez un besoin.",
                "Aucune mesure d'audience ni aucun service tiers n'est utilisé : les pages ne "
                "font appel à aucun autre site que le nôtre, et les vidéos sont de simples liens.",
            ),
            heading("Durée de conservation et droits"),
            *paragraphs(
                "Une inscription à la newsletter ou une proposition non confirmée est effacée "
                "(les durées sont indiquées plus bas). Les autres données sont "
                "conservées le temps de la relation puis supprimées. Depuis le lien « mettre à "
                "jour vos préférences » de chaque newsletter, vous pouvez télécharger vos données "
                "ou les supprimer vous-même. Vous pouvez à tout moment y accéder, les rectifier, "
                "les supprimer ou vous opposer à leur traitement en écrivant à "
                "contact@territoires-en-commun.fr, et adresser une réclamation à la CNIL.",
            ),
        ],
    ),
    "cookies_page": dict(
        slug="gestion-des-cookies",
        title="Gestion des cookies",
        intro="Territoires en Commun ne dépose aucun cookie de mesure d'audience ni de publicité.",
        body=[
            *paragraphs(
                "Quand vous consultez le site, aucun cookie n'est déposé sans nécessité. Seuls "
                "des cookies strictement nécessaires au fonctionnement du service peuvent l'être : "
                "« csrftoken », le jeton de sécurité des formulaires (protection contre la "
                "falsification de requêtes), déposé quand une page contient un formulaire, et, "
                "pour les personnes qui se connectent (représentants des collectivités, équipe "
                "éditoriale), « sessionid », le cookie de session, effacé à la déconnexion.",
                "Vos paramètres d'affichage (thème clair ou sombre) sont conservés dans votre "
                "navigateur et ne nous sont pas transmis.",
                "Ces cookies étant exemptés de consentement, aucun bandeau ne vous est présenté.",
            ),
        ],
    ),
}


def load_partners() -> None:
    for order, (name, full_name, website) in enumerate(PARTNERS):
        Partner.objects.get_or_create(
            name=name,
            defaults={
                "full_name": full_name,
                "website": website,
                "is_founder": True,
                "sort_order": order,
            },
        )


def load_home() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's migrations create the locale and tree root; a flushed database has neither.
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        home = root.add_child(
            instance=HomePage(title="Territoires en Commun", slug="accueil", intro=HOME_INTRO)
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_host_and_port()
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Territoires en Commun",
        )
    elif site.root_page_id != home.id:
        previous = site.root_page
        site.root_page = home
        site.site_name = "Territoires en Commun"
        site.save()
        # Wagtail's installer leaves a placeholder "Welcome" page: drop it once replaced.
        if previous.specific_class is Page and not previous.get_children().exists():
            previous.delete()
    # Wagtail's installer names the Site localhost:80; links must carry SITE_URL.
    site_sync_with_setting()
    return home


def load_legal_pages(home: HomePage) -> None:
    site_settings = SiteSettings.load()
    changed = False
    pages = {"accessibility_page": load_accessibility_statement(home)}
    for field, spec in LEGAL_PAGES.items():
        model = LegalNoticePage if field == "legal_notice_page" else ContentPage
        pages[field] = ensure_legal_page(home, model, **spec)
    for field, page in pages.items():
        if page is None:
            continue
        if getattr(site_settings, f"{field}_id") is None:
            setattr(site_settings, field, page)
            changed = True
    if changed:
        site_settings.contact_email = "contact@territoires-en-commun.fr"
        site_settings.save()


def load(*, home: HomePage | None = None) -> HomePage:
    load_partners()
    home = load_home()
    load_legal_pages(home)
    # « Préciser mon besoin » is the contributions app's form at /besoin/, not a page.
    return home

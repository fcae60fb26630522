"""Public pages rendered by Wagtail + DSFR templates vs a bare Django view
sending the same HTML through the same middleware stack."""

from bench.common import compare
from bench.django_site import setup_demo_site

PAGES = ["/", "/thematiques/", "/accessibilite/", "/recherche/?q=participation"]


def run():
    setup_demo_site()
    from django.test import Client, override_settings

    from bench import reference_urls

    client = Client()
    results = []
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        reference_urls.BODIES[url.split("?")[0]] = response.content

        def ours(url=url):
            return client.get(url)

        def reference(url=url):
            with override_settings(ROOT_URLCONF="bench.reference_urls"):
                return client.get(url)

        results.append(compare(f"page {url}", ours, reference, "bare Django view"))
    return results

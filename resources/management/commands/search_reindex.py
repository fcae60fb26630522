"""``manage.py search_reindex``: analyse every resource again (after a change of the
French analyser, core.analyser) and rebuild the search index and vocabulary, the words
of the live, public pages the site search covers included."""

from django.core.management.base import BaseCommand
from django.db import transaction

from resources.models import Resource, SearchTerm
from resources.search import refresh_search_vector, set_search_fields
from resources.vocabulary import searched_pages, vocabulary_add_pages

CHUNK = 500


class Command(BaseCommand):
    help = "Analyse de nouveau toutes les ressources et reconstruit l'index de recherche."

    def handle(self, *args, **options):
        with transaction.atomic():
            resources = Resource.objects.prefetch_related("tags", "themes", "audiences")
            resources = resources.select_related("publisher")
            batch = []
            for resource in resources.iterator(chunk_size=CHUNK):
                set_search_fields(resource)
                batch.append(resource)
            fields = ["index_title", "index_summary", "index_extra", "search_text", "search_title"]
            Resource.objects.bulk_update(batch, [*fields, "search_extra"], batch_size=CHUNK)
            SearchTerm.objects.all().delete()  # counted again from scratch
            refresh_search_vector(Resource.objects.all())
            pages = vocabulary_add_pages(pages=searched_pages().iterator(chunk_size=CHUNK))
        self.stdout.write(f"{len(batch)} ressources réindexées, vocabulaire de {pages} pages.")

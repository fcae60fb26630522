"""The library's French search on PostgreSQL: the same cases as on SQLite
(test_search_french), read through ``french_unaccent``, ``to_tsquery`` and ``pg_trgm``."""

import pytest
from django.conf import settings

from tests.resources import test_search_french as cases
from tests.resources import test_search_relevance as relevance

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="PostgreSQL only (run with DATABASE_URL=postgres://…)",
    ),
]

# Collected here under the same names: one analyser, the same expectations.
test_participatif_finds_participative_and_participation = (
    cases.test_participatif_finds_participative_and_participation
)
test_plurals_and_verbs_find_their_family = cases.test_plurals_and_verbs_find_their_family
test_whole_words_only = cases.test_whole_words_only
test_accents_and_case_are_folded = cases.test_accents_and_case_are_folded
test_quotes_ask_for_the_words_side_by_side = cases.test_quotes_ask_for_the_words_side_by_side
test_a_minus_excludes_a_word = cases.test_a_minus_excludes_a_word
test_tags_themes_and_publisher_are_searched_too = (
    cases.test_tags_themes_and_publisher_are_searched_too
)
test_a_query_without_words_finds_nothing_and_says_why = (
    cases.test_a_query_without_words_finds_nothing_and_says_why
)
test_the_index_follows_every_save_and_delete = cases.test_the_index_follows_every_save_and_delete
test_title_weighs_more_than_summary_and_recent_breaks_ties = (
    cases.test_title_weighs_more_than_summary_and_recent_breaks_ties
)
test_a_typo_gets_a_suggestion_that_runs_in_one_click = (
    cases.test_a_typo_gets_a_suggestion_that_runs_in_one_click
)
test_no_suggestion_when_the_query_finds_enough = (
    cases.test_no_suggestion_when_the_query_finds_enough
)
test_the_expected_resources_come_first = relevance.test_the_expected_resources_come_first
test_search_reindex_analyses_every_resource_again = (
    cases.test_search_reindex_analyses_every_resource_again
)

"""The Wagtail hooks through which other modules fill the themes' pages in.

Pages are models: they may not import the selectors and filters that read their
listings, nor the resource library (resources sits to the right of themes). Those
register a function under one of these names instead, from their ``wagtail_hooks``.
"""

# fn(*, theme) -> dict: one section of a theme page (its resources, its projects…),
# merged into the page's context.
THEME_PAGE_SECTION_HOOK = "themes_theme_page_section"

# fn(*, index, request) -> dict: the filtered, paginated listing of the project index.
PROJECT_INDEX_LISTING_HOOK = "themes_project_index_listing"

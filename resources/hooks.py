"""The Wagtail hook through which the library page gets its listing.

``ResourceIndexPage`` is a model: it may not import the selectors that search,
filter and count the library, so ``resources.wagtail_hooks`` registers them here.
"""

# fn(*, request) -> dict: the search form, facets and page of results of the library.
LIBRARY_PAGE_LISTING_HOOK = "resources_library_page_listing"

"""What an app plugs into the API: one kind of published content, listed and
looked up by slug, with the OpenAPI description of both endpoints."""

import dataclasses
from collections.abc import Callable


@dataclasses.dataclass(frozen=True)
class Collection:
    segment: str  # the URL segment under /api/: « ressources »
    url_name: str  # « resource »: URL names api-resource-list and api-resource-detail
    tag: dict  # the OpenAPI tag grouping both endpoints
    list_view: Callable
    detail_view: Callable
    list_operation: dict
    detail_operation: dict
    item_schema: str  # the name of the item's schema: « Resource »
    schemas: dict  # the item's schema and those it refers to

    @property
    def list_path(self) -> str:
        return f"/api/{self.segment}/"

    @property
    def detail_path(self) -> str:
        return f"/api/{self.segment}/{{slug}}/"

"""The read-only JSON API: what its endpoints share, its OpenAPI document and its doc page.

Each app serves its own endpoints (``resources.api``, ``themes.api``) with the
helpers of ``territoires.api.http``; ``territoires.api.openapi`` describes them all.
"""

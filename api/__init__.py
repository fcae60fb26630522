"""The read-only JSON API, in one place: each endpoint module serialises one app's
content (``api.resources``, ``api.projects``) with the helpers of ``api.http``;
``api.openapi`` describes them all. The API reads the apps; no app imports it.
"""

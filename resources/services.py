"""Writes of the resource library.

``Resource.save()`` itself derives the address and the search columns, so that the
admin's forms and Wagtail's publishing of revisions keep them right too; what is
here is the rest of creating a resource outside the admin.
"""

from .models import Resource


def resource_create(*, themes=(), audiences=(), tags=(), user=None, **fields) -> Resource:
    """Create and publish a resource from its ``fields`` and its relations, the
    revision credited to ``user`` (None for the demo content)."""
    resource = Resource(themes=list(themes), audiences=list(audiences), live=False, **fields)
    if tags:
        resource.tags.add(*tags)
    resource.save()
    resource.save_revision(user=user).publish(user=user)
    resource.refresh_from_db()  # publishing works on a copy: read back « live »
    return resource

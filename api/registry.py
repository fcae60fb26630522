"""The collections the API serves, in the order the documentation lists them.

A new endpoint is a module of this package that declares a ``Collection``, added here.
"""

from . import events, projects, resources

COLLECTIONS = (resources.COLLECTION, projects.COLLECTION, events.COLLECTION)

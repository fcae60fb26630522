"""How much of a request is read, set before any view reads it (see core.request_guards).

No body larger than ``MAX_UPLOAD_SIZE`` is read: core.request_guards answers 413 from
its declared length, and the proxy (deploy/Caddyfile) refuses the same. A document
must fit well within it, so that one too heavy is refused by its form, which keeps
what was typed, rather than by a bare 413.
"""

MAX_UPLOAD_SIZE = 25 * 1024 * 1024
DOCUMENT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

# Form fields other than files, read in memory (Django's default, stated).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Files larger than this go to a temporary file on disk, not to memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# The page editor sends several fields per StreamField block: a long page has thousands.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
# Every public form takes one file; the admin uploads one per request.
DATA_UPLOAD_MAX_NUMBER_FILES = 10

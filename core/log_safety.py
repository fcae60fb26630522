"""What may be written into a log line: no control character, no secret of a link.

Log lines are read by people and by collectors that split on line breaks. A visitor
controls the path, the headers and much of what errors quote: a CR/LF there would
start a forged entry (« log injection »), and a bidi control could make a line read
other than it is. ``escape_controls`` writes such characters as visible escapes.

Links sent by e-mail carry their secret in the path (``/newsletter/preferences/<token>/``,
``/compte/confirmation/<token>/``, password resets). Whoever reads the logs must not be
able to open them, so ``redact_path`` masks every URL parameter whose name says it is
a secret. The list is read from the URLconf itself, so a new signed link is masked as
soon as its route names its parameter ``token`` (or ``uidb64``, ``signature``, …).
Both gunicorn's access log (core.gunicorn_logging) and the application's request log
(core.observability) go through here.
"""

import functools
import re

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

REDACTED = "[masqué]"
# URL parameters that carry a secret, by name (and any name containing "token").
SECRET_PARAMS = frozenset({"token", "uidb64", "signature", "signed", "key", "secret", "code"})

# C0 controls (CR, LF, tab, ESC…), DEL and C1 controls (NEL…), the Unicode line and
# paragraph separators, and the bidi and invisible format characters that make a line
# display other than its bytes.
_CONTROLS = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)


def _escape(match: re.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` on one line, every control character written as ``\\xNN`` / ``\\uNNNN``."""
    return _CONTROLS.sub(_escape, text)


def json_escape_controls(document: str) -> str:
    """A JSON document with the controls ``json.dumps(ensure_ascii=False)`` leaves raw
    (DEL, NEL and the other C1 controls, U+2028…) written as ``\\uNNNN``: the same
    JSON once parsed, one line for any reader."""
    return _CONTROLS.sub(lambda match: f"\\u{ord(match.group(0)):04x}", document)


def escape_block(text: str, indent: str = "    ") -> str:
    """A traceback: its lines kept, each indented and escaped, so that no line of it
    (whose text may quote a visitor's input) can pass for a log entry of its own."""
    return "\n".join(indent + escape_controls(line) for line in text.split("\n"))


def _is_secret(name: str) -> bool:
    return name in SECRET_PARAMS or "token" in name.lower()


def _route_regexes(patterns, prefix: str = ""):
    """Every route of the URLconf as one regex string, from the site's root."""
    for entry in patterns:
        regex = entry.pattern.regex.pattern.removeprefix("^")
        if isinstance(entry, URLResolver):
            yield from _route_regexes(entry.url_patterns, prefix + regex)
        elif isinstance(entry, URLPattern):
            yield prefix + regex.removesuffix(r"\Z").removesuffix("$")


def secret_path_patterns() -> tuple[re.Pattern, ...]:
    """The routes whose path carries a secret, matched anywhere after a ``/`` (so
    that the same link behind an unexpected prefix, or quoted in a message, is masked
    too). Raises until Django's apps are loaded: the URLconf is not read before."""
    if not apps.ready:
        raise RuntimeError("the URLconf is read once the apps are loaded")
    return _secret_path_patterns()


@functools.cache
def _secret_path_patterns() -> tuple[re.Pattern, ...]:
    found = []
    for regex in _route_regexes(get_resolver().url_patterns):
        try:
            compiled = re.compile(r"(?<=/)" + regex)
        except re.error:  # a name repeated at two levels: no such route here
            continue
        if any(_is_secret(name) for name in compiled.groupindex):
            found.append(compiled)
    return tuple(found)


def _masked(match: re.Match) -> str:
    text, start = match.group(0), match.start()
    spans = sorted(
        match.span(name)
        for name in match.re.groupindex
        if _is_secret(name) and match.span(name)[0] >= 0
    )
    pieces, last = [], 0
    for begin, end in spans:
        pieces += [text[last : begin - start], REDACTED]
        last = end - start
    return "".join([*pieces, text[last:]])


def redact_links(text: str) -> str:
    """``text`` (a message that may quote a path) with the secret of any signed link
    masked; as it is when the routes cannot be read yet (a process starting)."""
    try:
        patterns = secret_path_patterns()
    except Exception:  # no logging here: this runs inside log handlers
        return text
    for pattern in patterns:
        text = pattern.sub(_masked, text)
    return text


def redact_path(path: str) -> str:
    """``path`` (no query string) with the secret of any signed link masked, escaped.

    Fails closed: should the routes not be readable, only the first segment is kept.
    """
    try:
        patterns = secret_path_patterns()
    except Exception:
        first = path.lstrip("/").split("/", 1)[0]
        return escape_controls(f"/{first}/{REDACTED}")
    for pattern in patterns:
        path = pattern.sub(_masked, path)
    return escape_controls(path)

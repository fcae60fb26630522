"""What the URL-map fuzzer walks: every route Django resolves, every live page, the
forms those pages hold, and the hostile values it puts in them."""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from bs4 import BeautifulSoup
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

# Values a visitor may type anywhere. Each is percent-encoded where it goes.
HOSTILE = [
    "\x00",
    "a\x00b",
    "\x01\x1b[31m\x7f",
    "\r\nSet-Cookie: x=1",
    "%00",
    "x" * 4000,
    " " * 150 + "x",
    "é💥\u202e\ufeff\u0301",
    "../../../../etc/passwd",
    "99999999999999999999999",
    "-1",
    "'\";<script>x</script>",
]
# Spelled as they travel: invalid UTF-8, an encoded surrogate, encoded separators.
RAW = ["%ff%fe", "%ED%A0%80", "..%2F..%2F", "%zz"]
# Fewer values in forms: each one is posted once per field of every form.
FORM_VALUES = ["\x00", "\x01", "x" * 6000, " " * 150 + "x", "é💥\u202e", "99999999999999999999999"]

SKIPPED_PREFIXES = ("admin/",)  # staff only, behind the login and the second factor


def routes() -> list[str]:
    """Every route of the URL map as a template: ``api/ressources/<str:slug>/``."""
    found = []

    def walk(patterns, prefix):
        for entry in patterns:
            route = prefix + _route_text(entry.pattern)
            if route.startswith(SKIPPED_PREFIXES):
                continue
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route)
            elif isinstance(entry, URLPattern):
                found.append(route)

    walk(get_resolver().url_patterns, "")
    return found


def _route_text(pattern) -> str:
    if isinstance(pattern, RoutePattern):
        return str(pattern)
    # A regex: turn each top-level group into a <placeholder>.
    text, depth, out = str(pattern.regex.pattern).strip("^$"), 0, []
    for char in text:
        if char == "(":
            depth += 1
            if depth == 1:
                out.append("<re>")
        elif char == ")":
            depth -= 1
        elif depth == 0 and char not in "^$":
            out.append(char)
    return "".join(out)


PLACEHOLDER = re.compile(r"<[^>]+>")


def fill(route: str, segment: str) -> str:
    """The route with every parameter replaced by ``segment`` (already encoded)."""
    return "/" + PLACEHOLDER.sub(lambda _match: segment, route)


def segments() -> list[str]:
    return [quote(value, safe="") for value in HOSTILE] + RAW


@dataclass
class HtmlForm:
    action: str
    fields: dict[str, str] = field(default_factory=dict)
    multiple: set[str] = field(default_factory=set)


def post_forms(html: bytes, url: str) -> list[HtmlForm]:
    """The POST forms of a page, each with a plausible value for every field."""
    soup = BeautifulSoup(html, "html.parser")
    forms = []
    for tag in soup.find_all("form"):
        if (tag.get("method") or "get").lower() != "post":
            continue
        action = tag.get("action") or url
        form = HtmlForm(action=urlsplit(action).path or url)
        for control in tag.find_all(["input", "select", "textarea"]):
            _fill_control(form, control)
        forms.append(form)
    return forms


def _fill_control(form: HtmlForm, control) -> None:
    name = control.get("name")
    kind = (control.get("type") or "text").lower()
    if not name or kind in ("submit", "button", "file", "image", "reset"):
        if name and kind == "submit" and control.get("value"):
            form.fields.setdefault(name, control["value"])
        return
    if control.name == "select":
        options = [o.get("value", o.text) for o in control.find_all("option") if o.get("value")]
        form.fields.setdefault(name, options[0] if options else "")
    elif kind in ("radio", "checkbox"):
        if kind == "checkbox" and name in form.fields:
            form.multiple.add(name)
        form.fields.setdefault(name, control.get("value", "on"))
    elif control.get("value"):
        form.fields.setdefault(name, control["value"])
    else:
        form.fields.setdefault(name, _plausible(name, kind, control))


def _plausible(name: str, kind: str, control) -> str:
    if name == "site_web":  # the honeypot: robots fill it, people don't
        return ""
    in_a_month = datetime.date.today() + datetime.timedelta(days=30)
    return {
        "email": "fuzz@example.fr",
        "url": "https://example.org/page",
        "date": in_a_month.isoformat(),
        "time": "10:00",
        "tel": "01 23 45 67 89",
        "password": "Un-mot-de-passe-tres-solide-42",
        "number": "1",
    }.get(kind, "Texte de test" if control.name == "textarea" else "Lyon")

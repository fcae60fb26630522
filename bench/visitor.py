"""A visitor of the site for the load tests: cookies, forms with their CSRF token,
and a record of every request it makes.

Requests reach gunicorn as they would from the TLS-terminating proxy in front of
it: ``Host`` is the public host, ``X-Forwarded-Proto: https`` and the visitor's
own address in ``X-Forwarded-For`` (the stack trusts 127.0.0.1 as its proxy).
"""

import http.client
import itertools
import random
import re
import threading
import time
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urljoin, urlsplit

from bench.http_load import HOST

TIMEOUT_SECONDS = 30
HONEYPOT_FIELD = "site_web"  # core.forms.HONEYPOT_FIELD: left empty, as people do
REDIRECTS = (301, 302, 303)
ERROR_TEXT = re.compile(
    r'class="[^"]*fr-(?:error-text|message--error|alert--error)[^"]*"[^>]*>(.*?)</', re.S
)


class FormMissing(Exception):
    """The page has no such form (yet): the scenario is left out, with this note."""


# --- Recording ----------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    kind: str
    started: float  # seconds since the recorder's start
    latency_ms: float
    status: int  # 0: no answer
    error: str = ""
    cache: str = ""  # the X-Cache header: HIT, MISS or nothing (not cacheable)
    refused: bool = False  # a 4xx other than 429, or a form sent back with errors


class Recorder:
    """Every request made, from any thread, and the first reasons of refusals."""

    def __init__(self):
        self.start = time.monotonic()
        self.samples: list[Sample] = []
        self.refusals: dict[str, str] = {}
        self.lock = threading.Lock()
        self.enabled = True  # whether samples are kept (not during discovery or warm-up)
        self.phase = ""  # said with the refusals seen outside the measure

    def add(self, sample: Sample) -> None:
        if self.enabled:
            with self.lock:
                self.samples.append(sample)

    def refusal(self, kind: str, reason: str) -> None:
        with self.lock:
            self.refusals.setdefault(f"{kind} ({self.phase})" if self.phase else kind, reason)

    def now(self) -> float:
        return time.monotonic() - self.start


# --- Pages and forms ----------------------------------------------------------------


@dataclass
class Field:
    tag: str  # input, select, textarea, button
    type: str
    name: str
    value: str = ""
    checked: bool = False
    maxlength: int | None = None
    options: list[tuple[str, bool]] = field(default_factory=list)  # (value, selected)


@dataclass
class Form:
    action: str  # absolute path
    method: str
    fields: list[Field]
    page: str  # where it was found (the Referer of the POST)


class _Parser(HTMLParser):
    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None

    def handle_starttag(self, tag, attrs):
        a = {key: (value or "") for key, value in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.page, a["href"]))
        elif tag == "form":
            action = urlsplit(urljoin(self.page, a.get("action", "") or self.page))
            path = action.path + (f"?{action.query}" if action.query else "")
            self._form = Form(path, a.get("method", "get").lower(), [], self.page)
            self.forms.append(self._form)
        elif tag == "option" and self._select is not None:
            self._select.options.append((a.get("value", ""), "selected" in a))
        elif self._form is None or "name" not in a:
            return
        elif tag in ("input", "button"):
            kind = a.get("type", "text" if tag == "input" else "submit").lower()
            maxlength = a.get("maxlength", "")
            self._form.fields.append(
                Field(
                    tag,
                    kind,
                    a["name"],
                    a.get("value", "on" if kind in ("checkbox", "radio") else ""),
                    "checked" in a,
                    int(maxlength) if maxlength.isdigit() else None,
                )
            )
        elif tag == "select":
            self._select = Field("select", "multiple" if "multiple" in a else "select", a["name"])
            self._form.fields.append(self._select)
        elif tag == "textarea":
            self._textarea = Field("textarea", "textarea", a["name"])
            self._form.fields.append(self._textarea)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


@dataclass
class Page:
    path: str
    status: int
    body: bytes
    headers: dict[str, str]
    _parsed: _Parser | None = None

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def _parser(self) -> _Parser:
        if self._parsed is None:
            self._parsed = _Parser(self.path)
            self._parsed.feed(self.text)
        return self._parsed

    def links(self, pattern: str) -> list[str]:
        """Paths on this site linked from the page whose path matches ``pattern``."""
        found = []
        for url in self._parser().links:
            parts = urlsplit(url)
            local = parts.netloc in ("", HOST) and parts.path not in found
            if local and re.fullmatch(pattern, parts.path):
                found.append(parts.path)
        return found

    def post_forms(self) -> list[Form]:
        return [form for form in self._parser().forms if form.method == "post"]

    def form(self, action: str) -> Form:
        """The POST form whose action starts with ``action``; FormMissing if none."""
        for form in self.post_forms():
            if form.action.startswith(action):
                return form
        raise FormMissing(f"no form posting to {action} on {self.path} (HTTP {self.status})")

    def errors(self) -> str:
        texts = [
            " ".join(unescape(re.sub(r"<[^>]+>", "", m)).split())
            for m in ERROR_TEXT.findall(self.text)
        ]
        found = "; ".join(t for t in texts if t)[:300]
        if not found:  # no DSFR error message: the page's title says what happened
            title = re.search(r"<title>(.*?)</title>", self.text, re.S)
            found = " ".join(unescape(title.group(1)).split())[:200] if title else ""
        return f"HTTP {self.status}: {found}"


# --- Filling a form -----------------------------------------------------------------

SAMPLE_TEXT = (
    "Notre commune souhaite associer les habitants à la rénovation du centre-bourg : "
    "ateliers de concertation, budget participatif et suivi par un comité citoyen."
)


def plausible(f: Field, rng: random.Random) -> str:
    """A value a person could type in this field."""
    name = f.name.lower()
    if f.type == "email" or "email" in name or "courriel" in name:
        value = f"bench-{rng.getrandbits(48):012x}@exemple.fr"
    elif f.type == "url" or "url" in name:
        value = "https://www.exemple.fr/ressource-partagee"
    elif f.type == "tel" or "phone" in name or "telephone" in name:
        value = "01 23 45 67 89"
    elif f.type == "date":
        value = time.strftime("%Y-%m-%d", time.localtime(time.time() + 30 * 86400))
    elif f.type == "time":
        value = "16:00" if "end" in name or "fin" in name else "14:00"
    elif f.type == "number":
        value = "1"
    elif f.type == "password":
        value = "mot-de-passe-solide-42"
    elif f.tag == "textarea":
        value = SAMPLE_TEXT
    elif "name" in name or "nom" in name:
        value = rng.choice(["Camille Martin", "Lucas Bernard", "Inès Petit", "Hugo Moreau"])
    elif "postal" in name:
        value = "44400"
    else:
        value = "Commune de Rezé, service participation citoyenne"
    return value[: f.maxlength] if f.maxlength else value


def fill(
    form: Form, rng: random.Random, values: dict[str, str | list[str]], skip: set[str]
) -> list[tuple[str, str]]:
    """The pairs a browser would send: what the page holds, each empty field filled with
    a plausible value, one random choice in each list, ``values`` over all of it.
    Fields in ``skip`` and the honeypot stay empty; file fields are left out."""
    pairs: list[tuple[str, str]] = []
    done: set[str] = set()
    for f in form.fields:
        if f.name in done or f.type in ("submit", "button", "reset", "image", "file"):
            continue
        if f.name in values:
            given = values[f.name]
            pairs += [(f.name, v) for v in ([given] if isinstance(given, str) else given)]
            done.add(f.name)
        elif f.name == HONEYPOT_FIELD or f.name in skip:
            pairs.append((f.name, ""))
            done.add(f.name)
        elif f.type in ("checkbox", "radio"):
            group = [g for g in form.fields if g.name == f.name and g.type == f.type]
            chosen = [g.value for g in group if g.checked] or [rng.choice(group).value]
            pairs += [(f.name, value) for value in chosen]
            done.add(f.name)
        elif f.tag == "select":
            options = [value for value, _selected in f.options if value]
            selected = [value for value, chosen in f.options if chosen and value]
            if selected or options:
                pairs.append((f.name, selected[0] if selected else rng.choice(options)))
            done.add(f.name)
        elif f.type == "hidden":
            pairs.append((f.name, f.value))
        else:  # a textarea holds the newline after its tag: that is not a value
            pairs.append((f.name, f.value if f.value.strip() else plausible(f, rng)))
            done.add(f.name)
    return pairs


def submit_button(form: Form, name: str, value: str) -> tuple[str, str] | None:
    """The (name, value) of the submit button ``name``/``value``, if the form has it."""
    for f in form.fields:
        if f.type == "submit" and f.name == name and f.value == value:
            return (f.name, f.value)
    return None


# --- The visitor --------------------------------------------------------------------

_addresses = itertools.count(1)


def next_address() -> str:
    """A distinct client address per visitor, as seen behind the proxy (10.x.y.z)."""
    n = next(_addresses)
    return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255 or 1}"


class Visitor:
    """One person browsing: their address, their cookies, their requests recorded."""

    def __init__(self, port: int, recorder: Recorder, *, rng: random.Random | None = None):
        self.port = port
        self.recorder = recorder
        self.address = next_address()
        self.cookies: dict[str, str] = {}
        self.rng = rng or random.Random()

    def _headers(self, extra: dict[str, str]) -> dict[str, str]:
        headers = {
            "Host": HOST,
            "X-Forwarded-For": self.address,
            "X-Forwarded-Proto": "https",
            "User-Agent": "tec-bench/1.0",
            "Accept": "text/html,application/xhtml+xml",
            "Accept-Language": "fr-FR,fr",
            **extra,
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return headers

    def _keep_cookies(self, response: http.client.HTTPResponse) -> None:
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel.value == "" or morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def request(
        self,
        method: str,
        path: str,
        kind: str,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        since: float | None = None,
        expect: tuple[int, ...] = (),
    ) -> Page | None:
        """One request, recorded under ``kind``; None when no answer came.

        ``since`` (a recorder time) counts the latency from when the request was due,
        not from when it could be sent: a late load generator does not hide a slow server.
        An answer outside ``expect`` (by default: any 4xx) that is neither a 429 nor a
        5xx (counted as such) is a refusal, and its reason is kept.
        """
        started = self.recorder.now()
        begin = time.monotonic() - (started - since if since is not None else 0)
        connection = http.client.HTTPConnection(HOST, self.port, timeout=TIMEOUT_SECONDS)
        try:
            connection.request(method, path, body=body, headers=self._headers(headers or {}))
            response = connection.getresponse()
            content = response.read()
            self._keep_cookies(response)
            page = Page(path, response.status, content, dict(response.headers.items()))
        except (OSError, http.client.HTTPException) as error:
            self.recorder.add(
                Sample(
                    kind,
                    since if since is not None else started,
                    _ms(begin),
                    0,
                    type(error).__name__,
                )
            )
            return None
        finally:
            connection.close()
        unexpected = page.status not in expect if expect else 400 <= page.status < 500
        refused = unexpected and page.status != 429 and page.status < 500
        if refused:
            self.recorder.refusal(kind, page.errors())
        self.recorder.add(
            Sample(
                kind,
                since if since is not None else started,
                _ms(begin),
                page.status,
                cache=page.headers.get("X-Cache", ""),
                refused=refused,
            )
        )
        return page

    def get(self, path: str, kind: str, *, since: float | None = None) -> Page | None:
        return self.request("GET", path, kind, since=since)

    def post(
        self, form: Form, pairs: list[tuple[str, str]], kind: str, *, expect=REDIRECTS
    ) -> Page | None:
        """Sends the form as the browser would, from the page it was found on."""
        return self.request(
            "POST",
            form.action,
            kind,
            body=urlencode(pairs).encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://{HOST}",
                "Referer": f"https://{HOST}{form.page}",
            },
            expect=expect,
        )


def _ms(begin: float) -> float:
    return (time.monotonic() - begin) * 1000

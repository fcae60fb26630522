"""Plain text for the e-mail's text part, and the small fixes e-mail HTML needs."""

import re
import textwrap

from bs4 import BeautifulSoup

from core.public_urls import public_url, site_url

LINE_WIDTH = 76
# SMTP lines stop at 998 bytes; well below, even in four-byte characters.
MAX_HTML_LINE = 240
_RELATIVE_LINK = re.compile(r'(\s(?:href|src))="/(?!/)')
_BLOCKS = ["p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote", "table", "tr"]


def absolutise_links(html: str) -> str:
    """Every site-relative href and src made absolute: e-mails have no base URL."""
    return _RELATIVE_LINK.sub(rf'\1="{site_url()}/', html)


def html_to_text(html: str) -> str:
    """Rich text as plain text: paragraphs kept, links written out after their label."""
    soup = BeautifulSoup(str(html), "html.parser")
    for link in soup.find_all("a"):
        href = public_url(link.get("href", "")).removeprefix("mailto:")
        label = link.get_text(" ", strip=True)
        link.replace_with(f"{label} ({href})" if href and href != label else label)
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for item in soup.find_all("li"):
        item.insert_before("\n- ")
    for block in soup.find_all(_BLOCKS):
        block.insert_before("\n\n")
        block.insert_after("\n\n")
    return tidy(soup.get_text())


def tidy(text: str) -> str:
    """Spaces collapsed within lines, at most one blank line in a row, lines wrapped."""
    lines = [re.sub(r"[ \t\xa0]+", " ", line).strip() for line in text.splitlines()]
    wrapped = []
    for line in lines:
        indent = "  " if line.startswith("- ") else ""
        wrapped.append(
            textwrap.fill(
                line,
                width=LINE_WIDTH,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
            if line
            else ""
        )
    return re.sub(r"\n{3,}", "\n\n", "\n".join(wrapped)).strip() + "\n"


def wrap_long_lines(html: str, limit: int = MAX_HTML_LINE) -> str:
    """Break long lines at a space (the same as a newline in HTML), so that the
    message travels as 8-bit text instead of being quoted-printable encoded."""
    out = []
    for line in html.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            if cut <= 0:
                break
            out.append(line[:cut])
            line = line[cut + 1 :]
        out.append(line)
    return "\n".join(out)

"""RGAA checks that axe-core does not make, run in the browser on a Playwright page.

Each returns the findings as sentences (empty when the page passes), so a test can
print them all, and ``report`` keeps them for the accessibility statement to cite.
"""

import itertools
import json
import os
import shutil
import subprocess
from pathlib import Path

from core.rgaa_report import check_file
from tests.npm_packages import npm_installed

HTML_VALIDATOR = Path(__file__).resolve().parent.parent / "html_validator"

# Every public page type, with the demo page that stands for it.
PUBLIC_PAGES = {
    "accueil": "/",
    "thématiques": "/thematiques/",
    "thématique": "/thematiques/mettre-en-place-une-demarche-participative/",
    "concepts": "/concepts/",
    "concept": "/concepts/le-recit/",
    "projets": "/projets/",
    "projet": "/projets/la-boite-a-outils-des-conseils-de-quartier/",
    "ressources": "/ressources/",
    "ressource": "/ressources/evaluer-les-demarches-de-participation-citoyenne/",
    "agenda": "/agenda/",
    "événement": "/agenda/rencontres-do-edition-territoires/",
    "newsletter": "/newsletter/",
    "archives": "/newsletter/archives/",
    "lettre": "/newsletter/archives/2022-09/",
    "recherche": "/recherche/?q=participation",
    "contribuer": "/contribuer/",
    "résultats d'un vote": "/votes/priorites-d-action-2021/",
    "projet partagé": "/projets-partages/amenagement-des-territoires/",
    "déclaration d'accessibilité": "/accessibilite/",
    "mentions légales": "/mentions-legales/",
    "données personnelles": "/donnees-personnelles/",
}

# RGAA 10.12: the WCAG 1.4.12 text spacing, forced on every element.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: .12em !important;
    word-spacing: .16em !important; }
p { margin-bottom: 2em !important; }
"""

HEADINGS_JS = """
() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6,[role=heading]')]
  .filter(h => h.offsetParent !== null || h.getClientRects().length)
  .map(h => Number(h.getAttribute('aria-level') || h.tagName.slice(1)))
"""

OVERFLOW_JS = """
() => document.documentElement.scrollWidth - document.documentElement.clientWidth
"""

CLIPPED_TEXT_JS = """
() => [...document.querySelectorAll('main p, main h1, main h2, main h3, main li, main a')]
  // Icon-only DSFR buttons hide their text on purpose (it is their accessible name).
  .filter(e => e.getClientRects().length && e.clientWidth > 48
           && e.scrollWidth > e.clientWidth + 1
           && getComputedStyle(e).overflow === 'hidden' && e.textContent.trim())
  .map(e => e.textContent.trim().slice(0, 40))
"""

FOCUS_JS = """
() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const ring = (style) => (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                          || (style.boxShadow && style.boxShadow !== 'none');
  // The DSFR draws the ring on the element, its ::before/::after, or the card it
  // enlarges (.fr-enlarge-link:focus-within).
  let visible = ring(getComputedStyle(e)) || ring(getComputedStyle(e, '::before'))
                || ring(getComputedStyle(e, '::after'));
  for (let up = e.parentElement, n = 0; !visible && up && n < 5; up = up.parentElement, n++) {
    visible = up.matches(':focus-within') && ring(getComputedStyle(up));
  }
  return {name: (e.getAttribute('aria-label') || e.textContent || e.name || e.id || e.tagName)
                  .trim().slice(0, 40),
          visible};
}
"""

# RGAA 3.1: in each chart, every bar's label and figure are text on screen, the bar
# itself is hidden from assistive technologies, and the bars' colour means nothing
# (one colour per chart: a highlighted bar would need words saying why).
CHART_JS = """
() => [...document.querySelectorAll('.tec-tally, [data-chart]')].map(chart => {
  const visible = e => e && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden'
                       && e.textContent.trim();
  const rows = [...chart.querySelectorAll(':scope > li, :scope tr')].map(row => {
    const bar = row.querySelector('svg, canvas, [class*=bar]');
    const fill = row.querySelector('svg rect, svg path, svg circle');
    return {label: visible(row.querySelector('[class*=label], th, td')) ? row.textContent.trim().slice(0, 40) : '',
            figure: /\\d/.test((row.querySelector('[class*=value], td:last-child') || {}).innerText || ''),
            hidden: !bar || bar.closest('[aria-hidden=true]') !== null,
            colour: fill ? getComputedStyle(fill).fill : null};
  });
  return {name: (chart.getAttribute('aria-labelledby') && document.getElementById(
                   chart.getAttribute('aria-labelledby'))?.textContent.trim()) || 'graphique',
          rows};
})
"""


def chart_findings(page) -> tuple[int, list[str]]:
    """RGAA 3.1 on the page's charts: how many there are, and what only colour conveys."""
    findings, charts = [], page.evaluate(CHART_JS)
    for chart in charts:
        rows = chart["rows"]
        findings += [
            f"« {chart['name']} » : barre sans libellé visible" for r in rows if not r["label"]
        ]
        findings += [
            f"« {chart['name']} » : « {r['label']} » sans valeur en texte"
            for r in rows
            if r["label"] and not r["figure"]
        ]
        findings += [
            f"« {chart['name']} » : barre de « {r['label']} » lue par les lecteurs d'écran"
            for r in rows
            if not r["hidden"]
        ]
        if len({r["colour"] for r in rows if r["colour"]}) > 1:
            findings.append(f"« {chart['name']} » : des barres de couleurs différentes")
    return len(charts), findings


def reflow_findings(page, url: str) -> list[str]:
    """RGAA 10.4 and 10.11: at 320 CSS pixels (200 % zoom of 640), no horizontal scroll."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(url)
    overflow = page.evaluate(OVERFLOW_JS)
    return [f"défilement horizontal de {overflow} px à 320 px"] if overflow > 0 else []


def text_spacing_findings(page, url: str) -> list[str]:
    """RGAA 10.12: with the text spacing overridden, no text is cut off."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url)
    page.add_style_tag(content=TEXT_SPACING)
    clipped = page.evaluate(CLIPPED_TEXT_JS)
    overflow = page.evaluate(OVERFLOW_JS)
    findings = [f"texte coupé avec l'espacement augmenté : « {text} »" for text in clipped]
    if overflow > 0:
        findings.append(f"défilement horizontal de {overflow} px avec l'espacement augmenté")
    return findings


def focus_findings(page, url: str, *, presses: int = 25) -> list[str]:
    """RGAA 10.7: each element reached with Tab shows where the focus is."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url)
    findings = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_JS)
        if focused and not focused["visible"]:
            findings.append(f"focus invisible sur « {focused['name']} »")
    return findings


def heading_findings(page) -> list[str]:
    """RGAA 9.1: one h1, and no heading skips a level."""
    levels = page.evaluate(HEADINGS_JS)
    findings = [] if levels.count(1) == 1 else [f"{levels.count(1)} titres de niveau 1"]
    findings += [f"titre h{b} après h{a}" for a, b in itertools.pairwise(levels) if b > a + 1]
    return findings


def set_dark_theme(page) -> None:
    """The DSFR's dark theme, as a visitor who chose it in « Paramètres d'affichage »."""
    page.evaluate("() => localStorage.setItem('scheme', 'dark')")
    page.reload()
    page.wait_for_function(
        "() => document.documentElement.getAttribute('data-fr-theme') === 'dark'"
    )


def report(name: str, findings: dict, *, pages: dict[str, str] = PUBLIC_PAGES) -> None:
    """Keep the findings, with the pages and the date, under var/rgaa/ (or RGAA_REPORT_DIR)
    for the statement to cite (manage.py fill_accessibility_statement)."""
    folder = Path(os.environ.get("RGAA_REPORT_DIR", "var/rgaa"))
    check_file(folder=folder, name=name, pages=pages, findings=findings)


def vnu_jar() -> Path | None:
    """The Nu HTML checker: VNU_JAR, or the vnu-jar package of the npm registry, pinned
    in tests/html_validator (the validator's own, current releases)."""
    if os.environ.get("VNU_JAR"):
        return Path(os.environ["VNU_JAR"])
    if shutil.which("npm") is None:
        return None
    jar = npm_installed(HTML_VALIDATOR, "vnu-jar") / "build" / "dist" / "vnu.jar"
    return jar if jar.exists() else None


def html_findings(pages: dict[str, str], *, java: str, jar: Path, folder: Path) -> dict:
    """RGAA 8.2: the Nu HTML checker's errors on each page's HTML, one Java start for all."""
    files = {}
    for index, (name, html) in enumerate(pages.items()):
        path = folder / f"page-{index:02d}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = name
    result = subprocess.run(
        [
            java,
            "-jar",
            str(jar),
            "--errors-only",
            "--format",
            "json",
            *map(str, folder.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    findings = {}
    for message in messages:
        name = files.get(message.get("url", "").rpartition("/")[2], message.get("url"))
        where = f"ligne {message['lastLine']} : " if "lastLine" in message else ""
        findings.setdefault(name, []).append(f"{where}{message['message']}")
    return findings

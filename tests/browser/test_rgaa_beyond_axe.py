"""RGAA checks beyond axe-core on every public page type: reflow at 320 px (10.4, 10.11),
text spacing (10.12), focus visible (10.7), unique page titles (8.6), headings in order
(9.1), axe again in the DSFR dark theme (3.2 in dark mode) and the Nu HTML checker
(8.2). The findings are kept
under var/rgaa/ for the accessibility statement."""

import os
import shutil
from pathlib import Path

import pytest

from tests.browser.accessibility import accessibility_violations
from tests.browser.rgaa import (
    PUBLIC_PAGES,
    chart_findings,
    focus_findings,
    heading_findings,
    html_findings,
    reflow_findings,
    report,
    set_dark_theme,
    text_spacing_findings,
    vnu_jar,
)

pytestmark = pytest.mark.browser


def test_reflow_text_spacing_and_headings(demo_site, page):
    findings = {}
    for name, path in PUBLIC_PAGES.items():
        url = demo_site.url + path
        found = reflow_findings(page, url) + heading_findings(page)
        found += text_spacing_findings(page, url)
        if found:
            findings[name] = found
    report("reflow-espacement-titres", findings)
    assert findings == {}


def test_focus_is_visible(demo_site, page):
    findings = {}
    for name, path in PUBLIC_PAGES.items():
        found = focus_findings(page, demo_site.url + path)
        if found:
            findings[name] = found
    report("focus-visible", findings)
    assert findings == {}


def test_page_titles_are_unique(demo_site, page):
    titles = {}
    for name, path in PUBLIC_PAGES.items():
        page.goto(demo_site.url + path)
        titles.setdefault(page.title(), []).append(name)
    duplicates = {title: names for title, names in titles.items() if len(names) > 1}
    report("titres-de-page", duplicates)
    assert duplicates == {}
    assert all(" — " in title or "Territoires en Commun" in title for title in titles)


def _axe_findings(page, url: str) -> dict:
    findings = {}
    for name, path in PUBLIC_PAGES.items():
        page.goto(url + path)
        found = accessibility_violations(page)
        if found:
            findings[name] = found
    return findings


def test_axe_in_the_light_and_dark_themes(demo_site, page):
    light = _axe_findings(page, demo_site.url)
    report("axe-theme-clair", light)
    set_dark_theme(page)
    dark = _axe_findings(page, demo_site.url)
    report("axe-theme-sombre", dark)
    assert (light, dark) == ({}, {})


# The pages that draw the votes' results as charts.
CHART_PAGES = {
    "accueil": "/",
    "résultats d'un vote": "/votes/priorites-d-action-2021/",
    "vote ouvert": "/votes/prochain-projet-partage/",
}

# Forms and pages a visitor reaches beside the editorial ones, checked by the Nu HTML
# checker too (one Java start for all: its start-up is most of its time).
MORE_PAGES = {
    "vote ouvert": CHART_PAGES["vote ouvert"],
    "votes": "/votes/",
    "projets partagés": "/projets-partages/",
    "inscription à la newsletter": "/newsletter/inscription/",
    "besoin": "/besoin/",
    "inscription d'un compte": "/compte/inscription/",
    "connexion": "/compte/connexion/",
    "page introuvable": "/cette-page-n-existe-pas/",
}


def _nu_html_checker() -> tuple[str, Path]:
    """Java and vnu.jar; CI fails without them (a skipped 8.2 check would go unnoticed)."""
    java, jar = shutil.which("java"), vnu_jar()
    if java and jar:
        return java, jar
    message = (
        "RGAA 8.2 : le validateur HTML a besoin de Java 17 (apt-get install "
        "openjdk-17-jre-headless)"
        if not java
        else "RGAA 8.2 : vnu.jar introuvable (paquet npm vnu-jar de tests/html_validator, ou VNU_JAR)"
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def test_html_is_valid(demo_site, page, tmp_path):
    java, jar = _nu_html_checker()
    pages = dict(PUBLIC_PAGES, **MORE_PAGES)
    html = {name: page.request.get(demo_site.url + path).text() for name, path in pages.items()}
    findings = html_findings(html, java=java, jar=jar, folder=tmp_path)
    report("validateur-html", findings, pages=pages)
    assert findings == {}


def test_charts_do_not_convey_results_by_colour_alone(demo_site, page):
    charts, findings = 0, {}
    for name, path in CHART_PAGES.items():
        page.goto(demo_site.url + path)
        count, found = chart_findings(page)
        charts += count
        if found:
            findings[name] = found
    report("couleur-graphiques", findings, pages=CHART_PAGES)
    assert charts >= 2, "les résultats des votes ne sont plus dessinés"
    assert findings == {}


def test_without_java_the_html_check_fails_in_ci_and_is_skipped_locally(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="Java 17"):
        _nu_html_checker()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="Java 17"):
        _nu_html_checker()

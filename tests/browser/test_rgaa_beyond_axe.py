"""RGAA checks beyond axe-core on every public page type: reflow at 320 px (10.4, 10.11),
text spacing (10.12), focus visible (10.7), unique page titles (8.6), headings in order
(9.1), and axe again in the DSFR dark theme (3.2 in dark mode). The findings are kept
under var/rgaa/ for the accessibility statement."""

import pytest

from tests.browser.accessibility import accessibility_violations
from tests.browser.rgaa import (
    PUBLIC_PAGES,
    focus_findings,
    heading_findings,
    reflow_findings,
    report,
    set_dark_theme,
    text_spacing_findings,
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


def test_axe_in_the_dark_theme(demo_site, page):
    page.goto(demo_site.url + "/")
    set_dark_theme(page)
    findings = {}
    for name, path in PUBLIC_PAGES.items():
        page.goto(demo_site.url + path)
        found = accessibility_violations(page)
        if found:
            findings[name] = found
    report("axe-theme-sombre", findings)
    assert findings == {}

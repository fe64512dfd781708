"""The handouts from a module page, in a real browser: the site built by `make handouts`
(fixture ``handouts_http``: the export of tests/handouts_fixtures.py, then mkdocs build)."""

from __future__ import annotations

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import LANGS, ROOT, PageWatch

MODULE = "01-bien-demarrer"


def strings(lang: str) -> dict:
    return yaml.safe_load((ROOT / "i18n" / f"{lang}.yml").read_text(encoding="utf-8"))["handouts"]


@pytest.mark.parametrize("lang", LANGS)
def test_module_page_offers_its_handouts_in_the_readers_language(page, handouts_http, lang):
    watch = PageWatch(page, handouts_http.rstrip("/"))
    prefix = "" if lang == "fr" else f"{lang}/"
    page.goto(f"{handouts_http}{prefix}modules/{MODULE}/index.html")
    h = strings(lang)
    section = page.locator("h2#fiches")
    expect(section).to_have_text(h["section_title"])
    links = page.locator("ul.pc-fiches a")
    expect(links.nth(0)).to_have_text(h["parents"])
    expect(links.nth(1)).to_have_text(h["memo"])
    expect(links.nth(2)).to_have_text(h["animateur"])
    # The section is in the page's table of contents
    expect(page.locator('nav.md-nav--secondary a[href="#fiches"]').first).to_be_attached()
    # Keyboard: the parents' handout is a link reached with Tab, and it is a PDF in this language
    first = links.nth(0)
    first.focus()
    expect(first).to_be_focused()
    href = first.get_attribute("href")
    response = page.request.get(f"{handouts_http}{prefix}modules/{MODULE}/{href}")
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert response.body()[:5] == b"%PDF-" and href.endswith(f"-{lang}.pdf")
    page.wait_for_load_state("networkidle")
    watch.assert_clean()
    results = Axe().run(page, context=["#fiches", "#fiches + p", ".pc-fiches"])
    assert results.violations_count == 0, results.generate_report()


def test_short_printed_address_opens_the_lesson(page, handouts_http):
    page.goto(f"{handouts_http}ar/l/1-3/")
    expect(page).to_have_url(f"{handouts_http}ar/modules/{MODULE}/03-la-souris-et-le-toucher.html")
    expect(page.locator("html")).to_have_attribute("lang", "ar")

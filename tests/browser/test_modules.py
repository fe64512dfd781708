"""Module pages in the browser: lessons readable on a phone and a projector, trainer notes hidden."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

LESSON = "modules/01-bien-demarrer/04-le-clavier-azerty.html"
# One lesson per module, looked at on a phone and on a projector
SCREENSHOTS = {"m01": LESSON, "m02": "modules/02-e-mail/06-reconnaitre-un-message-piege.html"}
SIZES = {"telephone": (390, 844), "projecteur": (1600, 900)}


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lesson", SCREENSHOTS)
def test_lesson_screenshots_phone_and_projector(page, http_base, output_dir, lang, size, lesson):
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(http_base + ("" if lang == "fr" else f"{lang}/") + SCREENSHOTS[lesson])
    # Nothing wider than the screen (no horizontal scrolling on a phone)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{overflow} px de défilement horizontal"
    # Every illustration is loaded and drawn
    for img in page.locator("article img").all():
        img.scroll_into_view_if_needed()
        assert img.evaluate("i => i.complete && i.naturalWidth > 0"), img.get_attribute("src")
    page.screenshot(path=str(output_dir / f"lecon-{lesson}-{lang}-{size}.png"))
    page.locator("article img").first.scroll_into_view_if_needed()
    page.screenshot(path=str(output_dir / f"lecon-{lesson}-{lang}-{size}-image.png"))


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_trainer_notes_are_closed_until_opened(page, http_base, lang):
    page.goto(http_base + ("" if lang == "fr" else f"{lang}/") + LESSON)
    notes = page.locator("details.formateur")
    expect(notes).to_have_count(1)
    assert notes.get_attribute("open") is None
    summary = notes.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(notes).to_have_attribute("open", "")


def test_module_overview_leads_through_every_lesson(page, http_base):
    page.goto(http_base + "modules/01-bien-demarrer/index.html")
    lessons = page.locator("#lecons ~ ol a").all()
    assert len(lessons) == 8
    hrefs = [a.get_attribute("href") for a in lessons]
    for href in hrefs:
        page.goto(http_base + "modules/01-bien-demarrer/" + href)
        expect(page.locator("#a-retenir")).to_be_visible()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_typing_exercise_fits_a_phone_screen(page, http_base, lang):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(http_base + ("" if lang == "fr" else f"{lang}/") + "modules/01-bien-demarrer/05-accents-et-arobase.html")
    for el in page.locator(".pc-ex *:visible").all():
        box = el.bounding_box()
        if box and box["width"]:
            assert box["x"] >= -1 and box["x"] + box["width"] <= 361, f"{el.evaluate('e => e.outerHTML.slice(0, 80)')} dépasse"

"""Projection mode in Chromium: enter and leave, every key, the counter, the size at
1920 × 1080, Arabic right to left, quizzes one question at a time, no trainer note, axe, file://."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import PageWatch

LESSON = "modules/01-bien-demarrer/02-allumer-et-eteindre.html"
QUIZ = "quizzes/02-e-mail.html"
PROJECTOR = {"width": 1920, "height": 1080}
STATE = "window.ParentsConnectes.projection.state()"


def enter(page):
    page.locator("#pc-proj").click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bpc-proj\b"))


def counter(page):
    return page.locator(".pc-barre__compteur > span").first


def screen(page) -> int:
    return page.evaluate(STATE)["screen"]


@pytest.fixture
def projector(page):
    page.set_viewport_size(PROJECTOR)
    return page


def test_enter_step_with_every_key_and_leave(projector, page_watch, http_base, output_dir):
    page = projector
    page.goto(http_base + LESSON)
    expect(page.locator(".md-header")).to_be_visible()
    enter(page)
    total = page.evaluate(STATE)["total"]
    assert total >= 20
    expect(counter(page)).to_have_text(f"1 / {total}")
    # Navigation, sidebars, language bar and text size are hidden; the bar is there
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".pc-langs", ".pc-taille", "#pc-proj"):
        expect(page.locator(hidden).first).to_be_hidden()
    bar = page.get_by_role("group", name="Mode projection")
    expect(bar.get_by_role("button", name=re.compile("Précédent"))).to_be_disabled()
    # The title screen shows « Vous allez apprendre »
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("#objectifs")).to_be_visible()
    expect(page.locator("#etapes")).to_be_hidden()
    # What clickers send, then arrows and Space
    for key, expected in (("PageDown", 2), ("Space", 3), ("ArrowRight", 4), ("PageUp", 3), ("ArrowLeft", 2),
                          ("Shift+Space", 1), ("End", total), ("Home", 1)):
        page.keyboard.press(key)
        expect(counter(page)).to_have_text(f"{expected} / {total}")
    # The bar's buttons
    bar.get_by_role("button", name=re.compile("Suivant")).click()
    expect(counter(page)).to_have_text(f"2 / {total}")
    # The counter is announced in words
    expect(page.locator(".pc-barre__compteur")).to_have_attribute("aria-live", "polite")
    expect(page.locator(".pc-barre__compteur .pc-vh")).to_have_text(f"Écran 2 sur {total}")
    # Material's own letter shortcuts (n = next page) do not leave the lesson
    page.keyboard.press("n")
    page.keyboard.press(".")
    assert page.url.endswith(LESSON)
    page.keyboard.press("Escape")
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bpc-proj\b"))
    expect(page.locator(".md-header")).to_be_visible()
    expect(page.locator(".pc-barre")).to_be_hidden()
    expect(page.locator("#etapes")).to_be_visible()
    page_watch.assert_clean()


def test_one_step_at_a_time_with_its_illustration_large_and_readable(projector, http_base, output_dir):
    page = projector
    page.goto(http_base + LESSON)
    enter(page)
    # Go to the first step of « Ouvrir votre session » (it has a drawing)
    step = page.locator("#ouvrir-votre-session ~ ol > li").first
    for _ in range(page.evaluate(STATE)["total"]):
        if step.is_visible():
            break
        page.keyboard.press("PageDown")
    expect(step).to_be_visible()
    # Only this step of its list, its sub-title, and the drawing beside it
    expect(page.locator("#ouvrir-votre-session ~ ol > li:visible")).to_have_count(1)
    expect(page.locator("#ouvrir-votre-session")).to_be_visible()
    image = page.locator("img[src$='ecran-connexion.svg']")
    expect(image).to_be_visible()
    box = image.bounding_box()
    assert box["width"] >= 0.4 * 1920 or box["height"] >= 0.5 * 1080, box
    size = float(step.evaluate("e => getComputedStyle(e).fontSize").rstrip("px"))
    assert size >= 28, size
    # Text and drawing side by side, both inside the screen, above the bar
    text = step.bounding_box()
    assert text["x"] + text["width"] <= box["x"] + 1
    assert box["y"] + box["height"] <= page.locator(".pc-barre").bounding_box()["y"]
    page.screenshot(path=str(output_dir / "projection-fr-1920.png"))


def test_trainer_notes_never_show_and_axe_finds_nothing(projector, http_base):
    page = projector
    page.goto(http_base + LESSON)
    # Even a note a parent has opened
    page.locator("details.formateur summary").click()
    enter(page)
    total = page.evaluate(STATE)["total"]
    seen_retenir = False
    for n in range(1, total + 1):
        expect(counter(page)).to_have_text(f"{n} / {total}")
        expect(page.locator(".formateur")).to_be_hidden()
        expect(page.locator("#sources")).to_be_hidden()
        seen_retenir = seen_retenir or page.locator("#a-retenir").is_visible()
        if n == 1 or n == total:
            results = Axe().run(page)
            assert results.violations_count == 0, results.generate_report()
        page.keyboard.press("PageDown")
    assert seen_retenir
    # The last screen is « À retenir », without the « J'ai terminé » toggle
    expect(page.locator("#a-retenir")).to_be_visible()
    expect(page.locator("#pc-fini")).to_be_hidden()


def test_arabic_arrows_follow_the_reading_direction(projector, http_base, output_dir):
    page = projector
    page.goto(http_base + "ar/" + LESSON)
    enter(page)
    total = page.evaluate(STATE)["total"]
    expect(counter(page)).to_have_text(f"1 / {total}")
    page.keyboard.press("ArrowLeft")  # forward, in a right-to-left page
    expect(counter(page)).to_have_text(f"2 / {total}")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowRight")  # back
    expect(counter(page)).to_have_text(f"3 / {total}")
    bar = page.get_by_role("group", name="وضع العرض")
    nxt = bar.get_by_role("button", name=re.compile("التالي"))
    prev = bar.get_by_role("button", name=re.compile("السابق"))
    # « Next » sits on the left of « Previous »; its arrow points left
    assert nxt.bounding_box()["x"] < prev.bounding_box()["x"]
    expect(nxt).to_have_text(re.compile("←"))
    expect(page.locator(".pc-barre__compteur .pc-vh")).to_have_text(f"الشاشة 3 من {total}")
    while not page.locator(".pc-li").first.is_visible():
        page.keyboard.press("PageDown")
    size = float(page.locator(".pc-li").first.evaluate("e => getComputedStyle(e).fontSize").rstrip("px"))
    assert size >= 28, size
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.screenshot(path=str(output_dir / "projection-ar-1920.png"))
    page.keyboard.press("Escape")
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bpc-proj\b"))


def test_shortcut_alt_p_and_a_quiz_one_question_at_a_time(projector, page_watch, http_base, output_dir):
    page = projector
    page.goto(http_base + QUIZ)
    page.keyboard.press("Alt+KeyP")
    expect(page.locator("html")).to_have_class(re.compile(r"\bpc-proj\b"))
    assert page.url.endswith(QUIZ), "Material read « p » as « previous page »"
    total = page.evaluate(STATE)["total"]
    assert total == 14 + 2  # the introduction, 14 questions, the score
    page.keyboard.press("PageDown")
    expect(page.locator("fieldset.pc-quiz__question:visible")).to_have_count(1)
    expect(page.locator("#quiz-02-e-mail-1")).to_be_visible()
    # Arrows choose an answer inside the question, they do not change screens
    page.locator("#quiz-02-e-mail-1-1").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowRight")
    expect(counter(page)).to_have_text(f"2 / {total}")
    expect(page.locator("#quiz-02-e-mail-1-3")).to_be_checked()
    # « Vérifier » still works in projection
    page.locator("#quiz-02-e-mail-1 .pc-quiz__check").click()
    expect(page.locator("#quiz-02-e-mail-1 .pc-quiz__verdict")).to_be_visible()
    page.keyboard.press("PageDown")
    expect(page.locator("#quiz-02-e-mail-2")).to_be_visible()
    expect(page.locator("#quiz-02-e-mail-1")).to_be_hidden()
    page.screenshot(path=str(output_dir / "projection-quiz-fr-1920.png"))
    # The shortcut again leaves
    page.keyboard.press("Alt+KeyP")
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bpc-proj\b"))
    expect(page.locator("#quiz-02-e-mail-1")).to_be_visible()
    page_watch.assert_clean()


def test_works_from_file_without_network(browser, file_base):
    context = browser.new_context(viewport=PROJECTOR)
    context.route(re.compile(r"^(?!file:).*"), lambda route: route.abort())
    page = context.new_page()
    watch = PageWatch(page, "file://")
    page.goto(file_base + "en/" + LESSON)
    page.get_by_role("button", name="Projection mode").click()
    expect(counter(page)).to_have_text(re.compile(r"^1 / \d+$"))
    page.keyboard.press("PageDown")
    expect(counter(page)).to_have_text(re.compile(r"^2 / \d+$"))
    expect(page.get_by_role("button", name=re.compile("Leave"))).to_be_visible()
    page.get_by_role("button", name=re.compile("Leave")).click()
    expect(page.locator(".pc-barre")).to_be_hidden()
    watch.assert_clean()
    context.close()

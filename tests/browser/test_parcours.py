"""« Mon parcours », « J'ai terminé cette leçon » and the attestation in Chromium."""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

PARCOURS = "parcours/mon-parcours.html"
LESSON = "modules/01-bien-demarrer/01-decouvrir-l-ordinateur.html"
QUIZ = "quizzes/02-e-mail.html"
KEYS = "Object.keys(localStorage).filter(k => /^parents-connectes:(lecon|quiz):/.test(k)).sort()"


def item(page, attr, value):
    return page.locator(f"li:has(> a[{attr}='{value}'])")


def test_a_finished_lesson_and_an_answered_quiz_show_then_tout_effacer(page, page_watch, http_base, output_dir):
    page.goto(http_base + PARCOURS)
    expect(page.locator("[data-pc-resume]")).to_have_text(re.compile(r"Leçons terminées\s*: 0 sur \d+"))
    expect(page.locator("[data-pc-suivant]")).to_contain_text("Découvrir l'ordinateur")
    expect(item(page, "data-pc-lecon", "01-bien-demarrer/01-decouvrir-l-ordinateur")).to_contain_text("À faire")

    # A lesson: « J'ai terminé cette leçon », a toggle
    page.goto(http_base + LESSON)
    toggle = page.get_by_role("button", name="J'ai terminé cette leçon")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#pc-fini [data-fait]")).to_be_visible()
    page.reload()
    expect(page.get_by_role("button", name="J'ai terminé cette leçon")).to_have_attribute("aria-pressed", "true")

    # A quiz: one question answered
    page.goto(http_base + QUIZ)
    page.locator("#quiz-02-e-mail-1 input[value='1']").check()
    page.locator("#quiz-02-e-mail-1 .pc-quiz__check").click()
    expect(page.locator("#quiz-02-e-mail-1 .pc-quiz__verdict")).to_be_visible()

    page.goto(http_base + PARCOURS)
    lesson = item(page, "data-pc-lecon", "01-bien-demarrer/01-decouvrir-l-ordinateur")
    expect(lesson).to_contain_text(re.compile(r"✓ Terminée le \d+ \w+ \d{4}"))
    expect(lesson).to_have_class(re.compile("pc-fait"))
    expect(item(page, "data-pc-quiz", "02-e-mail")).to_contain_text(re.compile(r"Commencé\s*: 1 sur 14 questions"))
    expect(page.locator("[data-pc-resume]")).to_have_text(re.compile(r"Leçons terminées\s*: 1 sur \d+"))
    # What comes next: the lesson after the finished one
    expect(page.locator("[data-pc-suivant]")).to_contain_text("Allumer et éteindre")
    expect(page.locator("[data-pc-suivant] a")).to_have_attribute("href", re.compile("02-allumer-et-eteindre.html$"))
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    # Printable summary: no buttons, the date
    page.emulate_media(media="print")
    expect(page.locator(".pc-parcours__actions")).to_be_hidden()
    expect(page.locator("[data-pc-date]")).to_be_visible()
    expect(page.locator("[data-pc-date]")).to_contain_text("Résumé imprimé le")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    page.emulate_media(media="screen")

    # « Tout effacer », after a confirmation; the text size setting stays
    page.evaluate("localStorage.setItem('parents-connectes:taille-texte', '150')")
    page.get_by_role("button", name="Tout effacer").click()
    expect(page.get_by_role("button", name="Non, garder")).to_be_focused()
    page.get_by_role("button", name="Oui, tout effacer").click()
    expect(page.locator("[data-pc-message]")).to_contain_text("C'est effacé")
    expect(lesson).to_contain_text("À faire")
    expect(item(page, "data-pc-quiz", "02-e-mail")).to_contain_text("À faire")
    assert page.evaluate(KEYS) == []
    assert page.evaluate("localStorage.getItem('parents-connectes:taille-texte')") == "150"
    page_watch.assert_clean()


def test_phone_and_arabic(page, http_base, output_dir):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(http_base + "ar/" + LESSON)
    page.get_by_role("button", name="أنهيتُ هذا الدرس").click()
    page.goto(http_base + "ar/" + PARCOURS)
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(item(page, "data-pc-lecon", "01-bien-demarrer/01-decouvrir-l-ordinateur")).to_contain_text(
        re.compile(r"✓ أُنهي في \d+"))
    expect(page.locator("[data-pc-suivant]")).to_contain_text("الخطوة التالية")
    # No sideways scroll on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.screenshot(path=str(output_dir / "mon-parcours-ar-360.png"), full_page=False)
    page.goto(http_base + PARCOURS)
    page.screenshot(path=str(output_dir / "mon-parcours-fr-360.png"), full_page=False)


def test_from_file_and_without_storage(browser, file_base):
    context = browser.new_context()
    context.add_init_script("""Object.defineProperty(window, 'localStorage', {configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }});""")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(file_base + PARCOURS)
    expect(page.locator("[data-pc-message]")).to_contain_text("Ce navigateur ne garde rien")
    expect(page.get_by_role("button", name="Tout effacer")).to_be_hidden()
    # The lesson toggle is not offered when nothing can be kept
    page.goto(file_base + LESSON)
    expect(page.locator("#pc-fini")).to_be_hidden()
    assert not errors, errors
    context.close()


def test_the_kiosk_mode_wipes_finished_lessons(page, file_base):
    page.goto(file_base + LESSON + "?borne=1")
    page.get_by_role("button", name="J'ai terminé cette leçon").click()
    assert page.evaluate(KEYS) == ["parents-connectes:lecon:01-bien-demarrer/01-decouvrir-l-ordinateur"]
    page.get_by_role("button", name="Terminer ma session").click()
    page.get_by_role("dialog").get_by_role("button", name="Oui, terminer").click()
    expect(page).to_have_url(file_base + "borne/index.html")
    assert page.evaluate(KEYS) == []


def test_attestation_prints_on_one_a4_page(page, http_base, output_dir):
    page.goto(http_base + "formateurs/attestation.html")
    expect(page.locator(".pc-attestation")).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".pc-ecran-seul")).to_be_hidden()
    expect(page.locator(".pc-langs")).to_be_hidden()
    pdf = page.pdf(format="A4", print_background=False, prefer_css_page_size=True)
    (output_dir / "attestation.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"{pages} pages"

"""« Que faire ? » and the family screen agreement in a real browser, on the built lessons of
module « Écrans et réseaux sociaux » (tests/conftest.py builds the site once).

« Que faire ? »: every story answered well up to the summary with the 3018, a bad choice
and why, keyboard only, a finger. The agreement: the rules suggested by age, a change and
the parent's own rule in the agreement, « Imprimer l'accord » printing one page with only
the agreement (Chromium's page.pdf(), read back with poppler), keyboard only, a finger.
Both: Arabic right to left, no JavaScript, axe, nothing stored, nothing sent elsewhere.
"""

from __future__ import annotations

import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

import ex_ecrans
from conftest import PageWatch, nothing_kept, open_exercises as goto

LESSONS = {"que-faire": "modules/04-ecrans-et-reseaux/06-le-cyberharcelement.html",
           "accord-ecrans": "modules/04-ecrans-et-reseaux/08-creer-et-apprendre-en-famille.html"}
GOOD = [good for _, good in ex_ecrans.QUE_FAIRE]
TOTAL = len(GOOD)


def url(base: str, name: str, lang: str = "fr") -> str:
    return base + ("" if lang == "fr" else f"{lang}/") + LESSONS[name]


# --- « Que faire ? » ---------------------------------------------------------------


@pytest.fixture
def que_faire(page, page_watch, http_base):
    goto(page, url(http_base, "que-faire"))
    ex = page.locator("#exercice-que-faire")
    expect(ex.locator(".pc-qf__place .pc-qf")).to_have_count(1)
    yield ex
    nothing_kept(page)
    page_watch.assert_clean()


def choice(ex, letter: str):
    return ex.locator(f".pc-qf__place li[data-choix={letter}] button")


def test_que_faire_every_story_then_the_summary(que_faire):
    ex = que_faire
    progress, feedback = ex.locator(".pc-ex__progres"), ex.locator(".pc-ex__retour")
    summary = ex.locator(".pc-qf__resume")
    expect(ex.locator(".pc-ex__etapes")).to_be_hidden()
    expect(summary).to_be_hidden()
    for n, good in enumerate(GOOD, 1):
        expect(progress).to_have_text(f"Situation {n} sur {TOTAL}")
        expect(ex.locator(".pc-qf__place .pc-qf__question")).to_have_text("Que faites-vous ?")
        expect(ex.locator(".pc-qf__place .pc-qf__action")).to_be_hidden()  # not before a choice
        choice(ex, good).click()
        expect(choice(ex, good)).to_have_attribute("aria-pressed", "true")
        expect(feedback).to_have_class("pc-ex__retour pc-ex__retour--bravo")
        expect(feedback.locator(".pc-qf__raison strong")).to_have_text("✓ Bonne idée.")
        expect(feedback.locator(".pc-qf__action")).to_contain_text("Ce qu'il faut faire :")
        ex.get_by_role("button", name="Voir le résumé" if n == TOTAL else "Situation suivante").click()
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Appelez le 3018 : c'est gratuit et anonyme, 7 jours sur 7, de 9 h à 23 h.")
    expect(summary).to_contain_text("Ne payez jamais. N'envoyez jamais d'autres photos.")
    expect(progress).to_be_hidden()
    ex.get_by_role("button", name="Recommencer").click()
    expect(progress).to_have_text(f"Situation 1 sur {TOTAL}")
    expect(summary).to_be_hidden()


def test_que_faire_a_bad_choice_says_why_and_what_to_do(que_faire):
    ex = que_faire
    feedback = ex.locator(".pc-ex__retour")
    expect(feedback).to_have_attribute("aria-live", "polite")
    choice(ex, "c").click()  # take her phone away
    expect(feedback).to_have_class("pc-ex__retour pc-ex__retour--aide")
    expect(feedback.locator(".pc-qf__raison")).to_have_text(
        "✗ Mauvaise idée. Inès est punie alors qu'elle n'a rien fait. La prochaine fois, elle n'osera plus vous "
        "parler. Et la photo circule toujours.")
    expect(feedback.locator(".pc-qf__action")).to_contain_text("Prenez rendez-vous avec la direction du collège.")
    # The choice tried is marked; another choice can be read too
    expect(choice(ex, "c")).to_have_attribute("aria-pressed", "true")
    choice(ex, "b").click()
    expect(choice(ex, "c")).to_have_attribute("aria-pressed", "false")
    expect(feedback.locator(".pc-qf__raison strong")).to_have_text("✓ Bonne idée.")
    assert ex.locator(".pc-qf__place li[data-choix=c]").evaluate(
        "li => getComputedStyle(li.querySelector('button'), '::after').content") == '"✗"'


def test_que_faire_with_the_keyboard_only(que_faire):
    ex, page = que_faire, que_faire.page
    choice(ex, "a").focus()
    expect(choice(ex, "a")).to_have_accessible_description("Que faites-vous ?")
    page.keyboard.press("Tab")
    expect(choice(ex, "b")).to_be_focused()
    page.keyboard.press("Enter")
    expect(ex.locator(".pc-ex__retour--bravo")).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(ex.get_by_role("button", name="Situation suivante")).to_be_focused()
    page.keyboard.press("Enter")
    # The next story takes the focus, labelled by its number
    card = ex.locator(".pc-qf__place .pc-qf")
    expect(card).to_be_focused()
    expect(ex.locator(".pc-ex__progres")).to_have_text(f"Situation 2 sur {TOTAL}")
    page.keyboard.press("Tab")
    expect(choice(ex, "a")).to_be_focused()
    page.keyboard.press("Space")
    expect(ex.locator(".pc-ex__retour--aide")).to_contain_text("Payer n'arrête rien")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"


def test_que_faire_with_a_finger(browser, http_base):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 360, "height": 740})
    page = context.new_page()
    watch = PageWatch(page, http_base.rstrip("/"))
    goto(page, url(http_base, "que-faire"))
    ex = page.locator("#exercice-que-faire")
    for button in ex.locator(".pc-qf__place button").all():
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
    choice(ex, "a").tap()
    expect(ex.locator(".pc-ex__retour--aide")).to_contain_text("Mauvaise idée.")
    ex.get_by_role("button", name="Situation suivante").tap()
    expect(ex.locator(".pc-ex__progres")).to_have_text(f"Situation 2 sur {TOTAL}")
    # Nothing wider than the phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    watch.assert_clean()
    context.close()


def test_que_faire_in_arabic_is_right_to_left(page, page_watch, http_base):
    goto(page, url(http_base, "que-faire", "ar"))
    ex = page.locator("#exercice-que-faire")
    assert ex.evaluate("el => getComputedStyle(el).direction") == "rtl"
    expect(ex.locator(".pc-ex__progres")).to_have_text(f"الموقف 1 من {TOTAL}")
    button = choice(ex, GOOD[0])
    # A choice starts at the right (the start of an Arabic line)
    box, place = button.bounding_box(), ex.locator(".pc-qf__place").bounding_box()
    assert box["x"] + box["width"] > place["x"] + place["width"] - 10
    letter = button.locator(".pc-qf__lettre").bounding_box()
    assert letter["x"] > box["x"] + box["width"] / 2  # the letter first, on the right
    button.click()
    expect(ex.locator(".pc-ex__retour .pc-qf__raison strong")).to_have_text("✓ فكرة جيدة.")
    page_watch.assert_clean()


# --- The screen agreement -----------------------------------------------------------------


@pytest.fixture
def accord(page, page_watch, http_base):
    goto(page, url(http_base, "accord-ecrans"))
    ex = page.locator("#exercice-accord-ecrans")
    expect(ex.locator(".pc-accord__age").first).to_be_visible()
    yield ex
    nothing_kept(page)
    page_watch.assert_clean()


def ticked(ex) -> list[str]:
    return ex.locator(".pc-accord__regles li:not([hidden]) input:checked").evaluate_all(
        "boxes => boxes.map(b => b.getAttribute('data-regle'))")


def sheet_rules(ex) -> list[str]:
    return ex.locator(".pc-accord__liste li").all_inner_texts()


def suggested(age: str) -> list[str]:
    return [key for _, rules in ex_ecrans.ACCORD for key, _, t in rules if age in t.split()]


def print_pdf(page, tmp_path):
    """Press « Imprimer l'accord » (the browser's print dialog replaced), then print to PDF."""
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed++ } }")
    page.locator(".pc-accord__imprimer").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    path = tmp_path / "accord.pdf"
    page.pdf(path=str(path), format="A4", margin={side: "1cm" for side in ("top", "bottom", "left", "right")})
    page.emulate_media(media="screen")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return pages, " ".join(text.split())


def test_accord_suggests_rules_by_age_and_prints_one_page(accord, tmp_path):
    ex, page = accord, accord.page
    rules = ex.locator(".pc-accord__regles")
    expect(rules).to_be_hidden()  # first, the age
    expect(ex.locator(".pc-ex__prive")).to_contain_text("rien n'est envoyé ni enregistré")
    ex.get_by_role("button", name="moins de 3 ans").click()
    expect(ex.get_by_role("button", name="moins de 3 ans")).to_have_attribute("aria-pressed", "true")
    expect(ex.locator(".pc-ex__retour")).to_have_text(
        "Les règles conseillées pour moins de 3 ans sont cochées. Lisez-les, et changez ce que vous voulez.")
    assert ticked(ex) == suggested("0-3")
    expect(ex.locator("fieldset[data-situation=jeux]")).to_be_hidden()  # nothing for babies there
    ex.get_by_role("button", name="9 à 12 ans").click()
    expect(ex.get_by_role("button", name="moins de 3 ans")).to_have_attribute("aria-pressed", "false")
    assert ticked(ex) == suggested("9-12")
    expect(ex.locator(".pc-accord__age-choisi")).to_have_text("Âge de l'enfant : 9 à 12 ans")
    expect(ex.locator(".pc-accord__liste")).to_contain_text("Pas de réseaux sociaux avant 15 ans.")
    # Untick one, tick one, add our own rule: the agreement follows
    ex.get_by_label("Pas de réseaux sociaux avant 15 ans. Ensuite, un compte privé, et on en parle ensemble.").uncheck()
    ex.get_by_label("Un film ou un jeu choisi ensemble, et regardé ensemble.").check()
    ex.get_by_label("Votre règle à vous (si vous voulez)").fill("Le dimanche matin, on joue aux cartes.")
    listed = sheet_rules(ex)
    assert "Un film ou un jeu choisi ensemble, et regardé ensemble." in listed
    assert not any("réseaux sociaux avant 15 ans" in rule for rule in listed)
    assert listed[-1] == "Le dimanche matin, on joue aux cartes."
    expect(ex.locator(".pc-accord__liste")).to_contain_text("Notre règle à nous")
    assert len(listed) == len(suggested("9-12")) + 1
    # Print: one page, only the agreement, the chosen rules and our own
    pages, text = print_pdf(page, tmp_path)
    assert pages == 1, text
    for expected in ("Notre accord écrans en famille", "Âge de l'enfant : 9 à 12 ans", "Les repas",
                     "Un film ou un jeu choisi ensemble, et regardé ensemble.",
                     "Le dimanche matin, on joue aux cartes.", "Signature des parents :"):
        assert expected in text, expected
    for absent in ("réseaux sociaux avant 15 ans", "À retenir", "Exercice : notre accord", "Quel âge a votre enfant"):
        assert absent not in text, absent
    # The copy for the printer goes after printing; the page is as before
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator("body > .pc-accord-impression")).to_have_count(0)
    assert page.evaluate("document.documentElement.classList.contains('pc-accord-seul')") is False


def test_accord_every_rule_of_the_oldest_still_fits_one_page(accord, tmp_path):
    ex, page = accord, accord.page
    ex.get_by_role("button", name="12 ans et plus").click()
    for box in ex.locator(".pc-accord__regles li:not([hidden]) input").all():
        box.check()
    ex.locator("input[type=text]").fill("x" * ex_ecrans.OWN_MAX)
    pages, text = print_pdf(page, tmp_path)
    assert pages == 1 and "x" * 40 in text


def test_accord_empty_agreement_says_what_to_do(accord):
    ex = accord
    ex.get_by_role("button", name="3 à 6 ans").click()
    checked = ex.locator(".pc-accord__regles input:checked")
    while checked.count():
        checked.first.uncheck()
    expect(ex.locator(".pc-accord__vide")).to_be_visible()
    expect(ex.locator(".pc-accord__vide")).to_have_text("Cochez au moins une règle pour la voir dans l'accord.")
    ex.locator("input[type=text]").fill("Pas de tablette au lit.")
    expect(ex.locator(".pc-accord__vide")).to_be_hidden()


def test_accord_with_the_keyboard_only(accord):
    ex, page = accord, accord.page
    ex.locator(".pc-accord__age").first.focus()
    for _ in range(2):
        page.keyboard.press("Tab")
    expect(ex.get_by_role("button", name="6 à 9 ans")).to_be_focused()
    page.keyboard.press("Enter")
    assert ticked(ex) == suggested("6-9")
    # On to the first rule: Space unticks it, the agreement follows
    first = ex.locator(".pc-accord__regles li:not([hidden]) input").first
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(first).to_be_focused()
    page.keyboard.press("Space")
    expect(first).not_to_be_checked()
    assert len(sheet_rules(ex)) == len(suggested("6-9")) - 1
    own = ex.locator("input[type=text]")
    own.focus()
    page.keyboard.type("On range les écrans à 19 h.")
    expect(ex.locator(".pc-accord__liste")).to_contain_text("On range les écrans à 19 h.")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed++ } }")
    page.keyboard.press("Tab")
    expect(ex.get_by_role("button", name="Imprimer l'accord")).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed") == 1


def test_accord_with_a_finger(browser, http_base):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 360, "height": 740})
    page = context.new_page()
    watch = PageWatch(page, http_base.rstrip("/"))
    goto(page, url(http_base, "accord-ecrans"))
    ex = page.locator("#exercice-accord-ecrans")
    ex.get_by_role("button", name="3 à 6 ans").tap()
    label = ex.locator("label", has_text="Un film ou un jeu choisi ensemble, et regardé ensemble.")
    expect(ex.get_by_label("Un film ou un jeu choisi ensemble, et regardé ensemble.")).to_be_checked()
    label.tap()  # the label is a big target too
    expect(ex.get_by_label("Un film ou un jeu choisi ensemble, et regardé ensemble.")).not_to_be_checked()
    for target in (*ex.locator(".pc-ex__jeu button").all(), *ex.locator(".pc-accord__regles li:not([hidden]) label").all()):
        assert target.bounding_box()["height"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    watch.assert_clean()
    context.close()


def test_accord_in_arabic_prints_in_arabic(page, page_watch, http_base, tmp_path):
    goto(page, url(http_base, "accord-ecrans", "ar"))
    ex = page.locator("#exercice-accord-ecrans")
    assert ex.evaluate("el => getComputedStyle(el).direction") == "rtl"
    ex.get_by_role("button", name="من 6 إلى 9 سنوات").click()
    expect(ex.locator(".pc-accord__age-choisi")).to_have_text("عمر الطفل: من 6 إلى 9 سنوات")
    # A checkbox sits at the right of its rule (the start of an Arabic line)
    item = ex.locator(".pc-accord__regles li:not([hidden])").first
    assert item.locator("input").bounding_box()["x"] > item.locator("label").bounding_box()["x"]
    page.evaluate("() => { window.print = () => { const c = document.querySelector('body > .pc-accord-impression');"
                  " window.__copy = [c.lang, c.dir] } }")
    ex.locator(".pc-accord__imprimer").click()
    assert page.evaluate("window.__copy") == ["ar", "rtl"]  # the copy for the printer, in Arabic
    pages, text = print_pdf(page, tmp_path)
    assert pages == 1 and "PEGI" in text and "11" in text
    page_watch.assert_clean()


# --- Both: no JavaScript, file://, axe -------------------------------------------------------


def test_without_javascript_both_read_as_worked_examples(browser, http_base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    goto(page, url(http_base, "que-faire"))
    ex = page.locator("#exercice-que-faire")
    expect(ex.locator(".pc-ex__jeu")).to_be_hidden()
    expect(ex.locator(".pc-ex__sans-js")).to_be_visible()
    expect(ex.locator(".pc-ex__etapes .pc-qf")).to_have_count(TOTAL)
    expect(ex.locator(".pc-qf__raison").first).to_be_visible()
    expect(ex.locator(".pc-qf__action").first).to_be_visible()
    expect(ex.locator(".pc-qf__resume")).to_contain_text("3018")
    goto(page, url(http_base, "accord-ecrans"))
    ex = page.locator("#exercice-accord-ecrans")
    expect(ex.locator(".pc-ex__jeu")).to_be_hidden()
    expect(ex.locator(".pc-ex__etapes > ol > li")).to_have_count(len(ex_ecrans.ACCORD))
    expect(ex.locator(".pc-ex__etapes")).to_contain_text("(conseillé pour : tous les âges)")
    context.close()


def test_printing_the_lesson_prints_the_worked_examples(page, http_base):
    goto(page, url(http_base, "que-faire"))
    page.emulate_media(media="print")
    ex = page.locator("#exercice-que-faire")
    expect(ex.locator(".pc-ex__etapes .pc-qf")).to_have_count(TOTAL)
    expect(ex.locator(".pc-ex__etapes .pc-qf").last).to_be_visible()
    expect(ex.locator(".pc-qf__resume")).to_be_visible()
    expect(ex.locator(".pc-ex__jeu")).to_be_hidden()


@pytest.mark.parametrize("name", list(LESSONS))
def test_from_file_url(browser, file_base, name):
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page, "file://")
    goto(page, url(file_base, name, "ar"))
    if name == "que-faire":
        choice(page.locator(".pc-ex"), GOOD[0]).click()
        expect(page.locator(".pc-ex__retour--bravo")).to_be_visible()
    else:
        page.locator(".pc-accord__age").first.click()
        expect(page.locator(".pc-accord__liste li").first).to_be_visible()
        expect(page.locator(".pc-accord__feuille")).to_have_css("border-top-style", "solid")  # its stylesheet
    watch.assert_clean()
    context.close()


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("name", list(LESSONS))
def test_axe_finds_no_violation(page, page_watch, http_base, name, lang):
    goto(page, url(http_base, name, lang))
    ex = page.locator(".pc-ex")
    if name == "que-faire":  # a bad choice explained
        ex.locator(".pc-qf__place li[data-verdict=mauvais] button").first.click()
        expect(ex.locator(".pc-ex__retour--aide")).to_be_visible()
    else:  # an age, the rules, the agreement
        ex.locator(".pc-accord__age").nth(2).click()
        ex.locator("input[type=text]").fill("Règle")
        expect(ex.locator(".pc-accord__liste li").first).to_be_visible()
    results = Axe().run(page)
    page_watch.assert_clean()
    assert not results.violations_count, results.generate_report()

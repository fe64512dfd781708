"""Practice exercises in a real browser, on the built lessons (tests/conftest.py builds once).

Mouse exercise: mouse, a mistake, keyboard only, touch. Typing exercise: the three tasks,
the keys shown after a mistake, keyboard only, nothing stored or sent. Arabic, file://,
JavaScript off, axe, reduced motion, loaded twice.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import PageWatch

LESSONS = {
    "souris": "modules/01-bien-demarrer/03-la-souris-et-le-toucher.html",
    "clavier": "modules/01-bien-demarrer/05-accents-et-arobase.html",
}
TEXTS = ["prenom.nom@example.org", "fenêtre", "Roubaix"]


def url(base: str, name: str, lang: str = "fr") -> str:
    return base + ("" if lang == "fr" else f"{lang}/") + LESSONS[name]


# --- Mouse exercise ------------------------------------------------------------


@pytest.fixture
def souris(page, page_watch, http_base):
    """The French mouse exercise over HTTP; no console error, no failed or foreign request."""
    page.goto(url(http_base, "souris"))
    expect(page.locator(".pc-ex__cible")).to_be_visible()
    yield page.locator("#exercice-souris")
    page_watch.assert_clean()


def drag(page, source, target):
    """Press on source, move in steps, release on target (what a hand does)."""
    source.locator("xpath=..").scroll_into_view_if_needed()
    a, b = source.bounding_box(), target.bounding_box()
    page.mouse.move(a["x"] + a["width"] / 2, a["y"] + a["height"] / 2)
    page.mouse.down()
    page.mouse.move(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2, steps=8)
    page.mouse.up()


def test_mouse_exercise_with_the_mouse(souris):
    ex, page = souris, souris.page
    progress, feedback = ex.locator(".pc-ex__progres"), ex.locator(".pc-ex__retour")
    expect(progress).to_have_text("Étape 1 sur 6")
    expect(ex.locator(".pc-ex__consigne")).to_have_text("Cliquez une fois sur le grand bouton.")
    expect(feedback).to_have_attribute("aria-live", "polite")
    # Beside the target: a kind word, nothing lost
    ex.locator(".pc-ex__zone").click(position={"x": 8, "y": 8})
    expect(feedback).to_have_text("ℹ Presque ! Placez la flèche sur le bouton, puis cliquez.")
    sizes = []
    for n in (1, 2, 3):
        target = ex.locator(".pc-ex__cible")
        sizes.append(target.bounding_box()["width"])
        target.click()
        expect(progress).to_have_text(f"Étape {n + 1} sur 6")
    expect(feedback).to_have_text("✓ Super, continuez !")
    assert sizes[0] > sizes[1] > sizes[2] >= 44, sizes  # smaller and smaller
    # Double-click: a single click is not enough, and says so
    folder = ex.get_by_role("button", name="Dossier")
    folder.click()
    expect(feedback).to_have_text("ℹ Cliquez deux fois, vite, sans bouger la souris.")
    expect(progress).to_have_text("Étape 4 sur 6")
    folder.dblclick()
    expect(progress).to_have_text("Étape 5 sur 6")
    expect(feedback).to_have_text("✓ C'est ça !")
    ex.get_by_role("button", name="Dossier").dblclick()
    expect(progress).to_have_text("Étape 6 sur 6")
    # Drag and drop: released too early, then onto the folder
    item = ex.get_by_role("button", name="Document")
    box = ex.get_by_role("button", name="Dossier")
    ex.locator(".pc-ex__zone").scroll_into_view_if_needed()
    item_box = item.bounding_box()
    page.mouse.move(item_box["x"] + 20, item_box["y"] + 20)
    page.mouse.down()
    page.mouse.move(item_box["x"] + 20, item_box["y"] + 150, steps=4)
    page.mouse.up()
    expect(feedback).to_contain_text("Vous avez lâché trop tôt")
    expect(item).to_have_attribute("aria-pressed", "false")  # a drag is not a press
    drag(page, item, box)
    final = ex.locator(".pc-ex__retour--fin")
    expect(final).to_have_text("✓ Bravo, vous avez fini ! Vous savez cliquer, double-cliquer et glisser-déposer.")
    expect(ex.locator(".pc-ex__zone")).to_be_hidden()
    ex.get_by_role("button", name="Recommencer").click()
    expect(progress).to_have_text("Étape 1 sur 6")
    expect(ex.get_by_role("button", name="Cliquez ici")).to_be_visible()


def test_mouse_exercise_with_the_keyboard_only(souris):
    ex, page = souris, souris.page
    progress = ex.locator(".pc-ex__progres")
    ex.locator(".pc-ex__cible").focus()
    for key in ("Enter", "Space", "Enter"):  # three clicks
        page.keyboard.press(key)
    expect(progress).to_have_text("Étape 4 sur 6")
    # Each new target takes the focus; the instructions describe it
    folder = ex.get_by_role("button", name="Dossier")
    expect(folder).to_be_focused()
    assert folder.get_attribute("aria-describedby") == "exercice-souris-consigne exercice-souris-astuce"
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # twice = a double-click
    expect(progress).to_have_text("Étape 5 sur 6")
    page.keyboard.press("Space")
    page.keyboard.press("Space")
    expect(progress).to_have_text("Étape 6 sur 6")
    # Drag without dragging: press the document, then the folder
    item = ex.get_by_role("button", name="Document")
    expect(item).to_be_focused()
    page.keyboard.press("Enter")
    expect(item).to_have_attribute("aria-pressed", "true")
    expect(ex.locator(".pc-ex__retour")).to_have_text("ℹ Le document est pris. Appuyez maintenant sur le dossier.")
    page.keyboard.press("Tab")
    expect(ex.get_by_role("button", name="Dossier")).to_be_focused()
    page.keyboard.press("Enter")
    expect(ex.locator(".pc-ex__retour--fin")).to_contain_text("Bravo, vous avez fini !")
    restart = ex.get_by_role("button", name="Recommencer")
    expect(restart).to_be_focused()
    page.keyboard.press("Enter")
    expect(ex.get_by_role("button", name="Cliquez ici")).to_be_focused()
    expect(progress).to_have_text("Étape 1 sur 6")


def test_mouse_exercise_with_a_finger(browser, http_base):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800})
    page = context.new_page()
    watch = PageWatch(page, http_base.rstrip("/"))
    page.goto(url(http_base, "souris"))
    ex = page.locator("#exercice-souris")
    progress = ex.locator(".pc-ex__progres")
    ex.locator(".pc-ex__zone").tap(position={"x": 8, "y": 8})
    expect(ex.locator(".pc-ex__retour")).to_have_text("ℹ Presque ! Touchez le bouton lui-même.")
    for n in (1, 2, 3):
        ex.locator(".pc-ex__cible").tap()
        expect(progress).to_have_text(f"Étape {n + 1} sur 6")
    folder = ex.get_by_role("button", name="Dossier")
    folder.tap()
    expect(ex.locator(".pc-ex__retour")).to_have_text("ℹ Touchez deux fois, vite.")
    folder.tap()
    folder.tap()  # a double tap is a double-click
    expect(progress).to_have_text("Étape 5 sur 6")
    folder = ex.get_by_role("button", name="Dossier")
    folder.tap()
    folder.tap()
    expect(progress).to_have_text("Étape 6 sur 6")
    # Drag with the finger (Chromium's touch events, as a phone sends them)
    a = ex.get_by_role("button", name="Document").bounding_box()
    b = ex.get_by_role("button", name="Dossier").bounding_box()
    cdp = context.new_cdp_session(page)
    x0, y0 = a["x"] + a["width"] / 2, a["y"] + a["height"] / 2
    x1, y1 = b["x"] + b["width"] / 2, b["y"] + b["height"] / 2
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x0, "y": y0}]})
    for i in range(1, 9):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [
            {"x": x0 + (x1 - x0) * i / 8, "y": y0 + (y1 - y0) * i / 8}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    expect(ex.locator(".pc-ex__retour--fin")).to_contain_text("Bravo, vous avez fini !")
    watch.assert_clean()
    context.close()


# --- Typing exercise -------------------------------------------------------------


@pytest.fixture
def clavier(page, page_watch, http_base):
    page.goto(url(http_base, "clavier"))
    expect(page.locator(".pc-ex__champ")).to_be_visible()
    yield page.locator("#exercice-clavier")
    # Nothing typed is kept: no storage, no cookie (and page_watch: no request elsewhere)
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == ""
    page_watch.assert_clean()


def test_typing_exercise_all_three_tasks(clavier):
    ex = clavier
    field = ex.get_by_label("Écrivez cette adresse e-mail inventée : prenom.nom@example.org")
    for attr, value in (("autocomplete", "off"), ("autocapitalize", "off"), ("spellcheck", "false"),
                        ("dir", "ltr"), ("inputmode", "email")):
        expect(field).to_have_attribute(attr, value)
    assert field.evaluate("el => !el.form && !el.name")  # nothing to submit
    expect(ex.locator(".pc-ex__prive")).to_have_text(
        "🔒 Ce que vous tapez reste sur cet écran. Rien n'est envoyé ni enregistré.")
    expect(ex.locator(".pc-ex__progres")).to_have_text("Étape 1 sur 3")
    message = ex.locator(".pc-ex__message")
    field.press_sequentially(TEXTS[0])
    expect(message).to_have_text("✓ Bravo ! C'est juste !")
    expect(field).to_have_attribute("aria-invalid", "false")
    ex.get_by_role("button", name="Continuer").click()
    field = ex.get_by_label("Écrivez ce mot avec un accent : fenêtre")
    expect(field).to_be_focused()
    expect(field).to_have_value("")
    expect(field).to_have_attribute("inputmode", "text")
    # As a phone may insert it: e + combining circumflex, all at once
    field.fill("fene\u0302tre")
    expect(message).to_have_text("✓ Très bien ! C'est juste !")
    ex.get_by_role("button", name="Continuer").click()
    field = ex.get_by_label("Écrivez ce mot avec une majuscule : Roubaix")
    field.press_sequentially("Roubaix")
    expect(message).to_have_text("✓ Bravo, vous avez tout réussi ! Vous savez écrire @, un accent et une majuscule.")
    expect(ex.get_by_role("button", name="Continuer")).to_be_hidden()
    ex.get_by_role("button", name="Recommencer").click()
    expect(ex.locator(".pc-ex__progres")).to_have_text("Étape 1 sur 3")


def highlighted(ex):
    """Highlighted keys of the drawn keyboard, as « order:label »."""
    return ex.locator(".pc-kbd .is-on").evaluate_all(
        "keys => keys.map(k => k.querySelector('.pc-kbd__n').textContent + ':' + "
        "k.textContent.slice(0, -k.querySelector('.pc-kbd__n').textContent.length))")


def test_a_mistake_shows_the_keys_to_press(clavier):
    ex = clavier
    field, message, help_ = ex.locator(".pc-ex__champ"), ex.locator(".pc-ex__message"), ex.locator(".pc-ex__aide")
    expect(help_).to_be_hidden()
    field.press_sequentially("prenom.nom2")
    expect(message).to_have_text("ℹ Ce signe n'est pas le bon. Effacez avec la touche Retour arrière, puis continuez.")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(help_).to_contain_text("Le signe suivant est « @ ».")
    expect(help_.locator(".pc-ex__touches")).to_have_text("AltGr + à")
    expect(help_).to_contain_text("Gardez le doigt sur AltGr, puis appuyez sur à.")
    assert highlighted(ex) == ["2:0à@", "1:AltGr"]
    keyboard = ex.locator(".pc-kbd")
    expect(keyboard).to_have_attribute("role", "img")
    assert keyboard.get_attribute("aria-label").replace("\xa0", " ") == (
        "Clavier AZERTY. Les touches à utiliser sont surlignées et numérotées dans l'ordre : AltGr + à.")
    # Erased: no more error, the keys stay until the right sign is typed
    field.press("Backspace")
    expect(message).to_have_text("")
    expect(field).to_have_attribute("aria-invalid", "false")
    expect(help_.locator(".pc-ex__touches")).to_have_text("AltGr + à")
    field.press_sequentially("à")
    expect(message).to_contain_text("Vous avez lâché AltGr trop tôt.")
    field.press("Backspace")
    field.press_sequentially("@")
    expect(help_).to_be_hidden()
    field.press_sequentially("example.org")
    ex.get_by_role("button", name="Continuer").click()
    # An accent missing: the dead key, then the letter
    field.press_sequentially("fene")
    expect(message).to_contain_text("Il faut un accent.")
    expect(help_.locator(".pc-ex__touches")).to_have_text("^ puis e")
    expect(help_).to_contain_text("Appuyez sur ^, puis lâchez : rien ne s'écrit. Ensuite, appuyez sur e.")
    assert highlighted(ex) == ["2:E", "1:¨^"]
    # A dead key waiting for its letter is not a mistake
    field.fill("fen^")
    expect(field).to_have_attribute("aria-invalid", "false")
    field.fill("fenêtre")
    ex.get_by_role("button", name="Continuer").click()
    # A capital missing: both Maj keys (either works), then r
    field.press_sequentially("r")
    expect(message).to_contain_text("Il faut une majuscule.")
    expect(help_.locator(".pc-ex__touches")).to_have_text("Maj + r")
    assert highlighted(ex) == ["2:R", "1:⇧Maj", "1:⇧Maj"]


def test_i_cannot_find_the_key_button(clavier):
    ex = clavier
    ex.locator(".pc-ex__champ").press_sequentially("prenom.nom")
    ex.get_by_role("button", name="Je ne trouve pas la touche").click()
    expect(ex.locator(".pc-ex__message")).to_have_text("")  # not a mistake
    expect(ex.locator(".pc-ex__touches")).to_have_text("AltGr + à")
    expect(ex.locator(".pc-ex__champ")).to_be_focused()  # back to typing, after the text
    ex.page.keyboard.type("@e")
    expect(ex.locator(".pc-ex__aide")).to_be_hidden()
    ex.get_by_role("button", name="Je ne trouve pas la touche").click()
    expect(ex.locator(".pc-ex__touches")).to_have_text("x")
    expect(ex.locator(".pc-ex__aide")).to_contain_text("Appuyez sur la touche x.")


def test_typing_exercise_with_the_keyboard_only(clavier):
    ex, page = clavier, clavier.page
    field = ex.locator(".pc-ex__champ")
    field.focus()
    page.keyboard.press("Tab")
    expect(ex.get_by_role("button", name="Je ne trouve pas la touche")).to_be_focused()
    page.keyboard.press("Enter")
    expect(ex.locator(".pc-ex__touches")).to_have_text("p")
    expect(field).to_be_focused()  # back to typing
    for text in TEXTS:
        page.keyboard.type(text)
        page.keyboard.press("Enter")  # Enter goes on when the text is right
    expect(ex.locator(".pc-ex__message")).to_contain_text("Bravo, vous avez tout réussi !")
    expect(field).to_have_value("Roubaix")


# --- Languages, file://, no JavaScript, accessibility --------------------------------


# One page per test where requests are watched: leaving a page aborts what Material's
# search is still loading (lunr.ar.min.js…), which the watch would count as a failure.


def test_arabic_mouse_exercise_is_right_to_left_in_arabic(page, page_watch, http_base):
    page.goto(url(http_base, "souris", "ar"))
    ex = page.locator("#exercice-souris")
    assert ex.evaluate("el => getComputedStyle(el).direction") == "rtl"
    expect(ex).to_have_attribute("lang", "ar")
    expect(ex.locator(".pc-ex__progres")).to_have_text("الخطوة 1 من 6")
    ex.get_by_role("button", name="انقروا هنا").click()
    expect(ex.locator(".pc-ex__retour")).to_have_text("✓ أحسنتم!")
    # « start » is the right in Arabic (logical properties)
    zone, target = ex.locator(".pc-ex__zone").bounding_box(), ex.locator(".pc-ex__cible").bounding_box()
    assert target["x"] + target["width"] > zone["x"] + zone["width"] - 40
    page_watch.assert_clean()


def test_arabic_typing_exercise_is_right_to_left_with_a_left_to_right_field(page, page_watch, http_base):
    page.goto(url(http_base, "clavier", "ar"))
    ex = page.locator("#exercice-clavier")
    assert ex.evaluate("el => getComputedStyle(el).direction") == "rtl"
    expect(ex.locator(".pc-ex__prive")).to_contain_text("ما تكتبونه يبقى على هذه الشاشة. لا يُرسَل أي شيء ولا يُحفَظ.")
    field = ex.get_by_label("اكتبوا عنوان البريد الإلكتروني الوهمي هذا: prenom.nom@example.org")
    assert field.evaluate("el => getComputedStyle(el).direction") == "ltr"
    # The field starts at the right (the start of an Arabic line)
    section, box = ex.bounding_box(), field.bounding_box()
    assert box["x"] + box["width"] > section["x"] + section["width"] - 40
    field.press_sequentially("prenom.nom2")
    expect(ex.locator(".pc-ex__message")).to_have_text(
        "ℹ هذا ليس الرمز الصحيح. امسحوا بمفتاح Retour arrière، ثم تابعوا.")
    expect(ex.locator(".pc-ex__aide")).to_contain_text("أبقوا إصبعكم على AltGr، ثم اضغطوا على à.")
    # The keyboard drawing stays in AZERTY order, left to right
    keyboard = ex.locator(".pc-kbd")
    assert keyboard.evaluate("el => getComputedStyle(el).direction") == "ltr"
    a = keyboard.locator(".pc-kbd__t").filter(has_text=re.compile("^A$")).bounding_box()
    z = keyboard.locator(".pc-kbd__t").filter(has_text=re.compile("^Z$")).bounding_box()
    assert a["x"] < z["x"]
    page_watch.assert_clean()


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("name", ["souris", "clavier"])
def test_exercises_from_file_url(browser, file_base, name, lang):
    """From a USB key or the kiosk: styles and scripts load from file://."""
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page, "file://")
    page.goto(url(file_base, name, lang))
    if name == "souris":
        target = page.locator(".pc-ex__cible")
        expect(target).to_have_css("min-height", "120px")
        target.click()
        expect(page.locator(".pc-ex__retour--bravo")).to_be_visible()
    else:
        page.locator(".pc-ex__champ").press_sequentially("prenom.nom@example.org")
        expect(page.locator(".pc-ex__message")).to_have_class("pc-ex__message pc-ex__retour--bravo")
    watch.assert_clean()
    context.close()


def test_without_javascript_the_steps_are_readable(browser, http_base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url(http_base, "clavier"))
    ex = page.locator("#exercice-clavier")
    expect(ex.locator(".pc-ex__sans-js")).to_contain_text("Cet exercice a besoin de JavaScript")
    expect(ex.locator(".pc-ex__etapes li")).to_have_text([
        "Écrivez cette adresse e-mail inventée : prenom.nom@example.org",
        "Écrivez ce mot avec un accent : fenêtre",
        "Écrivez ce mot avec une majuscule : Roubaix"])
    page.goto(url(http_base, "souris"))
    expect(page.locator("#exercice-souris .pc-ex__etapes li")).to_have_count(6)
    expect(page.locator("#exercice-souris .pc-ex__sans-js")).to_be_visible()
    context.close()


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("name", ["souris", "clavier"])
def test_axe_finds_no_violation_on_the_lessons(page, page_watch, http_base, name, lang):
    page.goto(url(http_base, name, lang))
    if name == "souris":  # feedback shown
        page.locator(".pc-ex__cible").click()
        page.locator(".pc-ex__zone").click(position={"x": 8, "y": 8})
        expect(page.locator(".pc-ex__retour")).to_contain_text("ℹ")
    else:  # message, keys, keyboard
        page.locator(".pc-ex__champ").press_sequentially("prenom.nom2")
        expect(page.locator(".pc-kbd")).to_be_visible()
    results = Axe().run(page)
    page_watch.assert_clean()
    assert not results.violations_count, results.generate_report()


def test_reduced_motion_large_targets_and_visible_focus(page, http_base):
    page.emulate_media(reduced_motion="reduce")
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(url(http_base, "souris"))
    ex = page.locator("#exercice-souris")
    ex.locator(".pc-ex__cible").click()
    feedback = ex.locator(".pc-ex__retour")
    assert feedback.evaluate("el => getComputedStyle(el).animationName") == "none"
    for _ in range(2):
        for button in ex.locator("button").all():
            box = button.bounding_box()
            assert box["width"] >= 44 and box["height"] >= 44, button.evaluate("el => el.outerHTML.slice(0, 100)")
        ex.locator(".pc-ex__cible").click()
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    page.goto(url(http_base, "clavier"))
    page.locator(".pc-ex__champ").press_sequentially("x")
    for button in page.locator("#exercice-clavier button:visible").all():
        assert button.bounding_box()["height"] >= 44
    assert page.locator(".pc-ex__champ").bounding_box()["height"] >= 44


def test_scripts_loaded_twice_build_once(page, http_base):
    for name in ("souris", "clavier"):
        page.goto(url(http_base, name))
        src = page.locator(f"script[src$='exercice-{name}.js']").get_attribute("src")
        page.add_script_tag(url=src)
        key = "exerciceSouris" if name == "souris" else "exerciceClavier"
        page.evaluate(f"ParentsConnectes.{key}.init()")
        expect(page.locator(f"#exercice-{name} .pc-ex__jeu")).to_have_count(1)
    # Only the exercise this page needs, and only the one global
    assert page.locator("script[src$='exercice-souris.js']").count() == 0
    assert set(page.evaluate("Object.keys(window.ParentsConnectes)")) >= {"exerciceClavier"}


def test_print_shows_the_steps_not_the_game(page, http_base):
    page.goto(url(http_base, "souris"))
    ex = page.locator("#exercice-souris")
    expect(ex.locator(".pc-ex__etapes")).to_be_hidden()  # the game replaces them on screen
    page.emulate_media(media="print")
    expect(ex.locator(".pc-ex__etapes li")).to_have_count(6)
    expect(ex.locator(".pc-ex__etapes")).to_be_visible()
    expect(ex.locator(".pc-ex__jeu")).to_be_hidden()

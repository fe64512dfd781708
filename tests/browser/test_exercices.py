"""Practice exercises in a real browser, on the built lessons (tests/conftest.py builds once).

Mouse exercise: mouse, a mistake, keyboard only, touch. Typing exercise: the three tasks,
the keys shown after a mistake, keyboard only, nothing stored or sent. « Vrai ou piège ? »:
every message judged right, a wrong judgement explained, keyboard only, touch. Practice
e-mail: a valid message, each mistake on its field, keyboard only, the attached file
never read. Arabic, file://, JavaScript off, axe, reduced motion, loaded twice.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

import exercices  # overrides/hooks/exercices.py: the messages of « Vrai ou piège ? »
from conftest import PageWatch, open_exercises as goto

LESSONS = {
    "souris": "modules/01-bien-demarrer/03-la-souris-et-le-toucher.html",
    "clavier": "modules/01-bien-demarrer/05-accents-et-arobase.html",
    "piege": "modules/02-e-mail/06-reconnaitre-un-message-piege.html",
    "message": "modules/02-e-mail/04-ecrire-un-message.html",
}
TEXTS = ["prenom.nom@example.org", "fenêtre", "Roubaix"]
TRAPS = [mail.trap for mail in exercices.PIEGE_MAILS]  # True: a trap


def url(base: str, name: str, lang: str = "fr") -> str:
    return base + ("" if lang == "fr" else f"{lang}/") + LESSONS[name]


# --- Mouse exercise ------------------------------------------------------------


@pytest.fixture
def souris(page, page_watch, http_base):
    """The French mouse exercise over HTTP; no console error, no failed or foreign request."""
    goto(page, url(http_base, "souris"))
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
    goto(page, url(http_base, "souris"))
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
    goto(page, url(http_base, "clavier"))
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


# --- « Vrai ou piège ? » -----------------------------------------------------------------


@pytest.fixture
def piege(page, page_watch, http_base):
    goto(page, url(http_base, "piege"))
    expect(page.locator(".pc-mail__place .pc-mail")).to_be_visible()
    yield page.locator("#exercice-piege")
    page_watch.assert_clean()


def verdict(ex, trap: bool, lang: str = "fr"):
    names = {"fr": ("C'est un vrai message", "C'est un piège"), "ar": ("إنها رسالة حقيقية", "إنها فخّ")}
    return ex.get_by_role("button", name=names[lang][trap], exact=True)


def test_piege_every_message_judged_right(piege):
    ex = piege
    progress, feedback, seen = ex.locator(".pc-ex__progres"), ex.locator(".pc-ex__retour"), ex.locator(".pc-mail__vus")
    expect(ex.locator(".pc-ex__etapes")).to_be_hidden()  # the answers, for readers without JavaScript
    card = ex.locator(".pc-mail__place .pc-mail")
    # A simple mail card: the sender's name and real address, the subject, a link as text
    expect(card.locator(".pc-mail__entete").first).to_have_text(
        "De : CAF – Service des aides <remboursement@caf-remboursement.example>")
    expect(card).to_contain_text("Objet : Remboursement de 248,30 € en attente")
    expect(card.locator(".pc-mail__url")).to_have_text("Vraie adresse du lien : https://caf-remboursement.example/dossier")
    assert card.locator("a").count() == 0  # never a real link
    for n, trap in enumerate(TRAPS):
        expect(progress).to_have_text(f"Message {n + 1} sur {len(TRAPS)}")
        clues = card.locator("button.pc-mail__indice")
        total = clues.count()
        assert total >= 2
        expect(seen).to_have_text(f"Indices vus : 0 sur {total}")
        # Each clue is a button that shows its explanation
        clue = clues.first
        why = ex.locator("#" + clue.get_attribute("aria-controls"))
        expect(clue).to_have_attribute("aria-expanded", "false")
        expect(why).to_be_hidden()
        clue.click()
        expect(clue).to_have_attribute("aria-expanded", "true")
        expect(why).to_be_visible()
        expect(seen).to_have_text(f"Indices vus : 1 sur {total}")
        if n == 0:
            expect(why).to_have_text("Le nom dit « CAF », mais n'importe qui peut écrire ce nom. Lisez l'adresse "
                                     "après l'arobase @ : caf-remboursement.example. Le mot « caf » est dedans, "
                                     "mais ce n'est pas une adresse de la CAF.")
            clue.click()  # and hides it again
            expect(why).to_be_hidden()
        verdict(ex, trap).click()
        expect(feedback).to_have_class("pc-ex__retour pc-ex__retour--bravo")
        expect(feedback).to_contain_text("✓ Bien vu ! Réponse : c'est un " + ("piège." if trap else "vrai message."))
        if n == 0:
            expect(feedback).to_have_text("✓ Bien vu ! Réponse : c'est un piège. Urgence, faux site, carte bancaire "
                                          "et code : c'est un piège. Supprimez le message. En cas de doute, tapez "
                                          "vous-même l'adresse du site de la CAF.")
        expect(ex.locator(".pc-mail__choix")).to_be_hidden()
        next_ = ex.locator(".pc-ex__bouton--suite")
        expect(next_).to_be_focused()
        expect(next_).to_have_text("Voir mon résultat" if n == len(TRAPS) - 1 else "Message suivant")
        next_.click()
    expect(feedback).to_have_text(f"✓ Messages bien jugés : {len(TRAPS)} sur {len(TRAPS)}. "
                                  "Bravo, vous savez repérer un piège !")
    expect(card).to_have_count(0)
    restart = ex.get_by_role("button", name="Recommencer")
    expect(restart).to_be_focused()
    restart.click()
    expect(progress).to_have_text(f"Message 1 sur {len(TRAPS)}")
    expect(card).to_be_focused()
    expect(feedback).to_have_text("")


def test_piege_a_wrong_judgement_shows_the_explanation(piege):
    ex = piege
    feedback = ex.locator(".pc-ex__retour")
    card = ex.locator(".pc-mail__place .pc-mail")
    # The fake CAF taken for a real message
    verdict(ex, False).click()
    expect(feedback).to_have_class("pc-ex__retour pc-ex__retour--aide")
    expect(feedback).to_have_text("ℹ Pas cette fois. Réponse : c'est un piège. Urgence, faux site, carte bancaire "
                                  "et code : c'est un piège. Supprimez le message. En cas de doute, tapez "
                                  "vous-même l'adresse du site de la CAF.")
    # Every clue opens, with its explanation
    expect(card.locator("button.pc-mail__indice[aria-expanded=true]")).to_have_count(4)
    expect(card.locator(".pc-mail__pourquoi:visible")).to_have_count(4)
    expect(ex.locator(".pc-mail__vus")).to_have_text("Indices vus : 4 sur 4")
    expect(card.locator(".pc-mail__pourquoi").nth(1)).to_contain_text("le message vous presse")
    # The genuine school message taken for a trap
    ex.locator(".pc-ex__bouton--suite").click()
    verdict(ex, True).click()
    expect(feedback).to_contain_text("ℹ Pas cette fois. Réponse : c'est un vrai message. Adresse connue")
    for trap in TRAPS[2:]:
        ex.locator(".pc-ex__bouton--suite").click()
        verdict(ex, not trap).click()
    ex.locator(".pc-ex__bouton--suite").click()
    # Kind words, even for 0
    expect(feedback).to_have_text(f"✓ Messages bien jugés : 0 sur {len(TRAPS)}. Ce n'est pas facile au début, "
                                  "c'est normal. Recommencez : les indices deviennent vite familiers.")


def test_piege_with_the_keyboard_only(piege):
    ex, page = piege, piege.page
    card = ex.locator(".pc-mail__place .pc-mail")
    clues = card.locator("button.pc-mail__indice")
    clues.first.focus()
    page.keyboard.press("Enter")
    expect(clues.first).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    expect(clues.nth(1)).to_be_focused()
    page.keyboard.press("Space")
    expect(clues.nth(1)).to_have_attribute("aria-expanded", "true")
    assert clues.first.get_attribute("aria-describedby") == "exercice-piege-consigne"
    for n, trap in enumerate(TRAPS):
        if n:
            # The next message takes the focus, then Tab goes through its clues
            expect(card).to_be_focused()
            page.keyboard.press("Tab")
            expect(clues.first).to_be_focused()
            presses = clues.count()
        else:
            presses = clues.count() - 1
        for _ in range(presses + trap):
            page.keyboard.press("Tab")
        expect(verdict(ex, trap)).to_be_focused()
        page.keyboard.press("Enter")
        expect(ex.locator(".pc-ex__retour")).to_contain_text("Bien vu !")
        expect(ex.locator(".pc-ex__bouton--suite")).to_be_focused()
        page.keyboard.press("Enter")
    expect(ex.locator(".pc-ex__retour--fin")).to_contain_text(f"{len(TRAPS)} sur {len(TRAPS)}")
    expect(ex.get_by_role("button", name="Recommencer")).to_be_focused()
    page.keyboard.press("Enter")
    expect(card).to_be_focused()


def test_piege_with_a_finger(browser, http_base):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800})
    page = context.new_page()
    watch = PageWatch(page, http_base.rstrip("/"))
    goto(page, url(http_base, "piege"))
    ex = page.locator("#exercice-piege")
    clues = ex.locator(".pc-mail__place button.pc-mail__indice")
    for i in range(clues.count()):
        clue = clues.nth(i)
        box = clue.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, clue.text_content()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # no sideways scrolling
        clue.tap()
        expect(clue).to_have_attribute("aria-expanded", "true")
    expect(ex.locator(".pc-mail__vus")).to_have_text("Indices vus : 4 sur 4")
    verdict(ex, True).tap()
    expect(ex.locator(".pc-ex__retour")).to_contain_text("Bien vu !")
    ex.locator(".pc-ex__bouton--suite").tap()
    expect(ex.locator(".pc-ex__progres")).to_have_text(f"Message 2 sur {len(TRAPS)}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    watch.assert_clean()
    context.close()


def test_arabic_piege_explains_in_arabic_beside_the_french_message(page, page_watch, http_base):
    goto(page, url(http_base, "piege", "ar"))
    ex = page.locator("#exercice-piege")
    assert ex.evaluate("el => getComputedStyle(el).direction") == "rtl"
    expect(ex.locator(".pc-ex__progres")).to_have_text(f"الرسالة 1 من {len(TRAPS)}")
    card = ex.locator(".pc-mail__place .pc-mail")
    # The message as parents receive it: French, left to right; its meaning in Arabic below
    assert card.evaluate("el => getComputedStyle(el).direction") == "ltr"
    expect(card).to_contain_text("Bonjour,")
    expect(ex.locator(".pc-mail__place .pc-mail__sens")).to_contain_text("المعنى باختصار: صندوق CAF مزيّف")
    clue = card.locator("button.pc-mail__indice").first
    clue.click()
    why = ex.locator("#" + clue.get_attribute("aria-controls"))
    expect(why).to_contain_text("الاسم يقول « CAF »")
    assert why.evaluate("el => getComputedStyle(el).direction") == "rtl"
    address = why.locator("bdi")
    expect(address).to_have_text("caf-remboursement.example")
    assert address.evaluate("el => getComputedStyle(el).direction") == "ltr"
    verdict(ex, True, "ar").click()
    expect(ex.locator(".pc-ex__retour")).to_contain_text("✓ أحسنتم الملاحظة! الجواب: إنها فخّ.")
    expect(ex.get_by_role("button", name="الرسالة التالية")).to_be_focused()
    page_watch.assert_clean()


# --- Practice e-mail --------------------------------------------------------------------


@pytest.fixture
def message(page, page_watch, http_base):
    # Would a script read the chosen file? Count every way it could (the page's other
    # scripts use Blobs of their own: only File objects count).
    page.add_init_script("""window.__reads = 0;
        function spy(owner, name, file) {
          var f = owner[name];
          owner[name] = function () {
            if (file(this, arguments[0])) window.__reads++;
            return f.apply(this, arguments);
          };
        }
        function isFile(self, arg) { return self instanceof File || arg instanceof File; }
        ['readAsArrayBuffer', 'readAsText', 'readAsDataURL', 'readAsBinaryString'].forEach(function (m) {
          spy(FileReader.prototype, m, isFile);
        });
        ['text', 'arrayBuffer', 'stream', 'slice'].forEach(function (m) { spy(Blob.prototype, m, isFile); });
        spy(URL, 'createObjectURL', isFile);
        spy(FormData.prototype, 'append', function () { return true; });""")
    goto(page, url(http_base, "message"))
    expect(page.locator("#exercice-message .pc-ex__jeu")).to_be_visible()
    yield page.locator("#exercice-message")
    # Nothing typed is kept or read: no storage, no cookie, no file read (and no request elsewhere)
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("window.__reads") == 0
    page_watch.assert_clean()


BODY = "Bonjour Madame,\nJe voudrais inscrire mon fils Adam à la cantine.\nCordialement,\nFatima Benali"


def fields(ex):
    return ex.get_by_label("À", exact=True), ex.get_by_label("Objet", exact=True), ex.get_by_label("Message", exact=True)


def test_message_a_valid_message_is_ready_and_nothing_is_sent(message):
    ex, page = message, message.page
    to, subject, body = fields(ex)
    expect(ex.locator(".pc-ex__prive")).to_have_text(
        "🔒 Ce que vous écrivez reste sur cet écran : rien n'est envoyé ni enregistré. "
        "Un fichier choisi n'est pas ouvert : seul son nom s'affiche.")
    for field in (to, subject, body):
        expect(field).to_have_attribute("autocomplete", "off")
        assert field.evaluate("el => !el.form && !el.name")  # nothing to submit
    expect(to).to_have_attribute("dir", "ltr")
    expect(to).to_have_accessible_description(re.compile(r"L'adresse de la cantine\s: cantine@mairie\.example"))
    to.fill("cantine@mairie.example")
    subject.fill("Inscription à la cantine")
    body.fill(BODY)
    ex.get_by_role("button", name="Prendre le document d'exemple").click()
    piece = ex.locator(".pc-msg__piece")
    expect(piece).to_have_text("Pièce jointe : certificat-scolarite.pdf Retirer la pièce jointe")
    ex.get_by_role("button", name="Envoyer").click()
    feedback = ex.locator(".pc-ex__retour")
    expect(feedback).to_have_text("✓ Votre message est prêt. Dans ce cours, rien n'est envoyé.")
    for field in (to, subject, body):
        expect(field).to_have_attribute("aria-invalid", "false")
    expect(body).to_have_value(BODY)  # still there to read again
    assert page.url.endswith(LESSONS["message"])  # no navigation, no query string
    # Without « Bonjour »: a tip, not an error
    body.fill("Je voudrais inscrire mon fils Adam à la cantine.\nFatima Benali")
    expect(feedback).to_have_text("")
    ex.get_by_role("button", name="Envoyer").click()
    expect(feedback).to_have_text("✓ Votre message est prêt. Dans ce cours, rien n'est envoyé. "
                                  "Petit conseil : commencez par « Bonjour Madame, » ou « Bonjour Monsieur, ».")
    expect(body).to_have_attribute("aria-invalid", "false")
    ex.get_by_role("button", name="Recommencer").click()
    expect(to).to_be_focused()
    for field in (to, subject, body):
        expect(field).to_have_value("")
    expect(piece).to_be_hidden()


@pytest.mark.parametrize(("address", "error"), [
    ("cantine.mairie.example", "Il manque l'arobase @."),
    ("cantine @mairie.example", "Il y a un espace : une adresse e-mail n'a jamais d'espace."),
    ("cantine@@mairie.example", "Il y a deux arobases @ : une adresse n'en a qu'une."),
    ("@mairie.example", "Il manque le nom avant l'arobase @."),
    ("cantine@", "Il manque la fin de l'adresse, après l'arobase @."),
    ("cantine@mairie", "Il manque le point après l'arobase @ : une adresse finit par exemple par .fr ou .org."),
    ("cantine@mairie.", "Il manque des lettres avant ou après le point."),
])
def test_message_address_mistakes_say_what_is_missing(message, address, error):
    ex = message
    to, subject, body = fields(ex)
    subject.fill("Inscription")
    body.fill(BODY)
    to.fill(address)
    ex.get_by_role("button", name="Envoyer").click()
    expect(ex.locator("#exercice-message-to-erreur")).to_have_text("⚠ " + error)
    expect(to).to_have_attribute("aria-invalid", "true")
    expect(to).to_have_accessible_description(re.compile(re.escape(error).replace("\\ :", "\\s:") + "$"))
    expect(to).to_be_focused()
    expect(ex.locator(".pc-ex__retour")).to_have_text(
        "ℹ Le message n'est pas encore prêt. Lisez le conseil sous chaque case à corriger.")


def test_message_mistakes_are_on_their_fields_and_go_when_corrected(message):
    ex = message
    to, subject, body = fields(ex)
    send = ex.get_by_role("button", name="Envoyer")
    send.click()
    expect(ex.locator("#exercice-message-to-erreur")).to_have_text("⚠ Écrivez l'adresse de la cantine.")
    expect(ex.locator("#exercice-message-subject-erreur")).to_have_text(
        "⚠ Écrivez un objet : quelques mots qui disent de quoi parle le message.")
    expect(ex.locator("#exercice-message-body-erreur")).to_have_text("⚠ Écrivez votre message.")
    for field in (to, subject, body):
        expect(field).to_have_attribute("aria-invalid", "true")
    expect(to).to_be_focused()  # the first field to correct
    # The address without @: the error on the field, gone once the address is right
    to.fill("cantine.mairie.example")
    send.click()
    expect(to).to_have_accessible_description(re.compile("Il manque l'arobase @"))
    to.fill("cantine@mairie.example")
    expect(to).to_have_attribute("aria-invalid", "false")
    expect(ex.locator("#exercice-message-to-erreur")).to_have_text("")
    # No signature: « Cordialement » is not a name
    subject.fill("Inscription à la cantine")
    body.fill("Bonjour,\nJe voudrais inscrire mon fils à la cantine.\nCordialement,")
    send.click()
    expect(ex.locator("#exercice-message-body-erreur")).to_have_text(
        "⚠ Signez votre message : à la fin, sur une ligne à part, écrivez votre prénom et votre nom.")
    expect(body).to_be_focused()
    body.press("End")
    body.press_sequentially("\nFatima Benali")
    expect(body).to_have_attribute("aria-invalid", "false")
    send.click()
    expect(ex.locator(".pc-ex__retour")).to_have_text("✓ Votre message est prêt. Dans ce cours, rien n'est envoyé.")


def test_message_with_the_keyboard_only_and_a_real_file(message):
    ex, page = message, message.page
    to, subject, body = fields(ex)
    to.focus()
    page.keyboard.type("cantine@mairie.example")
    page.keyboard.press("Tab")
    expect(subject).to_be_focused()
    page.keyboard.type("Inscription à la cantine")
    page.keyboard.press("Tab")
    expect(body).to_be_focused()
    page.keyboard.type(BODY)
    page.keyboard.press("Tab")
    # The file input: hidden, its label shows the focus. Space opens the system's file chooser
    # (the browser's own behaviour, which headless Chromium does not always honour): give it a file
    file = ex.locator("input[type=file]")
    expect(file).to_be_focused()
    assert ex.locator(".pc-msg__joindre").evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    file.set_input_files({"name": "bulletin-secret.pdf", "mimeType": "application/pdf",
                          "buffer": b"%PDF-1.4 not to be read"})
    file.focus()
    piece = ex.locator(".pc-msg__piece")
    expect(piece).to_contain_text("Pièce jointe : bulletin-secret.pdf")
    assert file.evaluate("el => el.files.length") == 0  # the page forgets the file at once
    page.keyboard.press("Tab")
    expect(ex.get_by_role("button", name="Prendre le document d'exemple")).to_be_focused()
    page.keyboard.press("Enter")
    expect(piece).to_contain_text("Pièce jointe : certificat-scolarite.pdf")
    page.keyboard.press("Tab")
    expect(ex.get_by_role("button", name="Retirer la pièce jointe")).to_be_focused()
    page.keyboard.press("Tab")
    expect(ex.get_by_role("button", name="Envoyer")).to_be_focused()
    page.keyboard.press("Enter")
    expect(ex.locator(".pc-ex__retour")).to_have_text("✓ Votre message est prêt. Dans ce cours, rien n'est envoyé.")
    # Removing the attachment gives the focus back to « Joindre un fichier »
    ex.get_by_role("button", name="Retirer la pièce jointe").focus()
    page.keyboard.press("Enter")
    expect(piece).to_be_hidden()
    expect(file).to_be_focused()


def test_arabic_message_is_right_to_left_with_a_left_to_right_address(page, page_watch, http_base):
    goto(page, url(http_base, "message", "ar"))
    ex = page.locator("#exercice-message")
    assert ex.evaluate("el => getComputedStyle(el).direction") == "rtl"
    expect(ex.locator(".pc-ex__prive")).to_contain_text("ما تكتبونه يبقى على هذه الشاشة")
    to = ex.get_by_label("إلى (À)")
    assert to.evaluate("el => getComputedStyle(el).direction") == "ltr"
    # The field starts at the right (the start of an Arabic line)
    section, box = ex.locator(".pc-msg").bounding_box(), to.bounding_box()
    assert box["x"] + box["width"] > section["x"] + section["width"] - 40
    to.fill("cantine.mairie.example")
    ex.get_by_role("button", name="إرسال (Envoyer)").click()
    expect(ex.locator("#exercice-message-to-erreur")).to_have_text("⚠ ينقص الرمز @ (arobase).")
    expect(to).to_have_attribute("aria-invalid", "true")
    expect(ex.locator(".pc-ex__retour")).to_contain_text("الرسالة ليست جاهزة بعد.")
    page_watch.assert_clean()


# --- Languages, file://, no JavaScript, accessibility --------------------------------


# One page per test where requests are watched: leaving a page aborts what Material's
# search is still loading (lunr.ar.min.js…), which the watch would count as a failure.


def test_arabic_mouse_exercise_is_right_to_left_in_arabic(page, page_watch, http_base):
    goto(page, url(http_base, "souris", "ar"))
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
    goto(page, url(http_base, "clavier", "ar"))
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
@pytest.mark.parametrize("name", list(LESSONS))
def test_exercises_from_file_url(browser, file_base, name, lang):
    """From a USB key or the kiosk: styles and scripts load from file://."""
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page, "file://")
    goto(page, url(file_base, name, lang))
    if name == "souris":
        target = page.locator(".pc-ex__cible")
        expect(target).to_have_css("min-height", "120px")
        target.click()
        expect(page.locator(".pc-ex__retour--bravo")).to_be_visible()
    elif name == "clavier":
        page.locator(".pc-ex__champ").press_sequentially("prenom.nom@example.org")
        expect(page.locator(".pc-ex__message")).to_have_class("pc-ex__message pc-ex__retour--bravo")
    elif name == "piege":
        expect(page.locator(".pc-mail__place")).to_have_css("display", "block")  # its stylesheet loaded
        page.locator(".pc-mail__place button.pc-mail__indice").first.click()
        page.locator(".pc-mail__choix button[data-choix=piege]").click()
        expect(page.locator(".pc-ex__retour--bravo")).to_be_visible()
    else:
        expect(page.locator(".pc-msg__fichier")).to_have_css("opacity", "0")  # its stylesheet loaded
        page.locator("input[type=email]").fill("cantine.mairie.example")
        page.locator(".pc-msg__envoyer").click()
        expect(page.locator("input[type=email]")).to_have_attribute("aria-invalid", "true")
    watch.assert_clean()
    context.close()


def test_without_javascript_the_steps_are_readable(browser, http_base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    goto(page, url(http_base, "clavier"))
    ex = page.locator("#exercice-clavier")
    expect(ex.locator(".pc-ex__sans-js")).to_contain_text("Cet exercice a besoin de JavaScript")
    expect(ex.locator(".pc-ex__etapes li")).to_have_text([
        "Écrivez cette adresse e-mail inventée : prenom.nom@example.org",
        "Écrivez ce mot avec un accent : fenêtre",
        "Écrivez ce mot avec une majuscule : Roubaix"])
    goto(page, url(http_base, "souris"))
    expect(page.locator("#exercice-souris .pc-ex__etapes li")).to_have_count(6)
    expect(page.locator("#exercice-souris .pc-ex__sans-js")).to_be_visible()
    # « Vrai ou piège ? »: every message, with its clues explained and the answer
    goto(page, url(http_base, "piege"))
    ex = page.locator("#exercice-piege")
    expect(ex.locator(".pc-ex__jeu")).to_be_hidden()
    expect(ex.locator(".pc-ex__etapes .pc-mail")).to_have_count(len(TRAPS))
    expect(ex.locator(".pc-ex__etapes .pc-mail__pourquoi").first).to_be_visible()
    expect(ex.locator(".pc-mail__reponse").first).to_contain_text("Réponse : c'est un piège.")
    # The practice e-mail: the steps; the fields stay hidden (nothing could check them)
    goto(page, url(http_base, "message"))
    ex = page.locator("#exercice-message")
    expect(ex.locator(".pc-ex__jeu")).to_be_hidden()
    expect(ex.locator(".pc-ex__etapes li").first).to_have_text(
        "Dans « À », écrivez l'adresse de la cantine : cantine@mairie.example")
    context.close()


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("name", list(LESSONS))
def test_axe_finds_no_violation_on_the_lessons(page, page_watch, http_base, name, lang):
    goto(page, url(http_base, name, lang))
    if name == "souris":  # feedback shown
        page.locator(".pc-ex__cible").click()
        page.locator(".pc-ex__zone").click(position={"x": 8, "y": 8})
        expect(page.locator(".pc-ex__retour")).to_contain_text("ℹ")
    elif name == "clavier":  # message, keys, keyboard
        page.locator(".pc-ex__champ").press_sequentially("prenom.nom2")
        expect(page.locator(".pc-kbd")).to_be_visible()
    elif name == "piege":  # a clue open, then a wrong judgement explained
        page.locator(".pc-mail__place button.pc-mail__indice").first.click()
        page.locator(".pc-mail__choix button[data-choix=vrai]").click()
        expect(page.locator(".pc-ex__retour--aide")).to_be_visible()
    else:  # errors on the fields, an attachment
        page.locator("input[type=email]").fill("cantine.mairie.example")
        page.locator(".pc-msg__exemple").click()
        page.locator(".pc-msg__envoyer").click()
        expect(page.locator(".pc-ex__erreur").first).to_be_visible()
    results = Axe().run(page)
    page_watch.assert_clean()
    assert not results.violations_count, results.generate_report()


def test_reduced_motion_large_targets_and_visible_focus(page, http_base):
    page.emulate_media(reduced_motion="reduce")
    page.set_viewport_size({"width": 360, "height": 740})
    goto(page, url(http_base, "souris"))
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
    goto(page, url(http_base, "clavier"))
    page.locator(".pc-ex__champ").press_sequentially("x")
    for button in page.locator("#exercice-clavier button:visible").all():
        assert button.bounding_box()["height"] >= 44
    assert page.locator(".pc-ex__champ").bounding_box()["height"] >= 44


def test_scripts_loaded_twice_build_once(page, http_base):
    for name in LESSONS:
        goto(page, url(http_base, name))
        src = page.locator(f"script[src$='exercice-{name}.js']").get_attribute("src")
        page.add_script_tag(url=src)
        key = "exercice" + name.capitalize()
        page.evaluate(f"ParentsConnectes.{key}.init()")
        expect(page.locator(f"#exercice-{name} .pc-ex__jeu")).to_have_count(1)
    # One card at a time; one answer per click
    goto(page, url(http_base, "piege"))
    page.add_script_tag(url=page.locator("script[src$='exercice-piege.js']").get_attribute("src"))
    page.evaluate("ParentsConnectes.exercicePiege.init()")
    expect(page.locator(".pc-mail__place .pc-mail")).to_have_count(1)
    page.locator(".pc-mail__choix button[data-choix=piege]").click()
    page.locator(".pc-ex__bouton--suite").click()
    expect(page.locator(".pc-ex__progres")).to_have_text(f"Message 2 sur {len(TRAPS)}")
    # Only the exercise this page needs, and only the one global
    assert page.locator("script[src$='exercice-souris.js']").count() == 0
    assert set(page.evaluate("Object.keys(window.ParentsConnectes)")) >= {"exercicePiege"}


def test_print_shows_the_steps_not_the_game(page, http_base):
    goto(page, url(http_base, "souris"))
    ex = page.locator("#exercice-souris")
    expect(ex.locator(".pc-ex__etapes")).to_be_hidden()  # the game replaces them on screen
    page.emulate_media(media="print")
    expect(ex.locator(".pc-ex__etapes li")).to_have_count(6)
    expect(ex.locator(".pc-ex__etapes")).to_be_visible()
    expect(ex.locator(".pc-ex__jeu")).to_be_hidden()
    # « Vrai ou piège ? » prints as a handout: every message, its clues and the answer
    page.emulate_media(media="screen")
    goto(page, url(http_base, "piege"))
    ex = page.locator("#exercice-piege")
    expect(ex.locator(".pc-ex__jeu")).to_be_visible()
    page.emulate_media(media="print")
    expect(ex.locator(".pc-ex__etapes .pc-mail")).to_have_count(len(TRAPS))
    expect(ex.locator(".pc-ex__etapes .pc-mail").last).to_be_visible()
    expect(ex.locator(".pc-ex__jeu")).to_be_hidden()

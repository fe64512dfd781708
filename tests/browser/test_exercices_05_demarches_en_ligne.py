"""The exercises of the module « Mes démarches à la borne » in a real browser, on the built
lessons (tests/conftest.py builds once).

« Où cliquer ? »: the whole path with the mouse, a miss and its hint then the place shown,
keyboard only, a finger, Arabic. « Fin de session »: ticked, explained, « vous pouvez partir »,
cleared after a minute, when the page is hidden and on reload, keyboard only, Arabic.
Both: without JavaScript, from file://, axe, nothing stored, no request elsewhere.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

import ex_demarches  # overrides/hooks/ex_demarches.py: the drawn screens
from conftest import PageWatch, nothing_kept, open_exercises as goto

LESSONS = {"ou-cliquer": "modules/05-demarches-en-ligne/04-mon-compte-caf.html",
           "fin-de-session": "modules/05-demarches-en-ligne/07-terminer-proprement.html"}
SCREENS = [ecran for _, ecrans in ex_demarches.OU_CLIQUER for ecran in ecrans]


def url(base: str, name: str, lang: str = "fr") -> str:
    return base + ("" if lang == "fr" else f"{lang}/") + LESSONS[name]


# --- « Où cliquer ? » ----------------------------------------------------------------------


@pytest.fixture
def ou(page, page_watch, http_base):
    goto(page, url(http_base, "ou-cliquer"))
    yield page.locator("#exercice-ou-cliquer")
    nothing_kept(page)
    page_watch.assert_clean()


def screen(ex):
    return ex.locator(".pc-ecran:visible")


def test_ou_cliquer_the_whole_path_with_the_mouse(ou):
    ex = ou
    progress, task, feedback = ex.locator(".pc-ex__progres"), ex.locator(".pc-ex__consigne"), ex.locator(".pc-ex__retour")
    expect(ex.locator(".pc-ex__etapes")).to_be_hidden()
    expect(progress).to_have_text("Partie 1 sur 2 : ameli – Étape 1 sur 3")
    expect(task).to_have_text("Vous êtes sur l'accueil de votre compte ameli. Cliquez sur « Mes démarches ».")
    expect(screen(ex)).to_have_count(1)
    expect(screen(ex).locator(".pc-ecran__exercice")).to_have_text("Ceci est un exercice : ce n'est pas le vrai site.")
    expect(screen(ex)).to_have_accessible_name("Écran d'exercice : ameli – Accueil")
    for n, ecran in enumerate(SCREENS):
        expect(screen(ex)).to_have_attribute("data-ecran", ecran.key)
        screen(ex).get_by_role("button", name=ecran.right, exact=True).click()
        if ecran.key == "caf-accueil":  # the login, skipped here, is told
            expect(feedback).to_contain_text("Sur le vrai site, vous vous connectez ici")
        if ecran.key == "ameli-accueil":
            expect(feedback).to_have_text("✓ Bravo !")
            expect(progress).to_have_text("Partie 1 sur 2 : ameli – Étape 2 sur 3")
            expect(screen(ex)).to_be_focused()  # the new screen, from its top
            expect(screen(ex).locator("[aria-current=page]")).to_have_text("Mes démarches")
        if n == 2:  # the end of ameli: the drawn download, then the CAF
            download = screen(ex).locator(".pc-telech")
            expect(download).to_be_visible()
            expect(download).to_contain_text("attestation-de-droits.pdf")
            expect(feedback).to_contain_text("Le fichier est téléchargé.")
            next_ = ex.get_by_role("button", name="Continuer avec la CAF")
            expect(next_).to_be_focused()
            # The screen is done: another click changes nothing
            screen(ex).get_by_role("button", name="Annuler").click()
            expect(feedback).to_contain_text("Le fichier est téléchargé.")
            next_.click()
            expect(progress).to_have_text("Partie 2 sur 2 : CAF – Étape 1 sur 4")
            expect(feedback).to_have_text("")
    expect(screen(ex).locator(".pc-telech")).to_contain_text("attestation-de-paiement.pdf")
    expect(feedback).to_have_class("pc-ex__retour pc-ex__retour--fin")
    expect(feedback).to_contain_text("Bravo, vous avez trouvé les deux attestations !")
    restart = ex.get_by_role("button", name="Recommencer")
    expect(restart).to_be_focused()
    restart.click()
    expect(progress).to_have_text("Partie 1 sur 2 : ameli – Étape 1 sur 3")
    expect(screen(ex).locator(".pc-telech")).to_have_count(0)


def test_ou_cliquer_a_miss_gives_a_hint_then_shows_the_place(ou):
    ex = ou
    feedback, right = ex.locator(".pc-ex__retour"), screen(ex).locator("[data-bon]")
    screen(ex).get_by_role("button", name="Mes paiements", exact=True).click()
    expect(feedback).to_have_class("pc-ex__retour pc-ex__retour--aide")
    expect(feedback).to_have_text("ℹ Ce n'est pas ici. « Mes démarches » est dans le menu, en haut de l'écran.")
    expect(right).not_to_have_class("pc-ecran__onglet is-montre")
    # Logging out too early is « not yet »; a second miss frames the right place
    screen(ex).get_by_role("button", name="Déconnexion").click()
    expect(feedback).to_have_text("ℹ Pas encore ! On se déconnecte à la fin, quand la démarche est finie. "
                                  "« Mes démarches » est dans le menu, en haut de l'écran. "
                                  "Regardez : le bon endroit est encadré, avec une flèche.")
    expect(right).to_have_class("pc-ecran__onglet is-montre")
    assert right.evaluate("el => getComputedStyle(el).outlineStyle") == "dashed"
    expect(ex.locator(".pc-ex__progres")).to_have_text("Partie 1 sur 2 : ameli – Étape 1 sur 3")  # no step lost
    # A click beside the buttons is a miss too; the right one still works
    screen(ex).locator(".pc-ecran__page").click(position={"x": 4, "y": 4})
    expect(feedback).to_contain_text("Ce n'est pas ici.")
    right.click()
    expect(ex.locator(".pc-ex__progres")).to_have_text("Partie 1 sur 2 : ameli – Étape 2 sur 3")
    expect(screen(ex).locator(".is-montre")).to_have_count(0)


def test_ou_cliquer_with_the_keyboard_only(ou):
    ex, page = ou, ou.page
    screen(ex).focus()
    for n, ecran in enumerate(SCREENS):
        # Tab through the screen's buttons, in order, until the right one; Enter
        for _ in range(12):
            page.keyboard.press("Tab")
            focused = page.locator(":focus")
            assert focused.evaluate("el => !!el.closest('.pc-ecran:not([hidden])')"), ecran.key
            if focused.get_attribute("data-bon") is not None:
                break
        expect(page.locator(":focus")).to_have_text(ecran.right)
        page.keyboard.press("Enter")
        if n == 2:
            expect(ex.get_by_role("button", name="Continuer avec la CAF")).to_be_focused()
            page.keyboard.press("Enter")
        if n < len(SCREENS) - 1:
            expect(screen(ex)).to_be_focused()
    expect(ex.locator(".pc-ex__retour")).to_contain_text("Bravo, vous avez trouvé les deux attestations !")
    expect(ex.get_by_role("button", name="Recommencer")).to_be_focused()
    page.keyboard.press("Space")
    expect(screen(ex)).to_be_focused()
    expect(screen(ex)).to_have_attribute("data-ecran", "ameli-accueil")


def test_ou_cliquer_with_a_finger(browser, http_base):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 360, "height": 740})
    page = context.new_page()
    watch = PageWatch(page, http_base.rstrip("/"))
    goto(page, url(http_base, "ou-cliquer"))
    ex = page.locator("#exercice-ou-cliquer")
    screen(ex).get_by_role("button", name="Accueil").tap()
    expect(ex.locator(".pc-ex__retour")).to_contain_text("Ce n'est pas ici.")
    for ecran in SCREENS[:3]:
        target = screen(ex).locator("[data-bon]")
        box = target.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
        target.tap()
    expect(screen(ex).locator(".pc-telech")).to_be_visible()
    # The drawn screen fits the phone: no sideways scrolling
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    watch.assert_clean()
    context.close()


def test_ou_cliquer_in_arabic_is_right_to_left_around_a_french_screen(page, page_watch, http_base):
    goto(page, url(http_base, "ou-cliquer", "ar"))
    ex = page.locator("#exercice-ou-cliquer")
    assert ex.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert screen(ex).evaluate("el => getComputedStyle(el).direction") == "ltr"
    expect(ex.locator(".pc-ex__progres")).to_have_text("الجزء 1 من 2: ameli – الخطوة 1 من 3")
    expect(screen(ex).locator(".pc-ecran__exercice")).to_have_text("هذا تمرين: ليس الموقع الحقيقي.")
    screen(ex).get_by_role("button", name="Mes paiements", exact=True).click()
    expect(ex.locator(".pc-ex__retour")).to_contain_text("ليس هنا.")
    screen(ex).get_by_role("button", name="Mes démarches").click()
    expect(ex.locator(".pc-ex__progres")).to_have_text("الجزء 1 من 2: ameli – الخطوة 2 من 3")
    nothing_kept(page)
    page_watch.assert_clean()


# --- « Fin de session » ------------------------------------------------------------------------


@pytest.fixture
def fin(page, page_watch, http_base):
    page.clock.install()
    goto(page, url(http_base, "fin-de-session"))
    yield page.locator("#exercice-fin-de-session")
    nothing_kept(page)
    page_watch.assert_clean()


def test_fin_de_session_ticked_explained_then_you_can_leave(fin):
    ex = fin
    boxes = ex.get_by_role("checkbox")
    expect(boxes).to_have_count(4)
    expect(ex.locator(".pc-ex__etapes")).to_be_hidden()
    count, feedback = ex.locator(".pc-ex__progres"), ex.locator(".pc-ex__retour")
    expect(count).to_have_text("Points vérifiés : 0 sur 4")
    # « Pourquoi ? Comment ? » opens the point's explanation, and closes it
    more = ex.get_by_role("button", name="Pourquoi ? Comment ? Supprimez vos fichiers téléchargés.")
    detail = ex.locator("#" + more.get_attribute("aria-controls"))
    expect(detail).to_be_hidden()
    more.click()
    expect(more).to_have_attribute("aria-expanded", "true")
    expect(detail).to_contain_text("Pourquoi ? Vos attestations restent sur l'ordinateur")
    expect(detail).to_contain_text("« Vider la Corbeille »")
    more.click()
    expect(detail).to_be_hidden()
    # Ticking: by its box or by its words
    ex.locator(".pc-fin").get_by_text("Déconnectez-vous de chaque site.").click()
    expect(boxes.first).to_be_checked()
    for n in (1, 2):
        boxes.nth(n).check()
    expect(count).to_have_text("Points vérifiés : 3 sur 4")
    expect(feedback).to_have_text("")
    ex.get_by_role("checkbox", name="Reprenez vos papiers.").check()
    expect(feedback).to_have_class("pc-ex__retour pc-ex__retour--fin")
    expect(feedback).to_have_text("✓ Tout est vérifié : vous pouvez partir. "
                                  "La liste se vide dans une minute, pour la personne suivante.")
    # One unticked: not finished any more
    boxes.nth(2).uncheck()
    expect(feedback).to_have_text("")
    expect(count).to_have_text("Points vérifiés : 3 sur 4")
    ex.get_by_role("button", name="Recommencer").click()
    for n in range(4):
        expect(boxes.nth(n)).not_to_be_checked()
    expect(boxes.first).to_be_focused()


def test_fin_de_session_clears_itself(fin):
    ex, page = fin, fin.page
    boxes = ex.get_by_role("checkbox")
    for n in range(4):
        boxes.nth(n).check()
    ex.get_by_role("button", name="Pourquoi ? Comment ? Reprenez vos papiers.").click()
    expect(ex.locator(".pc-ex__retour")).to_contain_text("vous pouvez partir")
    # One minute after the last tick, for the next person. Real time flows too after
    # clock.install(): 50 s then 12 s more leave room for a busy machine between two steps
    # (59 + 2 s failed once with 4 test processes on 2 CPUs).
    page.clock.run_for(50_000)
    expect(boxes.first).to_be_checked()
    page.clock.run_for(12_000)
    for n in range(4):
        expect(boxes.nth(n)).not_to_be_checked()
    expect(ex.locator(".pc-fin__detail:visible")).to_have_count(0)
    expect(ex.locator(".pc-ex__retour")).to_have_text("ℹ La liste est vide, prête pour la personne suivante.")
    # The page hidden (another tab, the screen off): emptied at once
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.evaluate("""() => {
        Object.defineProperty(document, 'hidden', {value: true, configurable: true});
        Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
        document.dispatchEvent(new Event('visibilitychange'));
    }""")
    expect(boxes.nth(0)).not_to_be_checked()
    expect(boxes.nth(1)).not_to_be_checked()
    # A reload never brings ticks back
    page.evaluate("delete document.hidden; delete document.visibilityState")
    boxes.nth(3).check()
    goto(page, page.url)
    for n in range(4):
        expect(ex.get_by_role("checkbox").nth(n)).not_to_be_checked()


def test_fin_de_session_with_the_keyboard_only(fin):
    ex, page = fin, fin.page
    ex.get_by_role("checkbox").first.focus()
    page.keyboard.press("Space")
    expect(ex.get_by_role("checkbox").first).to_be_checked()
    page.keyboard.press("Tab")
    more = ex.get_by_role("button", name="Pourquoi ? Comment ? Déconnectez-vous de chaque site.")
    expect(more).to_be_focused()
    page.keyboard.press("Enter")
    expect(more).to_have_attribute("aria-expanded", "true")
    expect(ex.locator("#" + more.get_attribute("aria-controls"))).to_contain_text("« Se déconnecter »")
    for _ in range(3):
        page.keyboard.press("Tab")
        expect(page.locator(":focus")).to_have_attribute("type", "checkbox")
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
    expect(ex.locator(".pc-ex__retour")).to_contain_text("vous pouvez partir")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Recommencer")
    page.keyboard.press("Enter")
    expect(ex.get_by_role("checkbox").first).to_be_focused()
    expect(ex.get_by_role("checkbox").first).not_to_be_checked()


def test_fin_de_session_in_arabic_is_right_to_left(page, page_watch, http_base):
    goto(page, url(http_base, "fin-de-session", "ar"))
    ex = page.locator("#exercice-fin-de-session")
    assert ex.evaluate("el => getComputedStyle(el).direction") == "rtl"
    first = ex.get_by_role("checkbox").first
    point = ex.locator(".pc-fin__point").first.bounding_box()
    box = first.bounding_box()
    assert box["x"] + box["width"] > point["x"] + point["width"] - 60  # the box starts the line, at the right
    ex.get_by_role("checkbox", name="اخرجوا من حسابكم في كل موقع.").check()
    expect(ex.locator(".pc-ex__progres")).to_have_text("النقاط التي تحقّقتم منها: 1 من 4")
    nothing_kept(page)
    page_watch.assert_clean()


# --- Both: without JavaScript, file://, axe ----------------------------------------------------


def test_without_javascript_both_read_as_plain_lists(browser, http_base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    goto(page, url(http_base, "ou-cliquer"))
    ex = page.locator("#exercice-ou-cliquer")
    expect(ex.locator(".pc-ex__jeu")).to_be_hidden()
    expect(ex.locator(".pc-ex__sans-js")).to_be_visible()
    expect(ex.locator(".pc-ex__etapes ol ol li")).to_have_count(len(SCREENS))
    expect(ex.locator(".pc-ex__etapes ol ol li").first).to_contain_text("Cliquez sur « Mes démarches ».")
    goto(page, url(http_base, "fin-de-session"))
    ex = page.locator("#exercice-fin-de-session")
    expect(ex.locator(".pc-ex__jeu")).to_be_hidden()
    items = ex.locator(".pc-ex__etapes > ol > li")
    expect(items).to_have_count(4)
    expect(items.nth(2)).to_contain_text("Supprimez vos fichiers téléchargés.")
    expect(items.nth(2)).to_contain_text("Comment ? Ouvrez le dossier « Téléchargements ».")
    expect(items.nth(3)).to_contain_text("clé USB")
    context.close()


@pytest.mark.parametrize("name", list(LESSONS))
def test_from_file_url(browser, file_base, name):
    """From a USB key or the kiosk: styles and scripts load from file://."""
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page, "file://")
    goto(page, url(file_base, name))
    if name == "ou-cliquer":
        expect(page.locator(".pc-ecran").first).to_have_css("border-top-style", "solid")  # its stylesheet loaded
        page.locator(".pc-ecran:visible [data-bon]").click()
        expect(page.locator(".pc-ex__retour--bravo")).to_be_visible()
    else:
        expect(page.locator(".pc-fin__case").first).to_have_css("width", "28px")
        for box in page.locator(".pc-fin__case").all():
            box.check()
        expect(page.locator(".pc-ex__retour--fin")).to_be_visible()
    watch.assert_clean()
    context.close()


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("name", list(LESSONS))
def test_axe_finds_no_violation(page, page_watch, http_base, name, lang):
    goto(page, url(http_base, name, lang))
    if name == "ou-cliquer":  # a hint and the place shown, then a drawn download
        ex = page.locator("#exercice-ou-cliquer")
        for _ in range(2):
            screen(ex).locator(".pc-ecran__page").click(position={"x": 4, "y": 4})
        expect(screen(ex).locator(".is-montre")).to_have_count(1)
        for _ in range(3):
            screen(ex).locator("[data-bon]").click()
        expect(screen(ex).locator(".pc-telech")).to_be_visible()
    else:  # a point open, all ticked
        page.locator(".pc-fin__plus").first.click()
        for box in page.locator(".pc-fin__case").all():
            box.check()
        expect(page.locator(".pc-ex__retour--fin")).to_be_visible()
    results = Axe().run(page)
    page_watch.assert_clean()
    assert not results.violations_count, results.generate_report()


def test_loaded_twice_set_up_once_and_printed_as_lists(page, http_base):
    for name, key in (("ou-cliquer", "exerciceOuCliquer"), ("fin-de-session", "exerciceFinDeSession")):
        goto(page, url(http_base, name))
        page.add_script_tag(url=page.locator(f"script[src$='exercice-{name}.js']").get_attribute("src"))
        page.evaluate(f"ParentsConnectes.{key}.init()")
        expect(page.locator(f"#exercice-{name} .pc-ex__jeu:visible")).to_have_count(1)
        # Printed: the worked version, not the game
        page.emulate_media(media="print")
        expect(page.locator(f"#exercice-{name} .pc-ex__etapes")).to_be_visible()
        expect(page.locator(f"#exercice-{name} .pc-ex__jeu")).to_be_hidden()
        page.emulate_media(media="screen")
    # One click, one step, even with the script twice
    goto(page, url(http_base, "ou-cliquer"))
    page.add_script_tag(url=page.locator("script[src$='exercice-ou-cliquer.js']").get_attribute("src"))
    page.evaluate("ParentsConnectes.exerciceOuCliquer.init()")
    page.locator(".pc-ecran:visible [data-bon]").click()
    expect(page.locator("#exercice-ou-cliquer .pc-ex__progres")).to_have_text("Partie 1 sur 2 : ameli – Étape 2 sur 3")

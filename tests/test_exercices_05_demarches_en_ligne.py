"""The exercises of the module « Mes démarches à la borne » at build time: « Où cliquer ? »
(ou-cliquer) and the checklist before leaving the kiosk (fin-de-session), rendered by
overrides/hooks/ex_demarches.py. No browser here: tests/browser/test_exercices_05_demarches_en_ligne.py
drives the built pages."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
from pathlib import Path

import budgets
import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

import ex_demarches  # overrides/hooks/ex_demarches.py (tests/conftest.py puts it on sys.path)
import exercices
from test_exercices import STRINGS, build, lazy_urls, strings_of

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
MODULE = DOCS / "modules" / "05-demarches-en-ligne"
LESSONS = {"ou-cliquer": "modules/05-demarches-en-ligne/04-mon-compte-caf.html",
           "fin-de-session": "modules/05-demarches-en-ligne/07-terminer-proprement.html"}
NAMES = tuple(LESSONS)
BUDGET = budgets.EXERCISE
PAGE = "# Essai\n\n<!-- exercice: où-cliquer -->\n\nTexte.\n\n<!-- exercice: fin-de-session -->\n"
SCREENS = [ecran for _, ecrans in ex_demarches.OU_CLIQUER for ecran in ecrans]


def sections(lang: str = "fr"):
    soup = build(PAGE, lang, ("" if lang == "fr" else f"{lang}/") + LESSONS["ou-cliquer"])
    return soup, soup.select_one("section#exercice-ou-cliquer"), soup.select_one("section#exercice-fin-de-session")


# --- « Où cliquer ? » --------------------------------------------------------------------


def test_ou_cliquer_draws_the_screens_hidden_until_the_script_runs():
    soup, ex, _ = sections()
    fr = STRINGS["fr"]["ou-cliquer"]
    assert (ex["lang"], ex["dir"]) == ("fr", "ltr")
    game = ex.select_one(".pc-ex__jeu")
    assert game.has_attr("hidden") and ex.select_one(".pc-ex__sans-js").get_text(strip=True).endswith(fr["no_js"])
    screens = game.select(".pc-ecran")
    assert [s["data-ecran"] for s in screens] == [e.key for e in SCREENS]
    assert [s.has_attr("hidden") for s in screens] == [False] + [True] * (len(SCREENS) - 1)
    for screen, ecran in zip(screens, SCREENS):
        # A French site, left to right, clearly an exercise in the page's language
        assert (screen["lang"], screen["dir"], screen["role"]) == ("fr", "ltr", "group")
        banner = screen.select_one(".pc-ecran__exercice")
        assert banner.get_text() == "Ceci est un exercice : ce n'est pas le vrai site." and banner["lang"] == "fr"
        assert screen["aria-label"] == f"Écran d'exercice : {ecran.site} – {ecran.title}"
        # Exactly one right place, a button like every other place to click
        right = screen.select("[data-bon]")
        assert len(right) == 1 and right[0].name == "button" and right[0].get_text() == ecran.right
        assert all(b["type"] == "button" for b in screen.select("button"))
        # The drawn download only at the end of each part, hidden until then
        download = screen.select_one(".pc-telech")
        assert (download is not None) == bool(ecran.file)
        if download:
            assert download.has_attr("hidden") and ecran.file in download.get_text()
    assert [s.select_one(".pc-telech__nom").get_text() for s in screens if s.select_one(".pc-telech")] == [
        "attestation-de-droits.pdf", "attestation-de-paiement.pdf"]
    # The logout buttons say « not yet » rather than « not here »
    assert {b.get_text() for b in game.select("[data-sortie]")} == {"Déconnexion", "Se déconnecter"}
    # Nothing real: no link, no form, no field, no address of a real site, an invented name
    assert not ex.select("a, form, input, [name], [action], img")
    assert "http" not in str(game) and "Karim Benali" in game.get_text()
    assert ex.select_one(".pc-ex__prive").get_text(strip=True).endswith(fr["private"])
    assert "menus" in ex.select(".pc-ex__prive")[1].get_text()  # menus change: it says so
    assert game.select_one(".pc-ex__retour")["aria-live"] == "polite"
    assert [b.get_text() for b in game.select(".pc-ex__actions button")] == ["Continuer avec la CAF", "Recommencer"]


def test_ou_cliquer_without_javascript_is_the_worked_path():
    _, ex, _ = sections()
    fr = STRINGS["fr"]["ou-cliquer"]
    parts = ex.select(".pc-ex__etapes > ol > li")
    assert [p.strong.get_text() for p in parts] == ["Partie 1 sur 2 : ameli", "Partie 2 sur 2 : CAF"]
    steps = [[li.get_text() for li in p.select("ol > li")] for p in parts]
    assert [len(s) for s in steps] == [3, 4]
    assert steps[0][0] == ("Vous êtes sur l'accueil de votre compte ameli. Cliquez sur « Mes démarches ». "
                           "« Mes démarches » est dans le menu, en haut de l'écran.")
    for step, ecran in zip(steps[0] + steps[1], SCREENS):
        assert f"« {ecran.right} »" in step
    assert parts[0].get_text().endswith(fr["downloaded"])
    assert ex.select_one(".pc-ex__etapes > p").get_text() == fr["answers_title"]


def test_ou_cliquer_labels_are_those_of_the_lessons():
    """The parent reads the lessons 03 and 04, then rehearses: the same words on screen."""
    text = " ".join((MODULE / name).read_text(encoding="utf-8")
                    for name in ("03-mon-compte-ameli.md", "04-mon-compte-caf.md"))
    for ecran in SCREENS:
        assert f"« {ecran.right} »" in text, ecran.right


def test_ou_cliquer_strings_for_the_script():
    _, ex, _ = sections()
    data = strings_of(ex)
    assert set(data) == {*exercices.JS_STRINGS["ou-cliquer"], "restart", "parts"}
    assert data["parts"] == ["ameli", "CAF"]
    assert set(data["screens"]) == {e.key for e in SCREENS}
    assert data["screens"]["ameli-accueil"]["hint"] == "« Mes démarches » est dans le menu, en haut de l'écran."
    assert "code à 6 chiffres reçu par e-mail" in data["login"]
    assert data["encouragements"][0] == "Bravo !"


def test_ou_cliquer_in_arabic_keeps_the_french_screens_left_to_right():
    _, ex, _ = sections("ar")
    assert (ex["lang"], ex["dir"]) == ("ar", "rtl")
    screen = ex.select_one(".pc-ecran")
    assert (screen["lang"], screen["dir"]) == ("fr", "ltr")
    assert screen.select_one("[data-bon]").get_text() == "Mes démarches"
    banner = screen.select_one(".pc-ecran__exercice")
    assert (banner["lang"], banner["dir"]) == ("ar", "rtl") and banner.get_text() == "هذا تمرين: ليس الموقع الحقيقي."
    assert screen["aria-label"] == "شاشة التمرين: ameli – Accueil"
    assert strings_of(ex)["part"] == "الجزء {n} من {total}: {name}"
    assert sections("en")[1].select_one(".pc-ecran__exercice").get_text() == (
        "This is an exercise: it is not the real website.")


# --- « Fin de session » -----------------------------------------------------------------------


def kiosk_checks(lang: str) -> list[str]:
    """The bold titles of the four checks of the kiosk page docs/borne/index*.md."""
    name = "index.md" if lang == "fr" else f"index.{lang}.md"
    return re.findall(r"^\d\. \*\*(.+?)\*\*", (DOCS / "borne" / name).read_text(encoding="utf-8"), re.M)


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_fin_de_session_has_the_four_checks_of_the_kiosk_page(lang):
    _, _, ex = sections(lang)
    own = STRINGS[lang]["fin-de-session"]
    checks = kiosk_checks(lang)
    assert len(checks) == 4
    labels = [label.get_text(" ", strip=True) for label in ex.select(".pc-fin__nom")]
    # Same words, same order (a French no-break space is a space here)
    assert labels == [c.replace("\xa0", " ") for c in checks]
    plain = [li.strong.get_text() for li in ex.select(".pc-ex__etapes > ol > li")]
    assert plain == labels
    # Each point says why and how, in the plain list and in the checklist
    for li, key in zip(ex.select(".pc-ex__etapes > ol > li"), ex_demarches.FIN_POINTS):
        text = li.get_text(" ", strip=True).replace("\xa0", " ")
        assert own["points"][key]["why"].replace("\xa0", " ") in text
        assert own["points"][key]["how"].replace("\xa0", " ") in text


def test_fin_de_session_covers_the_bin_and_the_usb_key():
    points = STRINGS["fr"]["fin-de-session"]["points"]
    assert "Vider la Corbeille" in points["files"]["how"]
    assert "clé USB" in points["papers"]["how"] and "Se déconnecter" in points["logout"]["how"]
    assert "sauf ce cours" in points["close"]["how"]


def test_fin_de_session_checklist_keeps_nothing():
    soup, _, ex = sections()
    game = ex.select_one(".pc-ex__jeu")
    assert game.has_attr("hidden")
    boxes = game.select("input")
    assert len(boxes) == 4
    for box in boxes:
        assert box["type"] == "checkbox" and box["autocomplete"] == "off" and not box.has_attr("name")
        assert not box.has_attr("checked")
        # The box is inside its label: the whole line is a target
        assert box.find_parent("label")["for"] == box["id"]
    for button in game.select(".pc-fin__plus"):
        detail = game.select_one("#" + button["aria-controls"])
        assert button["aria-expanded"] == "false" and detail.has_attr("hidden")
        # Each « Pourquoi ? Comment ? » names its point
        ids = button["aria-labelledby"].split()
        assert ids[0] == button["id"] and game.select_one("#" + ids[1]).find_parent("label")
    assert not soup.select("form, [name]")
    data = strings_of(ex)
    assert data["reset"] == ex_demarches.FIN_RESET_S == 60
    assert set(data) == {*exercices.JS_STRINGS["fin-de-session"], "restart", "reset"}
    assert "ne garde rien" in ex.select_one(".pc-ex__prive").get_text()


def test_fin_de_session_in_arabic_is_right_to_left():
    _, _, ex = sections("ar")
    assert (ex["lang"], ex["dir"]) == ("ar", "rtl")
    assert ex.select_one(".pc-fin__plus").get_text() == "لماذا؟ كيف؟"
    assert strings_of(ex)["count"] == "النقاط التي تحقّقتم منها: {n} من {total}"


# --- Markers, assets, budget ---------------------------------------------------------------


def test_markers_load_only_what_the_page_needs():
    urls = lazy_urls(build(PAGE))
    assert urls == [
        "../../assets/stylesheets/exercices.css", "../../assets/stylesheets/exercice-ou-cliquer.css",
        "../../assets/stylesheets/exercice-fin-de-session.css",
        "../../assets/javascripts/exercice-ou-cliquer.js", "../../assets/javascripts/exercice-fin-de-session.js"]
    assert [u.rsplit("/", 1)[1] for u in lazy_urls(build("<!-- exercice: fin-de-session -->\n"))] == [
        "exercices.css", "exercice-fin-de-session.css", "exercice-fin-de-session.js"]


def test_a_misspelt_name_lists_these_exercises_in_the_fix():
    with pytest.raises(PluginError) as info:
        exercices.find_markers("Texte\n<!-- exercice: ou-clicker -->\n", MODULE / "04-mon-compte-caf.md")
    message = str(info.value)
    assert message.startswith("docs/modules/05-demarches-en-ligne/04-mon-compte-caf.md, ligne 2 : "
                              "l'exercice « ou-clicker » n'existe pas.")
    assert "<!-- exercice: ou-cliquer -->" in message and "<!-- exercice: fin-de-session -->" in message


@pytest.mark.parametrize("name", NAMES)
def test_each_exercise_fits_its_budget(name):
    paths = (DOCS / exercices.SCRIPTS[name], DOCS / "assets" / "stylesheets" / "exercices.css", DOCS / exercices.STYLES[name])
    sizes = {path.name: len(gzip.compress(path.read_bytes(), 9)) for path in paths}
    print(f"\n{name} : {sizes} = {sum(sizes.values())} octets gzip (budget {BUDGET})")
    assert sum(sizes.values()) <= BUDGET, sizes


@pytest.mark.parametrize("name", NAMES)
def test_scripts_neither_store_nor_send_anything(name):
    code = (DOCS / exercices.SCRIPTS[name]).read_text(encoding="utf-8")
    for api in ("localStorage", "sessionStorage", "indexedDB", "document.cookie", "fetch(", "XMLHttpRequest",
                "sendBeacon", "WebSocket", "EventSource", ".submit(", "<form", "import(", "Blob",
                "createObjectURL", "createElement('a')", "=>"):
        assert api not in code, f"{exercices.SCRIPTS[name]} uses {api}"
    assert "?." not in code and "??" not in code, "optional chaining and ?? are ES2020"
    assert code.rstrip().endswith("})();")
    assert set(re.findall(r"window\.(\w+)", code)) == {"ParentsConnectes"}
    if shutil.which("node"):
        result = subprocess.run(["node", "--check", str(DOCS / exercices.SCRIPTS[name])], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def test_stylesheets_use_logical_properties_only():
    for name in NAMES:
        css = (DOCS / exercices.STYLES[name]).read_text(encoding="utf-8")
        assert not re.search(r"(margin|padding|border)-(left|right)|[^-]\b(left|right)\s*:|text-align:\s*(left|right)",
                             css), name


# --- The built site ------------------------------------------------------------------------


def test_built_lessons_have_their_exercise(site_dir):
    for lang in ("fr", "ar", "en"):
        prefix = "" if lang == "fr" else f"{lang}/"
        for name, rel in LESSONS.items():
            page = site_dir / prefix / rel
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            section = soup.select_one(f"section#exercice-{name}")
            assert section is not None and section["lang"] == lang, f"{prefix}{rel}"
            # At the end of « À vous », before « À retenir »
            heading = section.find_previous(["h2"])
            assert heading["id"] == "a-vous", f"{prefix}{rel}"
            urls = lazy_urls(soup)
            assert [u.rsplit("/", 1)[1] for u in urls] == [
                "exercices.css", f"exercice-{name}.css", f"exercice-{name}.js"], f"{prefix}{rel}"
            for url in urls:
                assert (page.parent / url).resolve().is_file(), f"{prefix}{rel}: {url}"

"""Exercises of the module « L'école en ligne » at build time: ``educonnect`` (an ÉduConnect
activation rehearsal) and ``ou-est-ce`` (« Où est-ce ? » on a drawn Pronote-like menu).
Rendering (overrides/hooks/ex_ecole.py through exercices.py), the version without
JavaScript, the contributor's message, the strings, privacy and the size budget.
In a browser: tests/browser/test_exercices_03_ecole_en_ligne.py."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import markdown as md_lib
import budgets
import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

import ex_ecole  # overrides/hooks/ex_ecole.py (tests/conftest.py puts it on sys.path)
import exercices

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
MODULE = DOCS / "modules" / "03-ecole-en-ligne"
LESSONS = {"educonnect": "modules/03-ecole-en-ligne/02-activer-educonnect.html",
           "ou-est-ce": "modules/03-ecole-en-ligne/06-au-college-pronote.html"}
STRINGS = {lang: yaml.safe_load((ROOT / "i18n" / f"{lang}.yml").read_text(encoding="utf-8"))["exercices"]
           for lang in ("fr", "ar", "en")}
NAMES = tuple(LESSONS)
BUDGET = budgets.EXERCISE
JS = {name: DOCS / "assets" / "javascripts" / f"exercice-{name}.js" for name in NAMES}
CSS = {name: DOCS / "assets" / "stylesheets" / f"exercice-{name}.css" for name in NAMES}
SHARED_CSS = DOCS / "assets" / "stylesheets" / "exercices.css"


def build(text: str, lang: str = "fr", url: str = LESSONS["educonnect"]) -> BeautifulSoup:
    """The hook's events around a Markdown conversion, as MkDocs runs them."""
    page = SimpleNamespace(file=SimpleNamespace(
        src_uri=url.replace(".html", ".md"), abs_src_path=str(MODULE / "essai.md"), content_string=text, url=url))
    config = SimpleNamespace(theme={"language": lang})
    exercices.on_pre_build(config)
    body = exercices.on_page_markdown(text, page, config, None)
    content = exercices.on_page_content(md_lib.markdown(body, extensions=["md_in_html"]), page, config, None)
    html = exercices.on_post_page(f"<html><head></head><body>{content}</body></html>", page, config)
    return BeautifulSoup(html.replace("\xa0", " "), "html.parser")


def data_of(section) -> dict:
    return json.loads(section["data-pc-strings"])


def lazy_urls(soup) -> list[str]:
    script = next(s.get_text() for s in soup.select("body > script") if "files of the widget below load" in s.get_text())
    return json.loads(re.search(r"\(document,\s*\"[^\"]*\",\s*(\[.*?\])\)", script).group(1))


PAGE = "# Essai\n\n<!-- exercice: educonnect -->\n\nTexte.\n\n<!-- exercice: où-est-ce -->\n"


# --- ÉduConnect -------------------------------------------------------------------------


def test_educonnect_is_a_labelled_practice_copy_with_the_real_labels():
    section = build(PAGE).select_one("section#exercice-educonnect")
    fr = STRINGS["fr"]["educonnect"]
    assert (section["lang"], section["dir"]) == ("fr", "ltr")
    assert section.select_one(".pc-ex__titre").get_text() == "Exercice : activer mon compte ÉduConnect"
    # Said twice: above the exercise and on the drawn screen itself
    assert section.select_one(".pc-ex__prive").get_text(strip=True).endswith(
        "Ceci est un exercice. Ce que vous tapez reste sur cet écran : rien n'est envoyé ni enregistré. "
        "Aucun vrai SMS n'est envoyé.")
    screen = section.select_one(".pc-ec__ecran")
    assert (screen["lang"], screen["dir"]) == ("fr", "ltr")
    badge = screen.select_one(".pc-ec__badge")
    assert badge.get_text(" ", strip=True) == "✎ Ceci est un exercice" and badge["lang"] == "fr"
    assert screen["aria-labelledby"] == badge["id"]
    assert screen.select_one(".pc-ec__adresse").get_text() == "educonnect.education.gouv.fr"
    # The screens, in order, with the service's French labels
    pages = screen.select(".pc-ec__page")
    assert [p["data-ecran"] for p in pages] == list(ex_ecole.SCREENS)
    assert all(p.has_attr("hidden") for p in pages)
    buttons = [b.get_text() for b in screen.select("button")]
    assert buttons == ["Élève", "Représentant légal", "S'identifier avec FranceConnect", "Se connecter",
                       "Je n'ai pas de compte", "Recevoir mon code SMS", "Continuer", "Renvoyer un code",
                       "Continuer"]
    labels = [label.get_text(" ", strip=True) for label in screen.select("label")]
    assert labels == ["Nom", "Prénom", "N° de téléphone portable", "Code d'activation",
                      "Yanis – date de naissance (JJ/MM/AAAA)", "Inès – date de naissance (JJ/MM/AAAA)"]
    assert "k.benali7" in screen.select_one("[data-ecran=fin]").get_text()
    # One instruction per screen, in the page language, beside the screen
    consignes = section.select(".pc-ec__consignes > p")
    assert [p.get_text() for p in consignes] == [fr[f"step_{n}"] for n in range(1, 7)]
    # The drawn phone already holds yesterday's SMS: its code has expired
    phone = section.select_one(".pc-ec__tel")
    assert phone.select_one(".pc-ec__tel-titre").get_text() == "Votre téléphone"
    assert phone.select_one(".pc-ec__sms li").get_text().strip() == (
        "Hier, 18:42 ÉduConnect : votre code d'activation est 615204. Ne le donnez à personne.")
    assert section.select_one(".pc-ex__retour")["aria-live"] == "polite"


def test_educonnect_data_are_invented_and_shown_on_a_card_without_javascript():
    section = build(PAGE).select_one("section#exercice-educonnect")
    card = section.select_one(".pc-ec__fiche")
    # Outside the game: visible without JavaScript and printed
    assert card.find_parent(class_="pc-ex__jeu") is None
    assert card.get_text(" ", strip=True) == (
        "La fiche de l'exercice (informations inventées) Vous êtes : Karima Benali "
        "Numéro de portable donné à l'école : 06 00 00 00 00 "
        "Vos enfants : Yanis , né le 14/03/2014 Inès , née le 02/09/2017")
    for bdi in card.select(".pc-ec__donnee[dir]"):
        assert bdi["dir"] == "ltr"
    # Invented: the reserved-looking number of the course, no real code
    assert re.fullmatch(r"06( 00){4}", ex_ecole.PHONE)
    assert ex_ecole.OLD_CODE.isdigit() and len(ex_ecole.OLD_CODE) == 6
    # Without JavaScript: the message, the game hidden, the steps as a list
    assert section.select_one(".pc-ex__sans-js").get_text(strip=True).endswith(STRINGS["fr"]["no_js"])
    assert section.select_one(".pc-ex__jeu").has_attr("hidden")
    steps = [li.get_text() for li in section.select(".pc-ex__etapes li")]
    assert steps == [STRINGS["fr"]["educonnect"][f"step_{n}"] for n in range(1, 7)]


def test_educonnect_can_neither_submit_nor_remember():
    soup = build(PAGE)
    section = soup.select_one("section#exercice-educonnect")
    assert not soup.select("form") and not section.select("[name], [action], [formaction]")
    ids = [el["id"] for el in soup.select("[id]")]
    assert len(ids) == len(set(ids)), ids
    fields = section.select("input")
    assert len(fields) == 6
    for field in fields:
        assert field["autocomplete"] == "off" and field["dir"] == "ltr"
        # The service's message is tied to every field
        assert field["aria-describedby"] == "exercice-educonnect-alerte"
        assert section.select_one(f'label[for="{field["id"]}"]') is not None
    assert [f.get("inputmode") for f in fields] == [None, None, "tel", "numeric", "numeric", "numeric"]
    assert section.select_one("#exercice-educonnect-tel")["type"] == "tel"


def test_educonnect_gives_the_script_the_checks_and_the_service_messages():
    data = data_of(build(PAGE).select_one("section#exercice-educonnect"))
    assert {*ex_ecole.JS_STRINGS["educonnect"], "restart"} <= set(data)
    assert (data["last"], data["first"], data["phone"], data["old"]) == ("Benali", "Karima", "0600000000", "615204")
    assert data["dates"] == ["14/03/2014", "02/09/2017"]
    assert data["sms"].count("{code}") == 1
    assert data["service"]["code_old"] == "Ce code a expiré. Demandez un nouveau code."
    assert set(data["service"]) == set(ex_ecole.SERVICE)
    # Each mistake of the service has its fix for the parent, in real life too
    for key in ex_ecole.SERVICE:
        assert key in ex_ecole.JS_STRINGS["educonnect"], key
    assert "secrétariat" in data["phone_other"] and "Renvoyer un code" in data["code_old"]
    assert "step_1" not in data and "title" not in data  # rendered in the page, not sent twice


def test_educonnect_in_arabic_explains_in_arabic_around_a_french_screen():
    section = build(PAGE, "ar", "ar/" + LESSONS["educonnect"]).select_one("section#exercice-educonnect")
    ar = STRINGS["ar"]["educonnect"]
    assert (section["lang"], section["dir"]) == ("ar", "rtl")
    assert section.select_one(".pc-ec__ecran")["dir"] == "ltr"
    badge = section.select_one(".pc-ec__badge")
    assert (badge["lang"], badge["dir"], badge.get_text(" ", strip=True)) == ("ar", "rtl", "✎ هذا تمرين")
    assert section.select_one(".pc-ec__fiche-titre").get_text() == ar["card_title"]
    assert section.select_one(".pc-ec__consignes p").get_text() == ar["step_1"]
    assert "« Représentant légal »" in ar["step_1"]
    assert "« Responsable d'élève »" in ar["step_1"]  # older screens
    data = data_of(section)
    assert data["step"] == "الخطوة {n} من {total}"
    # The service speaks French, as the real screen does
    assert data["service"]["code_wrong"] == "Le code saisi est incorrect."


# --- « Où est-ce ? » -------------------------------------------------------------------------


def test_ou_est_ce_draws_a_pronote_like_menu_with_real_labels():
    section = build(PAGE).select_one("section#exercice-ou-est-ce")  # « où-est-ce » with its accent
    fr = STRINGS["fr"]["ou-est-ce"]
    screen = section.select_one(".pc-pn")
    assert (screen["lang"], screen["dir"]) == ("fr", "ltr")
    assert [p.get_text() for p in screen.select(".pc-pn__onglet")] == [
        "Mes données", "Cahier de textes", "Notes", "Vie scolaire", "Communication"]
    places = {b["data-lieu"]: b.get_text() for b in screen.select("button.pc-pn__lieu")}
    assert [places[key] for key in ex_ecole.QUESTIONS] == [
        "Travail à faire", "Messagerie", "Absences", "Emploi du temps"]
    for button in screen.select("button"):
        assert button["aria-describedby"] == "exercice-ou-est-ce-consigne"
    # Menus vary: said before the exercise
    assert "changent un peu selon le collège" in section.select(".pc-ex__prive")[-1].get_text()
    # Without JavaScript: each question with its answer
    assert section.select_one(".pc-ex__jeu").has_attr("hidden")
    assert section.select_one(".pc-ex__etapes > p").get_text() == fr["answers_title"]
    answers = [li.get_text(" ", strip=True) for li in section.select(".pc-ex__etapes li")]
    assert answers[0] == ("Votre enfant a-t-il des devoirs pour demain ? Où regardez-vous ? "
                          "« Cahier de textes », puis « Travail à faire » : les devoirs, jour par jour.")
    assert len(answers) == 4
    data = data_of(section)
    assert [q["place"] for q in data["questions"]] == list(ex_ecole.QUESTIONS)
    assert data["questions"][2] == {"q": fr["q_3"], "hint": fr["hint_3"], "answer": fr["answer_3"],
                                    "place": "absences"}
    assert data["score"] == "Trouvé du premier coup : {n} sur {total}."


def test_ou_est_ce_hints_name_the_menu_of_the_answer():
    for lang in ("fr", "ar", "en"):
        own = STRINGS[lang]["ou-est-ce"]
        for n, key in enumerate(ex_ecole.QUESTIONS, 1):
            tab = next(t for t, items in ex_ecole.MENU for k, _label in items if k == key)
            label = next(lab for _t, items in ex_ecole.MENU for k, lab in items if k == key)
            assert f"« {tab} »" in own[f"hint_{n}"], (lang, n)
            assert f"« {tab} »" in own[f"answer_{n}"] and f"« {label} »" in own[f"answer_{n}"], (lang, n)


def test_ou_est_ce_in_arabic_keeps_the_menu_french_and_left_to_right():
    section = build(PAGE, "ar", "ar/" + LESSONS["ou-est-ce"]).select_one("section#exercice-ou-est-ce")
    assert (section["lang"], section["dir"]) == ("ar", "rtl")
    assert section.select_one(".pc-pn")["dir"] == "ltr"
    assert data_of(section)["questions"][0]["q"] == STRINGS["ar"]["ou-est-ce"]["q_1"]
    assert "(دفتر النصوص)" in STRINGS["ar"]["ou-est-ce"]["hint_1"]


# --- Both ----------------------------------------------------------------------------------


def test_each_page_loads_only_its_exercise_files():
    assert lazy_urls(build("<!-- exercice: educonnect -->\n")) == [
        "../../assets/stylesheets/exercices.css", "../../assets/stylesheets/exercice-educonnect.css",
        "../../assets/javascripts/exercice-educonnect.js"]
    assert lazy_urls(build("<!-- exercice: ou-est-ce -->\n", "ar", "ar/" + LESSONS["ou-est-ce"])) == [
        "../../../assets/stylesheets/exercices.css", "../../../assets/stylesheets/exercice-ou-est-ce.css",
        "../../../assets/javascripts/exercice-ou-est-ce.js"]


def test_a_misspelt_name_lists_these_exercises_in_the_fix():
    with pytest.raises(PluginError) as info:
        exercices.find_markers("Texte\n<!-- exercice: educonect -->\n", MODULE / "02-activer-educonnect.md")
    message = str(info.value)
    assert message.startswith("docs/modules/03-ecole-en-ligne/02-activer-educonnect.md, ligne 2 : "
                              "l'exercice « educonect » n'existe pas.")
    assert "<!-- exercice: educonnect -->" in message and "<!-- exercice: ou-est-ce -->" in message


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_render_uses_only_existing_strings(lang):
    for name in NAMES:
        html = exercices.render_exercise(name, STRINGS[lang], lang)
        assert "None" not in html and "{" not in BeautifulSoup(html, "html.parser").get_text()


@pytest.mark.parametrize("name", NAMES)
def test_each_exercise_fits_its_budget(name):
    sizes = {p.name: len(gzip.compress(p.read_bytes(), 9)) for p in (JS[name], SHARED_CSS, CSS[name])}
    print(f"\n{name} : {sizes} = {sum(sizes.values())} octets gzip (budget {BUDGET})")
    assert sum(sizes.values()) <= BUDGET, sizes


@pytest.mark.parametrize("name", NAMES)
def test_scripts_neither_store_nor_send_anything(name):
    code = JS[name].read_text(encoding="utf-8")
    for api in ("localStorage", "sessionStorage", "indexedDB", "document.cookie", "fetch(", "XMLHttpRequest",
                "sendBeacon", "WebSocket", "EventSource", ".submit(", "<form", "import(", "FileReader"):
        assert api not in code, f"exercice-{name}.js uses {api}"
    assert "?." not in code and "??" not in code, "optional chaining and ?? are ES2020"
    assert code.rstrip().endswith("})();")
    assert set(re.findall(r"window\.(\w+)", code)) == {"ParentsConnectes"}
    # Logical properties only: Arabic needs no special case
    assert not re.search(r"(margin|padding|border)-(left|right)|\b(left|right)\s*:", CSS[name].read_text())


@pytest.mark.parametrize("name", NAMES)
def test_scripts_parse(name):
    if not shutil.which("node"):
        pytest.skip("Node.js absent : pas de vérification de syntaxe")
    result = subprocess.run(["node", "--check", str(JS[name])], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_built_lessons_have_their_exercise_in_every_language(site_dir):
    for lang in ("fr", "ar", "en"):
        prefix = "" if lang == "fr" else f"{lang}/"
        for name, rel in LESSONS.items():
            page = site_dir / prefix / rel
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            section = soup.select_one(f"section#exercice-{name}")
            assert section is not None and section["lang"] == lang, f"{prefix}{rel}"
            # At the end of « À vous », before « À retenir »
            heading = section.find_previous(["h2"])
            assert heading is not None and heading.get("id") == "a-vous", f"{prefix}{rel}"
            for url in lazy_urls(soup):
                assert (page.parent / url).resolve().is_file(), f"{prefix}{rel}: {url}"

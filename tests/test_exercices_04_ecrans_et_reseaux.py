"""Exercises of module « Écrans et réseaux sociaux » at build time: « Que faire ? » and the
family screen agreement (overrides/hooks/ex_ecrans.py through exercices.py). The rendering,
what a parent reads without JavaScript, the facts the answers give, the messages for
contributors, the budget. tests/browser/test_exercices_04_ecrans_et_reseaux.py drives them."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess

import budgets
import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

import ex_ecrans
import exercices
from test_exercices import DOCS, LESSON, STRINGS, build, lazy_urls, strings_of

NAMES = ("que-faire", "accord-ecrans")
MODULE = "modules/04-ecrans-et-reseaux/"
LESSONS = {"que-faire": MODULE + "06-le-cyberharcelement.html",
           "accord-ecrans": MODULE + "08-creer-et-apprendre-en-famille.html"}
PAGE = "# Essai\n\n<!-- exercice: que-faire -->\n\nTexte.\n\n<!-- exercice: Accord-Ecrans -->\n"
BUDGET = budgets.EXERCISE


def sections(lang: str = "fr"):
    soup = build(PAGE, lang, ("" if lang == "fr" else f"{lang}/") + LESSONS["que-faire"])
    return soup, soup.select_one("section#exercice-que-faire"), soup.select_one("section#exercice-accord-ecrans")


# --- « Que faire ? » ----------------------------------------------------------------


def test_que_faire_reads_as_worked_examples_without_javascript():
    soup, qf, _ = sections()
    fr = STRINGS["fr"]["que-faire"]
    assert (qf["lang"], qf["dir"], qf["data-pc-exercice"]) == ("fr", "ltr", "que-faire")
    assert qf.select_one(".pc-ex__titre").get_text() == "Exercice : que faire ?"
    assert qf.select_one(".pc-ex__sans-js").get_text(strip=True).endswith(fr["no_js"])
    assert qf.select_one(".pc-ex__prive").get_text(strip=True).endswith(fr["invented"])
    stories = qf.select(".pc-ex__etapes > ol > li > article.pc-qf")
    assert len(stories) == len(ex_ecrans.QUE_FAIRE) >= 4
    for story, (key, good) in zip(stories, ex_ecrans.QUE_FAIRE):
        texts = fr["scenarios"][key]
        assert story["data-bon"] == good
        assert story.select_one(".pc-qf__histoire").get_text() == texts["story"]
        choices = story.select(".pc-qf__choix > li")
        assert [c["data-choix"] for c in choices] == ["a", "b", "c"]
        # Exactly one good choice; each says why, with a sign and words (not colour alone)
        assert [c["data-verdict"] for c in choices].count("bon") == 1
        for choice in choices:
            letter = choice["data-choix"]
            assert choice.select_one(".pc-qf__texte").get_text() == texts[letter]
            mark = "✓ Bonne idée." if letter == good else "✗ Mauvaise idée."
            assert choice.select_one(".pc-qf__raison").get_text() == f"{mark} {texts[letter + '_why']}"
        assert story.select_one(".pc-qf__action").get_text() == f"Ce qu'il faut faire : {texts['action']}"
    # The game is hidden until the script runs; feedback is announced
    game = qf.select_one(".pc-ex__jeu")
    assert game.has_attr("hidden") and game.select_one(".pc-ex__retour")["aria-live"] == "polite"
    assert qf.select_one(".pc-ex__etapes > p").get_text() == fr["answers_title"]
    # The summary after the stories, with the 3018 and the sources
    summary = qf.select_one(".pc-ex__etapes + .pc-qf__resume")
    assert summary.select_one(".pc-ex__titre").get_text() == fr["summary_title"]
    assert len(summary.select("li")) == len(fr["summary"])
    assert "sources" in summary.select_one(".pc-ex__astuce").get_text().lower()
    assert set(strings_of(qf)) == {*exercices.JS_STRINGS["que-faire"], "restart"}


def test_que_faire_gives_the_right_advice():
    """The facts of course-outline.md A5 and the official pages named in « sources »."""
    fr = STRINGS["fr"]["que-faire"]
    summary = " ".join(fr["summary"])
    # 3018: free, anonymous, every day 9 h – 23 h (académie de Lille, e-Enfance)
    assert "3018" in summary and "gratuit et anonyme, 7 jours sur 7, de 9 h à 23 h" in summary
    for advice in ("Gardez les preuves avant de signaler", "Ne payez jamais", "N'envoyez jamais d'autres photos",
                   "Signalez le message ou le compte dans l'application", "Prévenez l'école",
                   "Pharos (internet-signalement.gouv.fr)", "portez plainte à la police", "appelez le 17"):
        assert advice in summary, advice
    for source in ("e-Enfance", "académie de Lille", "cybermalveillance.gouv.fr", "service-public.gouv.fr",
                   "PédaGoJeux"):
        assert source in fr["sources"]
    s = fr["scenarios"]
    good = dict(ex_ecrans.QUE_FAIRE)
    # The required stories, the good choice in each
    assert "groupe de la classe" in s["photo"]["story"] and "prévenez le collège" in s["photo"][good["photo"]]
    assert "photos" in s["chantage"]["story"] and "3018" in s["chantage"][good["chantage"]]
    assert "Payer n'arrête rien" in s["chantage"]["a_why"] and "autre photo" in s["chantage"]["b"]
    assert "Skins gratuits" in s["skins"]["story"] and "mot de passe" in s["skins"][good["skins"]]
    assert "Votre fils" in s["moqueur"]["story"] and "s'excuse" in s["moqueur"][good["moqueur"]]
    for key in ("photo", "chantage", "moqueur"):  # a fake gift is not harassment: no 3018 there
        assert "3018" in s[key]["action"], key
    # The good choice is not always at the same place
    assert len(set(good.values())) > 1


def test_que_faire_in_arabic_and_english():
    _, qf, _ = sections("ar")
    ar = STRINGS["ar"]["que-faire"]
    assert (qf["lang"], qf["dir"]) == ("ar", "rtl")
    assert qf.select_one(".pc-ex__titre").get_text() == ar["title"]
    first = qf.select_one(".pc-qf__choix > li[data-verdict=bon] .pc-qf__raison strong")
    assert first.get_text() == "✓ " + ar["good"]
    assert "3018" in qf.select_one(".pc-qf__resume").get_text()
    assert strings_of(qf)["step"] == "الموقف {n} من {total}"
    _, qf, _ = sections("en")
    assert qf.select_one(".pc-qf__question").get_text() == "What do you do?"


# --- The screen agreement -------------------------------------------------------------


def test_accord_lists_the_rules_with_their_ages_without_javascript():
    _, _, acc = sections()
    fr = STRINGS["fr"]["accord-ecrans"]
    assert (acc["lang"], acc["dir"]) == ("fr", "ltr")
    assert acc.select_one(".pc-ex__prive").get_text(strip=True).endswith(
        "Vos choix restent sur cette page : rien n'est envoyé ni enregistré. Si vous fermez la page, "
        "l'accord disparaît : imprimez-le.")
    steps = acc.select(".pc-ex__etapes > ol > li")
    assert [li.strong.get_text() for li in steps] == [fr["situations"][s] for s, _ in ex_ecrans.ACCORD]
    meals = steps[1].select("li")
    assert meals[0].get_text() == "Pas d'écran pendant les repas : ni télévision, ni téléphone, pour personne. " \
                                  "(conseillé pour : tous les âges)"
    assert meals[1].get_text().endswith("(conseillé pour : moins de 3 ans, 3 à 6 ans)")
    assert acc.select_one(".pc-accord__sources").get_text() == fr["sources"]
    assert acc.select_one(".pc-ex__jeu").has_attr("hidden")


def test_accord_builder_cannot_send_or_keep_anything():
    soup, _, acc = sections()
    game = acc.select_one(".pc-ex__jeu")
    assert not soup.select("form") and not acc.select("[name], [action], [formaction]")
    # Five ages, as toggle buttons in a labelled group
    group = game.select_one("[role=group]")
    assert game.select_one("#" + group["aria-labelledby"]).get_text() == "Quel âge a votre enfant ?"
    ages = group.select("button")
    assert [b["data-age"] for b in ages] == list(ex_ecrans.AGES)
    assert [b.get_text() for b in ages] == ["moins de 3 ans", "3 à 6 ans", "6 à 9 ans", "9 à 12 ans", "12 ans et plus"]
    assert all(b["aria-pressed"] == "false" and b["type"] == "button" for b in ages)
    # One labelled checkbox a rule, in a fieldset a situation
    boxes = game.select("input[type=checkbox]")
    assert len(boxes) == sum(len(rules) for _, rules in ex_ecrans.ACCORD)
    for box in boxes:
        assert box["autocomplete"] == "off" and game.select_one(f"label[for={box['id']}]").get_text()
    assert [f.legend.get_text() for f in game.select("fieldset")] == [
        STRINGS["fr"]["accord-ecrans"]["situations"][s] for s, _ in ex_ecrans.ACCORD]
    own = game.select_one("input[type=text]")
    assert (own["autocomplete"], own["maxlength"], own["dir"]) == ("off", str(ex_ecrans.OWN_MAX), "auto")
    assert game.select_one(f"label[for={own['id']}]").get_text() == "Votre règle à vous (si vous voulez)"
    assert "n'est pas enregistrée" in game.select_one("#" + own["aria-describedby"]).get_text()
    sheet = game.select_one(".pc-accord__feuille")
    assert sheet["lang"] == "fr" and sheet["role"] == "region"
    assert game.select_one(".pc-accord__imprimer").get_text() == "Imprimer l'accord"
    assert set(strings_of(acc)) == {*exercices.JS_STRINGS["accord-ecrans"], "restart"}


def suggested(age: str) -> set[str]:
    return {key for _, rules in ex_ecrans.ACCORD for key, _, ticked in rules if age in ticked.split()}


def test_accord_suggestions_follow_the_milestones():
    """3-6-9-12 (Serge Tisseron) and the commission écrans (30 April 2024)."""
    assert "sans_ecran" in suggested("0-3") and "sans_ecran" not in suggested("3-6")
    assert {"avec_adulte", "console"} <= suggested("3-6")
    assert "internet_adulte" in suggested("6-9") and "internet_adulte" not in suggested("9-12")
    assert {"telephone"} <= suggested("6-9") & suggested("9-12") and "telephone" not in suggested("12+")
    assert {"smartphone", "reseaux"} <= suggested("9-12") & suggested("12+")
    for age in ex_ecrans.AGES:
        assert {"repas_sans", "chambre_sans", "sortie", "parents"} <= suggested(age), age
    rules = STRINGS["fr"]["accord-ecrans"]["rules"]
    assert "avant 3 ans" in rules["sans_ecran"] and "avant 6 ans" in rules["console"]
    assert "avant 11 ans" in rules["telephone"] and "13 ans" in rules["smartphone"]
    assert "avant 15 ans" in rules["reseaux"]


def test_accord_data_mistakes_fail_loudly(monkeypatch):
    monkeypatch.setattr(ex_ecrans, "ACCORD", (("repas", (("repas_sans", "0-3", "3-6"),)),))
    with pytest.raises(ValueError, match="cochée pour un âge où elle n'est pas montrée"):
        ex_ecrans.check_data()
    monkeypatch.setattr(ex_ecrans, "ACCORD", (("repas", (("a", "0-3", "0-3"), ("a", "3-6", "3-6"))),))
    with pytest.raises(ValueError, match="en double"):
        ex_ecrans.check_data()
    monkeypatch.setattr(ex_ecrans, "ACCORD", (("repas", (("a", "0-3 3-6", "0-3"),)),))
    with pytest.raises(ValueError, match="aucune règle conseillée pour « 3-6 »"):
        ex_ecrans.check_data()
    monkeypatch.setattr(ex_ecrans, "QUE_FAIRE", (("photo", "d"),))
    with pytest.raises(ValueError, match="le bon choix doit être a, b ou c"):
        ex_ecrans.check_data()


# --- Markers, assets, budget -----------------------------------------------------------


def test_markers_load_their_own_files_only():
    soup, _, _ = sections()
    assert lazy_urls(soup) == [
        "../../assets/stylesheets/exercices.css", "../../assets/stylesheets/exercice-que-faire.css",
        "../../assets/stylesheets/exercice-accord-ecrans.css",
        "../../assets/javascripts/exercice-que-faire.js", "../../assets/javascripts/exercice-accord-ecrans.js"]
    for name in NAMES:
        assert (DOCS / exercices.SCRIPTS[name]).is_file() and (DOCS / exercices.STYLES[name]).is_file()


def test_a_misspelt_marker_names_the_line_and_lists_these_exercises():
    with pytest.raises(PluginError) as info:
        exercices.find_markers("Texte\n<!-- exercice: que faire -->\n", LESSON)
    message = str(info.value)
    assert ", ligne 2 : l'exercice « que faire » n'existe pas." in message
    assert "<!-- exercice: que-faire -->" in message and "<!-- exercice: accord-ecrans -->" in message


@pytest.mark.parametrize("name", NAMES)
def test_each_exercise_fits_its_budget(name):
    paths = (DOCS / exercices.SCRIPTS[name], DOCS / "assets/stylesheets/exercices.css", DOCS / exercices.STYLES[name])
    sizes = {path.name: len(gzip.compress(path.read_bytes(), 9)) for path in paths}
    print(f"\n{name} : {sizes} = {sum(sizes.values())} octets gzip (budget {BUDGET})")
    assert sum(sizes.values()) <= BUDGET, sizes


@pytest.mark.parametrize("name", NAMES)
def test_scripts_neither_store_nor_send_anything(name):
    code = (DOCS / exercices.SCRIPTS[name]).read_text(encoding="utf-8")
    for api in ("localStorage", "sessionStorage", "indexedDB", "document.cookie", "fetch(", "XMLHttpRequest",
                "sendBeacon", "WebSocket", "EventSource", ".submit(", "<form", "import(", "innerHTML"):
        assert api not in code, f"{name} uses {api}"
    assert "?." not in code and "??" not in code, "optional chaining and ?? are ES2020"
    assert code.rstrip().endswith("})();")
    assert set(re.findall(r"window\.(\w+)", code)) <= {"ParentsConnectes", "print", "addEventListener"}
    css = (DOCS / exercices.STYLES[name]).read_text(encoding="utf-8")
    assert not re.search(r"(margin|padding|border)-(left|right)|text-align:\s*(left|right)|float:", css)
    if shutil.which("node"):
        result = subprocess.run(["node", "--check", str(DOCS / exercices.SCRIPTS[name])], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


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
            assert [u.rsplit("/", 1)[1] for u in lazy_urls(soup)] == [
                "exercices.css", f"exercice-{name}.css", f"exercice-{name}.js"]
            for url in lazy_urls(soup):
                assert (page.parent / url).resolve().is_file()
            assert json.loads(section["data-pc-strings"])["restart"] == STRINGS[lang]["restart"]

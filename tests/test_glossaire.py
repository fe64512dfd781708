"""Reading aids at build time (overrides/hooks/lecture.py): the glossary file check, the
glossary words marked on their first use, the on-screen labels « … », the glossary pages,
and what the built site ships (scripts only where needed, sizes).
No browser here: tests/browser/test_lecture.py drives « Écouter », the definitions and the
text size in Chromium."""

from __future__ import annotations

import gzip
import re
import textwrap
from pathlib import Path
from types import SimpleNamespace

import budgets
import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

import lecture  # overrides/hooks/lecture.py (tests/conftest.py puts it on sys.path)
from conftest import LANGS, ROOT, all_pages, built_page

GLOSSARY = yaml.safe_load((ROOT / "i18n" / "glossaire.yml").read_text(encoding="utf-8"))["termes"]
JS = ROOT / "docs" / "assets" / "javascripts" / "lecture.js"
CSS = ROOT / "docs" / "assets" / "stylesheets" / "lecture.css"
# Budgets, gzip: the reading aids on a lesson (script + styles), and our own scripts on any page
LECTURE_BUDGET = budgets.LECTURE


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def mark(html: str, text_lang="fr", reader_lang=None, glossary=GLOSSARY):
    return lecture.mark_terms(html, glossary, text_lang, reader_lang or text_lang, "../../glossaire.html")


# --- The glossary file -------------------------------------------------------

def test_the_real_glossary_passes_the_check_in_every_language():
    lecture.check_glossary((ROOT / "i18n" / "glossaire.yml").read_text(encoding="utf-8"), LANGS)
    assert len(GLOSSARY) >= 30
    for term_id, entry in GLOSSARY.items():
        for lang in LANGS:
            assert entry[lang]["terme"].strip() and entry[lang]["definition"].strip(), (term_id, lang)


GOOD = """\
termes:
  souris:
    fr:
      terme: souris
      definition: "Le petit objet dans la main."
    ar:
      terme: فأرة
      definition: "الشيء الصغير في اليد."
    en:
      terme: mouse
      definition: "The small object in your hand."
"""


def test_a_term_without_a_language_stops_the_build_with_the_line_and_the_fix():
    text = GOOD.replace("    en:\n      terme: mouse\n      definition: \"The small object in your hand.\"\n", "")
    with pytest.raises(PluginError) as error:
        lecture.check_glossary(text, LANGS)
    message = str(error.value)
    assert message.startswith("i18n/glossaire.yml, ligne 2 : le terme « souris » n'a pas de traduction « en ».")
    assert "→ Ajoutez sous « souris: » un bloc « en: » avec « terme: » et « definition: »" in message


def test_an_empty_definition_is_named_with_its_line():
    text = GOOD.replace('definition: "الشيء الصغير في اليد."', 'definition: ""')
    with pytest.raises(PluginError) as error:
        lecture.check_glossary(text, LANGS)
    assert "ligne 8 : il manque la définition en « ar » pour le terme « souris »." in str(error.value)


def test_a_missing_word_and_a_bad_id_are_explained():
    with pytest.raises(PluginError, match="il manque le mot en « fr »"):
        lecture.check_glossary(GOOD.replace("      terme: souris\n", ""), LANGS)
    with pytest.raises(PluginError, match="l'identifiant « Souris » contient des caractères non permis"):
        lecture.check_glossary(GOOD.replace("  souris:", "  Souris:"), LANGS)
    with pytest.raises(PluginError, match="n'est pas du YAML valide"):
        lecture.check_glossary("termes:\n  souris: [\n", LANGS)


def test_the_build_stops_in_french_when_the_glossary_is_incomplete(tmp_path, monkeypatch):
    broken = tmp_path / "glossaire.yml"
    broken.write_text(GOOD.replace("    ar:\n", "    es:\n"), encoding="utf-8")
    monkeypatch.setattr(lecture, "GLOSSARY", broken)
    config = SimpleNamespace(plugins={"i18n": SimpleNamespace(all_languages=["fr", "ar", "en"])})
    with pytest.raises(PluginError, match="le terme « souris » n'a pas de traduction « ar »"):
        lecture.on_pre_build(config)


# --- Glossary words ----------------------------------------------------------

def test_only_the_first_use_of_each_term_is_marked():
    html, marked = mark("<p>Le navigateur affiche le site. Fermez le navigateur.</p><p>Un autre navigateur.</p>")
    page = soup(html)
    assert [a.get_text() for a in page.select("a.pc-terme")] == ["navigateur"]
    assert marked == ["navigateur"]
    link = page.select_one("a.pc-terme")
    assert link["href"] == "../../glossaire.html#gl-navigateur"
    assert link["data-pc-def"] == GLOSSARY["navigateur"]["fr"]["definition"]
    assert not link.has_attr("data-pc-t")  # the text says it as the glossary does


def test_whole_words_case_and_plurals():
    html, marked = mark("<p>Les Onglets et les souris. Un clic, puis un double-clic. Le fichier .pdf ; un PDF.</p>")
    words = {a.get_text(): a.get("data-pc-t") for a in soup(html).select("a.pc-terme")}
    assert words == {"Onglets": "onglet", "souris": None, "clic": None, "double-clic": None, "PDF": None}
    # « clic » inside « double-clic » is not a second word; « .pdf » is a file name, not the word
    assert marked == ["onglet", "souris", "clic", "double-clic", "pdf"]


def test_longest_term_wins_and_apostrophes_match():
    html, marked = mark("<p>Votre mot de passe et votre nom d’utilisateur.</p>")
    assert [a.get_text() for a in soup(html).select("a.pc-terme")] == ["mot de passe", "nom d’utilisateur"]
    assert "mot-de-passe" in marked


def test_arabic_words_with_prefixes_and_vowel_marks():
    html, marked = mark("<p>انقروا بالفأرة، ثم افتحوا متصفح الإنترنت.</p>", "ar")
    words = [a.get_text() for a in soup(html).select("a.pc-terme")]
    assert "بالفأرة" in words  # ب + ال + فأرة
    assert "متصفح الإنترنت" in words  # written without the shadda of the glossary
    assert {"souris", "navigateur"} <= set(marked)


def test_no_marking_in_headings_code_keys_links_quizzes_exercises_and_trainer_notes():
    html = textwrap.dedent("""\
        <h2 id="etapes">Le navigateur</h2>
        <p><code>navigateur</code> <kbd>souris</kbd> <a href="x.html">clavier AZERTY et souris</a></p>
        <form class="pc-quiz"><p>Le navigateur.</p></form>
        <section class="pc-ex"><p>La souris.</p></section>
        <details class="formateur"><summary>Pour l'animateur</summary><p>Le navigateur, la souris.</p></details>
        <div class="admonition note"><p class="admonition-title">La souris</p><p>Rien.</p></div>
        <details class="tip"><summary>Le navigateur</summary><p>Rien.</p></details>
        <h2 id="sources">Sources</h2>
        <ul><li><a href="https://example.org">Aide</a> — utiliser le navigateur.</li></ul>
        <h2 id="fin">Fin</h2>
        <p>Enfin, le navigateur et la souris.</p>""")
    out, marked = mark(html)
    page = soup(out)
    links = page.select("a.pc-terme")
    assert [a.get_text() for a in links] == ["navigateur", "souris"]
    assert all(a.find_parent("p").find_previous("h2").get("id") == "fin" for a in links)


def test_definitions_are_in_the_readers_language_even_on_a_page_shown_in_french():
    out, _ = mark("<p>Ouvrez le navigateur.</p>", text_lang="fr", reader_lang="ar")
    link = soup(out).select_one("a.pc-terme")
    assert link.get_text() == "navigateur"
    assert link["data-pc-t"] == GLOSSARY["navigateur"]["ar"]["terme"]
    assert link["data-pc-def"] == GLOSSARY["navigateur"]["ar"]["definition"]


# --- Labels « … » ------------------------------------------------------------

def labels(html: str) -> list[tuple[str, str | None, str | None]]:
    return [(span.get_text().strip("« »\u00a0"), span.get("lang"), span.get("dir"))
            for span in soup(html).select("span.pc-label")]


def test_french_labels_look_like_buttons_and_keep_their_quotes():
    html = lecture.mark_labels("<p>Cliquez sur « Envoyer », puis « Se connecter ».</p>", "fr")
    assert labels(html) == [("Envoyer", None, None), ("Se connecter", None, None)]
    assert soup(html).get_text() == "Cliquez sur « Envoyer », puis « Se connecter »."


def test_what_is_not_a_label():
    html = lecture.mark_labels(textwrap.dedent("""\
        <h2 id="a-vous">À vous</h2>
        <h3>Cliquez sur « Envoyer »</h3>
        <p>Tapez « carte vitale », lisez la partie « À vous », « A » et « a » diffèrent.</p>
        <p>« Ceci est une phrase beaucoup trop longue pour un bouton ».</p>
        <p><code>« Envoyer »</code></p>
        <form class="pc-quiz"><label>« Envoyer »</label></form>"""), "fr")
    assert labels(html) == []


def test_in_arabic_and_english_a_french_label_is_marked_french():
    french = lecture.french_labels("Cliquez sur « OK ». Puis « Démarrer ».")
    html = lecture.mark_labels("<p>انقروا على « Démarrer » (ابدأ) ثم « OK »، « Karim ».</p>", "ar", french)
    assert labels(html) == [("Démarrer", "fr", "ltr"), ("OK", "fr", "ltr")]
    assert "(ابدأ)" in html
    english = lecture.mark_labels("<p>Read the part « Your turn », then click « Imprimer » (Print).</p>", "en", set())
    assert labels(english) == [("Imprimer", "fr", None)]


def test_keys_of_translated_lessons_are_french():
    assert lecture.french_keys("<kbd>Entrée</kbd>") == '<kbd lang="fr">Entrée</kbd>'


# --- Glossary pages ----------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_glossary_list_in_each_language(lang):
    page = soup(lecture.render_glossary(GLOSSARY, lang))
    terms = page.select("dl.pc-glossaire > dt")
    assert len(terms) == len(GLOSSARY) == len(page.select("dd[data-pc-ecouter]"))
    assert {dt["id"] for dt in terms} == {f"gl-{k}" for k in GLOSSARY}
    entry = page.select_one("#gl-navigateur")
    assert entry.dfn.get_text() == GLOSSARY["navigateur"][lang]["terme"]
    assert entry.find_next_sibling("dd").get_text() == GLOSSARY["navigateur"][lang]["definition"]
    french = entry.select_one('[lang="fr"]')
    assert (french is None) == (lang == "fr")
    words = [lecture.sort_key(dt.dfn.get_text()) for dt in terms if lang != "ar" or dt.dfn.get_text()[0] >= "\u0600"]
    assert words == sorted(words)


# --- The built site ----------------------------------------------------------

def page_html(site_dir: Path, rel: str) -> BeautifulSoup:
    return built_page(site_dir, rel)  # parsed once per run: read it, don't change it


@pytest.mark.parametrize("lang", LANGS)
def test_built_glossary_page_in_the_menu(site_dir, lang):
    prefix = "" if lang == "fr" else f"{lang}/"
    page = page_html(site_dir, f"{prefix}glossaire.html")
    assert len(page.select("article dl.pc-glossaire dt")) == len(GLOSSARY)
    assert "<!-- glossaire -->" not in str(page)
    assert page.select_one('script[src$="lecture.js"][data-pc-lecture]')
    home = page_html(site_dir, f"{prefix}index.html")
    assert home.select_one('.md-nav a[href$="glossaire.html"]'), "le glossaire n'est pas dans le menu"


def test_built_lessons_mark_each_term_once_and_load_the_script(site_dir):
    lessons = [rel for rel in all_pages(site_dir) if "/modules/" in f"/{rel}" and rel.split("/")[-1] != "index.html"]
    assert len(lessons) >= 24
    marked_total = 0
    for rel in lessons:
        page = page_html(site_dir, rel)
        hrefs = [a["href"].split("#")[1] for a in page.select("article a.pc-terme")]
        assert len(hrefs) == len(set(hrefs)), f"{rel}: un terme est marqué deux fois"
        marked_total += len(hrefs)
        for a in page.select("article a.pc-terme"):
            assert not a.find_parent(["h1", "h2", "h3", "code", "kbd", "form"]), rel
            assert not a.find_parent("details", class_="formateur"), rel
        if page.select_one("#etapes, #a-retenir"):
            assert page.select_one('script[src$="lecture.js"]'), f"{rel}: lecture.js manque"
    assert marked_total >= 3 * len(lessons)


def test_the_script_is_only_where_needed_and_labels_are_everywhere(site_dir):
    for rel in ("index.html", "quizzes/exemple.html", "ar/formateurs/index.html"):
        assert not page_html(site_dir, rel).select_one('script[src$="lecture.js"]'), rel
    arabic = page_html(site_dir, "ar/modules/01-bien-demarrer/02-allumer-et-eteindre.html")
    assert arabic.select_one('article span.pc-label[lang="fr"][dir="ltr"]')
    assert page_html(site_dir, "modules/01-bien-demarrer/02-allumer-et-eteindre.html").select_one("span.pc-label")
    # The text size control is on every page, with its strings
    for lang in LANGS:
        prefix = "" if lang == "fr" else f"{lang}/"
        control = page_html(site_dir, f"{prefix}quizzes/index.html").select_one(".pc-taille.pc-js")
        assert control and len(control.select("button")) == 2


def test_sizes():
    lecture_size = gz(JS.read_bytes()) + gz(CSS.read_bytes())
    assert lecture_size <= LECTURE_BUDGET, f"lecture.js + lecture.css : {lecture_size} octets gzip"
    print(f"\nAides à la lecture : {lecture_size} octets gzip")

"""Practice exercises: the markers, their rendering (overrides/hooks/exercices.py), the
messages for contributors, the strings (i18n/*.yml) and the size budget of the scripts.
No browser here: tests/browser/test_exercices.py drives the built pages."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import textwrap
from pathlib import Path
from types import SimpleNamespace

import markdown as md_lib
import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

import exercices  # overrides/hooks/exercices.py (tests/conftest.py puts it on sys.path)

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LESSON = DOCS / "modules" / "01-bien-demarrer" / "03-la-souris-et-le-toucher.md"
WHERE = "docs/modules/01-bien-demarrer/03-la-souris-et-le-toucher.md"
URL = "modules/01-bien-demarrer/03-la-souris-et-le-toucher.html"
STRINGS = {lang: yaml.safe_load((ROOT / "i18n" / f"{lang}.yml").read_text(encoding="utf-8"))["exercices"]
           for lang in ("fr", "ar", "en")}
# Budget per exercise: its script and the shared stylesheet, gzip
BUDGET = 6 * 1024
CSS = DOCS / "assets" / "stylesheets" / "exercices.css"
JS = {name: DOCS / "assets" / "javascripts" / f"exercice-{name}.js" for name in ("souris", "clavier")}

PAGE = """\
---
title: Essai
---

# Essai

Entraînez-vous :

<!-- exercice: souris -->

```markdown
<!-- exercice: sourie -->
```

1. Une étape.

    <!-- exercice: clavier -->

Fin.
"""


def build(text: str = PAGE, lang: str = "fr", url: str = URL, raw: bool = False):
    """Run the hook's events around a Markdown conversion, as MkDocs does; the whole page back
    (no-break spaces as spaces, unless ``raw``)."""
    body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
    page = SimpleNamespace(file=SimpleNamespace(
        src_uri=url.replace(".html", ".md"), abs_src_path=str(LESSON), content_string=text, url=url))
    config = SimpleNamespace(theme={"language": lang})
    exercices.on_pre_build(config)
    body = exercices.on_page_markdown(body, page, config, None)
    content = md_lib.markdown(body, extensions=["admonition", "attr_list", "md_in_html", "fenced_code"])
    content = exercices.on_page_content(content, page, config, None)
    html = f"<html><head><title>t</title></head><body>{content}</body></html>"
    html = exercices.on_post_page(html, page, config)
    return html if raw else BeautifulSoup(html.replace("\xa0", " "), "html.parser")


def strings_of(section) -> dict:
    return json.loads(section["data-pc-strings"])


# --- Rendering ---------------------------------------------------------------


def test_markers_become_containers_readable_without_javascript():
    soup = build()
    souris, clavier = soup.select("section.pc-ex")
    assert souris["id"] == "exercice-souris" and souris["data-pc-exercice"] == "souris"
    assert clavier["id"] == "exercice-clavier" and "pc-ex--clavier" in clavier["class"]
    # Inside the list item, not wrapped in a paragraph, the marker gone
    assert clavier.find_parent("li") is not None and clavier.find_parent("p") is None
    assert "<!-- exercice" not in str(soup) and "<!-- pc-exercice" not in str(soup)
    # The example in fenced code stays an example
    assert "&lt;!-- exercice: sourie --&gt;" in str(soup.find("code"))
    for section in (souris, clavier):
        assert section["lang"] == "fr" and section["dir"] == "ltr"
        assert section["aria-labelledby"] == section.select_one(".pc-ex__titre")["id"]
        assert section.has_attr("data-search-exclude")
        # A visible message (not <noscript>: it also shows when the script fails to load)
        assert section.select_one(".pc-ex__sans-js").get_text(strip=True).endswith(STRINGS["fr"]["no_js"])
    assert souris.select_one(".pc-ex__titre").get_text() == "Exercice : la souris"
    steps = [li.get_text() for li in souris.select(".pc-ex__etapes li")]
    assert steps == [STRINGS["fr"]["souris"][f"step_{n}"] for n in range(1, 7)]
    assert souris.select_one(".pc-ex__prive") is None
    # The typing tasks show the text to type, marked as French and left to right
    tasks = clavier.select(".pc-ex__etapes li")
    assert [t.get_text(" ", strip=True) for t in tasks] == [
        "Écrivez cette adresse e-mail inventée : prenom.nom@example.org",
        "Écrivez ce mot avec un accent : fenêtre",
        "Écrivez ce mot avec une majuscule : Roubaix",
    ]
    model = tasks[0].select_one(".pc-ex__modele")
    assert (model["lang"], model["dir"], model["translate"]) == ("fr", "ltr", "no")
    assert clavier.select_one(".pc-ex__prive").get_text(strip=True).endswith(
        "Ce que vous tapez reste sur cet écran. Rien n'est envoyé ni enregistré.")


def test_strings_for_the_script_are_a_json_attribute():
    souris, clavier = build().select("section.pc-ex")
    data = strings_of(souris)
    assert data["step"] == "Étape {n} sur {total}" and data["restart"] == "Recommencer"
    assert data["double_mouse"] == "Cliquez deux fois, vite, sans bouger la souris."
    assert data["encouragements"][0] == "Bravo !"
    assert "clavier" not in data and "souris" not in data and "title" not in data
    data = strings_of(clavier)
    assert data["texts"] == ["prenom.nom@example.org", "fenêtre", "Roubaix"]
    assert data["hold"] == "Gardez le doigt sur {mod}, puis appuyez sur {key}."


def test_assets_only_on_pages_with_an_exercise_with_relative_paths():
    head = build().head
    assert [link["href"] for link in head.select("link[rel=stylesheet]")] == ["../../assets/stylesheets/exercices.css"]
    scripts = head.select("script")
    assert [s["src"] for s in scripts] == ["../../assets/javascripts/exercice-souris.js",
                                           "../../assets/javascripts/exercice-clavier.js"]
    assert all(s.has_attr("defer") for s in scripts)
    # From an Arabic page (one folder deeper), only the script it needs
    head = build("<!-- exercice: clavier -->\n", "ar", "ar/" + URL).head
    assert [s["src"] for s in head.select("script")] == ["../../../assets/javascripts/exercice-clavier.js"]
    # A page without exercise is left alone
    soup = build("# Rien\n\n<!-- un commentaire -->\n")
    assert not soup.head.select("script, link") and not soup.select(".pc-ex")


def test_arabic_page_gets_arabic_strings_and_right_to_left_even_on_a_french_fallback():
    # The Arabic build renders the French file when the translation is missing
    souris, clavier = build(PAGE, "ar", "ar/" + URL).select("section.pc-ex")
    assert (souris["lang"], souris["dir"]) == ("ar", "rtl")
    assert souris.select_one(".pc-ex__titre").get_text() == "تمرين: الفأرة"
    assert strings_of(souris)["step"] == "الخطوة {n} من {total}"
    assert clavier.select_one(".pc-ex__prive").get_text(strip=True).endswith(
        "ما تكتبونه يبقى على هذه الشاشة. لا يُرسَل أي شيء ولا يُحفَظ.")
    # The text to type stays Latin, left to right
    assert clavier.select_one(".pc-ex__modele")["dir"] == "ltr"
    assert build(PAGE, "en").select_one(".pc-ex__titre").get_text() == "Exercise: the mouse"


def test_french_punctuation_never_starts_a_line():
    html = build(raw=True)
    assert "Exercice\xa0: la souris" in html and "Presque\xa0!" in html and "«\xa0{char}\xa0»" in html
    assert "\xa0" not in build(PAGE, "ar", "ar/" + URL, raw=True).replace("&nbsp;", "")


def test_two_exercises_of_the_same_kind_get_their_own_ids():
    soup = build("<!-- exercice: souris -->\n\nTexte.\n\n<!--exercice:Souris-->\n")
    assert [s["id"] for s in soup.select("section.pc-ex")] == ["exercice-souris", "exercice-souris-2"]
    assert len(soup.head.select("script")) == 1


# --- Messages for contributors ----------------------------------------------


def error(text: str, first_line: int = 1) -> str:
    with pytest.raises(PluginError) as info:
        exercices.find_markers(textwrap.dedent(text), LESSON, first_line)
    return str(info.value)


def test_unknown_exercise_names_the_file_the_line_and_the_fix():
    assert error("# Titre\n\nTexte.\n<!-- exercice: sourie -->\n") == (
        f"{WHERE}, ligne 4 : l'exercice « sourie » n'existe pas.\n"
        "  → Écrivez <!-- exercice: souris --> ou <!-- exercice: clavier -->.")


def test_missing_name_and_misspelt_keyword():
    assert error("<!-- exercice: -->\n") == (
        f"{WHERE}, ligne 1 : il manque le nom de l'exercice.\n"
        "  → Écrivez <!-- exercice: souris --> ou <!-- exercice: clavier -->.")
    assert error("Texte\n<!-- exercise: clavier -->\n") == (
        f"{WHERE}, ligne 2 : « exercise » n'est pas reconnu.\n"
        "  → Écrivez « exercice », en français et au singulier : <!-- exercice: clavier -->.")


def test_the_build_reports_the_file_line_even_after_the_front_matter():
    text = PAGE.replace("<!-- exercice: souris -->", "<!-- exercice: sourie -->")
    with pytest.raises(PluginError, match=rf"^{re.escape(WHERE)}, ligne 9 : l'exercice « sourie »"):
        build(text)


def test_markers_in_fenced_code_and_in_text_are_not_exercises():
    text = "Écrivez `<!-- exercice: souris -->` dans la page.\n\n~~~\n<!-- exercice: x -->\n~~~\n"
    assert exercices.find_markers(text, LESSON) == []


# --- Strings -------------------------------------------------------------------


# The same word in French and English
SAME = {"souris.document"}


def flat(d: dict, prefix: str = "") -> dict:
    out = {}
    for key, value in d.items():
        if isinstance(value, dict):
            out.update(flat(value, f"{prefix}{key}."))
        else:
            out[prefix + key] = value
    return out


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_string_is_translated_with_the_same_placeholders(lang):
    fr, other = flat(STRINGS["fr"]), flat(STRINGS[lang])
    assert set(fr) == set(other), f"i18n/{lang}.yml › exercices : clés différentes de fr.yml"
    for key, value in fr.items():
        if isinstance(value, list):
            assert len(other[key]) == len(value) and all(other[key]), key
            continue
        assert other[key] and (other[key] != value or key in SAME), f"{lang}: « {key} » n'est pas traduit"
        assert set(re.findall(r"\{\w+\}", other[key])) == set(re.findall(r"\{\w+\}", value)), key
    if lang == "ar":
        # Arabic script, and the key names of the French keyboard
        assert all(re.search(r"[\u0600-\u06FF]", v) for v in flat(STRINGS["ar"]).values() if isinstance(v, str))
        assert "AltGr" in STRINGS["ar"]["clavier"]["wrong_altgr"]
        assert "Entrée" in STRINGS["ar"]["souris"]["double_key"]


def test_render_uses_only_existing_strings():
    for lang in ("fr", "ar", "en"):
        for name in ("souris", "clavier"):
            html = exercices.render_exercise(name, STRINGS[lang], lang)
            assert "None" not in html and "{" not in BeautifulSoup(html, "html.parser").get_text()


# --- Budget and privacy ----------------------------------------------------------


@pytest.mark.parametrize("name", ["souris", "clavier"])
def test_each_exercise_fits_its_budget(name):
    sizes = {path.name: len(gzip.compress(path.read_bytes(), 9)) for path in (JS[name], CSS)}
    print(f"\n{name} : {sizes} = {sum(sizes.values())} octets gzip (budget {BUDGET})")
    assert sum(sizes.values()) <= BUDGET, sizes


@pytest.mark.parametrize("name", ["souris", "clavier"])
def test_scripts_neither_store_nor_send_anything(name):
    code = JS[name].read_text(encoding="utf-8")
    for api in ("localStorage", "sessionStorage", "indexedDB", "document.cookie", "fetch(", "XMLHttpRequest",
                "sendBeacon", "WebSocket", "EventSource", ".submit(", "<form", "import("):
        assert api not in code, f"exercice-{name}.js uses {api}"
    assert "?." not in code and "??" not in code, "optional chaining and ?? are ES2020"
    # One IIFE, one global
    assert code.rstrip().endswith("})();")
    assert set(re.findall(r"window\.(\w+)", code)) == {"ParentsConnectes"}


@pytest.mark.parametrize("name", ["souris", "clavier"])
def test_scripts_parse(name):
    if not shutil.which("node"):
        pytest.skip("Node.js absent : pas de vérification de syntaxe")
    result = subprocess.run(["node", "--check", str(JS[name])], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# --- The built site ------------------------------------------------------------------


def test_built_lessons_have_their_exercise_and_other_pages_none(site_dir):
    lessons = {"souris": "modules/01-bien-demarrer/03-la-souris-et-le-toucher.html",
               "clavier": "modules/01-bien-demarrer/05-accents-et-arobase.html"}
    for lang in ("fr", "ar", "en"):
        prefix = "" if lang == "fr" else f"{lang}/"
        for name, rel in lessons.items():
            page = site_dir / prefix / rel
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            section = soup.select_one(f"section#exercice-{name}")
            assert section is not None and section["lang"] == lang, f"{prefix}{rel}"
            assert strings_of(section)["restart"] == STRINGS[lang]["restart"]
            for tag in soup.select(f"link[href$='exercices.css'], script[src$='exercice-{name}.js']"):
                url = tag.get("href") or tag.get("src")
                assert (page.parent / url).resolve().is_file(), f"{prefix}{rel}: {url}"
            assert len(soup.select("script[src*='/exercice-']")) == 1
    # The assets load only where an exercise is
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert ("exercices.css" in html) == ('class="pc-ex ' in html), page.relative_to(site_dir)

"""Issue 9, what the build writes: projection mode (on demand), « J'ai terminé cette leçon »,
« Mon parcours », trainer notes open on trainer pages, the attestation. Budgets in bytes."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LANGS, ROOT, all_pages, built_page

ASSETS = ROOT / "docs" / "assets"
LESSON = "modules/01-bien-demarrer/02-allumer-et-eteindre.html"
QUIZ = "quizzes/02-e-mail.html"
PARCOURS = "parcours/mon-parcours.html"
# Loaded only when the trainer asks: projection.js + projection.css + the strings of a language
ON_DEMAND_BUDGET = 6 * 1024
# What every lesson carries in its first load: the button, the toggle and the inline script
FIRST_LOAD_COST = 1100


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def soup(site_dir: Path, rel: str) -> BeautifulSoup:
    return built_page(site_dir, rel)  # parsed once per run: read it, don't change it


def prefix(lang: str) -> str:
    return "" if lang == "fr" else f"{lang}/"


def loader_of(page: BeautifulSoup):
    return next((s for s in page.select("script:not([src])") if "P.projection" in s.get_text()), None)


def kind(rel: str) -> str:
    path = rel.split("/", 1)[1] if rel.split("/")[0] in LANGS[1:] else rel
    if re.fullmatch(r"modules/\d\d-[^/]+/\d\d-[^/]+\.html", path):
        return "lesson"
    if re.fullmatch(r"quizzes/[^/]+\.html", path) and not path.endswith("index.html"):
        return "quiz"
    return ""


# --- Projection mode -------------------------------------------------------------


def test_every_lesson_and_quiz_has_the_button_and_no_other_page(site_dir):
    seen = {"lesson": 0, "quiz": 0}
    for rel in all_pages(site_dir):
        page = soup(site_dir, rel)
        button = page.select_one("#pc-proj")
        if kind(rel):
            seen[kind(rel)] += 1
            assert button is not None, rel
            # Hidden without JavaScript (class pc-js, site.css), a real button with its shortcut
            assert "pc-js" in button.parent["class"] and button["type"] == "button", rel
            assert button["aria-keyshortcuts"] == "Alt+P", rel
            assert loader_of(page) is not None, rel
        else:
            assert button is None and loader_of(page) is None, rel
    assert seen["lesson"] >= 3 * 15 and seen["quiz"] >= 3 * 3, seen


@pytest.mark.parametrize("lang", LANGS)
def test_the_code_is_not_in_the_first_load_but_quoted_for_offline(site_dir, lang):
    rel = prefix(lang) + LESSON
    page = soup(site_dir, rel)
    loaded = [el.get("src") or el.get("href") for el in page.select("script[src], link[rel~=stylesheet]")]
    assert not [url for url in loaded if "projection" in url], loaded
    urls = json.loads(re.search(r"\}\)\(document,(\[.*?\])\)", loader_of(page).get_text()).group(1))
    assert [u.rsplit("/", 1)[1] for u in urls] == ["projection.css", f"projection.{lang}.js", "projection.js"]
    for url in urls:
        assert (site_dir / rel).parent.joinpath(url).resolve().is_file(), url
    # offline.json lists them, so projection works without network once the course is kept
    offline = json.loads((site_dir / "offline.json").read_text(encoding="utf-8"))
    for name in ("assets/stylesheets/projection.css", f"assets/javascripts/projection.{lang}.js",
                 "assets/javascripts/projection.js"):
        assert name in offline["langs"][lang], name


@pytest.mark.parametrize("lang", LANGS)
def test_strings_file_per_language(site_dir, lang):
    import common

    text = (site_dir / f"assets/javascripts/projection.{lang}.js").read_text(encoding="utf-8")
    data = json.loads(re.search(r"projectionStrings=(\{.*\});", text).group(1))
    expected = common.ui_strings(lang)["projection"]
    assert set(data) == {"label", "prev", "next", "leave", "counter", "counter_label", "help"}
    assert data["next"] == expected["next"]
    assert "{n}" in data["counter"] and "{total}" in data["counter_label"]


def test_sizes(site_dir):
    on_demand = gz((ASSETS / "javascripts/projection.js").read_bytes()) + gz(
        (ASSETS / "stylesheets/projection.css").read_bytes())
    strings = max(gz((site_dir / f"assets/javascripts/projection.{lang}.js").read_bytes()) for lang in LANGS)
    # The lesson's added bytes: the page with and without the button, toggle and script
    text = (site_dir / "ar" / LESSON).read_text(encoding="utf-8")
    page = soup(site_dir, "ar/" + LESSON)
    parts = [str(page.select_one(".pc-proj-ouvrir")), str(page.select_one(".pc-fini")), str(loader_of(page))]
    bare = BeautifulSoup(text, "html.parser")
    for sel in (".pc-proj-ouvrir", ".pc-fini"):
        bare.select_one(sel).decompose()
    loader_of(bare).decompose()
    cost = gz(str(page).encode()) - gz(str(bare).encode())
    print(f"\nProjection à la demande : {on_demand} + {strings} octets gzip ; "
          f"sur chaque leçon : {cost} octets gzip ({', '.join(str(gz(p.encode())) for p in parts)})")
    assert on_demand + strings <= ON_DEMAND_BUDGET
    assert cost <= FIRST_LOAD_COST


def test_the_script_parses_and_never_sends():
    script = (ASSETS / "javascripts/projection.js").read_text(encoding="utf-8")
    for word in ("fetch(", "XMLHttpRequest", "sendBeacon", "localStorage", "http://", "https://"):
        assert word not in script, word
    css = (ASSETS / "stylesheets/projection.css").read_text(encoding="utf-8")
    # Logical properties only: Arabic needs no special case
    assert not re.search(r"(margin|padding|border)-(left|right)|\b(left|right)\s*:", css)


# --- « J'ai terminé cette leçon » ---------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_lesson_toggle_sits_after_a_retenir_before_the_trainer_notes(site_dir, lang):
    page = soup(site_dir, prefix(lang) + LESSON)
    toggle = page.select_one("#pc-fini")
    assert toggle is not None and toggle.has_attr("hidden")
    assert toggle["data-lecon"] == "01-bien-demarrer/02-allumer-et-eteindre"
    assert toggle.button["aria-pressed"] == "false"
    assert toggle.find_previous("h2")["id"] == "a-retenir"
    assert toggle.find_next("details")["class"] == ["formateur"]
    # The note links to « Mon parcours » in the same language
    link = toggle.select_one("a")
    assert (site_dir / prefix(lang) / LESSON).parent.joinpath(link["href"]).resolve() == \
        (site_dir / prefix(lang) / PARCOURS).resolve()
    assert soup(site_dir, prefix(lang) + QUIZ).select_one("#pc-fini") is None


# --- « Mon parcours » ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_mon_parcours_lists_every_lesson_and_quiz_of_the_language(site_dir, lang):
    rel = prefix(lang) + PARCOURS
    page = soup(site_dir, rel)
    assert page.html["lang"] == lang
    lessons = page.select("a[data-pc-lecon]")
    built = sorted(p for p in all_pages(site_dir) if kind(p) == "lesson" and p.startswith(prefix(lang))
                   and (lang != "fr" or p.split("/")[0] not in LANGS[1:]))
    assert len(lessons) == len(built) >= 15
    for a in lessons:
        target = (site_dir / rel).parent.joinpath(a["href"]).resolve()
        assert target.is_file(), a["href"]
        assert target.relative_to(site_dir.resolve()).as_posix() == prefix(lang) + "modules/" + a["data-pc-lecon"] + ".html"
    quizzes = {a["data-pc-quiz"]: int(a["data-pc-questions"]) for a in page.select("a[data-pc-quiz]")}
    # One entry per module quiz, with its number of questions (as written in docs/quizzes/)
    modules = sorted(d.name for d in (ROOT / "docs" / "modules").iterdir() if d.is_dir() and d.name[0].isdigit())
    expected = {m: (ROOT / "docs" / "quizzes" / f"{m}.md").read_text(encoding="utf-8").count("<!-- question")
                for m in modules}
    assert len(expected) >= 5 and quizzes == expected
    # Strings for the script, a message without JavaScript, the two buttons
    data = json.loads(page.select_one("[data-pc-parcours]")["data-pc-parcours"])
    assert "{n}" in data["summary_lessons"]
    assert page.select_one(".pc-parcours__sans-js").get_text(strip=True)
    assert page.select_one("[data-pc-effacer]") and page.select_one("[data-pc-imprimer]")
    assert page.select_one('script[src$="parcours.js"]') and page.select_one('link[href$="parcours.css"]')
    # Titles in the page's language (the module sections of the menu, translated)
    import common

    if lang == "ar":
        assert page.select_one("h2#parcours-01-bien-demarrer").get_text(strip=True).startswith("بداية جيدة")


def test_parcours_script_only_on_its_page_and_in_the_menu(site_dir):
    for rel in all_pages(site_dir):
        if rel.endswith(PARCOURS):
            continue
        assert not soup(site_dir, rel).select_one('script[src$="parcours.js"]'), rel
    for lang in LANGS:
        links = [a.get("href", "") for a in soup(site_dir, prefix(lang) + "index.html").select(".md-nav a")]
        assert any(h.endswith(PARCOURS) for h in links), lang


def test_progress_keys_are_wiped_by_the_kiosk_mode():
    """borne.js wipes every localStorage key but its own: our keys are plain course keys."""
    borne = (ASSETS / "javascripts/borne.js").read_text(encoding="utf-8")
    assert "if (localStorage.key(i) !== KEY) localStorage.removeItem(localStorage.key(i));" in borne
    hook = (ROOT / "overrides/hooks/projection.py").read_text(encoding="utf-8")
    assert '"parents-connectes:lecon:"' in hook


# --- Trainer pages -------------------------------------------------------------------


def test_trainer_notes_are_open_on_trainer_pages_and_closed_in_lessons(site_dir):
    for lang in LANGS:
        notes = soup(site_dir, prefix(lang) + LESSON).select("details.formateur")
        assert notes and not any(n.has_attr("open") for n in notes), lang
    import parcours

    html = '<p>x</p><details class="formateur"><summary>Pour l\'animateur</summary><p>y</p></details>'

    class Page:
        class file:
            dest_uri = "formateurs/seance-1.html"

    class Config:
        theme = {"language": "fr"}
        plugins = {}

    opened = parcours.on_page_content(html, Page, Config, None)
    assert '<details class="formateur pc-ouvert" open>' in opened
    Page.file.dest_uri = "modules/01-bien-demarrer/01-decouvrir-l-ordinateur.html"
    assert parcours.on_page_content(html, Page, Config, None) == html
    # Printed on trainer pages (site.css hides trainer notes in print elsewhere)
    css = (ASSETS / "stylesheets/formateurs.css").read_text(encoding="utf-8")
    assert ".formateur.pc-ouvert" in css
    for rel in all_pages(site_dir):
        if "/formateurs/" in f"/{rel}":
            assert soup(site_dir, rel).select_one('link[href$="formateurs.css"]'), rel


def test_attestation_has_blank_fields_and_stores_nothing(site_dir):
    page = soup(site_dir, "formateurs/attestation.html")
    box = page.select_one(".pc-attestation")
    assert box is not None
    assert len(box.select(".pc-champ")) >= 8 and len(box.select(".pc-case")) >= 4
    text = box.get_text(" ", strip=True)
    for words in ("nom et prénom du parent", "Séance 1", "Séance 3", "Signature du parent", "cachet de la structure"):
        assert words in text, words
    # Filled by hand: nothing to type, nothing to send or keep
    assert not page.select("article input, article textarea, article form, article [contenteditable]")
    css = (ASSETS / "stylesheets/formateurs.css").read_text(encoding="utf-8")
    assert "size: A4" in css and "@media print" in css

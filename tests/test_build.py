"""The built site: languages, switcher, fallback notice, search per language, offline, budget."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import budgets
import pytest
from bs4 import BeautifulSoup

from conftest import LANGS, ROOT, all_pages, built_page, french_pages

DOCS = ROOT / "docs"

# Budget: first load of any page (HTML + CSS + JS + fonts, gzip; images and search
# index not counted). Stock Material measured 62 KB; the issue sets 80 KB.
FIRST_LOAD_BUDGET = budgets.FIRST_LOAD


def soup(site_dir: Path, rel: str) -> BeautifulSoup:
    return built_page(site_dir, rel)  # parsed once per run: read it, don't change it


def source_of(rel: str, lang: str) -> Path | None:
    """The Markdown file a built page comes from, in ``lang`` (None if absent)."""
    stem = rel[len(lang) + 1:] if lang != "fr" else rel
    stem = stem[: -len(".html")]
    suffix = "" if lang == "fr" else f".{lang}"
    path = DOCS / f"{stem}{suffix}.md"
    return path if path.exists() else None


def resolve(site_dir: Path, page_rel: str, href: str) -> Path:
    target = urlparse(href)
    assert not target.scheme and not target.netloc, f"{page_rel}: lien vers un autre site {href}"
    return (site_dir / page_rel).parent.joinpath(unquote(target.path)).resolve()


def test_every_page_exists_in_every_language(site_dir):
    pages = french_pages(site_dir)
    assert "index.html" in pages and len(pages) >= 5
    for rel in pages:
        for lang in LANGS[1:]:
            assert (site_dir / lang / rel).exists(), f"{lang}/{rel} manque"


@pytest.mark.parametrize("lang", LANGS)
def test_html_lang_and_direction(site_dir, lang):
    prefix = "" if lang == "fr" else f"{lang}/"
    for rel in french_pages(site_dir):
        page = soup(site_dir, prefix + rel)
        assert page.html["lang"] == lang, f"{prefix}{rel}"
        assert page.body.get("dir") == ("rtl" if lang == "ar" else "ltr"), f"{prefix}{rel}"


def test_language_switcher_leads_to_the_same_page(site_dir):
    for rel in all_pages(site_dir):
        page = soup(site_dir, rel)
        here = rel.split("/", 1)[1] if rel.split("/")[0] in LANGS[1:] else rel
        links = page.select(".pc-langs a[hreflang]")
        assert {a["hreflang"] for a in links} == set(LANGS), rel
        for a in links:
            target = resolve(site_dir, rel, a["href"])
            assert target.exists(), f"{rel}: {a['href']} n'existe pas"
            expected = site_dir / (here if a["hreflang"] == "fr" else f"{a['hreflang']}/{here}")
            assert target == expected.resolve(), f"{rel}: le lien {a['hreflang']} mène à {target}"
        # Material's own selector too
        for a in page.select("a.md-select__link"):
            assert resolve(site_dir, rel, a["href"]).exists(), f"{rel}: {a['href']}"


def test_no_alternate_links_that_make_material_fetch_sitemaps(site_dir):
    for rel in all_pages(site_dir):
        assert not soup(site_dir, rel).select("link[rel=alternate][hreflang]"), rel


def test_untranslated_pages_show_the_notice_in_the_readers_language(site_dir):
    notices = {lang: json_strings(lang)["site"]["fallback_notice"] for lang in LANGS}
    seen = 0
    for rel in french_pages(site_dir):
        for lang in LANGS[1:]:
            page = soup(site_dir, f"{lang}/{rel}")
            notice = page.select_one("[data-pc-fallback]")
            if source_of(f"{lang}/{rel}", lang) is None:
                seen += 1
                assert notice is not None and notice.get_text(strip=True) == notices[lang], f"{lang}/{rel}"
                # The French text is marked as French for screen readers
                assert page.select_one('div[lang="fr"][dir="ltr"]') is not None, f"{lang}/{rel}"
            else:
                assert notice is None, f"{lang}/{rel} est traduite mais montre l'avertissement"
    assert seen, "aucune page non traduite : la page des contributeurs devrait l'être"


def json_strings(lang: str) -> dict:
    import common
    return common.ui_strings(lang)


def test_arabic_heading_ids_keep_arabic_letters(site_dir):
    ids = [h.get("id", "") for h in soup(site_dir, "ar/index.html").select("h2, h3")]
    assert ids, "la page d'accueil arabe n'a pas de titres"
    for value in ids:
        assert not re.fullmatch(r"_\d*", value), f"identifiant vide : {value}"
    # Headings written without an explicit id get Arabic slugs
    page = soup(site_dir, "ar/index.html").select_one("h1")
    assert re.search(r"[\u0600-\u06FF]", page.get("id", "")), page


@pytest.mark.parametrize("lang", LANGS)
def test_search_index_holds_only_its_language(site_dir, lang):
    folder = site_dir if lang == "fr" else site_dir / lang
    data = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    script = (folder / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script == "var __index = " + json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    assert data["config"]["lang"] == [lang]
    assert data["docs"], f"index {lang} vide"
    prefix = "" if lang == "fr" else f"{lang}/"
    for doc in data["docs"]:
        page = prefix + doc["location"].split("#")[0]
        assert (site_dir / page).exists(), page
        assert source_of(page, lang) is not None, f"{page} n'est pas une page en {lang}"


def test_each_language_has_its_404_page(site_dir):
    for lang in LANGS:
        page = soup(site_dir, "404.html" if lang == "fr" else f"{lang}/404.html")
        assert page.html["lang"] == lang
        assert page.h1.get_text(strip=True) == json_strings(lang)["site"]["not_found_title"]


def test_no_page_loads_anything_from_another_origin(site_dir):
    for rel in all_pages(site_dir) + ["404.html"]:
        page = soup(site_dir, rel)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                          ("source", "src"), ("video", "src"), ("audio", "src")):
            for el in page.find_all(tag):
                url = el.get(attr)
                if not url or (tag == "link" and "stylesheet" not in el.get("rel", []) and
                               not {"icon", "preload", "manifest", "modulepreload"} & set(el.get("rel", []))):
                    continue
                assert not re.match(r"^(https?:)?//", url), f"{rel}: <{tag} {attr}={url}>"
        assert "unpkg.com/iframe-worker" not in str(page), rel


def first_load_bytes(site_dir: Path, rel: str) -> dict[str, int]:
    """Gzip bytes of what a first visit downloads, images and search index excepted."""
    page = soup(site_dir, rel)
    files = {rel: site_dir / rel}
    for el in page.select("link[rel~=stylesheet][href], script[src]"):
        url = el.get("href") or el.get("src")
        files[url] = resolve(site_dir, rel, url)
    # Material's bundle comes from a small loader (hooks/chargement.py): at once on wide screens,
    # when the reader needs it on phones. Counted here, as on a wide screen.
    for script in page.select("script:not([src])"):
        for url in re.findall(r'"([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"', script.text):
            files[url] = resolve(site_dir, rel, url)
    sizes = {}
    for name, path in files.items():
        data = path.read_bytes()
        if path.suffix == ".css":
            # Fonts referenced by CSS count too (we ship none: system fonts)
            for font in re.findall(r"url\(([^)]+\.(?:woff2?|ttf|otf))\)", data.decode("utf-8", "ignore")):
                sizes[font] = len(gzip.compress((path.parent / font.strip("'\"")).read_bytes(), 6))
        sizes[name] = len(gzip.compress(data, 6))
    return sizes


def test_first_load_budget(site_dir):
    worst = ("", 0)
    for rel in all_pages(site_dir):
        total = sum(first_load_bytes(site_dir, rel).values())
        worst = max(worst, (rel, total), key=lambda x: x[1])
        assert total <= FIRST_LOAD_BUDGET, f"{rel}: {total} octets gzip > {FIRST_LOAD_BUDGET} ({first_load_bytes(site_dir, rel)})"
    print(f"\nPremier chargement le plus lourd : {worst[0]} = {worst[1] / 1024:.1f} Ko gzip")


def test_checklist_boxes_are_hidden_from_screen_readers(site_dir):
    """« Je sais… » lists: the box is ticked on paper; the item's text is what is read (axe « label »)."""
    boxes = 0
    for rel in all_pages(site_dir):
        for box in soup(site_dir, rel).select("li.task-list-item > input[type=checkbox]"):
            boxes += 1
            assert box.get("aria-hidden") == "true" and box.has_attr("disabled"), rel
    assert boxes >= 20  # the path's self-check list and the trainers' room checklist, in every language

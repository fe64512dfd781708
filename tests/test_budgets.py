"""Whole-course size budgets (tests/budgets.py): our JavaScript per page, search index and
« Garder le cours » per language. Bytes only: times are the bench's job (scripts/bench.py)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import budgets
import pytest

from conftest import LANGS, ROOT, all_pages, built_page

# A file of ours named in an inline script (exercises and projection mode load on demand)
ON_DEMAND_RE = re.compile(r"""["']([^"']*assets/javascripts/[\w.-]+\.js)["']""")


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def own_scripts(site_dir: Path, rel: str) -> dict[str, int]:
    """Gzip bytes of every script of ours this page can run: loaded at first, inline, on demand."""
    page = built_page(site_dir, rel)
    folder = (site_dir / rel).parent
    sizes: dict[str, int] = {}
    for script in page.select("script"):
        src = script.get("src")
        if src:
            if "assets/javascripts/" in src and "bundle." not in src and "/lunr/" not in src and "/workers/" not in src:
                sizes[src] = gz(folder.joinpath(src.split("?")[0]).resolve().read_bytes())
            continue
        text = script.get_text()
        if "Parents connectés" in text or "pc-" in text:
            sizes[f"inline {len(sizes)}"] = gz(text.encode("utf-8"))
            for src in ON_DEMAND_RE.findall(text):
                # Material's bundle, which our loader asks for, is Material's (first-load budget)
                if "bundle." not in src:
                    sizes[src] = gz(folder.joinpath(src).resolve().read_bytes())
    return sizes


def test_our_javascript_on_any_page(site_dir):
    worst = ("", 0, {})
    for rel in all_pages(site_dir):
        sizes = own_scripts(site_dir, rel)
        total = sum(sizes.values())
        if total > worst[1]:
            worst = (rel, total, sizes)
    print(f"\nNos scripts, au pire : {worst[0]} = {worst[1]} octets gzip {worst[2]}")
    assert worst[1] <= budgets.OWN_JS_PER_PAGE, (
        f"{worst[0]} : {worst[1]} octets gzip de nos scripts > {budgets.OWN_JS_PER_PAGE} ({worst[2]})")


def test_a_lesson_with_an_exercise_counts_the_exercise(site_dir):
    """The measure must see what loads on demand, or the budget above means little."""
    sizes = own_scripts(site_dir, "modules/02-e-mail/06-reconnaitre-un-message-piege.html")
    assert any(name.endswith("exercice-piege.js") for name in sizes), sizes


@pytest.mark.parametrize("lang", LANGS)
def test_search_index_per_language(site_dir, lang):
    index = site_dir / ("" if lang == "fr" else lang) / "search" / "search_index.json"
    size = index.stat().st_size
    print(f"\nIndex de recherche {lang} : {size} octets")
    assert size <= budgets.SEARCH_INDEX, f"{index.relative_to(site_dir)} : {size} octets > {budgets.SEARCH_INDEX}"


@pytest.mark.parametrize("lang", LANGS)
def test_offline_download_per_language(site_dir, lang):
    data = json.loads((site_dir / "offline.json").read_text(encoding="utf-8"))
    size = sum(data["files"][rel][0] for rel in data["langs"][lang])
    print(f"\n« Garder le cours » {lang} : {size} octets, {len(data['langs'][lang])} fichiers")
    assert size <= budgets.OFFLINE_DOWNLOAD, f"« Garder le cours » en {lang} : {size} octets > {budgets.OFFLINE_DOWNLOAD}"


def test_our_files_are_minified_in_the_site(site_dir):
    """overrides/hooks/minify.py: parents download our JS and CSS without comments or spaces."""
    import rcssmin
    import rjsmin

    saved = 0
    for folder, pattern, minify in (("javascripts", "*.js", rjsmin.jsmin), ("stylesheets", "*.css", rcssmin.cssmin)):
        sources = sorted((ROOT / "docs" / "assets" / folder).glob(pattern))
        assert sources
        for source in sources:
            built = site_dir / "assets" / folder / source.name
            text = source.read_text(encoding="utf-8")
            assert built.read_text(encoding="utf-8") == minify(text), built.name
            assert built.stat().st_size < source.stat().st_size, built.name
            saved += gz(text.encode("utf-8")) - gz(built.read_bytes())
    print(f"\nMinification : {saved} octets gzip de moins sur nos fichiers")

"""Offline first, what the build writes (overrides/hooks/offline.py): web app manifests,
icons, offline.json (the file list per language, sizes, hashes), sw.js, the small script
of every page, the « Garder le cours » box, the kiosk strings, and the zip command.
The browser side is in tests/browser/test_offline.py.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import budgets
import pytest
import rjsmin
from bs4 import BeautifulSoup

import common
import icon
import offline
from conftest import LANGS, ROOT, all_pages, built_page

JS = ROOT / "docs" / "assets" / "javascripts"
PREFIX = {"fr": "", "ar": "ar/", "en": "en/"}
# Budgets in bytes gzip, by where the bytes go. The inline script is in every page;
# offline.js and its strings on the home and module pages; borne.js in kiosk mode only;
# the worker once per build, and the browser fetches sw.js on most page views.
SNIPPET_BUDGET = budgets.OFFLINE_SNIPPET
BOX_BUDGET = budgets.OFFLINE_BOX
KIOSK_BUDGET = budgets.KIOSK
WORKER_BUDGET = budgets.WORKER
SW_BUDGET = budgets.SW_LOADER


def soup(site_dir: Path, rel: str) -> BeautifulSoup:
    return built_page(site_dir, rel)  # parsed once per run: read it, don't change it


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


@pytest.fixture(scope="module")
def data(site_dir) -> dict:
    return json.loads((site_dir / "offline.json").read_text(encoding="utf-8"))


def language_of(rel: str) -> str:
    first = rel.split("/")[0]
    return first if first in LANGS[1:] else "fr"


# --- Web app manifest and icons ----------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_a_web_app_manifest(site_dir, lang):
    path = site_dir / PREFIX[lang] / "manifest.webmanifest"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    strings = common.ui_strings(lang)
    assert manifest["name"] == strings["site"]["name"]
    assert manifest["short_name"] == strings["offline"]["short_name"]
    assert manifest["lang"] == lang
    assert manifest["dir"] == ("rtl" if lang == "ar" else "ltr")
    assert manifest["display"] in ("standalone", "minimal-ui")
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    # The start page is this language's home; the scope is the whole site
    assert (path.parent / manifest["start_url"]).resolve() == (site_dir / PREFIX[lang] / "index.html").resolve()
    assert (path.parent / manifest["scope"]).resolve() == site_dir.resolve()
    purposes = set()
    for entry in manifest["icons"]:
        assert (path.parent / entry["src"]).is_file(), entry
        purposes.add(entry["purpose"])
    assert {"any", "maskable"} <= purposes
    assert any(e["type"] == "image/png" and e["sizes"] == "512x512" for e in manifest["icons"])


def test_every_page_links_its_manifest_theme_colour_and_icon(site_dir):
    for rel in all_pages(site_dir):
        page = soup(site_dir, rel)
        lang = language_of(rel)
        manifest = page.select_one("link[rel=manifest]")
        assert manifest is not None, rel
        target = (site_dir / rel).parent / manifest["href"]
        assert target.resolve() == (site_dir / PREFIX[lang] / "manifest.webmanifest").resolve(), rel
        assert page.select_one("meta[name=theme-color]")["content"] == offline.THEME_COLOR
        touch = page.select_one("link[rel=apple-touch-icon]")
        assert ((site_dir / rel).parent / touch["href"]).is_file(), rel


def _png_pixels(data: bytes) -> tuple[int, int, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert (depth, colour) == (8, 2), "PNG RGB 8 bits attendu"
    idat, pos = b"", 8
    while pos < len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        if data[pos + 4:pos + 8] == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def test_the_png_icon_is_512_px_and_maskable(site_dir):
    """Every white pixel sits in the central circle of 80 %: no launcher mask cuts the drawing."""
    data = (site_dir / offline.ICON_PNG).read_bytes()
    assert data == icon.png()
    width, height, raw = _png_pixels(data)
    assert (width, height) == (512, 512)
    stride = 1 + width * 3
    white = 0
    for y in range(height):
        row = raw[y * stride + 1:(y + 1) * stride]
        for x in range(0, width, 2):
            if row[x * 3] > 0x80:  # blue is 0x1d in red
                white += 1
                assert (x + 0.5 - 256) ** 2 + (y + 0.5 - 256) ** 2 <= (0.4 * 512) ** 2, (x, y)
    assert white > 5000, "le dessin est vide"
    svg = (site_dir / offline.ICON_SVG).read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "<title>" in svg and "viewBox" in svg


# --- The list of files per language (offline.json) and sw.js ----------------


def test_each_language_lists_every_page_of_that_language(site_dir, data):
    listed = {lang: set(paths) for lang, paths in data["langs"].items()}
    assert set(listed) == set(LANGS)
    for rel in all_pages(site_dir):
        lang = language_of(rel)
        assert rel in listed[lang], f"{rel} manque dans la liste « {lang} »"
        for other in LANGS:
            if other != lang:
                assert rel not in listed[other], f"{rel} est dans la liste « {other} »"


def test_each_language_lists_what_its_pages_load_and_its_search(site_dir, data):
    for lang, paths in data["langs"].items():
        listed = set(paths)
        for rel in (p for p in paths if p.endswith(".html")):
            page = soup(site_dir, rel)
            for el in page.select("img[src], script[src], link[rel~=stylesheet][href], link[rel=manifest]"):
                url = el.get("src") or el.get("href")
                if re.match(r"^[a-z]+:", url):
                    continue
                target = ((site_dir / rel).parent / url.split("#")[0].split("?")[0]).resolve()
                assert target.relative_to(site_dir.resolve()).as_posix() in listed, f"{rel} : {url}"
        # Files loaded later by an inline script (the exercises, near the screen)
        for rel in (p for p in paths if p.endswith(".html")):
            for script in offline.INLINE_SCRIPT_RE.findall((site_dir / rel).read_text(encoding="utf-8")):
                for url in re.findall(r'"([^"]+/assets/[^"]+\.(?:js|css))"', script):
                    target = ((site_dir / rel).parent / url).resolve().relative_to(site_dir.resolve()).as_posix()
                    assert target in listed, f"{rel} : {url}"
        assert "assets/javascripts/exercice-souris.js" in listed
        folder = PREFIX[lang]
        assert f"{folder}search/search_index.json" in listed
        assert any(p.startswith("assets/javascripts/workers/search") for p in listed)
        assert f"{folder}hors-ligne.html" in listed and f"{folder}borne/index.html" in listed
        assert {"assets/javascripts/borne.js", "assets/stylesheets/borne.css", f"assets/javascripts/strings.{lang}.js"} <= listed
        # No page of another language
        for path in paths:
            if path.endswith(".html"):
                assert language_of(path) == lang, path


def test_sizes_hashes_and_version(site_dir, data):
    for rel, (size, digest) in data["files"].items():
        content = (site_dir / rel).read_bytes()
        assert size == len(content), rel
        assert digest == hashlib.sha256(content).hexdigest()[: len(digest)], rel
    assert set(data["shell"]) <= set(data["files"])
    assert not {"sw.js", "offline.json"} & set(data["files"]), "written after the list: never in it"
    for lang in LANGS:
        assert set(data["langs"][lang]) <= set(data["files"])
        assert data["offline"][lang] in data["shell"]
    sw = (site_dir / "sw.js").read_text(encoding="utf-8")
    assert sw == f'var VERSION = "{data["version"]}";\nimportScripts("assets/javascripts/service-worker.js?{data["version"]}");\n'
    assert gz(sw.encode("utf-8")) <= SW_BUDGET
    # The worker parents get is the source minified (overrides/hooks/minify.py)
    built = (site_dir / "assets/javascripts/service-worker.js").read_text(encoding="utf-8")
    assert built == rjsmin.jsmin((JS / "service-worker.js").read_text(encoding="utf-8"))
    # Every listed file is hashed as built, after the minification
    for rel, (size, digest) in data["files"].items():
        content = (site_dir / rel).read_bytes()
        assert (len(content), hashlib.sha256(content).hexdigest()[:len(digest)]) == (size, digest), rel


def test_a_changed_file_changes_the_version(site_dir, tmp_path):
    site = tmp_path / "site"
    for rel in ("index.html", "hors-ligne.html", "assets/stylesheets/site.css"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes((site_dir / rel).read_bytes())
    first = offline.write_offline(site, ["fr"], "fr")
    assert first == offline.write_offline(site, ["fr"], "fr"), "pas reproductible (sw.js et offline.json déjà là)"
    assert "assets/stylesheets/site.css" in first["langs"]["fr"]
    (site / "assets/stylesheets/site.css").write_text("body{}", encoding="utf-8")
    second = offline.offline_data(site, ["fr"], "fr")
    assert second["version"] != first["version"]
    assert second["files"]["index.html"] == first["files"]["index.html"]


def test_offline_download_size_per_language(data):
    """The figures of the report: what « Garder le cours » downloads at most, per language."""
    print()
    for lang, paths in data["langs"].items():
        raw = sum(data["files"][p][0] for p in paths)
        pages = sum(1 for p in paths if p.endswith(".html"))
        print(f"Téléchargement hors ligne « {lang} » : {raw / 1e6:.2f} Mo, {len(paths)} fichiers dont {pages} pages")
        assert raw > 0


# --- Every page: the small script; the box on home and module pages ----------


def test_the_inline_script_is_small_and_registers_only_over_http(site_dir):
    page = soup(site_dir, "index.html")
    scripts = [s.string for s in page.find_all("script") if s.string and "serviceWorker" in s.string]
    assert len(scripts) == 1
    text = scripts[0]
    assert gz(text.encode("utf-8")) <= SNIPPET_BUDGET, gz(text.encode("utf-8"))
    assert "/^https?:$/.test(location.protocol)" in text
    assert 'R+"sw.js"' in text and "parents-connectes:borne" in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_keep_box_is_on_the_home_and_module_pages_only(site_dir, lang):
    strings = common.ui_strings(lang)["offline"]
    seen = 0
    for rel in all_pages(site_dir):
        if language_of(rel) != lang:
            continue
        page = soup(site_dir, rel)
        box = page.select_one("[data-pc-offline]")
        local = rel[len(PREFIX[lang]):]
        scripts = [s["src"].rsplit("/", 1)[-1] for s in page.select("script[src]")]
        if local == "index.html" or re.fullmatch(r"modules/\d\d-[^/]+/index\.html", local):
            seen += 1
            assert box is not None and box.has_attr("hidden"), rel
            assert box.select_one(".admonition-title").get_text() == strings["box_title"]
            assert box.select_one("button").get_text() == strings["button"]
            assert box.has_attr("data-search-exclude")
            assert {f"strings.{lang}.js", "offline.js"} <= set(scripts), rel
        else:
            assert box is None, rel
            assert "offline.js" not in scripts and "borne.js" not in scripts, rel
    assert seen >= 2


@pytest.mark.parametrize("lang", LANGS)
def test_the_scripts_strings_per_language(site_dir, lang):
    text = (site_dir / f"assets/javascripts/strings.{lang}.js").read_text(encoding="utf-8")
    prefix = "(window.ParentsConnectes=window.ParentsConnectes||{}).strings="
    assert text.startswith(prefix)
    data = json.loads(text[len(prefix):].rstrip().rstrip(";"))
    strings = common.ui_strings(lang)
    assert data["borne"] == strings["borne"]
    assert set(data["offline"]) == set(offline.JS_OFFLINE)
    assert (site_dir / data["checklist"]).is_file() and (site_dir / data["home"]).is_file()
    assert data["checklist"] == PREFIX[lang] + "borne/index.html"


def test_offline_and_kiosk_scripts_stay_small(site_dir):
    sizes = {name: gz((JS / name).read_bytes()) for name in ("service-worker.js", "offline.js", "borne.js")}
    sizes["inline"] = gz(offline.snippet("../../", "fr").encode("utf-8"))
    strings = max(gz((site_dir / f"assets/javascripts/strings.{lang}.js").read_bytes()) for lang in LANGS)
    css = gz((ROOT / "docs/assets/stylesheets/borne.css").read_bytes())
    print(f"\nJS hors ligne et borne (gzip) : {sizes}, textes {strings}, borne.css {css} ; "
          f"total JS {sum(sizes.values())} octets")
    assert sizes["inline"] <= SNIPPET_BUDGET
    assert sizes["offline.js"] + strings <= BOX_BUDGET
    assert sizes["borne.js"] + strings + css <= KIOSK_BUDGET
    assert sizes["service-worker.js"] <= WORKER_BUDGET


def test_offline_page_and_checklist_exist_in_every_language(site_dir):
    for lang in LANGS:
        for rel, words in (("hors-ligne.html", 40), ("borne/index.html", 60)):
            page = soup(site_dir, PREFIX[lang] + rel)
            assert page.html["lang"] == lang
            assert not page.select("[data-pc-fallback]"), f"{PREFIX[lang]}{rel} n'est pas traduite"
            assert len(page.select_one("article").get_text(" ").split()) >= words
    # The offline page stays out of search; the checklist has its four points
    index = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("hors-ligne.html")]
    assert len(soup(site_dir, "borne/index.html").select("article ol > li")) == 4


# --- The zip -----------------------------------------------------------------


def test_make_zip_help_is_in_french():
    result = subprocess.run([sys.executable, str(ROOT / "scripts/make_zip.py"), "--help"],
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert "Fabrique le zip du cours" in result.stdout and "--site" in result.stdout


def test_make_zip_refuses_a_folder_without_a_site(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/make_zip.py"), "--site", str(tmp_path),
                             "--output", str(tmp_path / "x.zip")], capture_output=True, text=True)
    assert result.returncode != 0
    assert "make build" in result.stderr


def test_the_zip_holds_the_whole_site_and_a_start_page(site_dir, tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_zip

    archive = make_zip.make_zip(site_dir, tmp_path / "cours.zip")
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
        readme = z.read("parents-connectes/LISEZ-MOI.txt").decode("utf-8")
        start = z.read("parents-connectes/COMMENCER-ICI.html").decode("utf-8")
    for rel in all_pages(site_dir):
        assert f"parents-connectes/cours/{rel}" in names, rel
    assert not [n for n in names if n.endswith(".map")]
    for lang, home in (("fr", "index.html"), ("ar", "ar/index.html"), ("en", "en/index.html")):
        assert f'href="cours/{home}"' in start and f'lang="{lang}"' in start
    version = json.loads((site_dir / "offline.json").read_text(encoding="utf-8"))["version"]
    assert version in readme and "COMMENCER-ICI.html" in readme and "?borne=1" in readme
    print(f"\nZip : {archive.stat().st_size / 1e6:.2f} Mo, {len(names)} fichiers")

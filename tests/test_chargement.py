"""overrides/hooks/chargement.py: Material's search waits to be opened, images keep their room."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from mkdocs.exceptions import PluginError

import chargement
from conftest import all_pages, built_page

def material_bundle() -> str:
    """The bundle as the pinned mkdocs-material ships it (not the built, edited copy)."""
    folder = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    return next(folder.glob("bundle.*.min.js")).read_text(encoding="utf-8")


def test_each_edit_is_found_once_in_the_pinned_material_bundle():
    text = material_bundle()
    edited = chargement.edit_bundle(text)
    for old, new, _why in chargement.BUNDLE_EDITS:
        assert old not in edited
        assert new in edited
    # Built twice (static-i18n calls on_post_build per language): the second call changes nothing
    assert chargement.edit_bundle(edited) == edited


def test_a_changed_material_bundle_stops_the_build_with_a_french_fix():
    text = material_bundle().replace("function Mn(e,t=new Worker(e)){", "function Mn(e){let t=new Worker(e);")
    with pytest.raises(PluginError) as error:
        chargement.edit_bundle(text, "bundle.0000.min.js")
    message = str(error.value)
    assert "bundle.0000.min.js" in message
    assert "le worker de recherche" in message
    assert "mkdocs-material a changé de version" in message
    assert "overrides/hooks/chargement.py" in message


def test_the_built_bundle_is_the_edited_one(site_dir):
    bundle = next((site_dir / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert bundle.startswith(chargement.EDITED)
    assert 'location.protocol!=="file:"),' not in bundle


def test_every_page_asks_for_material_through_the_loader(site_dir):
    """The shim is deferred; the bundle is asked for by the loader (the browser tests in
    tests/browser/test_site.py check when: at once on wide screens, on demand on phones)."""
    for rel in all_pages(site_dir):
        page = built_page(site_dir, rel)
        scripts = [s for s in page.select("script[src]") if re.search(r"bundle\.|iframe-worker", s["src"])]
        assert [s["src"].rsplit("/", 1)[-1] for s in scripts] == ["shim.js"], rel
        assert scripts[0].has_attr("defer"), rel
        loaders = [s for s in page.select("script:not([src])") if "when the reader needs it" in s.text]
        assert len(loaders) == 1, rel
        bundle = re.search(r'"([^"]*bundle\.[0-9a-f]+\.min\.js)"', loaders[0].text).group(1)
        assert (site_dir / rel).parent.joinpath(bundle).resolve().is_file(), f"{rel}: {bundle}"


def test_every_drawing_has_the_size_of_its_viewbox(site_dir):
    checked = 0
    for rel in all_pages(site_dir):
        page = built_page(site_dir, rel)
        for img in page.select("img[src$='.svg']"):
            assert img.get("width") and img.get("height"), f"{rel}: {img}"
            checked += 1
    assert checked > 500
    # The message drawing of lesson 02/06 is 640 × 400
    page = built_page(site_dir, "ar/modules/02-e-mail/06-reconnaitre-un-message-piege.html")
    img = page.select_one("img[src$='message-piege.svg']")
    assert (img["width"], img["height"]) == ("640", "400")


INLINE_SCRIPT_RE = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)


def test_no_script_runs_in_the_middle_of_a_lesson(site_dir):
    """The browser may paint at each inline script it meets while reading the page. With one
    near the top of the lesson (the text size control and the projection button used to have
    theirs), it painted the header and the title, then laid out the rest of the lesson in one
    long task after the first paint: on a phone, the page does not answer a finger meanwhile.
    Controls that need JavaScript are shown by the « pc-js » class instead (site.css)."""
    checked = 0
    for rel in all_pages(site_dir):
        text = (site_dir / rel).read_text(encoding="utf-8")
        if "</article>" not in text:
            continue
        middle = text[text.index("<body"):text.index("</article>")]
        found = [m.group(0) for m in INLINE_SCRIPT_RE.finditer(middle)]
        assert not found, f"{rel}: {found}"
        checked += 1
    assert checked > 200
    # The controls are still there, shown only with JavaScript
    lesson = built_page(site_dir, "ar/modules/02-e-mail/06-reconnaitre-un-message-piege.html")
    assert lesson.select_one(".pc-taille.pc-js") and lesson.select_one(".pc-proj-ouvrir.pc-js #pc-proj")


MATERIAL_GLOBALS = re.compile(r"\b(?:document|location|target|keyboard|viewport|tablet|screen|print|alert|progress|component)\$")


def test_our_scripts_never_wait_for_material():
    """On a phone, Material's bundle may never load (hooks/chargement.py): a widget written on
    its observables (document$…) would never start there. CONTRIBUTING « Le poids des pages »."""
    scripts = sorted((Path(chargement.__file__).parents[2] / "docs" / "assets" / "javascripts").glob("*.js"))
    assert len(scripts) > 10
    for path in scripts:
        found = MATERIAL_GLOBALS.findall(path.read_text(encoding="utf-8"))
        assert not found, f"{path.name} : {found}"

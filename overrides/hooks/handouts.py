"""Printable handouts in the site: links on each module page, and the PDF files themselves.

The PDFs are made by scripts/export_handouts.py, not by the site build: the build stays fast
and `make serve` needs no WeasyPrint. `make handouts` exports them into build/handouts/, then
builds the site with PC_HANDOUTS_DIR=build/handouts. Without PC_HANDOUTS_DIR (make serve,
make build, the tests' shared build) this hook does nothing; with it, it follows the export's
inventory (fiches.json), so a page links only to handouts that exist, in its own language.

MkDocs events used:
- ``on_page_content``: on a module's overview page (modules/<module>/index.md), adds a
  « Fiches à imprimer » section before « Sources », with its PDFs in the page's language
  (parents, memo, trainer, and the booklet of each session the module belongs to), and the
  section's entry in the page's table of contents. Strings: i18n/<lang>.yml › handouts.
- ``on_post_build`` (after static-i18n, once): copies the listed PDFs and short-address pages
  (l/1-3/ → the lesson) into the site, at the paths the links use.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
import shutil
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, os.path.dirname(__file__))
import common  # noqa: E402

ENV = "PC_HANDOUTS_DIR"
MANIFEST = "fiches.json"
ORDER = ("parents", "memo", "animateur")
_MODULE_PAGE = re.compile(r"^modules/(?P<module>[^/]+)/index(?:\.[a-zA-Z_-]+)?\.md$")
_SOURCES = re.compile(r'<h2 id="sources"')


def handouts_dir() -> Path | None:
    value = os.environ.get(ENV, "").strip()
    if not value:
        return None
    folder = Path(value)
    return folder if folder.is_absolute() else common.ROOT / folder


def load_manifest(folder: Path) -> list[dict]:
    path = folder / MANIFEST
    if not path.is_file():
        raise common.content_error(
            path, None, f"l'inventaire des fiches est introuvable ({ENV}={os.environ.get(ENV)})",
            "Lancez d'abord « python scripts/export_handouts.py », ou construisez le site sans "
            f"{ENV} (les pages n'ont alors pas de fiches).")
    data = json.loads(path.read_text(encoding="utf-8"))
    return [item for item in data.get("files", []) if (folder / item["path"]).is_file()]


def links_for(files: list[dict], module: str, lang: str) -> list[dict]:
    """This module's PDFs in ``lang``: its three handouts, then its sessions' booklets."""
    own = sorted((f for f in files if f.get("module") == module and f.get("lang") == lang and f["variant"] in ORDER),
                 key=lambda f: ORDER.index(f["variant"]))
    booklets = sorted((f for f in files if f["variant"] == "livret" and f.get("lang") == lang
                       and module in f.get("modules", [])), key=lambda f: f.get("session", 0))
    return own + booklets


def section_html(items: list[dict], page_dest: str, strings: dict) -> str:
    h = strings["handouts"]
    rows = []
    for item in items:
        label = h["booklet"].format(n=item.get("session")) if item["variant"] == "livret" else h[item["variant"]]
        href = posixpath.relpath(item["path"], posixpath.dirname(page_dest))
        size = h["size"].format(kb=max(1, round(item["bytes"] / 1024)))
        rows.append(f'<li><a href="{html.escape(href)}" type="application/pdf">{html.escape(label)}</a> '
                    f"({html.escape(size)})</li>")
    return (f'<h2 id="fiches">{html.escape(h["section_title"])}</h2>\n'
            f'<p>{html.escape(h["section_intro"])}</p>\n<ul class="pc-fiches">\n' + "\n".join(rows) + "\n</ul>\n")


# --- Hooks -------------------------------------------------------------------

_manifest: dict[str, list[dict]] = {}


def on_page_content(html_, page, config, files):
    folder = handouts_dir()
    match = _MODULE_PAGE.match(page.file.src_uri)
    if folder is None or not match:
        return html_
    key = str(folder)
    if key not in _manifest:
        _manifest[key] = load_manifest(folder)
    lang = common.page_language(config)
    plugin = config.plugins.get("i18n")
    default = getattr(plugin, "default_language", common.DEFAULT_LANGUAGE) if plugin else common.DEFAULT_LANGUAGE
    prefix = "" if lang == default else f"{lang}/"
    items = links_for(_manifest[key], match.group("module"), lang)
    if not items:
        return html_
    section = section_html(items, f"{prefix}modules/{match.group('module')}/index.html", common.ui_strings(lang))
    _add_to_toc(page, common.ui_strings(lang)["handouts"]["section_title"])
    found = _SOURCES.search(html_)
    return html_[:found.start()] + section + html_[found.start():] if found else html_ + section


def _add_to_toc(page, title: str) -> None:
    from mkdocs.structure.toc import AnchorLink

    if not page.toc.items:
        return
    top = page.toc.items[0]
    entries = top.children
    if any(entry.id == "fiches" for entry in entries):
        return
    position = next((i for i, entry in enumerate(entries) if entry.id == "sources"), len(entries))
    entries.insert(position, AnchorLink(title, "fiches", top.level + 1))


@event_priority(-110)
def on_post_build(config):
    folder = handouts_dir()
    plugin = config.plugins.get("i18n")
    if folder is None or (plugin is not None and plugin.building):
        return
    for item in load_manifest(folder):
        target = Path(config.site_dir) / item["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / item["path"], target)
    _manifest.clear()

"""Practice exercises: ``<!-- exercice: souris -->`` and ``<!-- exercice: clavier -->``.

An author writes one of these comments on its own line in a lesson (any language
version). This file renders it at build time into a container that reads well without
JavaScript (the instructions, a message saying the exercise needs JavaScript, the steps
as a list); docs/assets/javascripts/exercice-souris.js or exercice-clavier.js then turns
it into the exercise. The UI strings of the page language (``exercices:`` in
i18n/<lang>.yml) travel in the container's ``data-pc-strings`` attribute: no request,
so it works from file:// too.

MkDocs events used:
- ``on_pre_build``: forgets the pages of the previous (per-language) build.
- ``on_page_markdown``: finds the markers (outside fenced code) in the page's source,
  so that error lines are the file's lines even after other hooks changed the Markdown;
  an unknown exercise stops the build with the file, the line and the fix
  (``common.content_error``). Each marker becomes a placeholder comment.
- ``on_page_content``: swaps each placeholder for its rendered container.
- ``on_post_page``: adds exercices.css and the exercise's script to the ``<head>`` of
  those pages only.

In the page (vanilla ES2017, one IIFE each, only global ``window.ParentsConnectes``, safe to
load twice; nothing stored, nothing sent; the docs live here to keep the scripts small):

- exercice-souris.js: 6 steps, harder and harder (big, smaller, small button to click; a
  folder to double-click, then a smaller one; a document to drag onto a folder). Mouse,
  finger (pointer events: two taps within 800 ms = a double-click; drag with the finger)
  and keyboard (targets are <button>s: Enter twice within 1.5 s = a double-click; press
  the document, then the folder = drag and drop, which also serves pointers that cannot
  drag, WCAG 2.5.7). A kind word after each success, gentle help after a miss.
- exercice-clavier.js: the three texts of ``CLAVIER_TEXTS`` in a field checked as the
  parent types. It compares the field's value (NFC), not key events, so phones and dead
  keys work; a ^ or ¨ waiting for its vowel is not a mistake. On a mistake, or with
  « Je ne trouve pas la touche », it says which keys type the next character and
  highlights them, numbered in order, on a keyboard it draws (French PC AZERTY, always
  left to right): the simplest way first (key alone, then Maj, then AltGr; ê = ^ then e).

Budget: each exercise's script plus the shared exercices.css stays under 6 KB gzip
(tests/test_exercices.py). French strings get no-break spaces before « : ; ! ? » here.

The parser (``find_markers``) and renderer (``render_exercise``) are plain functions,
tested without MkDocs in tests/test_exercices.py.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
from dataclasses import dataclass

sys.path.insert(0, os.path.dirname(__file__))
import common  # noqa: E402

CSS = "assets/stylesheets/exercices.css"
SCRIPTS = {
    "souris": "assets/javascripts/exercice-souris.js",
    "clavier": "assets/javascripts/exercice-clavier.js",
}
# The texts the parent types: French on a French keyboard, the same in every language
CLAVIER_TEXTS = ("prenom.nom@example.org", "fenêtre", "Roubaix")
SOURIS_STEPS = 6
PLACEHOLDER = "<!-- pc-exercice {n} -->"
# Strings rendered here only; the others go to the script (data-pc-strings)
BUILD_ONLY = {"title", "intro", "private", "no_js", "steps_title"}
RTL_LANGUAGES = {"ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"}

MARKER_RE = re.compile(r"^(?P<indent>\s*)<!--\s*(?P<word>exerci[cs]es?)\s*:?\s*(?P<name>.*?)\s*-->\s*$", re.I)
FENCE_RE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
FIX = "Écrivez <!-- exercice: souris --> ou <!-- exercice: clavier -->."


@dataclass
class Marker:
    name: str
    line: int  # in the file
    index: int  # in the parsed text
    indent: str = ""


# --- Parser ------------------------------------------------------------------

def find_markers(text: str, path, first_line: int = 1) -> list[Marker]:
    """Every ``<!-- exercice: … -->`` line of ``text`` outside fenced code.

    ``first_line`` is the file line of ``text``'s first line. Raises
    ``common.content_error`` (a PluginError) for an unknown or misspelt exercise.
    """
    markers = []
    fence = ""
    for index, raw in enumerate(text.splitlines()):
        stripped = raw.strip()
        if fence:
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
            continue
        match = FENCE_RE.match(raw)
        if match:
            fence = match.group("fence")
            continue
        match = MARKER_RE.match(raw)
        if not match:
            continue
        line = first_line + index
        name = match.group("name").strip().lower()
        if match.group("word").lower() != "exercice":
            raise common.content_error(
                path, line, f"« {match.group('word')} » n'est pas reconnu.",
                f"Écrivez « exercice », en français et au singulier : <!-- exercice: {name or 'souris'} -->.")
        if not name:
            raise common.content_error(path, line, "il manque le nom de l'exercice.", FIX)
        if name not in SCRIPTS:
            raise common.content_error(path, line, f"l'exercice « {match.group('name').strip()} » n'existe pas.", FIX)
        markers.append(Marker(name, line, index, match.group("indent")))
    return markers


# --- Renderer ----------------------------------------------------------------

def direction(lang: str) -> str:
    return "rtl" if lang.split("-")[0].lower() in RTL_LANGUAGES else "ltr"


def french_spaces(value):
    """No line break before « : ; ! ? » or inside « » (French typography): on a phone, a
    lone « : » starting a line puzzles a reader. Strings, lists and dicts alike."""
    if isinstance(value, str):
        return re.sub(r" ([:;!?»])", "\u00a0\\1", value).replace("« ", "«\u00a0")
    if isinstance(value, list):
        return [french_spaces(v) for v in value]
    if isinstance(value, dict):
        return {k: french_spaces(v) for k, v in value.items()}
    return value


def render_exercise(name: str, strings: dict, lang: str, number: int = 1) -> str:
    """The container for exercise ``name``; ``strings`` is the ``exercices:`` section of
    i18n/<lang>.yml. ``number`` tells two exercises of the same page apart (ids)."""
    if lang.split("-")[0] == "fr":
        strings = french_spaces(strings)
    own = strings[name]
    base = f"exercice-{name}" + (f"-{number}" if number > 1 else "")
    data = {key: value for key, value in {**strings, **own}.items() if key not in SCRIPTS and key not in BUILD_ONLY}
    if name == "clavier":
        data["texts"] = list(CLAVIER_TEXTS)
        steps = [f'{_esc(own[f"task_{n}"])} <strong class="pc-ex__modele" lang="fr" dir="ltr" translate="no">'
                 f"{_esc(text)}</strong>" for n, text in enumerate(CLAVIER_TEXTS, 1)]
    else:
        steps = [_esc(own[f"step_{n}"]) for n in range(1, SOURIS_STEPS + 1)]
    out = [
        f'<section class="pc-ex pc-ex--{name}" id="{base}" lang="{_attr(lang)}" dir="{direction(lang)}" '
        f'aria-labelledby="{base}-titre" data-pc-exercice="{name}" data-search-exclude '
        f'data-pc-strings="{_attr(json.dumps(data, ensure_ascii=False, separators=(",", ":")))}">',
        f'<p class="pc-ex__titre" id="{base}-titre">{_esc(own["title"])}</p>',
        f'<p class="pc-ex__intro">{_esc(own["intro"])}</p>',
    ]
    if name == "clavier":
        out.append(f'<p class="pc-ex__prive"><span aria-hidden="true">🔒</span> {_esc(own["private"])}</p>')
    out.append(f'<p class="pc-ex__sans-js" role="note"><span aria-hidden="true">ℹ</span> {_esc(strings["no_js"])}</p>')
    out.append(f'<div class="pc-ex__etapes"><p>{_esc(strings["steps_title"])}</p><ol>')
    out.extend(f"<li>{step}</li>" for step in steps)
    out.append("</ol></div></section>")
    return "\n".join(out)


def _esc(text) -> str:
    return html.escape(str(text), quote=False)


def _attr(text) -> str:
    return html.escape(str(text), quote=True)


# --- Hooks -------------------------------------------------------------------

_rendered: dict[str, list[str]] = {}  # page src_uri → rendered containers
_assets: dict[str, list[str]] = {}  # page src_uri → asset URLs (css, then scripts)


def on_pre_build(config):
    _rendered.clear()
    _assets.clear()


def on_page_markdown(markdown, page, config, files):
    if "<!--" not in markdown:
        return markdown
    # Errors name the lines of the file itself (other hooks may have changed the Markdown)
    source = getattr(page.file, "content_string", "") or ""
    find_markers(source, page.file.abs_src_path or page.file.src_uri)
    markers = find_markers(markdown, page.file.abs_src_path or page.file.src_uri)
    if not markers:
        return markdown
    lang = common.page_language(config)
    strings = common.ui_strings(lang)["exercices"]
    lines = markdown.splitlines()
    counts: dict[str, int] = {}
    rendered = []
    for n, marker in enumerate(markers):
        counts[marker.name] = counts.get(marker.name, 0) + 1
        rendered.append(render_exercise(marker.name, strings, lang, counts[marker.name]))
        lines[marker.index] = f"\n{marker.indent}{PLACEHOLDER.format(n=n)}\n"
    _rendered[page.file.src_uri] = rendered
    paths = [CSS, *(SCRIPTS[name] for name in SCRIPTS if name in counts)]
    _assets[page.file.src_uri] = [_asset_url(path, page, files) for path in paths]
    return "\n".join(lines)


def on_page_content(html_, page, config, files):
    for n, container in enumerate(_rendered.get(page.file.src_uri) or []):
        # A placeholder inside a list or an admonition is wrapped in <p>
        html_ = re.sub(r"(?:<p>\s*)?" + re.escape(PLACEHOLDER.format(n=n)) + r"(?:\s*</p>)?",
                       lambda _m, c=container: c, html_, count=1)
    return html_


def on_post_page(output, page, config):
    urls = _assets.get(page.file.src_uri)
    if not urls:
        return output
    css, *scripts = urls
    tags = f'<link rel="stylesheet" href="{css}">\n' + "".join(
        f'<script src="{js}" defer></script>\n' for js in scripts)
    return output.replace("</head>", tags + "</head>", 1)


def _asset_url(path: str, page, files) -> str:
    """URL of one of our assets from ``page`` (the site root's copy in every language)."""
    from mkdocs.utils import get_relative_url

    target = files.get_file_from_path(path) if files is not None else None
    return target.url_relative_to(page.file) if target else get_relative_url(path, page.file.url)

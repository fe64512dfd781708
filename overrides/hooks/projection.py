"""Projection mode for trainers, and « J'ai terminé cette leçon » on lessons (issue 9).

What the reader gets is in README.md (« Projection mode »). On every lesson
(``modules/NN-…/NN-….md``) and quiz page (``quizzes/*.md`` but the index), a small
« Mode projection » button (hidden without JavaScript) and the shortcut Alt + P load
docs/assets/javascripts/projection.js, projection.css and the strings of the page's
language (``projection.<lang>.js``, written here) ON DEMAND: nothing of it is in the
first load of a page (tests/test_build.py budget), only the button and a small inline
script (about 500 bytes gzip, with the lesson toggle below).

Lessons also get, after « À retenir », a « J'ai terminé cette leçon » toggle
(``aria-pressed``), kept in this browser only under ``parents-connectes:lecon:<module>/<lesson>``
(the same key in every language: « Mon parcours » reads it; the kiosk mode wipes it).

MkDocs events used:
- ``on_page_content``: on lessons and quizzes, the button before the title; on lessons,
  the toggle at the end of « À retenir » (before the trainer notes).
- ``on_post_page``: on those pages, the inline script at the end of ``<body>``: it shows the
  button and the toggle, binds Alt + P (stopping Material, which would read « p » as
  « previous page »), and loads the three files on the first use. Their paths are quoted in
  the script, so offline.json lists them (overrides/hooks/offline.py).
- ``on_post_build`` (outer build, priority -115: after static-i18n, before offline.py at -120):
  writes ``assets/javascripts/projection.<lang>.js`` (the script's strings) for each language.

In the page, projection.js (vanilla ES2017, one IIFE, only global ``window.ParentsConnectes``,
safe to load twice) cuts the page into screens: the title with « Vous allez apprendre »,
« Ce qu'il faut », then in « Étape par étape » each sub-title's introduction, each numbered
step (with the sub-title and its illustration, large, beside it) and each note after the
steps, then « À vous » and « À retenir »; « Sources » and trainer notes never show. On a quiz:
the introduction, then one question at a time, then the score. It works in place (the page
is not copied: quizzes, exercises, glossary and « Écouter » keep working), hides everything
else with CSS, asks for full screen (leaving full screen leaves the mode), and adds a bar:
title, « Précédent », the counter (« 5 / 27 », announced), « Suivant », « Quitter ».
Keys: → ← (reversed in right-to-left pages), Page Down / Page Up (what clickers send), Space
(Shift + Space back), Home / End, Escape leaves; ↑ ↓ scroll a long screen. Arrows and Space are
left to form fields (a quiz's radio buttons), and Material's letter shortcuts are stopped.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

sys.path.insert(0, os.path.dirname(__file__))
import common  # noqa: E402

CSS = "assets/stylesheets/projection.css"
JS = "assets/javascripts/projection.js"
STRINGS = "assets/javascripts/projection.{lang}.js"
PARCOURS = "parcours/mon-parcours.md"
KEY_PREFIX = "parents-connectes:lecon:"
LESSON_RE = re.compile(r"modules/(\d\d-[^/]+)/(\d\d-[^/]+)\.html")
QUIZ_RE = re.compile(r"quizzes/(?!index\.html)[^/]+\.html")
# A projector-screen icon (Material Design Icons « presentation-play », Apache 2.0)
ICON = ('<svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24" style="vertical-align:middle;'
        'fill:currentColor;margin-inline-end:.4em"><path d="M2 3h8a2 2 0 0 1 4 0h8v2h-1v11h-5.75L17 22h-2'
        'l-1.75-6h-2.5L9 22H7l1.75-6H3V5H2zm3 2v9h14V5zm6 2 4 3-4 3z"/></svg>')
# The strings projection.js needs (the button's are rendered here)
JS_STRINGS = ("label", "prev", "next", "leave", "counter", "counter_label", "help")


# --- Which pages --------------------------------------------------------------

def site_path(page, config) -> str:
    """The page's path inside its language folder (``modules/…/x.html``)."""
    lang, dest = common.page_language(config), page.file.dest_uri
    plugin = config.plugins.get("i18n")
    default = plugin.default_language if plugin else common.DEFAULT_LANGUAGE
    return dest[len(lang) + 1:] if lang != default and dest.startswith(f"{lang}/") else dest


def lesson_id(path: str) -> str:
    """``01-bien-demarrer/02-allumer-et-eteindre`` for a lesson page, else ``""``."""
    match = LESSON_RE.fullmatch(path)
    return f"{match.group(1)}/{match.group(2)}" if match else ""


def is_projectable(path: str) -> bool:
    return bool(lesson_id(path) or QUIZ_RE.fullmatch(path))


# --- Rendering ----------------------------------------------------------------

def render_button(strings: dict) -> str:
    """The button, in a plain <div> of class ``pc-js`` (site.css): shown from the first paint
    when JavaScript runs (the <head> has swapped « no-js » for « js »), never without it, so the
    text below does not move down later. No script next to it: see site.css."""
    esc = html.escape
    return (f'<div class="pc-proj-ouvrir pc-js" data-search-exclude style="float:inline-end;margin-inline-start:1rem">'
            f'<button type="button" id="pc-proj" class="md-button" aria-keyshortcuts="Alt+P" '
            f'title="{esc(strings["shortcut"])}" style="min-height:44px;padding:.5em 1em">'
            f'{ICON}{esc(strings["button"])}</button></div>\n')


def render_toggle(strings: dict, lesson: str, parcours_url: str) -> str:
    """« J'ai terminé cette leçon »: a toggle button and what it says once pressed."""
    esc = html.escape
    note = esc(strings["done_note"])
    if parcours_url:
        note += f' <a href="{esc(parcours_url)}">{esc(strings["done_link"])}</a>'
    return (f'<div class="pc-fini" id="pc-fini" data-lecon="{esc(lesson)}" data-search-exclude hidden>\n'
            f'<button type="button" class="md-button" aria-pressed="false" style="min-height:44px">'
            f'{esc(strings["done"])}</button>\n'
            f'<p role="status"><span data-fait hidden><span aria-hidden="true">✓ </span>{note}</span></p>\n'
            f'</div>\n')


def insert_toggle(html_: str, toggle: str) -> str:
    """At the end of « À retenir » (before the trainer notes or the next section)."""
    start = re.search(r'<h2 id="a-retenir"', html_)
    if not start:
        return html_
    ends = [i for i in (html_.find('<details class="formateur', start.end()), html_.find("<h2", start.end())) if i != -1]
    at = min(ends) if ends else len(html_)
    return html_[:at] + toggle + html_[at:]


def loader(urls: list[str], toggle: bool) -> str:
    """The inline script: binds the button and Alt + P (and shows the lesson toggle), loads the
    files once. Kept small: it is in the first load of every lesson and quiz."""
    js = (
        '<script>(function(d,u){var b=d.getElementById("pc-proj"),n=0;'
        'function g(){var P=window.ParentsConnectes;if(P&&P.projection)return P.projection.toggle();if(n++)return;'
        'var l=d.createElement("link");l.rel="stylesheet";l.href=u[0];l.onload=l.onerror=function(){'
        'u.slice(1).forEach(function(x){var s=d.createElement("script");s.src=x;s.async=!1;d.head.appendChild(s)})};'
        "d.head.appendChild(l)}"
        "b.onclick=g;"
        'd.addEventListener("keydown",function(e){if(e.altKey&&!e.ctrlKey&&!e.metaKey&&e.code=="KeyP"){'
        "e.preventDefault();e.stopPropagation();g()}});"
    )
    if toggle:
        js += (
            'var f=d.getElementById("pc-fini");try{var S=localStorage,K="parents-connectes:lecon:"+f.dataset.lecon,'
            'c=f.querySelector("button");'
            'function r(){var o=!!S.getItem(K);c.setAttribute("aria-pressed",o);c.classList.toggle("md-button--primary",o);'
            'f.querySelector("[data-fait]").hidden=!o}'
            "c.onclick=function(){S.getItem(K)?S.removeItem(K):S.setItem(K,new Date().toISOString().slice(0,10));r()};"
            "r();f.hidden=!1}catch(e){}"
        )
    return js + f"}})(document,{json.dumps(urls)})</script>\n"


def french_spaces(strings: dict, lang: str) -> dict:
    """In French, no line break before « : ; ! ? » (as exercices.py does)."""
    if lang != common.DEFAULT_LANGUAGE:
        return strings
    return {key: re.sub(r" ([:;!?»])", "\u00a0\\1", value).replace("« ", "«\u00a0") if isinstance(value, str) else value
            for key, value in strings.items()}


def strings_script(strings: dict) -> str:
    data = {key: strings[key] for key in JS_STRINGS}
    return ("(window.ParentsConnectes=window.ParentsConnectes||{}).projectionStrings="
            + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n")


# --- Hooks -------------------------------------------------------------------


def on_page_content(html_, page, config, files):
    path = site_path(page, config)
    if not is_projectable(path):
        return html_
    lang = common.page_language(config)
    strings = {key: french_spaces(common.ui_strings(lang)[key], lang) for key in ("projection", "parcours")}
    out = render_button(strings["projection"])
    h1 = html_.find("<h1")
    html_ = html_[:h1] + out + html_[h1:] if h1 != -1 else out + html_
    lesson = lesson_id(path)
    if lesson:
        target = files.get_file_from_path(PARCOURS) if files is not None else None
        url = target.url_relative_to(page.file) if target else ""
        html_ = insert_toggle(html_, render_toggle(strings["parcours"], lesson, url))
    return html_


def on_post_page(output, page, config):
    if not is_projectable(site_path(page, config)):
        return output
    lang = common.page_language(config)
    urls = [get_relative_url(path, page.file.url) for path in (CSS, STRINGS.format(lang=lang), JS)]
    toggle = bool(lesson_id(site_path(page, config)))
    return output.replace("</body>", loader(urls, toggle) + "</body>", 1)


@event_priority(-115)
def on_post_build(config):
    plugin = config.plugins.get("i18n")
    if plugin is not None and plugin.building:
        return
    languages = list(plugin.all_languages) if plugin else [common.page_language(config)]
    folder = os.path.join(config.site_dir, "assets", "javascripts")
    os.makedirs(folder, exist_ok=True)
    for lang in languages:
        with open(os.path.join(folder, os.path.basename(STRINGS.format(lang=lang))), "w", encoding="utf-8") as f:
            f.write(strings_script(french_spaces(common.ui_strings(lang)["projection"], lang)))

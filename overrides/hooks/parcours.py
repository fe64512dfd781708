"""« Mon parcours » (docs/parcours/mon-parcours*.md) and the trainer pages (docs/formateurs/).

- ``<!-- mon-parcours -->`` in a page becomes, at build time, the list of the course in the
  page's language: for each module of ``nav`` (mkdocs.yml), in order, its lessons and its
  quiz, as links carrying ``data-pc-lecon="<module>/<lesson>"`` or ``data-pc-quiz="<id>"``
  (with its number of questions). docs/assets/javascripts/parcours.js then reads this
  browser's progress (``parents-connectes:lecon:…`` from « J'ai terminé cette leçon »,
  overrides/hooks/projection.py; ``parents-connectes:quiz:<id>`` from quiz.js), writes each
  item's state, the totals and what comes next, and offers « Imprimer le résumé » and
  « Tout effacer » (those two kinds of keys only: the text size and the kiosk setting stay).
  Nothing is fetched (the list is in the page: works from file://), nothing is sent.
- Trainer pages (``formateurs/…``): trainer notes (``??? formateur``) are open and print;
  formateurs.css is loaded there (the notes, and the printable attestation of
  docs/formateurs/attestation.md on one A4 page without the site around it).

MkDocs events used:
- ``on_page_markdown``: expands the marker (Markdown links: MkDocs and static-i18n resolve
  them to the page's language and check them).
- ``on_page_content``: opens the trainer notes of trainer pages; hides checklist boxes (the
  ones of « Je sais… » lists, ticked on paper) from screen readers: the text is the item.
- ``on_post_page``: parcours.css and parcours.js on pages with the list; formateurs.css
  on trainer pages.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, os.path.dirname(__file__))
import common  # noqa: E402

MARKER = "<!-- mon-parcours -->"
PARCOURS_CSS = "assets/stylesheets/parcours.css"
PARCOURS_JS = "assets/javascripts/parcours.js"
FORMATEURS_CSS = "assets/stylesheets/formateurs.css"
MODULE_RE = re.compile(r"modules/(\d\d-[^/]+)/(index|\d\d-[^/]+)\.md$")
QUIZ_ID_RE = re.compile(r"""<!--\s*quiz\b[^>]*?\bid\s*=\s*["']([^"']+)["']""")
FRONT_RE = re.compile(r"\A---\n(.*?)\n---\n", re.S)
# Strings parcours.js needs (the others are rendered here)
JS_STRINGS = ("summary_lessons", "summary_quizzes", "next", "start", "all_done", "lesson_done", "todo",
              "quiz_done", "quiz_started", "cleared", "no_storage", "printed")


# --- The course, read from nav and the Markdown files ---------------------------

def nav_paths(nav) -> list[str]:
    """Every page path of mkdocs.yml's ``nav``, in order."""
    out = []
    for item in nav or []:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                out.extend(nav_paths(value) if isinstance(value, list) else [value] if isinstance(value, str) else [])
    return out


def nav_titles(nav) -> dict[str, str]:
    """Section title of each module folder in ``nav`` (« Bien démarrer »)."""
    out = {}
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    paths = [p for p in nav_paths(value) if MODULE_RE.search(p)]
                    folders = {MODULE_RE.search(p).group(1) for p in paths}
                    if len(folders) == 1 and any(p.endswith("/index.md") for p in paths):
                        out[folders.pop()] = title
                    out.update({k: v for k, v in nav_titles(value).items() if k not in out})
    return out


def localized(docs: Path, path: str, lang: str) -> Path:
    """``page.<lang>.md`` if it exists, else the French ``page.md``."""
    if lang != common.DEFAULT_LANGUAGE:
        candidate = docs / (path[: -len(".md")] + f".{lang}.md")
        if candidate.exists():
            return candidate
    return docs / path


def page_title(file: Path) -> str:
    text = file.read_text(encoding="utf-8")
    front = FRONT_RE.match(text)
    if front:
        title = (yaml.safe_load(front.group(1)) or {}).get("title")
        if title:
            return str(title)
    heading = re.search(r"^# (.+?)\s*(?:\{.*\})?$", text, re.M)
    return heading.group(1) if heading else file.stem


def course(docs: Path, nav, lang: str, translations: dict | None = None) -> list[dict]:
    """The modules of ``nav`` in order: title, lessons (path, id, title), quiz (path, id, questions)."""
    quiz_hook = _quiz_parser()

    titles = nav_titles(nav)
    modules: dict[str, dict] = {}
    for path in nav_paths(nav):
        match = MODULE_RE.search(path)
        if not match or not (docs / path).exists():
            continue
        folder, name = match.groups()
        module = modules.setdefault(folder, {"folder": folder, "lessons": [], "quiz": None})
        if name == "index":
            french = titles.get(folder) or page_title(docs / path)
            module["title"] = (translations or {}).get(french, french)
            module["index"] = path
        else:
            module["lessons"].append({"path": path, "id": f"{folder}/{name}",
                                      "title": page_title(localized(docs, path, lang))})
    for folder, module in modules.items():
        module.setdefault("title", folder)
        path = f"quizzes/{folder}.md"
        if (docs / path).exists():
            source = (docs / path).read_text(encoding="utf-8")
            found = quiz_hook.parse_quizzes(source, docs / path)
            if found:
                module["quiz"] = {"path": path, "id": found[0].id, "questions": len(found[0].questions),
                                  "title": page_title(localized(docs, path, lang))}
    return list(modules.values())


def _quiz_parser():
    """overrides/hooks/quiz.py as a module (MkDocs loads hooks by path, not by name)."""
    import importlib.util

    name = "pc_quiz_parser"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, os.path.join(os.path.dirname(__file__), "quiz.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # before running it: its dataclasses look themselves up there
        spec.loader.exec_module(module)
    return sys.modules[name]


def render_list(modules: list[dict], strings: dict, page_path: str) -> str:
    """Markdown: a section per module, its lessons and quiz as links with their ids."""
    up = "../" * page_path.count("/")
    data = json.dumps({key: strings[key] for key in JS_STRINGS}, ensure_ascii=False, separators=(",", ":"))
    esc = html.escape
    out = [
        f'<div class="pc-parcours" data-pc-parcours="{esc(data)}" data-search-exclude markdown>',
        "",
        f'<p class="pc-parcours__sans-js">{esc(strings["no_js"])}</p>',
        '<div class="pc-parcours__bilan" hidden>',
        '<p data-pc-resume></p>',
        '<p data-pc-suivant></p>',
        '<p class="pc-parcours__actions">'
        f'<button type="button" class="md-button" data-pc-imprimer>{esc(strings["print"])}</button> '
        f'<button type="button" class="md-button" data-pc-effacer aria-expanded="false" '
        f'aria-controls="pc-parcours-confirmer">{esc(strings["clear"])}</button></p>',
        f'<div class="pc-parcours__confirmer" id="pc-parcours-confirmer" hidden><p>{esc(strings["confirm"])}</p>'
        f'<p><button type="button" class="md-button md-button--primary" data-pc-oui>{esc(strings["confirm_yes"])}</button> '
        f'<button type="button" class="md-button" data-pc-non>{esc(strings["cancel"])}</button></p></div>',
        '<p role="status" data-pc-message></p>',
        '<p class="pc-parcours__date" data-pc-date></p>',
        "</div>",
        "",
    ]
    for module in modules:
        out += [f"## {module['title']} {{ #parcours-{module['folder']} }}", ""]
        items = [(lesson["title"], lesson["path"], f'data-pc-lecon="{lesson["id"]}"') for lesson in module["lessons"]]
        if module["quiz"]:
            quiz = module["quiz"]
            items.append((quiz["title"], quiz["path"], f'data-pc-quiz="{quiz["id"]}" data-pc-questions="{quiz["questions"]}"'))
        for n, (title, path, attrs) in enumerate(items, 1):
            label = title.replace("[", "\\[").replace("]", "\\]")
            out.append(f"{n}. [{label}]({up}{path}){{ {attrs} }}")
        out.append("")
    out.append("</div>")
    return "\n".join(out)


def french_spaces(text: str) -> str:
    """No line break before « : ; ! ? » (French typography)."""
    return re.sub(r" ([:;!?»])", "\u00a0\\1", text).replace("« ", "«\u00a0")


def strings_for(lang: str) -> dict:
    strings = dict(common.ui_strings(lang)["parcours"])
    if lang == common.DEFAULT_LANGUAGE:
        strings = {key: french_spaces(value) for key, value in strings.items()}
    return strings


def _nav_translations(config, lang: str) -> dict:
    plugin = config.plugins.get("i18n")
    for language in getattr(getattr(plugin, "config", None), "languages", None) or []:
        if getattr(language, "locale", None) == lang:
            return dict(getattr(language, "nav_translations", None) or {})
    return {}


def _site_path(page, config) -> str:
    lang, dest = common.page_language(config), page.file.dest_uri
    plugin = config.plugins.get("i18n")
    default = plugin.default_language if plugin else common.DEFAULT_LANGUAGE
    return dest[len(lang) + 1:] if lang != default and dest.startswith(f"{lang}/") else dest


# --- Hooks -------------------------------------------------------------------

_with_list: set[str] = set()


def on_pre_build(config):
    _with_list.clear()


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    lang = common.page_language(config)
    docs = Path(config.docs_dir)
    modules = course(docs, config.nav, lang, _nav_translations(config, lang))
    if not modules:
        raise common.content_error(page.file.abs_src_path or page.file.src_uri, None,
                                   "« <!-- mon-parcours --> » ne trouve aucun module dans nav (mkdocs.yml).",
                                   "Ajoutez les modules à nav, comme modules/01-bien-demarrer/index.md.")
    _with_list.add(page.file.src_uri)
    src = page.file.src_uri
    src_path = re.sub(r"\.[a-z]{2}\.md$", ".md", src)
    return markdown.replace(MARKER, render_list(modules, strings_for(lang), src_path), 1)


# A checklist's box (« - [ ] Je sais… », pymdownx.tasklist) is a box to tick with a pen: disabled,
# it has no name of its own (axe « label »); the item's text says it all, so screen readers skip it.
TASK_BOX = '<li class="task-list-item"><input type="checkbox" disabled/>'


def on_page_content(html_, page, config, files):
    html_ = html_.replace(TASK_BOX, '<li class="task-list-item"><input type="checkbox" disabled aria-hidden="true"/>')
    if not _site_path(page, config).startswith("formateurs/"):
        return html_
    # Trainer pages: the trainer notes open (and printed: formateurs.css)
    return re.sub(r'<details class="formateur"(?![^>]*\bopen\b)', '<details class="formateur pc-ouvert" open', html_)


def on_post_page(output, page, config):
    styles, scripts = [], []
    if page.file.src_uri in _with_list:
        styles.append(PARCOURS_CSS)
        scripts.append(PARCOURS_JS)
    if _site_path(page, config).startswith("formateurs/"):
        styles.append(FORMATEURS_CSS)
    if not styles:
        return output
    from mkdocs.utils import get_relative_url

    return common.head_assets(output, [get_relative_url(p, page.file.url) for p in styles],
                              [get_relative_url(p, page.file.url) for p in scripts])

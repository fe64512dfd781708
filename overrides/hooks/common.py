"""Shared helpers for the project's MkDocs hooks (not a hook itself).

Hooks import it with ``from common import ...``: MkDocs loads each hook file by
path, so ``conftest``-style sys.path set-up is done once here by the hooks that
need it (see ``_here`` below).
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

# --- Paths -----------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
I18N_DIR = ROOT / "i18n"
DEFAULT_LANGUAGE = "fr"

_here = os.path.dirname(os.path.abspath(__file__))
if _here not in sys.path:
    sys.path.insert(0, _here)


# --- Languages and UI strings ----------------------------------------------

def page_language(config) -> str:
    """Return the language being built (static-i18n sets theme.language per build)."""
    return str(config.theme.get("language") or DEFAULT_LANGUAGE)


@functools.lru_cache(maxsize=None)
def _load_strings(lang: str) -> dict:
    path = I18N_DIR / f"{lang}.yml"
    if not path.exists():
        raise PluginError(
            f"i18n/{lang}.yml est introuvable : la langue « {lang} » n'a pas de textes d'interface.\n"
            f"  → Copiez i18n/fr.yml en i18n/{lang}.yml et traduisez chaque texte."
        )
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def ui_strings(lang: str) -> dict:
    """UI strings for ``lang``, completed by French for any missing key."""
    base = _load_strings(DEFAULT_LANGUAGE)
    if lang == DEFAULT_LANGUAGE:
        return base
    return _merge(base, _load_strings(lang))


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


# --- Errors for contributors -----------------------------------------------

def content_error(path: str | Path, line: int | None, problem: str, fix: str) -> PluginError:
    """Build the error a contributor reads: file, line, what is wrong, how to fix it (in French)."""
    where = relative(path)
    if line:
        where += f", ligne {line}"
    return PluginError(f"{where} : {problem}\n  → {fix}")


def relative(path: str | Path) -> str:
    """Path as the contributor sees it in the repository (``docs/...``)."""
    p = Path(path).resolve()
    try:
        return p.relative_to(ROOT).as_posix()
    except ValueError:
        return p.as_posix()


# --- Page assets (shared by the widget hooks: quiz, exercises) ----------------

def asset_url(path: str, page, files) -> str:
    """URL of one of our assets from ``page`` (the site root's copy serves every language)."""
    from mkdocs.utils import get_relative_url

    target = files.get_file_from_path(path) if files is not None else None
    return target.url_relative_to(page.file) if target else get_relative_url(path, page.file.url)


def swap_placeholders(html_: str, placeholder: str, rendered: list[str]) -> str:
    """Put each rendered widget where its ``placeholder.format(n=…)`` comment stands."""
    import re

    for n, widget in enumerate(rendered):
        # A placeholder inside a list or an admonition is wrapped in <p>
        html_ = re.sub(r"(?:<p>\s*)?" + re.escape(placeholder.format(n=n)) + r"(?:\s*</p>)?",
                       lambda _m, w=widget: w, html_, count=1)
    return html_


def head_assets(output: str, styles: list[str], scripts: list[str]) -> str:
    """Load these stylesheets and scripts with the page (its main content needs them)."""
    tags = "".join(f'<link rel="stylesheet" href="{css}">\n' for css in styles) + "".join(
        f'<script src="{js}" defer></script>\n' for js in scripts)
    return output.replace("</head>", tags + "</head>", 1)


# Loads files when the first element matching the selector comes near the screen: a parent
# who stops reading before the exercise downloads nothing for it (first-load budget).
_LAZY = ("<script>/* Parents connectés: files of the widget below load when it comes near the screen. */"
         "(function(d,s,u){var done=0;function go(){if(done)return;done=1;u.forEach(function(x){var t;"
         "if(/\\.css$/.test(x)){t=d.createElement('link');t.rel='stylesheet';t.href=x}"
         "else{t=d.createElement('script');t.src=x}d.head.appendChild(t)})}"
         "var e=d.querySelector(s);addEventListener('beforeprint',go);"
         "if(!e||!('IntersectionObserver' in window))return go();"
         "new IntersectionObserver(function(a,o){if(a.some(function(i){return i.isIntersecting}))"
         "{o.disconnect();go()}},{rootMargin:'100% 0px'}).observe(e)})(document,{selector},{urls});</script>\n")


def lazy_assets(output: str, selector: str, urls: list[str]) -> str:
    """Load ``urls`` (stylesheets and scripts) only when ``selector`` comes near the screen."""
    import json

    script = _LAZY.replace("{selector}", json.dumps(selector)).replace("{urls}", json.dumps(urls))
    return output.replace("</body>", script + "</body>", 1)

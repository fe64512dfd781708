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

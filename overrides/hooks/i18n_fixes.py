"""Language fixes around mkdocs-static-i18n and Material (see DESIGN.md, "Known traps").

MkDocs events used:
- ``on_env``: exposes our UI strings (``i18n/<lang>.yml``) to every template as ``pc``,
  404 pages included, for the language being built.
- ``on_post_page``: drops ``<link rel="alternate" hreflang>`` from the head. Material
  fetches ``sitemap.xml`` beside each of them; static-i18n writes only the root one, so
  every page logged 404s (Material issue 6582), and from file:// the fetch fails.
  The visible language links stay and lead to the same page in the other language.
- ``on_post_page`` also names Material's search dialog (axe: aria-dialog-name), and points Material's ``__config.base`` of a translated page to its
  language folder (``…/ar``), so its search loads ``ar/search/search_index.js``.
- ``on_post_template``: static-i18n renders ``404.html`` once per language into the same
  root file (the last language won); we write each translated one to ``<lang>/404.html``.
- ``on_post_build`` (after static-i18n, priority -110): rewrites the search index of each
  language so that it holds only that language's pages, in both ``search_index.json``
  and the ``search_index.js`` copy the offline plugin made before the merge.
  Without this, static-i18n's merged index answered an Arabic search with French pages.
"""

from __future__ import annotations

import json
import os
import re
import sys

from mkdocs.plugins import event_priority

sys.path.insert(0, os.path.dirname(__file__))
import common  # noqa: E402

# --- Hooks -------------------------------------------------------------------


def on_env(env, config, files):
    # Strings of the language this (per-language) build renders
    lang = common.page_language(config)
    env.globals["pc"] = common.ui_strings(lang)
    # Home of this language, relative to the site root (404 pages link to it)
    env.globals["pc_home"] = "index.html" if lang == common.DEFAULT_LANGUAGE else f"{lang}/index.html"
    return env


_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


_BASE = re.compile(r'("base":\s*")([^"]*)(")')


# Pages shown in French because their translation is missing, per language build
_FALLBACK_URLS: set[str] = set()


def on_post_page(output, page, config):
    # Material turns each alternate link into a sitemap.xml request
    output = _ALTERNATE.sub("", output)
    plugin = config.plugins.get("i18n")
    lang = common.page_language(config)
    output = name_search_dialog(output, common.ui_strings(lang)["site"]["search_label"])
    if getattr(page.file, "locale", lang) != lang:
        _FALLBACK_URLS.add(page.url)
    if plugin is not None and lang != plugin.default_language:
        # Search (and only search) reads config.base: give it the language's own index
        output = _BASE.sub(lambda m: f"{m.group(1)}{m.group(2)}/{lang}/{m.group(3)}", output, count=1)
    return output


def on_post_template(output_content, template_name, config):
    output_content = name_search_dialog(output_content, common.ui_strings(common.page_language(config))["site"]["search_label"])
    plugin = config.plugins.get("i18n")
    lang = common.page_language(config)
    if template_name != "404.html" or plugin is None or lang == plugin.default_language:
        return output_content
    target = os.path.join(config.site_dir, lang, "404.html")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as f:
        f.write(_BASE.sub(lambda m: f"{m.group(1)}{m.group(2).rstrip('/')}/{lang}/{m.group(3)}", output_content, count=1))
    # Empty output: MkDocs then leaves the French root 404.html alone
    return ""


@event_priority(-110)
def on_post_build(config):
    plugin = config.plugins.get("i18n")
    # Once, in the outer build, after static-i18n has built and merged every language
    if plugin is None or plugin.building:
        return
    split_search_index(config.site_dir, plugin.default_language, plugin.all_languages, _FALLBACK_URLS)
    _FALLBACK_URLS.clear()


# --- Helpers -----------------------------------------------------------------


def name_search_dialog(html: str, label: str) -> str:
    """Give Material's search dialog an accessible name (it has none)."""
    return html.replace('<div class="md-search" data-md-component="search" role="dialog">',
                        f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{label}">', 1)


def split_search_index(site_dir: str, default: str, languages, fallbacks=frozenset()) -> None:
    """Give each language directory an index with its own pages only.

    ``fallbacks`` are site-relative URLs of pages shown in French in another language:
    they stay out of that language's index (a search in Arabic finds Arabic pages).
    """
    root = os.path.join(site_dir, "search", "search_index.json")
    if not os.path.isfile(root):
        return
    with open(root, encoding="utf-8") as f:
        merged = json.load(f)
    others = [lang for lang in languages if lang != default]
    per_lang = {lang: [] for lang in [default, *others]}
    for doc in merged.get("docs", []):
        location = doc.get("location", "")
        lang = next((code for code in others if location.startswith(f"{code}/")), default)
        if location.split("#")[0] in fallbacks:
            continue
        if lang != default:
            # Locations are relative to the language's own site directory
            doc = {**doc, "location": location[len(lang) + 1:]}
        per_lang[lang].append(doc)
    for lang, docs in per_lang.items():
        folder = site_dir if lang == default else os.path.join(site_dir, lang)
        index_config = {**merged.get("config", {}), "lang": [lang]}
        _write_index(os.path.join(folder, "search"), {"config": index_config, "docs": docs})


def _write_index(folder: str, data: dict) -> None:
    os.makedirs(folder, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    with open(os.path.join(folder, "search_index.json"), "w", encoding="utf-8") as f:
        f.write(text)
    # Same content as a script, for file:// (what the offline plugin writes)
    with open(os.path.join(folder, "search_index.js"), "w", encoding="utf-8") as f:
        f.write(f"var __index = {text}")

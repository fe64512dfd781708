"""Offline first: an installable app (PWA), « Garder le cours sur ce téléphone », kiosk mode.

What a reader gets is described in README.md (« Offline, phone and kiosk »). The service
worker is ours, hand-written (docs/assets/javascripts/service-worker.js), with the list of
files made here at build time: the README says why we did not take Workbox.

MkDocs events used:
- ``on_startup``: remembers ``mkdocs serve``: while previewing, no service worker (it would
  show old pages); the site gets a sw.js that removes one left by an earlier visit.
- ``on_page_content``: on the home page and on each module's overview page, adds the
  « Garder le cours sur ce téléphone » box, hidden until offline.js shows it (no
  JavaScript, no service worker or file:// — no box).
- ``on_post_page``: adds to the ``<head>`` of every page the web app manifest of its
  language, the theme colour, the home-screen icon and a small inline script (about
  400 bytes gzip) that registers the service worker over http(s) only, reloads the page
  when a new version takes over, loads borne.js only in kiosk mode and offline.js only
  when a new version waits; and offline.js with its strings on the pages with the box.
- ``on_post_build`` (priority -120: after static-i18n has built every language and after
  i18n_fixes has rewritten the search indexes; once, in the outer build): writes the icon
  (SVG and PNG), one manifest per language, the strings of our kiosk and offline scripts
  per language, ``offline.json`` (every file a language needs, with its size and SHA-256,
  and the version) and ``sw.js`` at the site root (a worker's scope is its folder): the
  version, then ``importScripts`` of service-worker.js with the version in its address.

``offline_data`` and ``write_offline`` are plain functions, used by the tests too.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

sys.path.insert(0, os.path.dirname(__file__))
import common  # noqa: E402
import icon  # noqa: E402

SW_LOGIC = "assets/javascripts/service-worker.js"
OFFLINE_PAGE = "hors-ligne.html"  # docs/hors-ligne.md, one per language
CHECKLIST = "borne/index.html"  # docs/borne/index.md: what to do before leaving the kiosk
ICON_SVG = "assets/images/icon.svg"
ICON_PNG = "assets/images/icon-512.png"
MANIFEST = "manifest.webmanifest"
THEME_COLOR = "#1d4ed8"
RTL = {"ar", "fa", "he", "ur"}
HASH_LENGTH = 16  # hex digits of SHA-256 kept per file (service-worker.js compares as many)
# Where the box goes: at the end of this section (id of its h2), else at the end of the page
BOX_AFTER = {"home": "sans-internet", "module": "lecons"}
# Loaded by the small script of every page when needed, so in no page's HTML
ON_DEMAND = ("assets/javascripts/borne.js", "assets/stylesheets/borne.css", "assets/javascripts/offline.js")
# Written after the list (and the browser keeps the worker itself): never in a list
NOT_LISTED = {"sw.js", "offline.json"}
# Strings offline.js needs (the box's other strings are rendered here)
JS_OFFLINE = ("resume", "size", "downloading", "done", "saved", "error", "kb", "mb",
              "update_title", "update", "reload")

_state = {"serve": False}


# --- Hooks -------------------------------------------------------------------


def on_startup(command, dirty):
    _state["serve"] = command == "serve"


def on_page_content(html_, page, config, files):
    kind = box_kind(_site_path(page, config))
    if not kind:
        return html_
    return insert_box(html_, render_box(common.ui_strings(common.page_language(config))["offline"]),
                      BOX_AFTER[kind])


def on_post_page(output, page, config):
    lang = common.page_language(config)
    root = get_relative_url("sw.js", page.file.url)[: -len("sw.js")]
    folder = "" if lang == _default(config) else f"{lang}/"
    tags = (f'<link rel="manifest" href="{root}{folder}{MANIFEST}">\n'
            f'<meta name="theme-color" content="{THEME_COLOR}">\n'
            f'<link rel="apple-touch-icon" href="{root}{ICON_PNG}">\n'
            f"<script>{snippet(root, lang, register=not _state['serve'])}</script>\n")
    if box_kind(_site_path(page, config)):
        tags += "".join(f'<script src="{root}assets/javascripts/{name}.js" defer></script>\n'
                        for name in (f"strings.{lang}", "offline"))
    return output.replace("</head>", tags + "</head>", 1)


@event_priority(-120)
def on_post_build(config):
    plugin = config.plugins.get("i18n")
    if plugin is not None and plugin.building:
        return
    languages = list(plugin.all_languages) if plugin else [common.page_language(config)]
    default = _default(config)
    site = Path(config.site_dir)
    write_app_files(site, languages, default)
    if _state["serve"]:
        (site / "sw.js").write_text(SW_REMOVER, encoding="utf-8")
        return
    write_offline(site, languages, default)


# --- The box and the small script of every page ------------------------------


def _default(config) -> str:
    plugin = config.plugins.get("i18n")
    return plugin.default_language if plugin else common.page_language(config)


def _site_path(page, config) -> str:
    """The page's path inside its language folder (``modules/…/index.html``)."""
    lang, dest = common.page_language(config), page.file.dest_uri
    return dest[len(lang) + 1:] if lang != _default(config) and dest.startswith(f"{lang}/") else dest


def box_kind(path: str) -> str:
    if path == "index.html":
        return "home"
    if re.fullmatch(r"modules/\d\d-[^/]+/index\.html", path):
        return "module"
    return ""


def render_box(strings: dict) -> str:
    """The box, hidden; offline.js shows it. ``hidden`` sits on elements without a display
    rule of Material's (it would win over the attribute), hence the plain wrappers."""
    esc = html.escape
    return (
        '<div class="pc-offline" data-pc-offline data-search-exclude hidden>\n'
        '<div class="admonition info">\n'
        f'<p class="admonition-title">{esc(strings["box_title"])}</p>\n'
        f'<p>{esc(strings["box_text"])}</p>\n'
        '<p data-pc-size></p>\n'
        # Material's buttons are 35 px tall: ours are touch targets of at least 44 px
        '<p data-pc-action hidden><button type="button" class="md-button md-button--primary" '
        f'style="min-height:44px">{esc(strings["button"])}</button></p>\n'
        f'<progress max="1" value="0" style="inline-size:100%" aria-label="{esc(strings["progress_label"])}" hidden></progress>\n'
        '<p role="status"></p>\n'
        "</div>\n</div>\n"
    )


def insert_box(html_: str, box: str, section: str) -> str:
    """Put the box at the end of the section whose h2 has id ``section`` (else at the end)."""
    start = re.search(rf'<h2 id="{re.escape(section)}"', html_)
    if start:
        after = html_.find("<h2", start.end())
        if after != -1:
            return html_[:after] + box + html_[after:]
    return html_ + box


def snippet(root: str, lang: str, register: bool = True) -> str:
    """The inline script of every page (kept small: it is in every first load).

    Loads borne.js in kiosk mode (``?borne=…`` now, or remembered); over http(s), registers
    the service worker, reloads when a new version takes over this page, and loads
    offline.js when a new version waits (it shows the message).
    """
    js = (
        '(function(d,R,l){var n=navigator.serviceWorker,t={};'
        'function L(f){["strings."+l,f].forEach(function(u){if(!t[u]){t[u]=1;var s=d.createElement("script");'
        's.src=R+"assets/javascripts/"+u+".js";s.async=!1;d.head.appendChild(s)}})}'
        'try{if(/[?&]borne=/.test(location.search)||localStorage.getItem("parents-connectes:borne"))L("borne")}catch(e){}'
    )
    if register:
        js += (
            'if(n&&/^https?:$/.test(location.protocol)){var c=n.controller;'
            'n.addEventListener("controllerchange",function(){c&&location.reload()});'
            'n.register(R+"sw.js").then(function(g){function u(){g.waiting&&n.controller&&L("offline")}'
            'u();g.onupdatefound=function(){g.installing.onstatechange=u}})["catch"](function(){})}'
        )
    return js + f"}})(document,{json.dumps(root)},{json.dumps(lang)})"


# Written as sw.js by `mkdocs serve`: removes a worker (and its caches) left on this address
SW_REMOVER = """// mkdocs serve: no offline copy while previewing; this removes one left by an earlier visit.
self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf('parents-connectes-') === 0; })
      .map(function (n) { return caches['delete'](n); }));
  }).then(function () { return self.registration.unregister(); }));
});
"""


# --- Files written after the build -------------------------------------------


def write_app_files(site: Path, languages, default: str) -> None:
    """The icon, a web app manifest and the scripts' strings for each language."""
    (site / ICON_SVG).parent.mkdir(parents=True, exist_ok=True)
    (site / ICON_SVG).write_text(icon.svg(), encoding="utf-8")
    (site / ICON_PNG).write_bytes(icon.png())
    for lang in languages:
        strings = common.ui_strings(lang)
        folder = "" if lang == default else f"{lang}/"
        target = site / folder / MANIFEST
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(web_manifest(lang, default, strings), ensure_ascii=False, indent=1),
                          encoding="utf-8")
        data = {
            "offline": {key: strings["offline"][key] for key in JS_OFFLINE},
            "borne": strings["borne"],
            # Pages the kiosk opens, from the site root: the checklist in the reader's
            # language; after an idle reset, the kiosk's start page
            "checklist": folder + CHECKLIST,
            "home": "index.html",
        }
        (site / f"assets/javascripts/strings.{lang}.js").write_text(
            "(window.ParentsConnectes=window.ParentsConnectes||{}).strings="
            + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n", encoding="utf-8")


def web_manifest(lang: str, default: str, strings: dict) -> dict:
    up = "" if lang == default else "../"
    png = {"src": up + ICON_PNG, "sizes": "512x512", "type": "image/png"}
    return {
        "name": strings["site"]["name"],
        "short_name": strings["offline"]["short_name"],
        "description": strings["site"]["description"],
        "lang": lang,
        "dir": "rtl" if lang in RTL else "ltr",
        "start_url": "index.html",
        # The whole site: a link to another language stays in the app
        "scope": up or "./",
        # minimal-ui keeps a Back button (Android); iOS, without it, opens the browser
        "display": "minimal-ui",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [
            {"src": up + ICON_SVG, "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
            {**png, "purpose": "any"},
            {**png, "purpose": "maskable"},
        ],
    }


def write_offline(site: Path, languages, default: str) -> dict:
    """Write offline.json and sw.js for the site built in ``site``; return the data."""
    logic = site / SW_LOGIC
    data = offline_data(site, languages, default, salt=logic.read_text(encoding="utf-8") if logic.is_file() else "")
    (site / "offline.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                                       encoding="utf-8")
    (site / "sw.js").write_text(sw_loader(data["version"]), encoding="utf-8")
    return data


def sw_loader(version: str) -> str:
    return f'var VERSION = "{version}";\nimportScripts("{SW_LOGIC}?{version}");\n'


def offline_data(site: Path, languages, default: str, salt: str = "") -> dict:
    """Every file each language needs offline, with its size and hash, and a version.

    A language's list: its pages (404 pages aside), what they show or run (images,
    scripts, stylesheets, icons, manifest) and what its search loads (index, worker,
    lunr). The shell, kept as soon as the worker installs: the offline page of every
    language and what it needs, the manifests and the icons.
    """
    others = [lang for lang in languages if lang != default]
    folder = {lang: "" if lang == default else f"{lang}/" for lang in languages}
    pages: dict[str, list[str]] = {lang: [] for lang in languages}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("assets/") or posixpath.basename(rel) == "404.html":
            continue
        first = rel.split("/")[0]
        pages[first if first in others else default].append(rel)
    deps = {rel: page_dependencies(site, rel) for lang in languages for rel in pages[lang]}
    icons = [ICON_SVG, ICON_PNG]
    langs = {}
    for lang in languages:
        # Scripts loaded on demand (kiosk mode, new-version message) are not in the pages
        wanted = {folder[lang] + MANIFEST, f"assets/javascripts/strings.{lang}.js", *icons, *ON_DEMAND}
        wanted |= set(pages[lang]) | set(search_files(site, folder[lang]))
        for rel in pages[lang]:
            wanted |= deps[rel]
        langs[lang] = sorted(p for p in wanted - NOT_LISTED if (site / p).is_file())
    offline = {lang: folder[lang] + OFFLINE_PAGE for lang in languages}
    shell = {*icons, *(folder[lang] + MANIFEST for lang in languages)}
    for page in offline.values():
        if page in deps:
            shell |= {page} | deps[page]
    shell = sorted(p for p in shell - NOT_LISTED if (site / p).is_file())
    files = {}
    for rel in sorted(set(shell).union(*langs.values())):
        content = (site / rel).read_bytes()
        files[rel] = [len(content), hashlib.sha256(content).hexdigest()[:HASH_LENGTH]]
    version = hashlib.sha256(
        ("\n".join(f"{rel} {info[1]}" for rel, info in files.items()) + salt).encode("utf-8")
    ).hexdigest()[:12]
    return {"version": version, "default": default, "offline": offline, "shell": shell,
            "langs": langs, "files": files}


TAG_RE = re.compile(r"<(img|script|link|source|video|audio|object|image|use|iframe)\b([^>]*)>", re.I)
ATTR_RE = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')
LINK_RELS = {"stylesheet", "icon", "manifest", "apple-touch-icon", "preload", "modulepreload"}
# Files an inline script loads later (common.lazy_assets: exercises when they come near the screen)
INLINE_SCRIPT_RE = re.compile(r"<script>(.*?)</script>", re.S)
QUOTED_ASSET_RE = re.compile(r"""["']([^"'\s]+\.(?:js|css|svg|png|jpg|webp))["']""")


def page_dependencies(site: Path, rel: str) -> set[str]:
    """Files of the site that the page ``rel`` loads (not the pages it links to), including
    those an inline script loads later (quoted paths of existing files)."""
    text = (site / rel).read_text(encoding="utf-8", errors="replace")
    found = set()
    for tag, attrs_text in TAG_RE.findall(text):
        attrs = dict((name.lower(), value) for name, value in ATTR_RE.findall(attrs_text))
        tag = tag.lower()
        if tag == "link" and not LINK_RELS & set(attrs.get("rel", "").lower().split()):
            continue
        urls = [attrs.get(name, "") for name in ("src", "href", "xlink:href", "poster", "data")]
        urls += [part.split()[0] for part in attrs.get("srcset", "").split(",") if part.strip()]
        for url in urls:
            target = _local(rel, html.unescape(url))
            if target and (site / target).is_file():
                found.add(target)
    for script in INLINE_SCRIPT_RE.findall(text):
        for url in QUOTED_ASSET_RE.findall(script):
            target = _local(rel, url)
            if target and (site / target).is_file():
                found.add(target)
    return found


def _local(page: str, url: str) -> str:
    parts = urlsplit(url)
    if not parts.path or parts.scheme or parts.netloc or parts.path.startswith("/"):
        return ""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))


def search_files(site: Path, folder: str) -> list[str]:
    """What Material's search loads over http for a language (measured in Chromium):
    the language's index, the search worker, and lunr's files for the index's languages."""
    index = f"{folder}search/search_index.json"
    if not (site / index).is_file():
        return []
    found = [index] + [p.relative_to(site).as_posix()
                       for p in sorted((site / "assets/javascripts/workers").glob("*.js"))]
    lunr_langs = json.loads((site / index).read_text(encoding="utf-8")).get("config", {}).get("lang", [])
    names = [f"lunr.{lang}.min.js" for lang in lunr_langs if lang != "en"]
    if names:
        names.insert(0, "lunr.stemmer.support.min.js")
    if len(lunr_langs) > 1:
        names.append("lunr.multi.min.js")
    found += [f"assets/javascripts/lunr/min/{name}" for name in names]
    found += [f"assets/javascripts/lunr/{name}" for lang, name in (("ja", "tinyseg.js"), ("th", "wordcut.js"))
              if lang in lunr_langs]
    return found

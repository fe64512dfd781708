"""A first visit that paints the lesson sooner and downloads no search a parent did not ask for.

Material 9.8.2 starts its search on every page, at once: its worker (12 KB gzip), then the
index of the language (105–110 KB gzip) and lunr's language files, and it copies the index
into the worker on the main thread. On a prepaid phone that is most of a first visit, for a
box most parents never open. Its 35 KB bundle is also fetched and run on every page, and
drawings arrived without a size, so the text jumped when they did.

This hook changes when Material's files load, never what they do:

- the search starts when the reader opens it (the search box, its button, « / » or « s »),
  as Material already does from ``file://``; a page opened from a search result (``?h=``)
  still highlights the words;
- on a phone or a small tablet (narrower than 60em, where Material's menu is a drawer),
  the bundle loads when the reader reaches for something it does: a touch, a click or the
  keyboard's focus on the header, the search or the menu, one of Material's keys (« / »,
  « s », « f », « p », « n »: replayed once it has loaded), or scrolling back up (its « Back
  to top » button). Reading, our widgets, the menu drawer, the language bar and the text
  size need none of it: on a phone, most lessons are read without the 35 KB download and
  without its main-thread work (measured in README.md). Wider screens (the kiosk, the
  trainer's projector, where the sidebars follow the reading) and pages opened with ``?h=``
  load it at once, as before;
- the iframe-worker shim (it does something from ``file://`` only) gets ``defer``;
- every ``<img>`` of a page gets ``width`` and ``height`` from its SVG's ``viewBox``,
  so the browser keeps the room before the drawing arrives (site.css makes it fill the
  column, as before).

What a phone does without the bundle until then: the « Back to top » button appears on the
second scroll up, not the first; a lesson printed from the phone's browser keeps its folded
boxes (the trainer notes) folded — the handouts are the printable version.

The parts of a page after its first ``<h2>`` are laid out when they come near the screen
(site.css, ``content-visibility: auto``): the browser's own scroll restoration counts
against their estimated heights, so a reloaded lesson reopened about a screen away from
where the parent was reading (phones reload tabs they put to sleep). A small inline script
(``PLACE``, at the end of pages with an ``<h2>``) keeps the place and puts it back on a
reload or « back » only.

Also tried: asking for the bundle on every page right after the first frame. Lighthouse
gave the same scores as ``defer`` (the work is the same, only later).

The four edits to Material's bundle are exact strings of the pinned version, each
expected once. After an upgrade of mkdocs-material, the build stops with a message in
French saying which one to look at again: nothing is changed silently.
Figures (Lighthouse, mobile) are in README.md, « Budgets and benchmark ».

MkDocs events used:
- ``on_post_page``: the bundle's loader, the place keeper, ``defer`` on the shim, sizes on the
  images.
- ``on_post_build``: the edits to ``assets/javascripts/bundle.*.min.js`` in ``site/``.
  Listed before offline.py in mkdocs.yml, so the offline list hashes the edited bundle
  (offline.py finds the bundle's address in the loader, as in our other inline scripts).
  static-i18n calls it once per language: an edited bundle is recognised and left alone.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.exceptions import PluginError

# (what Material 9.8.2 wrote, what we write instead, why) — in bundle.a5f9d56c.min.js
BUNDLE_EDITS = [
    (
        '$(location.protocol!=="file:")',
        "$(!1)",
        "la recherche reçoit l'index quand on l'ouvre, comme Material le fait déjà depuis file://",
    ),
    (
        'z([t,r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")))])',
        'r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")),b(o=>t.pipe(m(n=>[n,o]))))',
        "le surlignage (search.highlight) ne télécharge l'index que si l'adresse contient ?h=",
    ),
    (
        'function an(){let e=new It(1);return h(document,"DOMContentLoaded",{once:!0})'
        ".subscribe(()=>e.next(document)),e}",
        'function an(){let e=new It(1);return document.readyState!=="loading"?e.next(document):'
        'h(document,"DOMContentLoaded",{once:!0}).subscribe(()=>e.next(document)),e}',
        "le bundle chargé à la demande trouve la page déjà lue (DOMContentLoaded passé)",
    ),
    (
        "function Mn(e,t=new Worker(e)){",
        "function Mn(e,t=((u,w,x)=>(x=new EventTarget,x.postMessage=d=>{w||(w=new Worker(u),"
        'w.onmessage=v=>x.dispatchEvent(new MessageEvent("message",{data:v.data})));'
        "w.postMessage(d)},x))(e)){",
        "le worker de recherche n'est créé qu'à son premier message",
    ),
]

EDITED = "/* Parents connectés : modifié par overrides/hooks/chargement.py */"
SHIM = re.compile(r'<script src="([^"]*assets/vendor/iframe-worker/shim\.js)">')
BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
# Material's keys (search: f s /, previous and next page: p , n .), replayed once it has loaded
KEYS = "fs/p,n."
# Where Material's bundle is wanted at once: its sidebars are shown there (not a drawer)
WIDE = "(min-width: 60em)"
# What a reader reaches for that the bundle does: header buttons, search, menu, the toggles
# (The loader reads no layout while the page loads, not even scrollY: that forced the whole
# lesson's style and layout in the middle of parsing, 75 ms here.)
NEEDS = ".md-header,.md-search,.md-sidebar,[data-md-toggle]"
LOADER = """<script>/* Parents connectés: Material's bundle when the reader needs it (hooks/chargement.py) */
(function(d,w,u){var asked=0,ready=0,key,y=-1,m=w.matchMedia(WIDE);
function go(){if(asked++)return;var s=d.createElement("script");s.src=u;s.onload=function(){ready=1;
var i=d.querySelector(".md-search__input");if(key)d.dispatchEvent(new KeyboardEvent("keydown",{key:key,bubbles:!0}));
else if(i&&i.value)i.dispatchEvent(new KeyboardEvent("keyup",{bubbles:!0}))};d.body.appendChild(s)}
d.addEventListener("change",function(e){var t=e.target;
if(!ready&&t.id=="__search"&&t.checked)d.querySelector(".md-search__input").focus()});
if(m.matches||/[?&]h=/.test(location.search))return go();m.addListener(go);
["pointerdown","focusin","change"].forEach(function(type){d.addEventListener(type,function(e){
var t=e.target;t&&t.closest&&t.closest(NEEDS)&&go()},!0)});
d.addEventListener("keydown",function(e){var t=e.target,k=e.key||"";
if(!asked&&k.length==1&&KEYS.indexOf(k)>-1&&!e.ctrlKey&&!e.metaKey&&!e.altKey
&&!/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)&&!t.isContentEditable){key=k;go()}});
w.addEventListener("scroll",function(){var Y=w.scrollY;Y>y?y=Y:Y<y-100&&go()},{passive:!0})
})(document,window,URL)</script>""".replace("\n", "").replace("WIDE", json.dumps(WIDE)).replace(
    "NEEDS", json.dumps(NEEDS)).replace("KEYS", json.dumps(KEYS))
# site.css lays out a page's parts after its first <h2> only when they come near the screen
# (content-visibility): the browser's own scroll restoration, counted against estimated heights,
# would reopen a reloaded lesson about a screen away. This script keeps the part of the article
# at the top of the screen (the first one that starts on the screen, when there is one: its rank
# and where it was; an IntersectionObserver says which parts are on the screen, so the parts far
# away are not laid out to ask) when the reading stops for 0.3 s and when the page is hidden, in
# the page's own history entry (history.state: nothing stored on the device, so « Terminer ma
# session » on a shared computer has nothing more to erase; the browser ignores it while the page
# unloads). It puts the part back when that entry is opened again, a reload or « back » (never on
# a first visit, where it reads no layout): at once, then each time the article changes height
# (the parts on the screen getting their real height, an exercise being built) until the parent
# scrolls, touches or types, or for 5 s at most.
PLACE = """<script>/* Parents connectés: a reloaded page reopens where the parent was reading (hooks/chargement.py) */
(function(d,w,h){var a=d.querySelector("article.md-content__inner"),on=[],o=w.IntersectionObserver,p,put,tm;
if(!a)return;try{p=h.state&&h.state.pcPlace}catch(e){}
if(o){o=new o(function(l){l.forEach(function(e){var i=on.indexOf(e.target);
e.isIntersecting?i<0&&on.push(e.target):i>-1&&on.splice(i,1)})});[].forEach.call(a.children,function(c){o.observe(c)})}
function save(){if(o&&!on.length)return;try{var c=a.children,i=0,t=Object(h.state);
while(i<c.length-1&&(o?on.indexOf(c[i])<0:c[i].getBoundingClientRect().bottom<=0))i++;
if(c[i].getBoundingClientRect().top<0&&c[i+1]&&(!o||on.indexOf(c[i+1])>-1))i++;
t.pcPlace=[i,Math.round(c[i].getBoundingClientRect().top)];h.replaceState(t,"")}catch(e){}}
w.addEventListener("scroll",function(){clearTimeout(tm);tm=setTimeout(save,300)},{passive:!0});
d.addEventListener("visibilitychange",function(){d.hidden&&save()});
if(p&&a.children[p[0]]){h.scrollRestoration="manual";
put=function(){w.scrollTo(0,a.children[p[0]].getBoundingClientRect().top+w.scrollY-p[1])};
put();if(w.ResizeObserver){var r=new ResizeObserver(put),end=function(){r.disconnect()};r.observe(a);
["wheel","touchstart","keydown","pointerdown"].forEach(function(t){w.addEventListener(t,end,{once:!0,passive:!0})});
setTimeout(end,5e3)}}
})(document,window,history)</script>""".replace("\n", "")
IMG = re.compile(r"<img\b[^>]*>")
SRC = re.compile(r'\ssrc="([^"]+)"')
VIEWBOX = re.compile(r'<svg\b[^>]*?\sviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"')


def edit_bundle(text: str, name: str = "bundle") -> str:
    """Material's bundle with BUNDLE_EDITS made; already edited text comes back unchanged."""
    if text.startswith(EDITED):
        return text
    for old, new, why in BUNDLE_EDITS:
        if text.count(old) != 1:
            raise PluginError(
                f"{name} : le fichier de Material ne contient pas (ou plus d'une fois) le morceau "
                f"attendu pour « {why} » :\n    {old}\n"
                "Cause probable : mkdocs-material a changé de version (requirements.txt fixe 9.8.2).\n"
                "Comment corriger : cherchez ce morceau dans le nouveau bundle et mettez à jour "
                "BUNDLE_EDITS dans overrides/hooks/chargement.py, puis vérifiez avec "
                "tests/browser/test_site.py que la recherche marche en http et depuis file://."
            )
        text = text.replace(old, new)
    return EDITED + text


def svg_size(path: Path) -> tuple[str, str] | None:
    """Width and height of an SVG's viewBox, as written there (``None`` without one)."""
    try:
        match = VIEWBOX.search(path.read_text(encoding="utf-8", errors="replace")[:2000])
    except OSError:
        return None
    return (match.group(1), match.group(2)) if match else None


def sized_images(output: str, page_url: str, docs_dir: Path) -> str:
    """Adds width and height to each <img> of a local SVG that has neither (read in docs/)."""
    folder = posixpath.dirname(page_url)

    def add(match: re.Match) -> str:
        tag = match.group(0)
        src = SRC.search(tag)
        if not src or re.search(r"\s(?:width|height)=", tag):
            return tag
        address = urlsplit(src.group(1))
        if address.scheme or address.netloc or not address.path.endswith(".svg"):
            return tag
        # « /assets/… » is from the site's root
        rel = posixpath.normpath(posixpath.join(folder, unquote(address.path))).lstrip("/")
        size = svg_size(docs_dir / rel)
        if not size:
            return tag
        return tag[:4] + f' width="{size[0]}" height="{size[1]}"' + tag[4:]

    return IMG.sub(add, output)


def on_post_page(output, page, config, **kwargs):
    output = SHIM.sub(r'<script src="\1" defer>', output)
    output = BUNDLE.sub(lambda m: LOADER.replace("URL", json.dumps(m.group(1))), output)
    if "<h2" in output:
        output = output.replace("</body>", PLACE + "</body>", 1)
    # Local files are read from docs/ (site/ is not complete yet): same relative paths
    return sized_images(output, page.file.url, Path(config["docs_dir"]))


def on_post_build(config, **kwargs):
    for bundle in (Path(config["site_dir"]) / "assets" / "javascripts").glob("bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        edited = edit_bundle(text, bundle.name)
        if edited != text:
            bundle.write_text(edited, encoding="utf-8")

#!/usr/bin/env python3
"""Exporte les fiches à imprimer (PDF) de chaque module, dans chaque langue.

Usage : python scripts/export_handouts.py [--lang fr,ar] [--module 01-bien-demarrer] [--out DOSSIER]

Pour chaque module et chaque langue :
  - la fiche pour les parents (A4, 2 à 6 pages) : objectifs, étapes illustrées de chaque leçon,
    « À retenir », un code QR et une adresse courte vers la leçon en ligne, un cadre pour les notes ;
  - le mémo (1 page) : tous les points « À retenir » du module, sur deux colonnes, en caractères
    aussi gros que la page le permet (9 pt au moins) ;
  - la fiche pour l'animateur : plan de la séance, notes pour l'animateur, quiz avec les réponses.
Et un livret par séance de la formation en 3 × 2 h (pour les séances dont un module existe).

Les fiches sont faites à partir des pages Markdown (docs/), pas du site construit : un module
en cours d'écriture n'empêche pas les autres. Un problème (illustration absente, leçon sans
« À retenir », traduction manquante…) est expliqué avec le fichier à corriger ; les autres
fiches sont quand même produites, et le script sort avec le code 1 à la fin.

Le dossier de sortie est rangé comme le site (modules/…/fiches/, ar/modules/…/fiches/, fiches/,
l/ pour les adresses courtes) avec un inventaire fiches.json : `make handouts` construit ensuite
le site avec PC_HANDOUTS_DIR=build/handouts (voir overrides/hooks/handouts.py).
Modèles et styles d'impression : scripts/handouts/.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

import check_content  # noqa: E402  (Problem, resolve_asset, language_of)
import yaml  # noqa: E402

TEMPLATES = ROOT / "scripts" / "handouts"
DEFAULT_OUT = ROOT / "build" / "handouts"
MANIFEST = "fiches.json"
FONT_DIR = Path(os.environ.get("PC_FONT_DIR", "/usr/share/fonts/truetype/noto"))
FONTS = [  # (family, weight, style, file) — Debian package fonts-noto-core
    ("PC Sans", 400, "normal", "NotoSans-Regular.ttf"),
    ("PC Sans", 700, "normal", "NotoSans-Bold.ttf"),
    ("PC Sans", 400, "italic", "NotoSans-Italic.ttf"),
    ("PC Arabic", 400, "normal", "NotoSansArabic-Regular.ttf"),
    ("PC Arabic", 700, "normal", "NotoSansArabic-Bold.ttf"),
]
VARIANTS = ("parents", "memo", "animateur")
PARENT_PAGES = (2, 6)
# Densities tried in turn until the parent handout fits in 6 pages: (font pt, max image height mm)
DENSITIES = [(11, 38), (10.5, 34), (10, 30), (10, 26)]
# Memo type in pt: the largest that fits one page (« gros caractères » for a short module; 9–10 lessons
# of 3–5 short points need 10–10.5 pt; never under 9 pt, still readable on paper)
MEMO_SIZES = [16, 15, 14, 13, 12.5, 12, 11.5, 11, 10.5, 10, 9.5, 9]
TRAINER_SELECTOR = "details.formateur, div.admonition.formateur"
SESSION_RE = re.compile(r"\bséance (\d+)\b", re.I)


# --- Model -------------------------------------------------------------------------------------


@dataclass
class Lesson:
    number: int
    slug: str
    source: Path
    title: str = ""
    duration: int | None = None
    url: str = ""
    short_url: str = ""
    steps: str = ""  # condensed HTML of « Étape par étape »
    retenir_title: str = ""
    retenir: list[str] = field(default_factory=list)  # HTML of each point
    trainer: list[tuple[str, str]] = field(default_factory=list)  # (title, HTML)


@dataclass
class Module:
    slug: str
    lang: str
    number: int
    title: str = ""
    url: str = ""
    objectives_title: str = ""
    objectives: list[str] = field(default_factory=list)
    formation_title: str = ""
    formation: list[str] = field(default_factory=list)
    sessions: list[int] = field(default_factory=list)
    lessons: list[Lesson] = field(default_factory=list)
    quiz: str = ""  # HTML of the answer key
    # variant → problems that keep it from being produced
    blocked: dict[str, list] = field(default_factory=dict)
    density: int = 0
    memo_size: float = MEMO_SIZES[0]
    docs: dict = field(default_factory=dict)  # variant → rendered WeasyPrint document (reused by booklets)

    def block(self, problem, *variants: str) -> None:
        for variant in variants or VARIANTS:
            self.blocked.setdefault(variant, []).append(problem)


def problem(path: Path, line: int | None, text: str, fix: str):
    return check_content.Problem(Path(path), line, text, fix)


# --- Site configuration (mkdocs.yml) -----------------------------------------------------------


class Site:
    """What the export needs from mkdocs.yml: languages, Markdown extensions, base URL."""

    def __init__(self, docs: Path, base_url: str | None):
        from mkdocs.config import load_config

        # Without the hooks: the export needs the Markdown set-up, not the site's build logic
        config = load_config(str(ROOT / "mkdocs.yml"), hooks=[])
        self.docs = docs
        self.extensions = config.markdown_extensions
        self.ext_configs = config.mdx_configs
        i18n = config.plugins.get("i18n")
        languages = [(lang.locale, lang.default) for lang in i18n.config.languages] if i18n else [("fr", True)]
        self.default = next((code for code, default in languages if default), languages[0][0])
        self.languages = [code for code, _ in languages]
        base = base_url or os.environ.get("PC_HANDOUTS_BASE_URL") or config.extra.get("handouts_base_url")
        if not base:
            raise SystemExit("Aucune adresse du site en ligne : ajoutez « handouts_base_url » sous « extra » dans "
                             "mkdocs.yml, ou passez --base-url https://…/")
        self.base_url = base.rstrip("/") + "/"
        self._strings: dict[str, dict] = {}

    def prefix(self, lang: str) -> str:
        """Folder of a language in the site: '' for the default language, 'ar/'…"""
        return "" if lang == self.default else f"{lang}/"

    def source(self, french: Path, lang: str) -> Path:
        return french if lang == self.default else french.with_name(f"{french.stem}.{lang}.md")

    def strings(self, lang: str) -> dict:
        if lang not in self._strings:
            def load(code):
                path = ROOT / "i18n" / f"{code}.yml"
                return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
            merged = load(self.default)
            for key, value in load(lang).items():
                merged[key] = {**merged.get(key, {}), **value} if isinstance(value, dict) else value
            self._strings[lang] = merged
        return self._strings[lang]

    def markdown(self, path: Path):
        """Render a Markdown page with the site's extensions: (front matter, soup, raw text)."""
        import markdown
        from bs4 import BeautifulSoup
        from mkdocs.utils.meta import get_data

        text = path.read_text(encoding="utf-8")
        body, meta = get_data(text)
        md = markdown.Markdown(extensions=self.extensions, extension_configs=self.ext_configs)
        soup = BeautifulSoup(md.convert(body), "html.parser")
        for anchor in soup.select("a.headerlink"):  # the « ¶ » permalinks of the toc extension
            anchor.decompose()
        return meta, soup, text


# --- Reading a module ------------------------------------------------------------------------------


def discover(docs: Path) -> list[Path]:
    return sorted(p for p in (docs / "modules").glob("[0-9][0-9]-*") if p.is_dir())


def lesson_files(module_dir: Path) -> list[Path]:
    return sorted(p for p in module_dir.glob("[0-9][0-9]-*.md") if check_content.language_of(p) == "fr")


def number_of(name: str) -> int:
    return int(re.match(r"\d+", name).group(0))


def line_of(text: str, needle: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    return None


def sections(soup) -> dict[str, tuple]:
    """Level-2 sections by id: id → (heading tag, [nodes until the next h2])."""
    out: dict[str, tuple] = {}
    current = None
    for node in list(soup.children):
        if getattr(node, "name", None) == "h2":
            current = node.get("id") or ""
            out[current] = (node, [])
        elif current is not None:
            out[current][1].append(node)
    return out


def heading_text(tag) -> str:
    return " ".join(tag.get_text(" ").replace("¶", "").split())


def inner(tag) -> str:
    return "".join(str(c) for c in tag.contents).strip()


def list_items(nodes) -> list:
    return [li for node in nodes if getattr(node, "name", None) in ("ul", "ol") for li in node.find_all("li", recursive=False)]


def load_module(site: Site, module_dir: Path, lang: str) -> Module:
    module = Module(module_dir.name, lang, number_of(module_dir.name))
    prefix = site.prefix(lang)
    module.url = f"{site.base_url}{prefix}modules/{module.slug}/index.html"

    index_fr = module_dir / "index.md"
    if not index_fr.exists():
        module.block(problem(index_fr, None, "la page d'accueil du module manque",
                             "Copiez docs/modules/_modele/index.md dans ce dossier sous le nom index.md, puis remplissez-la."))
        return module
    index = site.source(index_fr, lang)
    if not index.exists():
        module.block(problem(index, None, f"la traduction « {lang} » de la page du module manque",
                             f"Traduisez {_rel(index_fr)} dans ce fichier ; les fiches en « {lang} » de ce module "
                             "seront produites ensuite."))
        return module
    meta, soup, _text = site.markdown(index)
    h1 = soup.find("h1")
    module.title = str(meta.get("title") or (heading_text(h1) if h1 else module.slug))
    parts = sections(soup)
    if "objectifs" in parts:
        module.objectives_title = heading_text(parts["objectifs"][0])
        module.objectives = [inner(li) for li in list_items(parts["objectifs"][1])]
    if "dans-la-formation" in parts:
        module.formation_title = heading_text(parts["dans-la-formation"][0])
        module.formation = [inner(li) for li in list_items(parts["dans-la-formation"][1])]
    # Sessions of the 3 × 2 h training: « séance N » in the French « Dans la formation »
    french = index_fr.read_text(encoding="utf-8")
    block = french.split("{ #dans-la-formation }", 1)[1].split("\n## ", 1)[0] if "{ #dans-la-formation }" in french else ""
    module.sessions = sorted({int(n) for n in SESSION_RE.findall(block)})

    lessons = lesson_files(module_dir)
    if not lessons:
        module.block(problem(module_dir, None, "ce module n'a encore aucune leçon",
                             "Ajoutez une leçon en copiant docs/modules/_modele/01-lecon.md (exemple : 01-ma-lecon.md)."))
    for french_lesson in lessons:
        module.lessons.append(load_lesson(site, module, french_lesson, lang))
    load_quiz(site, module, module_dir, lang)
    return module


def load_lesson(site: Site, module: Module, french: Path, lang: str) -> Lesson:
    lesson = Lesson(number_of(french.name), french.stem, site.source(french, lang))
    prefix = site.prefix(lang)
    lesson.url = f"{site.base_url}{prefix}modules/{module.slug}/{french.stem}.html"
    lesson.short_url = f"{site.base_url}{prefix}l/{module.number}-{lesson.number}/"
    if not lesson.source.exists():
        module.block(problem(lesson.source, None, f"la traduction « {lang} » de cette leçon manque",
                             f"Traduisez {_rel(french)} dans ce fichier ; les fiches en « {lang} » du module "
                             f"« {module.slug} » seront produites ensuite."))
        lesson.title = french.stem
        return lesson
    meta, soup, text = site.markdown(lesson.source)
    h1 = soup.find("h1")
    lesson.title = str(meta.get("title") or (heading_text(h1) if h1 else french.stem))
    lesson.duration = meta.get("duree") if isinstance(meta.get("duree"), int) else None

    # Trainer notes leave the tree first: nothing of them can reach the parents' handout
    for note in soup.select(TRAINER_SELECTOR):
        summary = note.find("summary") if note.name == "details" else note.find(class_="admonition-title")
        title = heading_text(summary) if summary else ""
        if summary:
            summary.extract()
        lesson.trainer.append((title, inner(note)))
        note.extract()

    parts = sections(soup)
    if "a-retenir" in parts:
        lesson.retenir_title = heading_text(parts["a-retenir"][0])
        lesson.retenir = [inner(li) for li in list_items(parts["a-retenir"][1])]
    if not lesson.retenir:
        module.block(problem(lesson.source, line_of(text, "{ #a-retenir }"),
                             "la leçon n'a pas de points « À retenir »" if "a-retenir" in parts
                             else "la leçon n'a pas de section « À retenir »",
                             "Ajoutez après « À vous » le titre « ## À retenir { #a-retenir } », puis 3 à 5 points "
                             "en liste « - … » (modèle : docs/modules/_modele/01-lecon.md)."), "parents", "memo")
    if "etapes" not in parts:
        module.block(problem(lesson.source, None, "la leçon n'a pas de section « Étape par étape »",
                             "Ajoutez le titre « ## Étape par étape { #etapes } » suivi des étapes numérotées "
                             "(modèle : docs/modules/_modele/01-lecon.md)."), "parents")
        return lesson
    nodes = parts["etapes"][1]
    for node in nodes:
        for img in getattr(node, "find_all", lambda *_: [])("img"):
            if not resolve_image(site, module, lesson.source, text, img, lang, "parents"):
                img.decompose()
        for link in getattr(node, "find_all", lambda *_: [])("a"):
            resolve_link(site, lesson.source, link, lang)
    lesson.steps = condense(nodes)
    return lesson


def resolve_image(site: Site, module: Module, source: Path, text: str, img, lang: str, variant: str) -> bool:
    src = img.get("src", "")
    if src.startswith("data:"):
        return True
    found = None if check_content.is_remote(src) else check_content.resolve_asset(source, src, lang)
    if found is None or not found.is_file():
        module.block(problem(source, line_of(text, src), f"l'illustration « {src} » n'existe pas",
                             "Vérifiez le nom du fichier (minuscules, tirets) et son dossier, ou ajoutez l'image "
                             "dans le dossier images/ du module."), variant)
        return False
    img["src"] = found.resolve().as_uri()
    width, height = svg_size(found)
    if width and height:
        img["data-ratio"] = f"{width / height:.4f}"
    return True


def svg_size(path: Path) -> tuple[float, float]:
    if path.suffix.lower() != ".svg":
        return 0, 0
    head = path.read_text(encoding="utf-8", errors="replace")[:2000]
    box = re.search(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)', head)
    return (float(box.group(1)), float(box.group(2))) if box else (0, 0)


def resolve_link(site: Site, source: Path, link, lang: str) -> None:
    """Internal links become the online address (clickable in the PDF); anchors lose their link."""
    href = link.get("href", "")
    if not href or check_content.is_remote(href) or href.startswith(("mailto:", "tel:")):
        return
    if href.startswith("#"):
        del link["href"]
        return
    path, _, anchor = href.partition("#")
    target = (source.parent / path).resolve()
    try:
        rel = target.relative_to(site.docs.resolve()).as_posix()
    except ValueError:
        del link["href"]
        return
    if rel.endswith(".md"):
        rel = rel[:-3] + ".html"
    link["href"] = site.base_url + site.prefix(lang) + rel + (f"#{anchor}" if anchor else "")


def condense(nodes) -> str:
    """The steps as a parent keeps them on paper, in units (a sub-heading, its illustrations,
    and the first line of each list item: the action, per CONTENT-GUIDE « one action per step,
    starting with the verb »). Explanations, tips and « À vous » stay online, behind the
    lesson's QR code. In print each unit shows its illustrations beside its steps."""
    units: list[dict] = [{"heading": "", "figures": [], "body": []}]
    for node in nodes:
        name = getattr(node, "name", None)
        if name in ("h3", "h4"):
            units.append({"heading": inner(node), "figures": [], "body": []})
            continue
        if name is None:
            continue
        unit = units[-1]
        unit["figures"] += [figure(img) for img in node.find_all("img")]
        if name in ("ol", "ul"):
            unit["body"].append(condense_list(node))
        elif name == "table":
            unit["body"].append(str(node))
    out = []
    for unit in units:
        if not (unit["figures"] or unit["body"]):
            continue  # a sub-heading over explanations only: nothing of it stays on paper
        heading = f'<h4 class="pc-sub">{unit["heading"]}</h4>' if unit["heading"] else ""
        figures = f'<div class="pc-figs">{"".join(unit["figures"])}</div>' if unit["figures"] else ""
        out.append(f'<div class="pc-unit">{heading}{figures}{"".join(unit["body"])}</div>')
    return "\n".join(out)


def condense_list(node) -> str:
    items = []
    for li in node.find_all("li", recursive=False):
        nested = "".join(condense_list(sub) for sub in li.find_all(["ol", "ul"], recursive=False))
        items.append(f"<li>{first_line(li)}{nested}</li>")
    start = f' start="{node["start"]}"' if node.get("start") else ""
    return f"<{node.name}{start}>" + "".join(items) + f"</{node.name}>"


def first_line(li) -> str:
    """HTML of an item's first line (up to the first line break of its first paragraph)."""
    from bs4 import Comment

    holder = li.find("p", recursive=False) or li
    out: list[str] = []
    for child in holder.children:
        name = getattr(child, "name", None)
        if name in ("ul", "ol", "p", "img", "div", "details", "figure", "table"):
            break
        if isinstance(child, Comment):
            continue
        if name is None:
            text = str(child) if out else str(child).lstrip()
            if "\n" in text:
                out.append(_escape(text.split("\n", 1)[0]))
                break
            out.append(_escape(text))
        else:
            out.append(str(child))
    return "".join(out).strip()


def figure(img) -> str:
    ratio = float(img.get("data-ratio") or 0)
    alt = _escape(img.get("alt", ""), quote=True)
    return f'<figure class="pc-fig"><img src="{img["src"]}" alt="{alt}" data-ratio="{ratio}"></figure>'


def load_quiz(site: Site, module: Module, module_dir: Path, lang: str) -> None:
    """The module's quiz with its answers, for the trainer (docs/quizzes/<module>.md)."""
    import quiz as quiz_hook
    from mkdocs.exceptions import PluginError

    french = site.docs / "quizzes" / f"{module.slug}.md"
    source = site.source(french, lang)
    if not french.exists():
        module.block(problem(french, None, "le quiz du module manque",
                             "Créez ce fichier en copiant docs/quizzes/exemple.md (au moins 8 questions)."), "animateur")
        return
    if not source.exists():
        module.block(problem(source, None, f"la traduction « {lang} » du quiz manque",
                             f"Traduisez {_rel(french)} dans ce fichier, avec les mêmes bonnes réponses."), "animateur")
        return
    text = source.read_text(encoding="utf-8")
    try:
        quizzes = quiz_hook.parse_quizzes(text, source)
    except PluginError as error:
        module.block(problem(source, None, str(error).split(" : ", 1)[-1].split("\n")[0],
                             "Corrigez le quiz (le message complet s'affiche avec « make check » ou « make build »)."),
                     "animateur")
        return
    strings = site.strings(lang)["quiz"]
    labels = site.strings(lang)["handouts"]
    md = _fragment_renderer(site)
    out = []
    for quiz in quizzes:
        total = len(quiz.questions)
        for n, q in enumerate(quiz.questions, 1):
            def render(fragment: str) -> str:
                from bs4 import BeautifulSoup
                soup = BeautifulSoup(md(fragment), "html.parser")
                for img in soup.find_all("img"):
                    if not resolve_image(site, module, source, text, img, lang, "animateur"):
                        img.decompose()
                    else:
                        img["class"] = "pc-quiz-img"
                for link in soup.find_all("a"):
                    resolve_link(site, source, link, lang)
                html = str(soup).strip()
                return html[3:-4] if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1 else html
            part = [f'<div class="pc-q"><p class="pc-q__number">{_escape(strings["question_number"].format(n=n, total=total))}</p>']
            part += [f'<p class="pc-q__text">{render(p)}</p>' for p in q.paragraphs]
            if q.kind == "ordre":
                part.append(f'<p class="pc-q__label">{_escape(strings["answer_order"])}</p><ol class="pc-q__order">'
                            + "".join(f"<li>{render(c.text)}</li>" for c in q.choices) + "</ol>")
            else:
                part.append('<ul class="pc-q__choices">')
                for choice in q.choices:
                    mark = ('<span class="pc-box pc-box--yes" aria-hidden="true">' + CHECK_SVG + "</span>") if choice.correct \
                        else '<span class="pc-box" aria-hidden="true"></span>'
                    right = f' <strong class="pc-q__right">({_escape(labels["right_answer"])})</strong>' if choice.correct else ""
                    part.append(f'<li class="{"pc-yes" if choice.correct else "pc-no"}">{mark}'
                                f'<span class="pc-q__choice">{render(choice.text)}{right}</span></li>')
                part.append("</ul>")
            if q.explanation:
                part.append(f'<div class="pc-q__why">{md(q.explanation)}</div>')
            part.append("</div>")
            out.append("".join(part))
    module.quiz = "\n".join(out)


CHECK_SVG = ('<svg viewBox="0 0 16 16" width="100%" height="100%"><path d="M3 8.5l3.2 3.2L13 4.8" fill="none" '
             'stroke="#000" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/></svg>')


def _fragment_renderer(site: Site):
    import markdown

    md = markdown.Markdown(extensions=site.extensions, extension_configs=site.ext_configs)

    def render(text: str) -> str:
        md.reset()
        return md.convert(text)

    return render


def _escape(text: str, quote: bool = False) -> str:
    import html

    return html.escape(text, quote=quote)


def _rel(path: Path) -> str:
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return Path(path).as_posix()


# --- Sessions of the 3 × 2 h training ------------------------------------------------------------


def session_titles(site: Site, lang: str) -> dict[int, str]:
    """« Séance 1 : l'ordinateur et moi (…) » from the home page's list, in each language."""
    page = site.source(site.docs / "index.md", lang)
    if not page.exists():
        page = site.docs / "index.md"
    if not page.exists():
        return {}
    text = page.read_text(encoding="utf-8")
    block = text.split("{ #formation-3-seances }", 1)[1].split("\n#", 1)[0] if "{ #formation-3-seances }" in text else ""
    items = re.findall(r"^\s*(\d+)\.\s+(.+?)\s*$", block, re.M)
    return {int(n): title.rstrip(".") for n, title in items}


# --- Rendering ------------------------------------------------------------------------------------


class Renderer:
    def __init__(self, site: Site, date: dt.date):
        import jinja2
        from weasyprint.text.fonts import FontConfiguration

        missing = [name for *_x, name in FONTS if not (FONT_DIR / name).exists()]
        if missing:
            raise SystemExit(f"Polices introuvables dans {FONT_DIR} : {', '.join(missing)}.\n"
                             "  → Installez le paquet Debian fonts-noto-core (bash scripts/install_system_deps.sh).")
        self.site = site
        self.date = date
        self.fonts = FontConfiguration()
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                                      trim_blocks=True, lstrip_blocks=True)
        self.env.filters["qr"] = qr_data_uri
        self.env.filters["bare"] = lambda url: re.sub(r"^https?://", "", url)
        self.env.filters["figures"] = size_figures
        self.css = (TEMPLATES / "print.css").read_text(encoding="utf-8")

    def document(self, lang: str, title: str, parts: list[dict], *, density: int = 0, memo_size: float = 16):
        from markupsafe import Markup
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher

        strings = self.site.strings(lang)
        h = strings["handouts"]
        font, image_mm = DENSITIES[density]
        page_label = _css_string_template(h["page"], {"page": "counter(page)", "pages": "counter(pages)"})
        footer = f'{strings["site"]["name"]} · {h["date"].format(d=self.date.day, m=self.date.month, y=self.date.year)}'
        html = self.env.get_template("fiche.html").render(
            lang=lang, dir="rtl" if lang in ("ar", "fa", "he", "ur") else "ltr", title=title, parts=parts, h=h,
            s=strings, css=Markup(self.css), fonts=[(f, w, st, (FONT_DIR / n).as_uri()) for f, w, st, n in FONTS],
            footer=Markup(_css_quote(footer)), page_label=Markup(page_label), font_size=font, image_mm=image_mm,
            memo_size=memo_size, course=strings["site"]["name"], Markup=Markup,
        )
        # Offline by construction: files of the repository and data: URLs only, never the network
        fetcher = URLFetcher(allowed_protocols={"file", "data"})
        return HTML(string=html, base_url=str(ROOT), url_fetcher=fetcher).render(font_config=self.fonts)


def _css_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _css_string_template(template: str, values: dict[str, str]) -> str:
    """« Page {page} sur {pages} » → "Page " counter(page) " sur " counter(pages)."""
    out = []
    for piece in re.split(r"(\{\w+\})", template):
        if re.fullmatch(r"\{\w+\}", piece):
            out.append(values[piece[1:-1]])
        elif piece:
            out.append(_css_quote(piece))
    return " ".join(out)


def qr_data_uri(url: str) -> str:
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2,
                        error_correction=qrcode.constants.ERROR_CORRECT_M)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode("ascii")


def size_figures(html: str, max_height_mm: float, max_width_mm: float = 84) -> str:
    """Give each illustration a width in mm from its ratio, so that none is taller than max_height_mm."""
    def fix(match):
        ratio = float(match.group(2) or 0) or 1.6
        width = min(max_width_mm, max_height_mm * ratio)
        return f'{match.group(1)} style="width:{width:.1f}mm"'
    return re.sub(r'(<img [^>]*?)data-ratio="([\d.]*)"', fix, html)


# --- Export ------------------------------------------------------------------------------------------


@dataclass
class Result:
    files: list[dict] = field(default_factory=list)
    problems: list = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def fail(self, item) -> None:
        if item not in self.problems:
            self.problems.append(item)


def export(site: Site, modules: list[Path], langs: list[str], out: Path, date: dt.date) -> Result:
    renderer = Renderer(site, date)
    result = Result()
    loaded: dict[tuple[str, str], Module] = {}
    for module_dir in modules:
        for lang in langs:
            module = load_module(site, module_dir, lang)
            loaded[(module.slug, lang)] = module
            for variant in VARIANTS:
                for item in module.blocked.get(variant, []):
                    result.fail(item)
                if variant in module.blocked:
                    continue
                try:
                    write_variant(renderer, module, variant, out, result)
                except Exception as error:  # one broken handout must not stop the others
                    module.blocked[variant] = [error]
                    result.fail(problem(site.docs / "modules" / module.slug, None,
                                        f"la fiche « {variant} » en « {lang} » n'a pas pu être faite ({error})",
                                        "Lisez le message ci-dessus ; si le contenu est correct, signalez-le aux "
                                        "responsables du site (scripts/export_handouts.py)."))
            if "parents" not in module.blocked:
                write_short_addresses(site, module, out, result)
    write_booklets(site, renderer, loaded, langs, out, result)
    return result


def pdf_path(site: Site, lang: str, module: str, variant: str) -> str:
    return f"{site.prefix(lang)}modules/{module}/fiches/{module}-{variant}-{lang}.pdf"


def first_fit(render, count: int, fits):
    """Binary search of the first setting (0 = most comfortable) whose document ``fits``;
    the last setting's document when none fits. Settings are ordered by decreasing size."""
    done: dict[int, object] = {}
    low, high, best = 0, count - 1, None
    while low <= high:
        middle = (low + high) // 2
        done[middle] = render(middle)
        if fits(done[middle]):
            best, high = middle, middle - 1
        else:
            low = middle + 1
    if best is None:
        best = count - 1
        done.setdefault(best, render(best))
    return best, done[best]


def write_variant(renderer: Renderer, module: Module, variant: str, out: Path, result: Result) -> None:
    site = renderer.site
    h = site.strings(module.lang)["handouts"]
    title = f"{h[variant]} — {module.title}"
    part = {"kind": variant, "module": module}
    where = site.docs / "modules" / module.slug
    if variant == "parents":
        module.density, doc = first_fit(lambda d: renderer.document(module.lang, title, [part], density=d),
                                        len(DENSITIES), lambda doc: len(doc.pages) <= PARENT_PAGES[1])
        if len(doc.pages) < PARENT_PAGES[0]:
            # A short module: the notes area gets a page of its own (2 pages at least)
            doc = renderer.document(module.lang, title, [{**part, "notes_page": True}], density=module.density)
        if len(doc.pages) > PARENT_PAGES[1]:
            result.fail(problem(where, None, f"la fiche pour les parents en « {module.lang} » fait {len(doc.pages)} "
                                f"pages ({PARENT_PAGES[1]} au plus)",
                                "Gardez une action par étape (la première ligne de chaque étape est imprimée), ou "
                                "partagez le module en deux."))
    elif variant == "memo":
        index, doc = first_fit(lambda i: renderer.document(module.lang, title, [part], memo_size=MEMO_SIZES[i]),
                               len(MEMO_SIZES), lambda doc: len(doc.pages) == 1)
        module.memo_size = MEMO_SIZES[index]
        if len(doc.pages) > 1:
            result.fail(problem(where, None, f"le mémo en « {module.lang} » ne tient pas sur une page "
                                f"({len(doc.pages)} pages, même en {MEMO_SIZES[-1]} pt)",
                                "Gardez 3 à 5 points courts (une ligne ou deux) dans chaque « À retenir », "
                                "ou partagez le module en deux (10 leçons au plus)."))
    else:
        doc = renderer.document(module.lang, title, [part])
    module.docs[variant] = doc
    save(doc, out, pdf_path(site, module.lang, module.slug, variant), result,
         lang=module.lang, module=module.slug, variant=variant)


def save(doc, out: Path, rel: str, result: Result, **info) -> None:
    target = out / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    doc.write_pdf(target)
    result.files.append({**info, "path": rel, "pages": len(doc.pages), "bytes": target.stat().st_size})


def write_short_addresses(site: Site, module: Module, out: Path, result: Result) -> None:
    """Short printed addresses (…/l/1-3/) lead to the lesson: a tiny page that redirects."""
    for lesson in module.lessons:
        rel = lesson.short_url[len(site.base_url):] + "index.html"
        target_rel = f"modules/{module.slug}/{lesson.slug}.html"
        back = "../../" + target_rel
        page = (f'<!doctype html>\n<html lang="{module.lang}"><head><meta charset="utf-8">'
                f'<title>{_escape(lesson.title)}</title><meta name="robots" content="noindex">'
                f'<meta http-equiv="refresh" content="0; url={back}"></head>'
                f'<body><p><a href="{back}">{_escape(lesson.title)}</a></p></body></html>\n')
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
        result.files.append({"lang": module.lang, "module": module.slug, "variant": "adresse", "path": rel,
                             "target": site.prefix(module.lang) + target_rel, "bytes": path.stat().st_size})


def write_booklets(site: Site, renderer: Renderer, loaded: dict, langs: list[str], out: Path, result: Result) -> None:
    """One booklet per session of the 3 × 2 h training, for the sessions whose modules exist."""
    titles = session_titles(site, site.default)
    sessions = sorted(set(titles) | {n for m in loaded.values() for n in m.sessions})
    for number in sessions:
        for lang in langs:
            modules = [m for (slug, code), m in sorted(loaded.items()) if code == lang and number in m.sessions]
            ready = [m for m in modules if "parents" in m.docs and "memo" in m.docs]
            if not modules:
                if lang == langs[0]:
                    result.notes.append(f"Séance {number} : aucun module exporté n'indique « séance {number} » dans "
                                        "sa section « Dans la formation » : pas de livret pour cette séance.")
                continue
            if len(ready) < len(modules):
                result.notes.append(f"Séance {number} ({lang}) : livret sans "
                                    + ", ".join(m.slug for m in modules if m not in ready) + " (voir les problèmes).")
            if not ready:
                continue
            h = site.strings(lang)["handouts"]
            heading = session_titles(site, lang).get(number) or h["session"].format(n=number)
            title = h["booklet"].format(n=number) + " — " + heading
            cover = renderer.document(lang, title, [{"kind": "cover", "number": number, "heading": heading,
                                                     "modules": ready}])
            # The handouts' own pages, as rendered above (each keeps its page numbers)
            pages = cover.pages + [page for m in ready for page in m.docs["parents"].pages + m.docs["memo"].pages]
            rel = f"{site.prefix(lang)}fiches/livret-seance-{number}-{lang}.pdf"
            save(cover.copy(pages), out, rel, result, lang=lang, module=None, variant="livret", session=number,
                 modules=[m.slug for m in ready])


# --- Command line ------------------------------------------------------------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\nLe dossier de sortie")[0], add_help=False,
        epilog="Exemple : python scripts/export_handouts.py --lang ar --module 01-bien-demarrer",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-h", "--help", action="help", help="affiche cette aide, puis s'arrête")
    parser.add_argument("--lang", action="append", metavar="LANGUE",
                        help="langue(s) à exporter, par exemple « fr » ou « fr,ar » (par défaut : toutes)")
    parser.add_argument("--module", action="append", metavar="MODULE",
                        help="module(s) à exporter, par leur dossier, par exemple « 01-bien-demarrer » (par défaut : tous)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DOSSIER",
                        help=f"dossier de sortie, rangé comme le site (par défaut : {_rel(DEFAULT_OUT)}/)")
    parser.add_argument("--base-url", metavar="URL",
                        help="adresse du site en ligne, pour les codes QR (par défaut : $PC_HANDOUTS_BASE_URL, "
                             "sinon « extra › handouts_base_url » de mkdocs.yml)")
    parser.add_argument("--date", type=dt.date.fromisoformat, metavar="AAAA-MM-JJ",
                        help="date imprimée en bas des pages (par défaut : aujourd'hui)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        import weasyprint  # noqa: F401
        import qrcode  # noqa: F401
    except ImportError as error:
        print(f"Il manque une bibliothèque pour faire les PDF ({error.name}).\n"
              "  → Installez les dépendances d'export : .venv/bin/pip install -r requirements-dev.txt "
              "(ou lancez « make handouts »).", file=sys.stderr)
        return 2
    started = time.monotonic()
    docs = args.docs.resolve()
    site = Site(docs, args.base_url)
    available = discover(docs)
    wanted = split(args.module)
    unknown = [m for m in wanted if m not in {p.name for p in available}]
    if unknown:
        print(f"Module inconnu : {', '.join(unknown)}. Modules : {', '.join(p.name for p in available) or 'aucun'}.",
              file=sys.stderr)
        return 2
    modules = [p for p in available if not wanted or p.name in wanted]
    langs = split(args.lang) or site.languages
    unknown = [lang for lang in langs if lang not in site.languages]
    if unknown:
        print(f"Langue inconnue : {', '.join(unknown)}. Langues du site : {', '.join(site.languages)}.", file=sys.stderr)
        return 2
    date = args.date or (dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), dt.timezone.utc).date()
                         if os.environ.get("SOURCE_DATE_EPOCH") else dt.date.today())
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    result = export(site, modules, langs, out, date)

    manifest = {"date": date.isoformat(), "base_url": site.base_url, "languages": langs,
                "modules": [p.name for p in modules], "files": result.files,
                "problems": [p.format(ROOT) for p in result.problems]}
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    pdfs = [f for f in result.files if f["path"].endswith(".pdf")]
    for item in pdfs:
        print(f"  {item['path']}  ({item['pages']} p., {item['bytes'] // 1024} Ko)")
    for note in result.notes:
        print(f"ℹ️  {note}")
    took = time.monotonic() - started
    where = _rel(out)
    if result.problems:
        print(f"\n❌ {len(result.problems)} problème(s) : les fiches concernées n'ont pas été faites "
              f"({len(pdfs)} PDF faits dans {where}/, en {took:.1f} s).\n", file=sys.stderr)
        for item in result.problems:
            print(item.format(ROOT) + "\n", file=sys.stderr)
        return 1
    print(f"\n✅ {len(pdfs)} PDF faits dans {where}/ en {took:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

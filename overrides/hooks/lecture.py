"""Reading aids (issue 12): glossary words, on-screen labels, and the « Écouter » script.

What the parent gets (docs/assets/javascripts/lecture.js and lecture.css do the rest):

- Glossary: the first use of each term of ``i18n/glossaire.yml`` in a lesson page
  (``docs/modules/**``) becomes a link to the glossary page that carries the definition in
  the reader's language (``data-pc-def``; ``data-pc-t``: the glossary's word, when the text
  says it otherwise, e.g. a plural or on a page shown in French); lecture.js turns it
  into a disclosure button (``aria-expanded``) that shows the definition, with « Écouter ».
  Without JavaScript the link leads to the glossary page. Whole words, case-insensitive
  (plurals in -s/-x and Arabic prefixes و ف ب ك ل ال, with or without vowel marks, count),
  never inside headings, code, keys, links, quizzes, exercises or trainer notes.
- Glossary pages: ``<!-- glossaire -->`` in docs/glossaire{,.ar,.en}.md becomes the
  whole list, in the page's language (the French word beside it in the other languages).
- Labels: « Envoyer » (a short on-screen label: at most 5 words, a capital first, two
  letters or more) is wrapped in ``<span class="pc-label">`` on every page, so it looks
  like a button (the quotes stay in the HTML, hidden by CSS in ``<span class="pc-q">``).
  In Arabic and English pages it is a French label only if the French page quotes it too
  or a meaning in brackets follows (« Envoyer » (Send)); it gets ``lang="fr"`` (and
  ``dir="ltr"`` in a right-to-left page): screen readers and « Écouter » then use a French
  voice. Quotes that name a heading of the page (« À vous ») are references, not labels.
  Keys (``<kbd>``) of translated lessons get ``lang="fr"`` too: the keyboard is French.

MkDocs events used:
- ``on_pre_build``: checks i18n/glossaire.yml (every term in every language of the site);
  a gap stops the build with the file, the line and the fix, in French.
- ``on_page_markdown``: expands the ``<!-- glossaire -->`` marker.
- ``on_page_content`` (after quiz.py and exercices.py: listed after them in mkdocs.yml):
  labels, then glossary words; notes which pages need lecture.js.
- ``on_post_page``: adds lecture.js to the ``<head>`` of lessons and glossary pages only
  (lecture.css is in ``extra_css``: labels and the text size are on every page).

In the page, docs/assets/javascripts/lecture.js (vanilla ES2017, one IIFE, only global
``window.ParentsConnectes``, safe to load twice; its docs live here to keep it small):

- Glossary: each ``<a class="pc-terme">`` becomes a ``<button aria-expanded aria-controls>``
  that shows its definition (``<span class="pc-def">``) below the sentence, at the end of
  its line of text (before a picture or a sub-list): the term, the definition, a link to
  the glossary page and « Écouter ».
  Escape closes it and gives the focus back to the word. On a page shown in French, the
  definition carries the reader's ``lang`` and ``dir``.
- « Écouter » (``speechSynthesis``): one button per step (each ``<li>`` of the ``<ol>``
  under ``#etapes``, placed after its first paragraph), one for the « À retenir » block
  (wrapped in ``div.pc-retenir``, trainer notes left out), one per definition and per
  glossary entry (``[data-pc-ecouter]``, read with its ``<dt>``). Voices: ``getVoices()``
  is often empty at first, so buttons are added on ``voiceschanged``; only voices
  installed on the device (``localService``) are used, since a network voice would send
  the text away (offline rule). A text is split into sentences and into runs of one
  language: a French label (``lang="fr"``) inside Arabic is its own utterance with a
  French voice (or the page's voice if the device has none). No voice for the text's
  language: no button. While reading, the button says « Pause », then « Reprendre »
  (pause cancels, resume restarts the current sentence: ``pause()`` does nothing on
  Android); « Arrêter » or Escape stop. The text read is outlined (``.pc-lu``).

The text size control is overrides/partials/taille-texte.html (every page, inline: it is
tiny), with ``--pc-z`` in lecture.css.

The functions above the hooks are plain and tested without MkDocs (tests/test_glossaire.py).
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

import yaml

sys.path.insert(0, os.path.dirname(__file__))
import common  # noqa: E402

GLOSSARY = common.I18N_DIR / "glossaire.yml"
JS = "assets/javascripts/lecture.js"
GLOSSARY_PAGE = "glossaire.md"
MARKER = "<!-- glossaire -->"
LESSONS = "modules/"
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TRANSLATION_RE = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?)\.md$")
# UI strings lecture.js needs (i18n/<lang>.yml, section « lecture »)
JS_STRINGS = ("listen", "pause", "resume", "stop", "glossary_link")


# --- The glossary file -------------------------------------------------------

def load_glossary(path: Path = GLOSSARY) -> dict:
    """``termes`` of i18n/glossaire.yml: {id: {lang: {terme, definition}}}."""
    with open(path, encoding="utf-8") as f:
        return (yaml.safe_load(f) or {}).get("termes") or {}


def check_glossary(text: str, languages, path: Path = GLOSSARY) -> None:
    """Fail (``common.content_error``) on the first term lacking a language, a word or a definition."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise common.content_error(
            path, mark.line + 1 if mark else None, "ce fichier n'est pas du YAML valide.",
            "Vérifiez l'indentation (2 espaces par niveau) et mettez entre guillemets une définition qui contient « : ».")
    termes = _child(root, "termes")
    if termes is None or not isinstance(termes, yaml.MappingNode) or not termes.value:
        raise common.content_error(
            path, 1, "la liste « termes: » est absente ou vide.",
            "Commencez le fichier par « termes: », puis un terme par bloc (voir les termes existants).")
    for key_node, entry in termes.value:
        term_id, line = key_node.value, key_node.start_mark.line + 1
        if not ID_RE.match(term_id):
            raise common.content_error(
                path, line, f"l'identifiant « {term_id} » contient des caractères non permis.",
                "Utilisez seulement des lettres minuscules sans accent, des chiffres et des tirets, "
                "par exemple « mot-de-passe ».")
        for lang in languages:
            node = _child(entry, lang)
            if node is None:
                raise common.content_error(
                    path, line, f"le terme « {term_id} » n'a pas de traduction « {lang} ».",
                    f"Ajoutez sous « {term_id}: » un bloc « {lang}: » avec « terme: » et « definition: », "
                    "comme pour les autres langues.")
            for field, what in (("terme", "le mot"), ("definition", "la définition")):
                value = _child(node, field)
                if value is None or not isinstance(value, yaml.ScalarNode) or not value.value.strip():
                    raise common.content_error(
                        path, (value or node).start_mark.line + 1,
                        f"il manque {what} en « {lang} » pour le terme « {term_id} ».",
                        f"Écrivez « {field}: » suivi de {what} en « {lang} », en mots simples.")


def _child(node, key: str):
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value in node.value:
        if key_node.value == key:
            return value
    return None


# --- HTML walking ------------------------------------------------------------

TAG_RE = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>", re.S)
CLASS_RE = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")
ID_ATTR_RE = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)')""")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
RAW = {"script", "style", "textarea"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Never touched: headings, code, keys, links, controls, quizzes and exercises
SKIP_TAGS = HEADINGS | {"a", "button", "summary", "code", "pre", "kbd", "samp", "form", "label", "select",
                        "option", "svg", "math", "title", "script", "style", "textarea"}
SKIP_CLASSES = {"pc-quiz", "pc-ex", "pc-label", "pc-terme", "headerlink"}
# Glossary words also stay out of trainer notes and block titles
SKIP_CLASSES_TERMS = SKIP_CLASSES | {"formateur", "admonition-title"}


def map_text(source: str, change, skip_tags=SKIP_TAGS, skip_classes=SKIP_CLASSES, skip_sections=()) -> str:
    """Apply ``change(text)`` (raw HTML text, entities kept; returns HTML) to each text node
    outside the skipped elements and outside the ``<h2 id>`` sections named in ``skip_sections``."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, skipped)
    section_skipped = False
    pos = 0
    while pos < len(source):
        match = TAG_RE.search(source, pos)
        end = match.start() if match else len(source)
        if end > pos:
            text = source[pos:end]
            skipped = section_skipped or (stack and stack[-1][1])
            out.append(text if skipped or not text.strip() else change(text))
        if not match:
            break
        out.append(match.group(0))
        pos = match.end()
        closing, name = match.group(1), (match.group(2) or "").lower()
        if not name:
            continue  # comment, doctype
        if closing:
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    del stack[i:]
                    break
            continue
        attrs = match.group(3) or ""
        if name == "h2":
            found = ID_ATTR_RE.search(attrs)
            section_skipped = bool(found and (found.group(1) or found.group(2)) in skip_sections)
        if name in RAW:
            close = re.compile(rf"</{name}\s*>", re.I).search(source, pos)
            stop = close.end() if close else len(source)
            out.append(source[pos:stop])
            pos = stop
            continue
        if name in VOID or attrs.rstrip().endswith("/"):
            continue
        found = CLASS_RE.search(attrs)
        classes = set((found.group(1) or found.group(2) or "").split()) if found else set()
        parent = stack[-1][1] if stack else False
        stack.append((name, parent or name in skip_tags or bool(classes & skip_classes)))
    return "".join(out)


def heading_texts(source: str) -> set[str]:
    """Texts of the page's headings (without the ¶ permalink), case-folded."""
    texts = set()
    for match in re.finditer(r"<h[1-6]\b[^>]*>(.*?)</h[1-6]>", source, re.S):
        inner = re.sub(r"<a\b[^>]*class=\"headerlink\"[^>]*>.*?</a>", "", match.group(1), flags=re.S)
        texts.add(_fold(html.unescape(re.sub(r"<[^>]+>", "", inner))))
    return texts


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


# --- On-screen labels « … » --------------------------------------------------

QUOTE_RE = re.compile(r"«(?P<open>[ \u00a0\u202f]*)(?P<label>[^«»<>\n]{1,80}?)(?P<close>[ \u00a0\u202f]*)»(?P<meaning> \([^()<>]{1,80}\))?")
MAX_LABEL_WORDS = 5
RTL_LANGUAGES = {"ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"}


def is_label(text: str) -> bool:
    """A short on-screen label: at most 5 words, starting with a capital letter (« A » alone is a letter)."""
    text = html.unescape(text).strip()
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    letters = sum(c.isalpha() for c in text)
    return bool(text) and text[0].isupper() and letters >= 2 and 0 < len(words) <= MAX_LABEL_WORDS


def french_labels(markdown: str) -> set[str]:
    """The labels a French page quotes (« … »), case-folded."""
    return {_fold(m.group("label")) for m in QUOTE_RE.finditer(markdown) if is_label(m.group("label"))}


def mark_labels(source: str, lang: str, french: set[str] | None = None) -> str:
    """Wrap on-screen labels in ``<span class="pc-label">`` (see the module docstring).

    ``lang``: the language of the text; ``french``: the labels of the French page, for a
    translation (a label of a translated page is a French label)."""
    headings = heading_texts(source)
    translated = not lang.startswith("fr")
    rtl = lang.split("-")[0] in RTL_LANGUAGES

    def change(text: str) -> str:
        def wrap(m: re.Match) -> str:
            label = m.group("label")
            folded = _fold(html.unescape(label))
            if not is_label(label) or folded in headings:
                return m.group(0)
            if translated and not (m.group("meaning") or folded in (french or set())):
                return m.group(0)
            lang_attr = (' lang="fr"' + (' dir="ltr"' if rtl else "")) if translated else ""
            # The quotes stay in the text (copy, search, no CSS), hidden under the button look
            return (f'<span class="pc-label"{lang_attr}><span class="pc-q">«{m.group("open")}</span>{label}'
                    f'<span class="pc-q">{m.group("close")}»</span></span>' + (m.group("meaning") or ""))

        return QUOTE_RE.sub(wrap, text) if "«" in text else text

    return map_text(source, change)


def french_keys(source: str) -> str:
    """``<kbd>`` of a translated lesson get ``lang="fr"``: the keys of a French keyboard."""
    return re.sub(r"<kbd>", '<kbd lang="fr">', source)


# --- Glossary words ----------------------------------------------------------

ARABIC_MARKS = "\u064b-\u065f\u0670"
ARABIC_PREFIX = r"(?:[وف]?(?:[بكل]?ال|لل|[بكل])?)"
WORD_CHARS = r"[\w\-\u2011]"


def term_pattern(term: str, lang: str) -> str:
    """Regex source matching ``term`` as a whole word in ``lang`` (see the module docstring)."""
    variants = {term, re.sub(r"\s*\([^)]*\)", "", term).strip()}  # « arobase @ (…) » → « arobase @ »
    sources = []
    for variant in sorted(filter(None, variants), key=len, reverse=True):
        if lang.startswith("ar"):
            bare = re.sub(f"[{ARABIC_MARKS}]", "", variant)
            body = "".join(
                r"\s+" if c.isspace() else re.escape(c) + (f"[{ARABIC_MARKS}]*" if "\u0600" <= c <= "\u06ff" else "")
                for c in bare)
            # Collapse repeated \s+ for multiple spaces
            body = re.sub(r"(\\s\+)+", r"\\s+", body)
            prefix = "" if bare.startswith("ال") or not ("\u0600" <= bare[0] <= "\u06ff") else ARABIC_PREFIX
            sources.append(prefix + body)
        else:
            words = []
            for word in variant.split():
                escaped = re.sub("['’]", lambda _m: "['’]", re.escape(word))
                # Plurals: each word of 3 letters or more may take -s or -x
                if len(word) >= 3 and word[-1].isalpha():
                    escaped += "[sx]?"
                words.append(escaped)
            sources.append(r"\s+".join(words))
    return "(?:" + "|".join(sources) + ")"


def terms_regex(glossary: dict, lang: str) -> tuple[re.Pattern, list[str]]:
    """One regex for all the terms of ``lang`` (longest first) and the term id of each group."""
    ids = sorted(glossary, key=lambda k: len(glossary[k][lang]["terme"]), reverse=True)
    alternatives = [f"(?P<t{n}>{term_pattern(glossary[k][lang]['terme'], lang)})" for n, k in enumerate(ids)]
    pattern = rf"(?<![\w\-\u2011./@])(?:{'|'.join(alternatives)})(?!{WORD_CHARS}|[.@]\w)"
    return re.compile(pattern, re.IGNORECASE), ids


def mark_terms(source: str, glossary: dict, text_lang: str, reader_lang: str, href: str) -> tuple[str, list[str]]:
    """Mark the first use of each glossary term in ``source`` (a lesson's HTML).

    ``text_lang``: the language of the text (French on an untranslated page);
    ``reader_lang``: the language of the definitions; ``href``: the glossary page's URL
    from this page. Returns the HTML and the ids marked, in order."""
    regex, ids = terms_regex(glossary, text_lang)
    marked: list[str] = []

    def change(text: str) -> str:
        def mark(m: re.Match) -> str:
            term_id = ids[int(m.lastgroup[1:])]
            if term_id in marked:
                return m.group(0)
            marked.append(term_id)
            entry = glossary[term_id][reader_lang]
            # The word as the glossary writes it, when the text says it otherwise (plural, other language)
            same = html.unescape(m.group(0)).casefold() == entry["terme"].casefold()
            word = "" if same else f' data-pc-t="{_attr(entry["terme"])}"'
            return (f'<a class="pc-terme" href="{href}#gl-{term_id}"{word} '
                    f'data-pc-def="{_attr(entry["definition"])}">{m.group(0)}</a>')

        return regex.sub(mark, text)

    out = map_text(source, change, skip_classes=SKIP_CLASSES_TERMS, skip_sections=("sources",))
    return out, marked


# --- Glossary page -----------------------------------------------------------

def sort_key(text: str) -> str:
    """Alphabetical order: accents and vowel marks ignored, « É » with « E »."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def render_glossary(glossary: dict, lang: str) -> str:
    """The glossary page's list, in ``lang`` (the French word beside it in other languages)."""
    # Words in the language's own script first (in Arabic, « ENT » and « Pronote » come last)
    own = (lambda w: "\u0600" <= w[:1] <= "\u06ff") if lang.startswith("ar") else (lambda w: True)
    entries = sorted(glossary.items(), key=lambda item: (not own(item[1][lang]["terme"]),
                                                         sort_key(item[1][lang]["terme"])))
    out = ['<dl class="pc-glossaire">']
    for term_id, entry in entries:
        french = ""
        if not lang.startswith("fr") and entry["fr"]["terme"].casefold() not in entry[lang]["terme"].casefold():
            french = f' <span lang="fr" dir="ltr">({_esc(entry["fr"]["terme"])})</span>'
        out.append(f'<dt id="gl-{term_id}"><dfn>{_esc(entry[lang]["terme"])}</dfn>{french}</dt>')
        out.append(f'<dd data-pc-ecouter>{_esc(entry[lang]["definition"])}</dd>')
    out.append("</dl>")
    return "\n".join(out)


def _esc(text) -> str:
    return html.escape(str(text), quote=False)


def _attr(text) -> str:
    return html.escape(str(text), quote=True)


# --- Hooks -------------------------------------------------------------------

_glossary: dict = {}
_with_script: dict[str, str] = {}  # page src_uri → lecture.js URL from that page


def on_pre_build(config):
    plugin = config.plugins.get("i18n")
    languages = list(getattr(plugin, "all_languages", None) or [common.DEFAULT_LANGUAGE])
    check_glossary(GLOSSARY.read_text(encoding="utf-8"), languages)
    _glossary.clear()
    _glossary.update(load_glossary())
    _with_script.clear()


def on_page_markdown(markdown, page, config, files):
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, render_glossary(_glossary, common.page_language(config)))
        _with_script[page.file.src_uri] = _asset_url(JS, page, files)
    return markdown


def on_page_content(html_, page, config, files):
    reader = common.page_language(config)
    text_lang = getattr(page.file, "locale", None) or reader
    path = Path(page.file.abs_src_path or page.file.src_uri)
    french = None
    if not text_lang.startswith("fr"):
        twin = _french_twin(path)
        french = french_labels(twin.read_text(encoding="utf-8")) if twin else set()
    html_ = mark_labels(html_, text_lang, french)
    if not _is_lesson(page):
        return html_
    if not text_lang.startswith("fr"):
        html_ = french_keys(html_)
    href = _asset_url(GLOSSARY_PAGE, page, files)
    html_, marked = mark_terms(html_, _glossary, text_lang, reader, href)
    if marked or 'id="etapes"' in html_ or 'id="a-retenir"' in html_:
        _with_script[page.file.src_uri] = _asset_url(JS, page, files)
    return html_


def on_post_page(output, page, config):
    url = _with_script.get(page.file.src_uri)
    if not url:
        return output
    strings = common.ui_strings(common.page_language(config))["lecture"]
    data = json.dumps({k: strings[k] for k in JS_STRINGS}, ensure_ascii=False, separators=(",", ":"))
    # The strings travel with the script tag: no request, file:// works
    tag = f'<script src="{url}" defer data-pc-lecture="{_attr(data)}"></script>\n'
    return output.replace("</head>", tag + "</head>", 1)


# --- Helpers -----------------------------------------------------------------

def _is_lesson(page) -> bool:
    return page.file.src_uri.startswith(LESSONS)


def _french_twin(path: Path) -> Path | None:
    match = TRANSLATION_RE.match(path.name)
    if match:
        twin = path.with_name(match.group("stem") + ".md")
        if twin.is_file():
            return twin
    return None


def _asset_url(path: str, page, files) -> str:
    """URL of ``path`` (a file of the site, in this language when translated) from ``page``."""
    from mkdocs.utils import get_relative_url

    target = files.get_file_from_path(path) if files is not None else None
    if target is not None:
        return target.url_relative_to(page.file)
    return get_relative_url(re.sub(r"\.md$", ".html", path), page.file.url)

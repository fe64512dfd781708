#!/usr/bin/env python3
"""Vérifie les leçons, les quiz et les images du cours, et explique chaque problème en français.

Usage : python scripts/check_content.py [--docs DOSSIER]

Chaque message donne le fichier, la ligne, le problème et la correction.
Le script sort avec le code 1 s'il trouve un problème (la construction du site
l'appelle aussi, par le hook overrides/hooks/content_check.py).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("ar", "en")  # suffixed translations; French files have no suffix

# Lesson shape (CONTENT-GUIDE.md): required section ids, in this order
LESSON_SECTIONS = ["objectifs", "etapes", "a-vous", "a-retenir"]
MODULE_SECTIONS = ["objectifs", "lecons", "sources"]
# Plain French (FALC-inspired) in French lessons: measured by sentence_stats()
MAX_SENTENCE_WORDS = 25
MAX_AVERAGE_WORDS = 14
SECTION_NAMES = {
    "objectifs": "« Vous allez apprendre » (ou « Objectifs »)",
    "etapes": "« Étape par étape »",
    "a-vous": "« À vous »",
    "a-retenir": "« À retenir »",
    "lecons": "« Les leçons »",
    "sources": "« Sources »",
}

NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SKIP_DIRS = {"_modele", "assets"}  # the template is checked for shape, assets hold our code


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int | None
    problem: str
    fix: str

    def format(self, root: Path) -> str:
        try:
            where = self.path.relative_to(root).as_posix()
        except ValueError:
            where = self.path.as_posix()
        if self.line:
            where += f", ligne {self.line}"
        return f"{where} : {self.problem}\n  → {self.fix}"


# --- Reading Markdown --------------------------------------------------------

FENCE_RE = re.compile(r"^\s*(```|~~~)")


def split_front_matter(text: str) -> tuple[dict | None, int, str | None]:
    """Return (front matter, number of its lines, YAML error)."""
    if not text.startswith("---\n"):
        return None, 0, None
    end = text.find("\n---", 4)
    if end == -1:
        return None, 0, "le bloc d'en-tête commence par « --- » mais ne se termine pas"
    block = text[4:end]
    try:
        data = yaml.safe_load(block) or {}
    except yaml.YAMLError as err:
        return None, 0, f"l'en-tête n'est pas lisible ({err.problem if hasattr(err, 'problem') else err})"
    return (data if isinstance(data, dict) else {}), block.count("\n") + 2, None


def prose_lines(text: str):
    """Yield (line number, line) outside fenced code blocks and HTML comments."""
    in_fence = False
    in_comment = False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        stripped = re.sub(r"<!--.*?-->", "", line)
        if "<!--" in stripped:
            in_comment = True
            stripped = stripped.split("<!--")[0]
        # inline code is not rendered as HTML
        yield number, re.sub(r"`[^`]*`", "", stripped)


# --- Rules -------------------------------------------------------------------

HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
ID_RE = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
IMAGE_RE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_IMG_RE = re.compile(r"<img\b[^>]*>", re.I)
LINK_RE = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FORBIDDEN_TAG_RE = re.compile(r"<\s*(script|iframe|object|embed)\b", re.I)
EVENT_ATTR_RE = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
REMOTE_SRC_RE = re.compile(r"""\b(?:src|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
REMOTE_CSS_RE = re.compile(r"""(?:url\(\s*["']?\s*(?:https?:)?//|@import\s+["']?(?:https?:)?//)""", re.I)
SVG_REMOTE_RE = re.compile(r"""(?:xlink:)?href\s*=\s*["']\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//""", re.I)
# Text in a drawing: an element that renders characters, and its pieces (tags, character data, entities)
SVG_TEXT_RE = re.compile(r"<text\b[^>]*>(.*?)</text\s*>", re.S)
SVG_TEXT_PIECE_RE = re.compile(r"<!\[CDATA\[(.*?)\]\]>|<[^>]*>|(&#?\w+;)|([^<&]+)", re.S)
# Beyond ASCII and Latin-1 (accents, « », °, €…), the typographic punctuation and spaces of French and
# Arabic text, and the invisible marks that set the direction of Arabic text: every system font has them.
SVG_TEXT_PUNCTUATION = set("\u2009\u200a\u202f\u2011\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u20ac"
                           "\u200c\u200d\u200e\u200f\u061c")


def is_remote(url: str) -> bool:
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.I)) or url.startswith(("http:", "https:"))


def language_of(path: Path) -> str:
    parts = path.name.split(".")
    return parts[-2] if len(parts) >= 3 and parts[-2] in LANGS else "fr"


def french_twin(path: Path) -> Path:
    lang = language_of(path)
    if lang == "fr":
        return path
    return path.with_name(path.name.replace(f".{lang}.", "."))


def resolve_asset(page: Path, target: str, lang: str) -> Path | None:
    """Find the file a relative link points to, as static-i18n would (localized first)."""
    target = target.split("#")[0].split("?")[0]
    if not target:
        return page
    base = page.parent / target
    candidates = []
    if lang != "fr":
        candidates.append(base.with_name(f"{base.stem}.{lang}{base.suffix}"))
    candidates.append(base)
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return None


def check_markdown(path: Path, docs: Path) -> list[Problem]:
    problems: list[Problem] = []
    text = path.read_text(encoding="utf-8")
    lang = language_of(path)
    rel = path.relative_to(docs).as_posix()
    meta, meta_lines, meta_error = split_front_matter(text)

    # Front matter: title everywhere, duration on module pages
    in_module = rel.startswith("modules/") and rel.count("/") >= 2
    if meta_error:
        problems.append(Problem(path, 1, meta_error, "Écrivez l'en-tête entre deux lignes « --- », par exemple « title: Ma leçon »."))
    elif meta is None or not str(meta.get("title") or "").strip():
        problems.append(Problem(path, 1, "l'en-tête n'a pas de titre (« title: »)",
                                "Ajoutez en haut du fichier :\n    ---\n    title: Le titre de la page\n    ---"))
    if in_module and not meta_error and (meta is None or not isinstance(meta.get("duree"), int)):
        problems.append(Problem(path, 1, "l'en-tête n'a pas de durée (« duree: »), en minutes",
                                "Ajoutez dans l'en-tête une ligne comme « duree: 15 » (un nombre de minutes)."))

    # Translation without its French page
    if lang != "fr" and not french_twin(path).exists():
        problems.append(Problem(path, None, f"cette traduction n'a pas de page française « {french_twin(path).name} »",
                                "Écrivez d'abord la page en français, ou renommez ce fichier comme la page française, avec ."
                                f"{lang} avant .md."))

    headings: list[tuple[int, int, str | None]] = []
    previous_level = 0
    for number, line in prose_lines(text):
        if number <= meta_lines:
            continue
        heading = HEADING_RE.match(line)
        if heading:
            level = len(heading.group(1))
            anchor = ID_RE.search(heading.group(2))
            headings.append((number, level, anchor.group(1) if anchor else None))
            if previous_level and level > previous_level + 1:
                problems.append(Problem(path, number, f"ce titre saute un niveau (de {'#' * previous_level} à {'#' * level})",
                                        f"Utilisez « {'#' * (previous_level + 1)} » pour ce titre, ou ajoutez un titre intermédiaire."))
            elif not previous_level and level != 1:
                problems.append(Problem(path, number, "la page doit commencer par un titre de niveau 1 (« # »)",
                                        "Écrivez le titre de la page avec un seul « # » au début."))
            previous_level = level

        # Raw HTML that could run code
        tag = FORBIDDEN_TAG_RE.search(line)
        if tag:
            problems.append(Problem(path, number, f"la balise <{tag.group(1).lower()}> est interdite dans une leçon",
                                    "Retirez-la. Pour un exercice ou une vidéo, demandez un bloc prévu par le site (voir CONTRIBUTING.md)."))
        if EVENT_ATTR_RE.search(line):
            problems.append(Problem(path, number, "un attribut « on…= » (du code JavaScript) est interdit dans une leçon",
                                    "Retirez cet attribut : le site gère lui-même les boutons et les exercices."))
        if REMOTE_SRC_RE.search(line) or REMOTE_CSS_RE.search(line):
            problems.append(Problem(path, number, "cette ligne charge un fichier depuis un autre site",
                                    "Copiez le fichier dans le dépôt (par exemple dans images/) et utilisez un chemin relatif. Le cours doit marcher sans Internet."))

        # Images: alt text, local file
        for match in IMAGE_RE.finditer(line):
            alt, target = match.group(1).strip(), match.group(2)
            if not alt:
                problems.append(Problem(path, number, f"l'image « {target} » n'a pas de texte alternatif",
                                        "Décrivez l'image entre les crochets : ![Ce que montre l'image et pourquoi elle compte](…)."))
            if is_remote(target):
                problems.append(Problem(path, number, f"l'image « {target} » vient d'un autre site",
                                        "Enregistrez l'image dans le dossier images/ du module et utilisez un chemin relatif."))
            elif resolve_asset(path, target, lang) is None:
                problems.append(Problem(path, number, f"l'image « {target} » n'existe pas",
                                        "Vérifiez le nom du fichier (minuscules, tirets) et son dossier, ou ajoutez l'image."))
        for tag_html in HTML_IMG_RE.findall(line):
            if not re.search(r"\balt\s*=\s*\"[^\"]+\"", tag_html):
                problems.append(Problem(path, number, "une balise <img> n'a pas de texte alternatif (alt)",
                                        "Utilisez plutôt ![description](images/fichier.svg) avec une description."))

        # Internal links
        for match in LINK_RE.finditer(line):
            target = match.group(1)
            if is_remote(target) or target.startswith(("mailto:", "tel:", "#")):
                continue
            if resolve_asset(path, target, lang) is None:
                problems.append(Problem(path, number, f"le lien « {target} » mène à une page qui n'existe pas",
                                        "Vérifiez le chemin, relatif à ce fichier et sans suffixe de langue (exemple : ../02-e-mail/index.md)."))

    # Plain French in lessons
    if in_module and lang == "fr" and path.name.split(".")[0] != "index":
        problems += check_plain_french(path)

    # Lesson and module shape
    shape = None
    if in_module and path.name.split(".")[0] == "index":
        shape = MODULE_SECTIONS
    elif in_module:
        shape = LESSON_SECTIONS
    if shape:
        ids = [(number, anchor) for number, level, anchor in headings if level == 2 and anchor]
        found = [anchor for _, anchor in ids]
        for section in shape:
            if section not in found:
                problems.append(Problem(path, None, f"il manque la section {SECTION_NAMES[section]}",
                                        f"Ajoutez un titre « ## … {{ #{section} }} » (copiez-le depuis docs/modules/_modele/)."))
        present = [s for s in found if s in shape]
        if present != [s for s in shape if s in present]:
            problems.append(Problem(path, None, "les sections ne sont pas dans l'ordre du modèle",
                                    "Remettez-les dans cet ordre : " + ", ".join(SECTION_NAMES[s] for s in shape) + "."))
    return problems


WORD_RE = re.compile(r"[\w@.'’-]*\w[\w@.'’-]*")


def lesson_sentences(text: str) -> list[tuple[int, str]]:
    """Sentences a parent reads in a lesson, with their line.

    Left out: front matter, headings, code, HTML comments, the trainer block, the
    « Sources » section and image alternative texts. One sentence per line is the
    rule; a line is also cut after . ! ? followed by a space.
    """
    _, meta_lines, _ = split_front_matter(text)
    sentences = []
    in_trainer = in_sources = False
    for number, line in prose_lines(text):
        if number <= meta_lines:
            continue
        if line.startswith("??? ") or line.startswith("!!! "):
            in_trainer = "formateur" in line
            continue
        if in_trainer and (line.startswith("    ") or not line.strip()):
            continue
        in_trainer = False
        heading = HEADING_RE.match(line)
        if heading:
            in_sources = "#sources" in line
            continue
        if in_sources:
            continue
        line = IMAGE_RE.sub(" ", line)
        line = re.sub(r"<[^>]+>", " ", line)
        line = re.sub(r"\]\([^)]*\)", "]", line).replace("[", " ").replace("]", " ")
        line = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", line)
        for part in re.split(r"(?<=[.!?…])\s+", line.strip()):
            if WORD_RE.search(part):
                sentences.append((number, part))
    return sentences


def words(sentence: str) -> int:
    return len(WORD_RE.findall(sentence))


def sentence_stats(path: Path) -> tuple[int, float, int]:
    """(sentences, average words per sentence, longest sentence in words)."""
    counts = [words(s) for _, s in lesson_sentences(path.read_text(encoding="utf-8"))]
    if not counts:
        return 0, 0.0, 0
    return len(counts), sum(counts) / len(counts), max(counts)


def check_plain_french(path: Path) -> list[Problem]:
    problems = []
    sentences = lesson_sentences(path.read_text(encoding="utf-8"))
    for number, sentence in sentences:
        if words(sentence) > MAX_SENTENCE_WORDS:
            problems.append(Problem(path, number, f"cette phrase a {words(sentence)} mots (maximum {MAX_SENTENCE_WORDS})",
                                    "Coupez-la en deux phrases courtes : une idée par phrase."))
    if sentences:
        average = sum(words(s) for _, s in sentences) / len(sentences)
        if average > MAX_AVERAGE_WORDS:
            problems.append(Problem(path, None, f"les phrases ont {average:.1f} mots en moyenne (maximum {MAX_AVERAGE_WORDS})",
                                    "Raccourcissez les phrases les plus longues : une idée par phrase."))
    return problems


def check_svg(path: Path) -> list[Problem]:
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if SVG_REMOTE_RE.search(line) and "xmlns" not in line.split("href")[0][-20:]:
            problems.append(Problem(path, number, "l'image charge un fichier depuis un autre site",
                                    "Dessinez ou copiez l'élément dans le fichier SVG lui-même."))
        if FORBIDDEN_TAG_RE.search(line) or EVENT_ATTR_RE.search(line):
            problems.append(Problem(path, number, "l'image contient du code (script ou attribut « on…= »)",
                                    "Retirez ce code : une illustration ne contient que des formes et du texte."))
    problems += check_svg_symbols(path)
    return sorted(problems, key=lambda p: p.line or 0)


def font_safe(char: str) -> bool:
    """True for what every system font draws: Latin and Arabic letters and digits, spaces, ordinary punctuation."""
    code = ord(char)
    if char in "\t\n\r" or 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xFF or char in SVG_TEXT_PUNCTUATION:
        return True
    if 0x300 <= code <= 0x36F:  # accents typed as separate marks
        return True
    category, name = unicodedata.category(char), unicodedata.name(char, "")
    if category[0] == "L":
        return name.startswith(("LATIN ", "ARABIC "))
    if category[0] in "MNP":  # Arabic vowel marks, digits (٠١٢ and ۰۱۲), punctuation (، ؛ ؟)
        return name.startswith(("ARABIC", "EXTENDED ARABIC-INDIC DIGIT"))
    return False


def check_svg_symbols(path: Path) -> list[Problem]:
    """A symbol (✕ ☐ ← ✓ •…) written as text comes from whatever fallback font the device has, and finding it is slow."""
    problems = []
    text = path.read_text(encoding="utf-8")
    # comments are not drawn: blank them, keeping the line breaks
    text = re.sub(r"<!--.*?-->", lambda m: re.sub(r"[^\n]", " ", m.group()), text, flags=re.S)
    seen = set()
    for element in SVG_TEXT_RE.finditer(text):
        for piece in SVG_TEXT_PIECE_RE.finditer(element.group(1)):
            start = element.start(1) + piece.start()
            if piece.group(1) is not None:
                chars = [(start + len("<![CDATA[") + i, c) for i, c in enumerate(piece.group(1))]
            elif piece.group(2):
                chars = [(start, c) for c in html.unescape(piece.group(2))]
            elif piece.group(3):
                chars = [(start + i, c) for i, c in enumerate(piece.group(3))]
            else:
                continue
            for position, char in chars:
                if font_safe(char):
                    continue
                number = text.count("\n", 0, position) + 1
                if (number, char) in seen:
                    continue
                seen.add((number, char))
                shown = char if unicodedata.category(char)[0] not in "CZ" else f"U+{ord(char):04X}"
                problems.append(Problem(path, number, f"le dessin écrit le symbole « {shown} » avec une police",
                                        "Dessinez-le avec des formes (line, rect, path) : ce symbole n'existe pas dans "
                                        "toutes les polices des téléphones, et le chercher ralentit la page."))
    return problems


def check_names(docs: Path) -> list[Problem]:
    problems = []
    for item in sorted(docs.rglob("*")):
        rel = item.relative_to(docs)
        if set(rel.parts) & SKIP_DIRS and rel.parts[0] == "assets":
            continue
        name = item.name
        if item.is_dir():
            stem = name
        else:
            stem = name.split(".")[0]
            if any(part == "" for part in name.split(".")):
                stem = name
        if item.is_dir() and name in SKIP_DIRS:
            continue
        if not NAME_RE.match(stem):
            kind = "dossier" if item.is_dir() else "fichier"
            suggestion = re.sub(r"[^a-z0-9]+", "-", _ascii(stem).lower()).strip("-")
            problems.append(Problem(item, None, f"le nom du {kind} « {name} » n'est pas en minuscules sans accent, avec des tirets",
                                    f"Renommez-le, par exemple « {suggestion}{name[len(stem):]} »."))
    return problems


def _ascii(text: str) -> str:
    import unicodedata
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


# --- Entry points --------------------------------------------------------------


def check(docs: Path) -> list[Problem]:
    """Every problem in the docs folder, in a stable order."""
    docs = docs.resolve()
    problems = check_names(docs)
    for path in sorted(docs.rglob("*.md")):
        if set(path.relative_to(docs).parts) & SKIP_DIRS:
            continue
        problems += check_markdown(path, docs)
    for path in sorted(docs.rglob("*.svg")):
        if "vendor" in path.parts:
            continue
        problems += check_svg(path)
    return problems


def report(problems: list[Problem], root: Path) -> str:
    if not problems:
        return "✅ Contenu vérifié : aucun problème."
    lines = [f"❌ {len(problems)} problème(s) à corriger dans le contenu :", ""]
    lines += [p.format(root) + "\n" for p in problems]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="dossier des pages (par défaut : docs/)")
    parser.add_argument("--phrases", action="store_true",
                        help="affiche, pour chaque leçon en français, le nombre de phrases, la moyenne et la plus longue (en mots)")
    args = parser.parse_args(argv)
    if args.phrases:
        print("| leçon | phrases | mots par phrase (moyenne) | phrase la plus longue |\n|---|---|---|---|")
        for path in sorted(args.docs.resolve().glob("modules/[0-9]*/[0-9]*.md")):
            if language_of(path) == "fr":
                n, average, longest = sentence_stats(path)
                print(f"| {path.relative_to(args.docs.resolve()).as_posix()} | {n} | {average:.1f} | {longest} |")
        return 0
    problems = check(args.docs)
    print(report(problems, args.docs.resolve().parent))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""Printable handouts (scripts/export_handouts.py): what a parent or a trainer holds in hand.

Everything is exported ONCE per test session (fixture ``handouts``, tests/handouts_fixtures.py);
the PDFs are read back with poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm) and zbarimg
(zbar-tools), as a reader would see them. Expected texts come from the Markdown sources.

Arabic text read back from a PDF is imperfect with any poppler mode: lines of a right-to-left
paragraph come out of order, a vowel mark can move a letter to another line, the lam-alef
ligature may come back swapped (« الإنترنت » → « اإلنترنت »), a hamza on its seat may be lost.
So Arabic pages are rebuilt from word boxes (``pdftotext -bbox``: lines by height, columns right
to left, words right to left), and an Arabic text counts as printed when its letters (without
vowel marks, lam and alef forms) are found in that order at 90 % or more, and its Latin words too.
"""

from __future__ import annotations

import functools
import html
import re
import shutil
import subprocess
import sys
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

import budgets
import pytest
import yaml

from conftest import LANGS, ROOT
from handouts_fixtures import BASE_URL, SCRIPT

DOCS = ROOT / "docs"
MODULES = sorted(p.name for p in (DOCS / "modules").glob("[0-9][0-9]-*") if p.is_dir())
VARIANTS = ("parents", "memo", "animateur")
CASES = [pytest.param(m, lang, id=f"{m}-{lang}") for m in MODULES for lang in LANGS]
PARENT_BUDGET = budgets.PARENT_HANDOUT
DATE_PRINTED = "29/11/2026"


# --- Reading the sources ---------------------------------------------------------------------


def source(path: Path, lang: str) -> Path:
    return path if lang == "fr" else path.with_name(f"{path.stem}.{lang}.md")


def lessons(module: str) -> list[Path]:
    return sorted(p for p in (DOCS / "modules" / module).glob("[0-9][0-9]-*.md") if p.name.count(".") == 1)


def front_title(path: Path) -> str:
    return str(yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])["title"])


def plain(markdown: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>]+>", "", text)
    return text.replace("**", "").replace("`", "").strip()


def key_points(path: Path) -> list[str]:
    block = path.read_text(encoding="utf-8").split("{ #a-retenir }", 1)[1]
    block = re.split(r"\n#|\n\?\?\?", block)[0]
    return [plain(line[2:]) for line in block.splitlines() if line.startswith("- ")]


def trainer_lines(path: Path) -> list[str]:
    """Sentences of the trainer notes (``??? formateur`` blocks), at least 25 characters long."""
    out, inside = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("??? formateur"):
            inside = True
        elif inside and line.strip() and not line.startswith("    "):
            inside = False
        elif inside and line.strip():
            text = plain(re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", line))
            out += [s for s in re.split(r"(?<=[.!?؟])\s+", text) if len(s) >= 25]
    return out


def quiz_texts(module: str, lang: str) -> tuple[list[str], list[str]]:
    """(question texts, explanation lines) of the module's quiz."""
    lines = source(DOCS / "quizzes" / f"{module}.md", lang).read_text(encoding="utf-8").splitlines()
    questions = [next(t for t in lines[i + 1:] if t.strip()) for i, t in enumerate(lines) if t.startswith("<!-- question")]
    explanations = [plain(t[2:]) for t in lines if t.startswith("> ") and len(t) > 20]
    return [plain(q) for q in questions], explanations


def strings(lang: str) -> dict:
    return yaml.safe_load((ROOT / "i18n" / f"{lang}.yml").read_text(encoding="utf-8"))


def lesson_url(module: str, lesson: Path, lang: str) -> str:
    prefix = "" if lang == "fr" else f"{lang}/"
    return f"{BASE_URL}{prefix}modules/{module}/{lesson.stem}.html"


def short_address(module: str, lesson: Path, lang: str) -> str:
    prefix = "" if lang == "fr" else f"{lang}/"
    return f"{BASE_URL}{prefix}l/{int(module[:2])}-{int(lesson.name[:2])}/"


def sessions_of(module: str) -> set[int]:
    text = (DOCS / "modules" / module / "index.md").read_text(encoding="utf-8")
    block = text.split("{ #dans-la-formation }", 1)[1].split("\n## ", 1)[0] if "{ #dans-la-formation }" in text else ""
    return {int(n) for n in re.findall(r"\bséance (\d+)\b", block, re.I)}


# --- Reading the PDFs ----------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def pdf_text(path: Path, lang: str, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    if lang == "ar":
        return rtl_text(subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", *pages, str(path), "-"],
                                       capture_output=True, text=True, check=True).stdout)
    # Latin: the order the text was drawn in (-raw), which is the page's order
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", *pages, str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


WORD_BOX = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
ARABIC = re.compile("[\u0621-\u064a]")  # Arabic letters (not the Arabic comma)


def rtl_text(bbox_xhtml: str, gutter: float = 12) -> str:
    """Reading-order text of right-to-left pages from poppler's word boxes (which hold each
    Arabic word's characters in visual order): words on the same line (vertical centres less
    than 3 pt apart) right to left; two columns (a gutter of ``gutter`` pt at the middle),
    the right one first."""
    out: list[str] = []

    def line(words) -> str:
        if any(ARABIC.search(w[4]) for w in words):
            return " ".join(w[4][::-1] if ARABIC.search(w[4]) else w[4] for w in sorted(words, key=lambda w: -w[0]))
        return " ".join(w[4] for w in sorted(words, key=lambda w: w[0]))

    for page in bbox_xhtml.split("<page ")[1:]:
        middle = float(re.search(r'width="([\d.]+)"', page).group(1)) / 2
        words = sorted(((float(a), float(b), float(c), float(d), html.unescape(t))
                        for a, b, c, d, t in WORD_BOX.findall(page)), key=lambda w: w[1] + w[3])
        rows: list[list] = []  # [centre of the last word, words]
        for word in words:
            centre = (word[1] + word[3]) / 2
            if rows and centre - rows[-1][0] < 3:
                rows[-1][0] = centre
                rows[-1][1].append(word)
            else:
                rows.append([centre, [word]])
        columns: tuple[list, list] = ([], [])

        def flush():
            for column in columns:
                out.extend(line(words) for words in column)
                column.clear()

        for _centre, words in rows:
            right = [w for w in words if w[0] >= middle]
            left = [w for w in words if w[2] <= middle]
            gap = min((w[0] for w in right), default=middle + gutter) - max((w[2] for w in left), default=middle - gutter)
            if len(right) + len(left) < len(words) or (right and left and gap < gutter):
                flush()  # a line across the page (title, footer…)
                out.append(line(words))
            else:
                for column, part in zip(columns, (right, left)):
                    if part:
                        column.append(part)
        flush()
    return "\n".join(out)


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u00ad]")
LAM_ALEF = set("لاأإآىٱ")  # the letters poppler may swap inside a lam-alef ligature


def flat(text: str) -> str:
    """Text as a reader sees it: one space between words, none before closing punctuation
    (pdftotext puts one after a key drawn as a box: « Maj . »), and a word cut at its own
    hyphen at the end of a line joined again (« éteignez-⏎les » → « éteignez-les »: the line
    may break after a hyphen, which pdftotext keeps at the end of the line)."""
    text = re.sub(r"(?<=\w)-[ \t]*\n\s*(?=\w)", "-", BIDI.sub("", unicodedata.normalize("NFC", text)))
    text = " ".join(text.split())
    return re.sub(r"([(«]) ", r"\1", re.sub(r" ([.,;:!?)»])", r"\1", text))


def skeleton(text: str) -> str:
    return "".join(c for c in text if "\u0621" <= c <= "\u064a" and c not in LAM_ALEF)


def shows(pdf: str, expected: str, lang: str, ratio: float = 0.9) -> bool:
    """Whether the text of a PDF shows ``expected`` (Arabic: see the module docstring; a text
    that must NOT be printed is looked for with ``ratio=0.97``, so a near miss is no alarm)."""
    if lang != "ar":
        return flat(expected) in flat(pdf)
    if not all(word in pdf for word in re.findall(r"[A-Za-z][\w@+-]*", expected)):
        return False
    wanted, text = skeleton(expected), skeleton(pdf)
    if not wanted or wanted in text:
        return True
    size, step = 2 * len(wanted), max(1, len(wanted) // 2)
    for start in range(0, max(1, len(text) - len(wanted) + step), step):
        blocks = SequenceMatcher(None, wanted, text[start:start + size], autojunk=False).get_matching_blocks()
        if sum(block.size for block in blocks) >= ratio * len(wanted):
            return True
    return False


def pdf(handouts, module: str, lang: str, variant: str) -> Path:
    found = handouts.files(module=module, lang=lang, variant=variant)
    assert found, f"fiche « {variant} » absente pour {module} en {lang} :\n{handouts.stderr}"
    return handouts.out / found[0]["path"]


# --- The export ----------------------------------------------------------------------------


def test_the_export_succeeds_on_the_current_content(handouts):
    assert handouts.returncode == 0, handouts.stderr
    assert "PDF faits" in handouts.stdout


@pytest.mark.parametrize("module, lang", CASES)
def test_every_module_language_and_variant_is_produced(handouts, module, lang):
    for variant in VARIANTS:
        path = pdf(handouts, module, lang, variant)
        assert path.read_bytes()[:5] == b"%PDF-"
        assert path.name == f"{module}-{variant}-{lang}.pdf"


@pytest.mark.parametrize("module, lang", CASES)
def test_page_counts_and_parent_budget(handouts, module, lang):
    parents = pdf(handouts, module, lang, "parents")
    assert 2 <= pdf_pages(parents) <= 6
    assert pdf_pages(pdf(handouts, module, lang, "memo")) == 1
    assert pdf_pages(pdf(handouts, module, lang, "animateur")) >= 1
    assert parents.stat().st_size <= PARENT_BUDGET, f"{parents.name} : {parents.stat().st_size} octets"


@pytest.mark.parametrize("module, lang", CASES)
def test_title_and_every_key_point_are_printed(handouts, module, lang):
    title = front_title(source(DOCS / "modules" / module / "index.md", lang))
    for variant in VARIANTS:
        assert shows(pdf_text(pdf(handouts, module, lang, variant), lang), title, lang), f"{variant} : titre « {title} »"
    for variant in ("parents", "memo"):
        text = pdf_text(pdf(handouts, module, lang, variant), lang)
        for lesson in lessons(module):
            for point in key_points(source(lesson, lang)):
                assert shows(text, point, lang), f"{variant}, {source(lesson, lang).name} : « {point} »"


@pytest.mark.parametrize("module, lang", CASES)
def test_parent_handout_has_no_trainer_note_and_no_answer(handouts, module, lang):
    text = pdf_text(pdf(handouts, module, lang, "parents"), lang)
    h = strings(lang)["handouts"]
    for label in (h["trainer_notes"], h["right_answer"], h["quiz"], strings(lang)["quiz"]["answer_order"]):
        found = skeleton(label) in skeleton(text) if lang == "ar" else flat(label) in flat(text)
        assert not found, f"« {label} » est dans la fiche pour les parents"
    for lesson in lessons(module):
        for line in trainer_lines(source(lesson, lang)):
            assert not shows(text, line, lang, ratio=0.97), f"note pour l'animateur dans la fiche parents : « {line} »"
    questions, explanations = quiz_texts(module, lang)
    pages = [source(DOCS / "modules" / module / "index.md", lang)] + [source(lesson, lang) for lesson in lessons(module)]
    parents_text = "\n".join(plain(page.read_text(encoding="utf-8")) for page in pages)
    for line in questions + explanations:
        if shows(parents_text, line, lang):
            # The parents' own pages say it: an explanation repeats a lesson (often its « À retenir »),
            # a question an objective (« فهم فائدة ÉduConnect » holds the letters of « ما فائدة
            # ÉduConnect؟ »): no answer given away
            continue
        assert not shows(text, line, lang, ratio=0.97), f"quiz dans la fiche parents : « {line} »"


@pytest.mark.parametrize("module, lang", CASES)
def test_trainer_handout_has_the_plan_the_notes_and_the_answers(handouts, module, lang):
    text = pdf_text(pdf(handouts, module, lang, "animateur"), lang)
    h = strings(lang)["handouts"]
    for label in (h["plan"], h["trainer_notes"], h["quiz"]):
        assert shows(text, label, lang), label
    for lesson in lessons(module):
        assert shows(text, front_title(source(lesson, lang)), lang)
        notes = trainer_lines(source(lesson, lang))
        assert notes and shows(text, notes[0], lang), f"{source(lesson, lang).name} : « {notes[:1]} »"
    questions, _ = quiz_texts(module, lang)
    for question in questions:
        assert shows(text, question, lang), question
    quiz = source(DOCS / "quizzes" / f"{module}.md", lang).read_text(encoding="utf-8")
    with_choices = len(re.findall(r"<!-- question (?!ordre)", quiz))
    assert flat(text).count(flat(h["right_answer"])) >= with_choices


@pytest.mark.parametrize("module, lang", CASES)
def test_qr_codes_and_short_addresses_lead_to_each_lesson(handouts, module, lang, tmp_path):
    path = pdf(handouts, module, lang, "parents")
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(path), str(tmp_path / "p")], check=True)
    decoded = set()
    for image in sorted(tmp_path.glob("p*.png")):
        result = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True)
        decoded |= set(result.stdout.split())
    assert decoded == {lesson_url(module, lesson, lang) for lesson in lessons(module)}
    text = pdf_text(path, lang)
    for lesson in lessons(module):
        address = short_address(module, lesson, lang)
        assert address.removeprefix("https://") in text, address
        redirect = handouts.out / address.removeprefix(BASE_URL) / "index.html"
        assert f"url=../../modules/{module}/{lesson.stem}.html" in redirect.read_text(encoding="utf-8")


@pytest.mark.parametrize("module, lang", CASES)
def test_every_page_has_its_number_the_course_name_and_the_date(handouts, module, lang):
    course = strings(lang)["site"]["name"]
    for variant in ("parents", "memo"):
        path = pdf(handouts, module, lang, variant)
        total = pdf_pages(path)
        for n in range(1, total + 1):
            text = pdf_text(path, lang, n)
            assert DATE_PRINTED in text and shows(text, course, lang), f"{path.name}, page {n}"
            label = strings(lang)["handouts"]["page"].format(page=n, pages=total)
            assert shows(text, label, lang) and f"{n}" in text and f"{total}" in text, f"{path.name}, page {n} : {label}"


@pytest.mark.parametrize("module, lang", CASES)
def test_pages_print_well_in_black_and_white(handouts, module, lang, tmp_path):
    """No dark background: at most 6 % of any page is darker than mid-grey, once in greyscale."""
    from PIL import Image

    for variant in ("parents", "memo"):
        path = pdf(handouts, module, lang, variant)
        subprocess.run(["pdftoppm", "-r", "30", "-gray", "-png", str(path), str(tmp_path / variant)], check=True)
        for image in sorted(tmp_path.glob(f"{variant}*.png")):
            pixels = list(Image.open(image).convert("L").getdata())
            dark = sum(1 for p in pixels if p < 110) / len(pixels)
            assert dark < 0.06, f"{path.name}, {image.name} : {dark:.1%} de la page est sombre"


def test_every_font_is_embedded_and_arabic_has_its_own(handouts):
    for item in handouts.manifest["files"]:
        if not item["path"].endswith(".pdf"):
            continue
        fonts = subprocess.run(["pdffonts", str(handouts.out / item["path"])], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]
        assert fonts, item["path"]
        assert all(line.split()[-5] == "yes" for line in fonts), f"{item['path']} :\n" + "\n".join(fonts)
        if item["lang"] == "ar":
            assert any("Arabic" in line for line in fonts), item["path"]


def test_one_booklet_per_session_whose_modules_exist(handouts):
    sessions = {n: [m for m in MODULES if n in sessions_of(m)] for n in (1, 2, 3)}
    for number, modules in sessions.items():
        for lang in LANGS:
            found = handouts.files(variant="livret", lang=lang, session=number)
            if not modules:
                assert not found
                assert f"Séance {number} : aucun module" in handouts.stdout
                continue
            assert found, f"livret de la séance {number} en {lang}"
            path = handouts.out / found[0]["path"]
            text = pdf_text(path, lang)
            for module in modules:
                assert shows(text, front_title(source(DOCS / "modules" / module / "index.md", lang)), lang)
            assert pdf_pages(path) >= 1 + 2 * len(modules)


# --- Bad input -----------------------------------------------------------------------------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 40"><title>x</title><rect width="64" height="40"/></svg>'
QUIZ = """---
title: Quiz
---

# Quiz

<!-- quiz id="{id}" -->

<!-- question unique -->
{q}

- [x] Oui.
- [ ] Non.

<!-- /quiz -->
"""


def lesson_md(title: str, image: str = "images/un.svg", retenir: bool = True, points: list[str] | None = None) -> str:
    points = points or ["Premier point.", "Deuxième point.", "Troisième point."]
    keep = "## À retenir { #a-retenir }\n\n" + "".join(f"- {p}\n" for p in points) + "\n" if retenir else ""
    return (f"---\ntitle: {title}\nduree: 10\n---\n\n# {title}\n\n## Vous allez apprendre {{ #objectifs }}\n\n- Un.\n\n"
            f"## Étape par étape {{ #etapes }}\n\n1. Cliquez ici.\n\n![Une image.]({image})\n\n"
            f"## À vous {{ #a-vous }}\n\nEssayez.\n\n{keep}"
            '??? formateur "Pour l\'animateur"\n\n    Une note.\n')


def test_bad_input_names_the_file_and_the_other_handouts_are_still_made(tmp_path):
    docs = tmp_path / "docs"
    good, bad = docs / "modules" / "01-bon", docs / "modules" / "02-casse"
    for folder in (good, bad):
        (folder / "images").mkdir(parents=True)
        (folder / "images" / "un.svg").write_text(SVG, encoding="utf-8")
        for suffix in ("", ".ar"):
            (folder / f"index{suffix}.md").write_text(
                f"---\ntitle: Module {folder.name}\nduree: 20\n---\n\n# Module\n\n## Objectifs {{ #objectifs }}\n\n- Un.\n",
                encoding="utf-8")
            (docs / "quizzes").mkdir(exist_ok=True)
            (docs / "quizzes" / f"{folder.name}{suffix}.md").write_text(QUIZ.format(id=folder.name, q="Oui ?"),
                                                                      encoding="utf-8")
    for suffix in ("", ".ar"):
        (good / f"01-lecon{suffix}.md").write_text(lesson_md("Leçon bonne"), encoding="utf-8")
    (bad / "01-image.md").write_text(lesson_md("Image absente", image="images/absente.svg"), encoding="utf-8")
    (bad / "01-image.ar.md").write_text(lesson_md("Image"), encoding="utf-8")
    (bad / "02-sans-retenir.md").write_text(lesson_md("Sans retenir", retenir=False), encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, str(SCRIPT), "--docs", str(docs), "--out", str(out), "--lang", "fr,ar",
                             "--date", "2026-11-29"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    errors = result.stderr
    assert re.search(r"02-casse/01-image\.md, ligne \d+ : l'illustration « images/absente\.svg » n'existe pas", errors)
    assert "02-casse/02-sans-retenir.md : la leçon n'a pas de section « À retenir »" in errors
    assert "02-casse/02-sans-retenir.ar.md : la traduction « ar » de cette leçon manque" in errors
    made = {p.relative_to(out).as_posix() for p in out.rglob("*.pdf")}
    assert made == {
        "modules/01-bon/fiches/01-bon-parents-fr.pdf", "modules/01-bon/fiches/01-bon-memo-fr.pdf",
        "modules/01-bon/fiches/01-bon-animateur-fr.pdf", "ar/modules/01-bon/fiches/01-bon-parents-ar.pdf",
        "ar/modules/01-bon/fiches/01-bon-memo-ar.pdf", "ar/modules/01-bon/fiches/01-bon-animateur-ar.pdf",
        # The broken module's trainer handout does not need the missing picture nor « À retenir »
        "modules/02-casse/fiches/02-casse-animateur-fr.pdf",
    }
    # A short module still gets two pages: its notes area has a page of its own
    assert pdf_pages(out / "modules/01-bon/fiches/01-bon-parents-fr.pdf") == 2


def test_a_memo_too_long_for_one_page_even_in_small_type_is_reported(tmp_path):
    """9–10 lessons of 3–5 short points fit (module 03, in 10.5–11 pt); 14 lessons of 5 long points do not."""
    docs = tmp_path / "docs"
    folder = docs / "modules" / "01-long"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "un.svg").write_text(SVG, encoding="utf-8")
    (folder / "index.md").write_text("---\ntitle: Module long\n---\n\n# Module long\n\n## Objectifs { #objectifs }\n\n- Un.\n",
                                     encoding="utf-8")
    point = "Un point bien trop long pour un mémo, qui prend trois lignes dans une colonne de la page, même en petit."
    for n in range(1, 15):
        (folder / f"{n:02d}-lecon.md").write_text(lesson_md(f"Leçon {n}", points=[point] * 5), encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, str(SCRIPT), "--docs", str(docs), "--out", str(out), "--lang", "fr",
                             "--date", "2026-11-29"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "01-long : le mémo en « fr » ne tient pas sur une page (2 pages, même en 9 pt)" in result.stderr
    assert "partagez le module en deux" in result.stderr


def test_help_and_unknown_names_are_explained_in_french():
    help_text = subprocess.run([sys.executable, str(SCRIPT), "--help"], capture_output=True, text=True, check=True).stdout
    for option in ("--lang", "--module", "--out", "--base-url"):
        assert option in help_text
    assert "fiche pour les parents" in help_text.lower() or "fiches à imprimer" in help_text
    wrong = subprocess.run([sys.executable, str(SCRIPT), "--module", "99-rien"], capture_output=True, text=True)
    assert wrong.returncode == 2 and "Module inconnu : 99-rien" in wrong.stderr


# --- In the site ---------------------------------------------------------------------------


@pytest.mark.parametrize("module, lang", CASES)
def test_module_page_links_to_its_handouts_in_the_readers_language(handouts, handouts_site, module, lang):
    from bs4 import BeautifulSoup

    prefix = "" if lang == "fr" else f"{lang}/"
    page = handouts_site / f"{prefix}modules/{module}/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    heading = soup.find("h2", id="fiches")
    assert heading and heading.get_text(strip=True) == strings(lang)["handouts"]["section_title"]
    links = heading.find_next("ul").find_all("a")
    targets = [(page.parent / a["href"]).resolve() for a in links]
    assert all(t.is_file() and t.read_bytes()[:5] == b"%PDF-" for t in targets)
    names = [t.name for t in targets]
    assert names[:3] == [f"{module}-{variant}-{lang}.pdf" for variant in VARIANTS]
    assert all(name.endswith(f"-{lang}.pdf") for name in names)
    assert [n for n in names if n.startswith("livret")] == [f"livret-seance-{n}-{lang}.pdf" for n in sorted(sessions_of(module))]
    assert soup.select_one('a[href="#fiches"]'), "la section est dans la table des matières"
    for lesson in lessons(module):
        assert (handouts_site / short_address(module, lesson, lang).removeprefix(BASE_URL) / "index.html").is_file()


def test_site_built_without_handouts_has_no_handout_section(site_dir):
    for module in MODULES:
        assert 'id="fiches"' not in (site_dir / "modules" / module / "index.html").read_text(encoding="utf-8")
    assert not [p for p in site_dir.rglob("*.pdf") if p.parent.name == "fiches"]


def test_export_tools_are_installed():
    for tool in ("pdftotext", "pdftoppm", "pdfinfo", "pdffonts", "zbarimg"):
        assert shutil.which(tool), f"{tool} manque : bash scripts/install_system_deps.sh"

"""What every module must have (CONTENT-GUIDE.md): three languages, shape, quiz, images, sources."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import budgets
import pytest

import check_content
from conftest import LANGS, ROOT

DOCS = ROOT / "docs"
MODULES = sorted(p for p in (DOCS / "modules").glob("[0-9][0-9]-*") if p.is_dir())
SVG_BUDGET = budgets.SVG
QUESTION_RE = re.compile(r"^<!-- question ([\w-]+) -->", re.M)


def translated(path: Path, lang: str) -> Path:
    return path if lang == "fr" else path.with_name(f"{path.stem}.{lang}.md")


def french_pages(module: Path) -> list[Path]:
    return sorted(p for p in module.glob("*.md") if check_content.language_of(p) == "fr")


def test_there_is_at_least_one_module():
    assert MODULES


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_every_page_exists_in_every_language(module):
    for page in french_pages(module):
        for lang in LANGS[1:]:
            assert translated(page, lang).exists(), f"{translated(page, lang).relative_to(ROOT)} manque"


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_lessons_have_trainer_notes_and_the_module_names_its_sources(module):
    lessons = [p for p in french_pages(module) if p.name != "index.md"]
    assert lessons, f"{module.name} n'a pas de leçon"
    for lesson in lessons:
        for lang in LANGS:
            text = translated(lesson, lang).read_text(encoding="utf-8")
            assert re.search(r'^\?\?\? formateur "[^"]+"', text, re.M), f"{translated(lesson, lang).name} : notes pour l'animateur"
            assert "{ #a-retenir }" in text
            # « À retenir » keeps 3 to 5 points
            block = text.split("{ #a-retenir }", 1)[1].split("\n#", 1)[0].split("???", 1)[0]
            points = re.findall(r"^- ", block, re.M)
            assert 3 <= len(points) <= 5, f"{translated(lesson, lang).name} : {len(points)} points à retenir"
    overview = (module / "index.md").read_text(encoding="utf-8")
    sources = overview.split("{ #sources }", 1)[1]
    assert len(re.findall(r"\]\(https://", sources)) >= 3, "la page du module cite ses sources officielles"


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_module_quiz_in_three_languages_with_enough_questions(module):
    quiz = DOCS / "quizzes" / f"{module.name}.md"
    assert quiz.exists(), f"docs/quizzes/{module.name}.md manque"
    types = QUESTION_RE.findall(quiz.read_text(encoding="utf-8"))
    assert len(types) >= 8, f"{len(types)} questions (au moins 8)"
    assert len(set(types)) >= 3, f"types utilisés : {set(types)} (au moins 3)"
    for lang in LANGS[1:]:
        assert QUESTION_RE.findall(translated(quiz, lang).read_text(encoding="utf-8")) == types


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_images_are_translated_in_alt_text(module):
    for page in french_pages(module):
        french = [alt for alt, _ in check_content.IMAGE_RE.findall(page.read_text(encoding="utf-8"))]
        for lang in LANGS[1:]:
            other = [alt for alt, _ in check_content.IMAGE_RE.findall(translated(page, lang).read_text(encoding="utf-8"))]
            assert len(other) == len(french), f"{translated(page, lang).name} : {len(other)} images, {len(french)} en français"
            for fr_alt, alt in zip(french, other):
                assert alt.strip() and alt != fr_alt, f"{translated(page, lang).name} : texte alternatif non traduit « {alt} »"


SVGS = sorted(DOCS.glob("modules/**/*.svg")) + sorted(DOCS.glob("quizzes/**/*.svg"))


@pytest.mark.parametrize("svg", SVGS, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_illustrations_follow_the_house_style(svg):
    assert svg.stat().st_size <= SVG_BUDGET, f"{svg.name} : {svg.stat().st_size} octets (> 30 Ko)"
    root = ET.parse(svg).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("viewBox"), "viewBox manquant"
    assert root.find(f"{ns}title") is not None and root.find(f"{ns}title").text.strip(), "<title> manquant"
    assert not list(root.iter(f"{ns}image")), "image bitmap intégrée"

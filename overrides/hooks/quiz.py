"""Quizzes written in Markdown, rendered at build time into real HTML forms.

Authors write a quiz between ``<!-- quiz id="…" -->`` and ``<!-- /quiz -->`` (see
docs/quizzes/exemple.md for the syntax). This file turns it into a ``<form>`` that
works without JavaScript (``<details>`` reveal the answers); docs/assets/javascripts/quiz.js
then adds checking, feedback, score and local progress.

MkDocs events used:
- ``on_pre_build``: once per language build (static-i18n runs one build per language);
  forgets the quiz ids and pages seen by the previous build.
- ``on_page_markdown``: finds the quiz blocks (outside fenced code), checks them, checks
  that a translation (``page.ar.md``) has the same answer key as its French page, renders
  each quiz to HTML and leaves a placeholder comment in the Markdown. Any problem stops
  the build with the file, the line and the fix, in French (``common.content_error``).
- ``on_page_content``: swaps each placeholder for its rendered form, so Markdown never
  re-parses our HTML.
- ``on_post_page``: adds quiz.css and quiz.js to the ``<head>`` of pages with a quiz only.

The parser (``parse_quizzes``) and renderer (``render_quiz``) are plain functions, tested
without MkDocs in tests/test_quiz.py.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import posixpath
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

sys.path.insert(0, os.path.dirname(__file__))
import common  # noqa: E402

TYPES = ("unique", "multiple", "vrai-faux", "ordre", "image")
SINGLE_ANSWER = ("unique", "vrai-faux", "image")
CSS = "assets/stylesheets/quiz.css"
JS = "assets/javascripts/quiz.js"
PLACEHOLDER = "<!-- pc-quiz {n} -->"
# Strings the JavaScript needs (the others are rendered into the HTML here)
JS_STRINGS = (
    "check", "right", "wrong", "choose_first", "order_incomplete", "score", "perfect",
    "good", "keep_going", "best", "restart", "clear", "cleared", "restored", "saved_note",
)


# --- Model -------------------------------------------------------------------

@dataclass
class Choice:
    """An option (``- [x] …``) or, for « ordre », a step (``1. …``)."""

    text: str
    line: int
    correct: bool = False
    feedback: str = ""
    numbered: bool = False


@dataclass
class Question:
    kind: str
    line: int
    paragraphs: list[str] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    explanation: str = ""

    @property
    def title(self) -> str:
        """Start of the question, as the contributor wrote it (for error messages)."""
        text = " ".join(" ".join(self.paragraphs).split())
        if len(text) <= 40:
            return text
        return text[:40].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"

    @property
    def correct(self) -> tuple[int, ...]:
        """1-based numbers of the correct options (« ordre »: none, the written order is the key)."""
        if self.kind == "ordre":
            return ()
        return tuple(i for i, c in enumerate(self.choices, 1) if c.correct)


@dataclass
class Quiz:
    id: str
    path: str
    line: int  # line of <!-- quiz -->, in the file
    start: int  # index of that line in the parsed text
    end: int  # index of the <!-- /quiz --> line
    indent: str = ""
    questions: list[Question] = field(default_factory=list)

    def key(self) -> list[tuple]:
        """The answer key: what every translation must share with the French page."""
        return [(q.kind, len(q.choices), q.correct) for q in self.questions]


# --- Parser ------------------------------------------------------------------

OPEN_RE = re.compile(r"^<!--\s*quiz\b(?P<attrs>.*?)-->$")
CLOSE_RE = re.compile(r"^<!--\s*/\s*quiz\s*-->$")
QUESTION_RE = re.compile(r"^<!--\s*question\b(?P<kind>.*?)-->$")
ID_RE = re.compile(r"""\bid\s*=\s*["']([^"']*)["']""")
VALID_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FENCE_RE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
OPTION_RE = re.compile(r"^[-*+]\s+\[(?P<mark>[ xX])\](?:\s+(?P<text>.*))?$")
STEP_RE = re.compile(r"^\d{1,3}[.)](?:\s+(?P<text>.*))?$")
BULLET_RE = re.compile(r"^[-*+](?:\s|$)")
IMAGE_RE = re.compile(r"""^!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]*)>?(?:\s+["'][^"']*["'])?\s*\)$""")
TRANSLATION_RE = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?)\.md$")

SYNTAX_FIX = "Modèle à suivre : docs/quizzes/exemple.md (chaque type de question y est montré)."


def parse_quizzes(text: str, path: str | Path, first_line: int = 1) -> list[Quiz]:
    """Find and check every quiz block in ``text`` (Markdown, fenced code ignored).

    ``first_line`` is the file line of ``text``'s first line (MkDocs strips the front
    matter). Raises ``common.content_error`` (a PluginError) on the first problem.
    """
    lines = text.expandtabs(4).splitlines()
    quizzes: list[Quiz] = []
    current: Quiz | None = None
    body: list[tuple[int, str]] = []
    fence = ""
    for index, raw in enumerate(lines):
        number = first_line + index
        stripped = raw.strip()
        # Fenced code: markers there are examples, not quizzes
        if fence:
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
            if current:
                body.append((number, raw))
            continue
        match = FENCE_RE.match(raw)
        if match:
            fence = match.group("fence")
            if current:
                body.append((number, raw))
            continue
        if OPEN_RE.match(stripped):
            if current:
                raise _not_closed(current)
            found = ID_RE.search(OPEN_RE.match(stripped).group("attrs"))
            if not found or not found.group(1).strip():
                raise _error(
                    path, number, "ce quiz n'a pas d'identifiant",
                    "Donnez-lui un identifiant, le même dans chaque langue : "
                    "« <!-- quiz id=\"01-bien-demarrer\" --> ».")
            quiz_id = found.group(1).strip()
            if not VALID_ID_RE.match(quiz_id):
                raise _error(
                    path, number, f"l'identifiant de quiz « {quiz_id} » contient des caractères non permis",
                    "Utilisez seulement des lettres minuscules sans accent, des chiffres et des tirets, "
                    "par exemple « 01-bien-demarrer ».")
            indent = raw[: len(raw) - len(raw.lstrip())]
            current = Quiz(quiz_id, str(path), number, index, index, indent)
            body = []
        elif CLOSE_RE.match(stripped):
            if not current:
                raise _error(
                    path, number, "cette ligne « <!-- /quiz --> » ferme un quiz qui n'a pas été ouvert",
                    "Ajoutez « <!-- quiz id=\"…\" --> » avant la première question, ou supprimez cette ligne.")
            current.end = index
            current.questions = _parse_questions(current, body)
            quizzes.append(current)
            current = None
        elif current:
            body.append((number, raw))
        elif QUESTION_RE.match(stripped):
            raise _error(
                path, number, "cette question est en dehors d'un quiz",
                "Mettez les questions entre « <!-- quiz id=\"…\" --> » et « <!-- /quiz --> ».")
    if current:
        raise _not_closed(current)
    return quizzes


def _error(path, line, problem: str, fix: str):
    """The contributor's message (file, line, problem, fix), as every check of the site writes it."""
    return common.content_error(path, line, problem.rstrip(".") + ".", fix)


def _not_closed(quiz: Quiz):
    return _error(
        quiz.path, quiz.line, f"le quiz « {quiz.id} » n'est pas fermé",
        "Ajoutez la ligne « <!-- /quiz --> » après la dernière question du quiz.")


def _parse_questions(quiz: Quiz, body: list[tuple[int, str]]) -> list[Question]:
    path, indent = quiz.path, len(quiz.indent)
    questions: list[Question] = []
    question: Question | None = None
    state = "text"  # then "choices", then "explanation"
    paragraph: list[str] = []
    explanation: list[str] = []

    def end_paragraph():
        if paragraph:
            question.paragraphs.append("\n".join(paragraph))
            paragraph.clear()

    def end_question():
        if question:
            end_paragraph()
            question.explanation = "\n".join(explanation).strip()
            explanation.clear()
            _check_question(path, question)

    for number, raw in body:
        line = raw[indent:] if raw[:indent].strip() == "" else raw.lstrip()
        stripped = line.strip()
        marker = QUESTION_RE.match(stripped)
        if marker:
            end_question()
            kind = marker.group("kind").strip()
            if kind not in TYPES:
                shown = f"le type de question « {kind} » n'existe pas" if kind else "cette question n'a pas de type"
                raise _error(
                    path, number, shown,
                    "Utilisez un de ces types : " + ", ".join(TYPES) + ". Exemple : « <!-- question unique --> ».")
            question = Question(kind, number)
            questions.append(question)
            state = "text"
            continue
        if not stripped:
            if question and state == "text":
                end_paragraph()
            elif question and state == "explanation" and explanation:
                explanation.append("")
            continue
        if not question:
            raise _error(
                path, number, "ce texte est dans le quiz mais avant la première question",
                "Commencez chaque question par une ligne « <!-- question unique --> » (ou multiple, vrai-faux, "
                "ordre, image), ou placez ce texte avant « <!-- quiz … --> ».")
        at_margin = not line[:1].isspace()
        option, step = OPTION_RE.match(line), STEP_RE.match(line)
        if at_margin and state in ("text", "choices") and (option or step):
            if state == "text":
                end_paragraph()
            state = "choices"
            text = ((option or step).group("text") or "").strip()
            question.choices.append(Choice(text, number, bool(option and option.group("mark") in "xX"),
                                           numbered=bool(step)))
        elif at_margin and state in ("text", "choices") and BULLET_RE.match(line):
            raise _error(
                path, number, "cette réponse n'a pas de case à cocher",
                "Écrivez « - [ ] » devant une mauvaise réponse et « - [x] » devant une bonne réponse."
                if question.kind != "ordre" else
                "Pour une question « ordre », numérotez les étapes dans le bon ordre : « 1. », « 2. », « 3. ».")
        elif state == "choices" and not at_margin:
            choice = question.choices[-1]
            if stripped.startswith(">"):
                note = stripped[1:].strip()
                choice.feedback = f"{choice.feedback}\n{note}".strip()
            else:
                choice.text = f"{choice.text}\n{stripped}".strip()
        elif state in ("choices", "explanation") and stripped.startswith(">"):
            state = "explanation"
            explanation.append(re.sub(r"^> ?", "", line.lstrip()))
        elif state == "text":
            paragraph.append(stripped)
        else:
            raise _error(
                path, number, "ce texte suit les réponses, mais n'est ni une réponse ni l'explication",
                "Commencez l'explication par « > », ou commencez une nouvelle question par "
                "« <!-- question unique --> ».")
    end_question()
    if not questions:
        raise _error(
            path, quiz.line, f"le quiz « {quiz.id} » n'a aucune question",
            "Ajoutez une question après « <!-- quiz … --> », par exemple « <!-- question unique --> ». " + SYNTAX_FIX)
    return questions


def _check_question(path: str, q: Question) -> None:
    """Raise the contributor's message for the first problem in question ``q``."""
    marker = f"<!-- question {q.kind} -->"
    if not q.paragraphs:
        raise _error(
            path, q.line, "la question n'a pas de texte",
            f"Écrivez la question sur la ligne qui suit « {marker} », avant les réponses.")
    name = f"la question « {q.title} »"
    if not q.choices:
        raise _error(
            path, q.line, f"{name} n'a pas de réponses",
            "Écrivez les étapes dans le bon ordre : « 1. », « 2. », « 3. »." if q.kind == "ordre" else
            "Écrivez les réponses en liste : « - [x] » pour une bonne réponse, « - [ ] » pour une mauvaise.")
    for choice in q.choices:
        if q.kind == "ordre" and not choice.numbered:
            raise _error(
                path, choice.line, f"{name} est de type « ordre » : ses étapes se numérotent",
                "Écrivez les étapes dans le bon ordre, numérotées « 1. », « 2. », « 3. » (sans case [ ]).")
        if q.kind != "ordre" and choice.numbered:
            raise _error(
                path, choice.line, f"{name} est de type « {q.kind} » : ses réponses ont une case à cocher",
                "Écrivez « - [ ] » devant une mauvaise réponse et « - [x] » devant une bonne réponse "
                "(les listes numérotées sont pour le type « ordre »).")
        if not choice.text:
            raise _error(
                path, choice.line, f"{name} a une réponse vide" if q.kind != "ordre" else f"{name} a une étape vide",
                "Écrivez le texte après « - [ ] », ou supprimez la ligne." if q.kind != "ordre" else
                "Écrivez le texte de l'étape après son numéro, ou supprimez la ligne.")
        if q.kind == "ordre" and choice.feedback:
            raise _error(
                path, choice.line, f"{name} : une étape ne peut pas avoir de remarque « > »",
                "Mettez l'explication après la liste, sur une ligne qui commence par « > ».")
    if q.kind == "ordre":
        if len(q.choices) < 3:
            raise _error(
                path, q.line, f"{name} (type « ordre ») n'a que {len(q.choices)} étape(s)",
                "Écrivez au moins 3 étapes, numérotées « 1. », « 2. », « 3. », dans le bon ordre.")
        return
    if len(q.choices) < 2:
        raise _error(
            path, q.line, f"{name} n'a qu'une seule réponse possible",
            "Proposez au moins deux réponses : « - [x] » pour la bonne, « - [ ] » pour une mauvaise.")
    if q.kind == "vrai-faux" and len(q.choices) != 2:
        raise _error(
            path, q.line, f"{name} est de type « vrai-faux » mais a {len(q.choices)} réponses",
            "Gardez exactement deux réponses : « - [ ] Vrai » et « - [ ] Faux », et cochez la bonne avec [x].")
    if not q.correct:
        raise _error(
            path, q.line, f"{name} n'a aucune bonne réponse",
            "Cochez la bonne réponse en écrivant « - [x] » au début de la ligne.")
    if q.kind in SINGLE_ANSWER and len(q.correct) > 1:
        lines = " et ".join(str(q.choices[i - 1].line) for i in q.correct)
        raise _error(
            path, q.line, f"{name} est de type « {q.kind} » mais a {len(q.correct)} bonnes réponses (lignes {lines})",
            "Gardez une seule case « - [x] »" + (
                ", ou changez le type en « <!-- question multiple --> »." if q.kind == "unique" else "."))
    if q.kind == "image":
        for choice in q.choices:
            _check_image(path, q, choice)


def _check_image(path: str, q: Question, choice: Choice) -> None:
    image = IMAGE_RE.match(choice.text)
    example = "« - [ ] ![Ce que montre l'image.](images/fichier.svg) »"
    if not image:
        raise _error(
            path, choice.line, f"la question « {q.title} » est de type « image », mais cette réponse n'est pas une image",
            f"Chaque réponse est une image avec sa description : {example}.")
    if not image.group("alt").strip():
        raise _error(
            path, choice.line, "l'image de cette réponse n'a pas de texte alternatif",
            f"Décrivez l'image entre les crochets, dans la langue de la page : {example}.")
    src = image.group("src")
    if not src or re.match(r"^([a-z][a-z0-9+.-]*:|//|/)", src, re.I) or not _image_exists(Path(path), src):
        raise _error(
            path, choice.line, f"l'image « {src} » est introuvable",
            f"Vérifiez le nom du fichier et son dossier : le chemin part du dossier de cette page "
            f"({common.relative(Path(path).parent)}/). L'image doit être dans le dépôt (le cours marche sans Internet).")


def _image_exists(page: Path, src: str) -> bool:
    """True if ``src`` exists beside ``page``, or only as a localized copy (``x.ar.svg``)."""
    target = page.parent / src.split("#")[0].split("?")[0]
    if target.is_file():
        return True
    match = TRANSLATION_RE.match(page.name)
    return bool(match) and target.with_name(f"{target.stem}.{match.group('lang')}{target.suffix}").is_file()


# --- Translations ------------------------------------------------------------

def french_source(path: str | Path, languages=None) -> Path | None:
    """The French page a translation (``page.ar.md``) translates, or None for a French page.

    ``languages``: the site's language codes, when known (static-i18n's list)."""
    path = Path(path)
    match = TRANSLATION_RE.match(path.name)
    if match and (languages is None or match.group("lang") in languages):
        twin = path.with_name(match.group("stem") + ".md")
        if twin.is_file():
            return twin
    return None


def check_parity(translation: list[Quiz], french: list[Quiz], path: str | Path, french_path: str | Path) -> None:
    """Fail unless every translated quiz has the French answer key (one source of truth)."""
    source = common.relative(french_path)
    by_id = {quiz.id: quiz for quiz in french}
    for quiz in translation:
        if quiz.id not in by_id:
            raise _error(
                quiz.path, quiz.line, f"le quiz « {quiz.id} » n'existe pas dans la page française {source}",
                "Gardez l'identifiant de la page française : « <!-- quiz id=\"" +
                (french[0].id if french else "…") + "\" --> ».")
        fr = by_id[quiz.id]
        if len(quiz.questions) != len(fr.questions):
            raise _error(
                quiz.path, quiz.line,
                f"le quiz « {quiz.id} » a {len(quiz.questions)} question(s), mais {len(fr.questions)} "
                f"dans la page française {source}",
                "Traduisez chaque question de la page française, dans le même ordre, sans en ajouter ni en retirer.")
        for n, (q, q_fr) in enumerate(zip(quiz.questions, fr.questions), 1):
            where = f"la question {n} du quiz « {quiz.id} »"
            french_at = f"dans la page française ({source}, ligne {q_fr.line})"
            if q.kind != q_fr.kind:
                raise _error(
                    quiz.path, q.line, f"{where} est de type « {q.kind} », mais « {q_fr.kind} » {french_at}",
                    f"Écrivez « <!-- question {q_fr.kind} --> », comme dans la page française.")
            if len(q.choices) != len(q_fr.choices):
                noun = "étape" if q.kind == "ordre" else "réponse"
                raise _error(
                    quiz.path, q.line,
                    f"{where} a {len(q.choices)} {noun}(s), mais {len(q_fr.choices)} {french_at}",
                    f"Traduisez chaque {noun} de la page française, dans le même ordre.")
            if q.correct != q_fr.correct:
                raise _error(
                    quiz.path, q.line,
                    f"les bonnes réponses de {where} ne sont pas celles de la page française "
                    f"(ici : {_numbers(q.correct)} ; en français : {_numbers(q_fr.correct)}, {source}, ligne {q_fr.line})",
                    "Cochez « - [x] » les mêmes réponses que dans la page française, dans le même ordre : "
                    f"{_numbers(q_fr.correct)}.")
    missing = [quiz for quiz in french if quiz.id not in {q.id for q in translation}]
    if missing:
        raise _error(
            path, None,
            f"il manque le quiz « {missing[0].id} » de la page française ({source}, ligne {missing[0].line})",
            "Traduisez ce quiz dans cette page, avec le même identifiant et les mêmes bonnes réponses.")


def _numbers(correct: tuple[int, ...]) -> str:
    if not correct:
        return "aucune"
    return ("réponse " if len(correct) == 1 else "réponses ") + ", ".join(map(str, correct))


def check_unique_ids(quizzes: list[Quiz], owner: str, seen: dict[str, tuple[str, Quiz]]) -> None:
    """Fail if a quiz id is used twice: on this page, or by another page than ``owner``
    (the French page, which its translations share). ``seen`` gathers ids over a build."""
    on_this_page: dict[str, Quiz] = {}
    for quiz in quizzes:
        previous = seen.get(quiz.id)
        other = on_this_page.get(quiz.id) or (previous[1] if previous and previous[0] != owner else None)
        if other:
            raise _error(
                quiz.path, quiz.line,
                f"l'identifiant de quiz « {quiz.id} » est déjà utilisé ({common.relative(other.path)}, ligne {other.line})",
                "Choisissez un autre identifiant, par exemple le nom de la page : "
                f"« <!-- quiz id=\"{Path(quiz.path).name.split('.')[0]}\" --> ».")
        on_this_page[quiz.id] = quiz
        seen.setdefault(quiz.id, (owner, quiz))


# --- Renderer ----------------------------------------------------------------

def order_for(quiz_id: str, index: int, count: int) -> list[int]:
    """Display order of an « ordre » question's steps: shuffled, the same in every
    language and every build (seeded by quiz id and question index), never the right order."""
    order = list(range(count))
    seed = int(hashlib.sha256(f"{quiz_id}:{index}".encode()).hexdigest()[:16], 16)
    random.Random(seed).shuffle(order)
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def render_quiz(quiz: Quiz, strings: dict, markdown: Callable[[str], str]) -> str:
    """HTML form for ``quiz``; ``strings`` is the ``quiz:`` section of i18n/<lang>.yml and
    ``markdown`` renders Markdown to HTML (with the page's links and images resolved)."""
    inline = lambda text: _inline(markdown(text))  # noqa: E731
    total = len(quiz.questions)
    js_strings = {key: strings[key] for key in JS_STRINGS if key in strings}
    out = [
        f'<form class="pc-quiz" id="quiz-{quiz.id}" data-quiz-id="{quiz.id}" '
        f'data-pc-strings="{_attr(json.dumps(js_strings, ensure_ascii=False, separators=(",", ":")))}">'
    ]
    for n, q in enumerate(quiz.questions, 1):
        base = f"quiz-{quiz.id}-{n}"
        number = strings["question_number"].format(n=n, total=total)
        out.append(
            f'<fieldset class="pc-quiz__question" id="{base}" data-type="{q.kind}" aria-describedby="{base}-hint">'
            f'<legend class="pc-quiz__legend"><span class="pc-quiz__number">{_esc(number)}</span>'
            + "".join(f'<span class="pc-quiz__text">{inline(p)}</span>' for p in q.paragraphs)
            + "</legend>"
            f'<p class="pc-quiz__hint" id="{base}-hint">{_esc(strings["hint_" + q.kind.replace("-", "_")])}</p>'
        )
        labels = [inline(c.text) for c in q.choices]
        if q.kind == "ordre":
            out.append('<ul class="pc-quiz__steps">')
            options = f'<option value="">{_esc(strings["order_placeholder"])}</option>' + "".join(
                f'<option value="{i}">{i}</option>' for i in range(1, len(q.choices) + 1))
            for i in order_for(quiz.id, n - 1, len(q.choices)):
                out.append(
                    f'<li class="pc-quiz__step"><label for="{base}-{i + 1}">{labels[i]}</label>'
                    f'<select id="{base}-{i + 1}" name="{base}-{i + 1}" data-answer="{i + 1}">{options}</select></li>')
            out.append("</ul>")
            solution = f'<p><strong>{_esc(strings["answer_order"])}</strong></p><ol>' + "".join(
                f"<li>{label}</li>" for label in labels) + "</ol>"
        else:
            kind = "checkbox" if q.kind == "multiple" else "radio"
            out.append(f'<ul class="pc-quiz__choices pc-quiz__choices--{q.kind}">')
            for i, (choice, label) in enumerate(zip(q.choices, labels), 1):
                out.append(
                    f'<li class="pc-quiz__choice"><input type="{kind}" id="{base}-{i}" name="{base}" value="{i}"'
                    + (" data-correct" if choice.correct else "")
                    + f'><label for="{base}-{i}">{label}</label></li>')
            out.append("</ul>")
            right = [labels[i - 1] for i in q.correct]
            if len(right) == 1:
                solution = f'<p><strong>{_esc(strings["answer_one"])}</strong> {right[0]}</p>'
            else:
                solution = f'<p><strong>{_esc(strings["answer_many"])}</strong></p><ul>' + "".join(
                    f"<li>{label}</li>" for label in right) + "</ul>"
        out.append(
            f'<details class="pc-quiz__answer" data-search-exclude><summary>{_esc(strings["show_answer"])}</summary>'
            f'<div class="pc-quiz__solution">{solution}</div>')
        notes = [(i, c, labels[i - 1]) for i, c in enumerate(q.choices, 1) if c.feedback]
        if notes:
            out.append('<ul class="pc-quiz__notes">' + "".join(
                f'<li data-choice="{i}"><span class="pc-quiz__option">{label}</span> {inline(c.feedback)}</li>'
                for i, c, label in notes) + "</ul>")
        if q.explanation:
            out.append(f'<div class="pc-quiz__explanation">{markdown(q.explanation)}</div>')
        out.append("</details></fieldset>")
    out.append("</form>")
    return "\n".join(out)


def _inline(rendered: str) -> str:
    """Strip the single ``<p>`` Markdown wraps around a one-paragraph fragment."""
    rendered = rendered.strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        return rendered[3:-4]
    return rendered


def _esc(text: str) -> str:
    return html.escape(str(text), quote=False)


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def markdown_renderer(extensions=None, configs=None, rewrite_url: Callable[[str], str] | None = None):
    """A function rendering Markdown with the site's extensions; ``rewrite_url`` maps each
    relative ``src``/``href`` to its URL from the built page."""
    import markdown as md_lib
    from markdown.treeprocessors import Treeprocessor

    class _Urls(Treeprocessor):
        def run(self, root):
            for el in root.iter():
                for attr in ("src", "href"):
                    value = el.get(attr)
                    if value and rewrite_url:
                        el.set(attr, rewrite_url(value))

    class _UrlsExtension(md_lib.Extension):
        def extendMarkdown(self, md):  # noqa: N802 (Markdown's API)
            md.treeprocessors.register(_Urls(md), "pc_quiz_urls", 1)

    md = md_lib.Markdown(extensions=[*(extensions or ["attr_list", "md_in_html"]), _UrlsExtension()],
                         extension_configs=configs or {})

    def render(text: str) -> str:
        md.reset()
        return md.convert(text)

    return render


def page_url_rewriter(page, files) -> Callable[[str], str]:
    """Resolve a relative link as MkDocs does, through static-i18n's Files (which
    also finds a localized ``image.ar.svg``): French images of an Arabic page live
    at the site root, not under ar/."""
    src_dir = posixpath.dirname(page.file.src_uri)

    def rewrite(url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path or url.startswith(("/", "#")):
            return url
        target = files.get_file_from_path(posixpath.normpath(posixpath.join(src_dir, parts.path)))
        if target is None:
            return url
        rewritten = target.url_relative_to(page.file)
        return rewritten + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")

    return rewrite


# --- Hooks -------------------------------------------------------------------

_seen_ids: dict[str, tuple[str, Quiz]] = {}  # quiz id → (French page, quiz), per build
_rendered: dict[str, list[str]] = {}  # page src_uri → rendered forms
_assets: dict[str, tuple[str, str]] = {}  # page src_uri → (css url, js url)
_french_cache: dict[str, tuple[float, list[Quiz]]] = {}


def on_pre_build(config):
    _seen_ids.clear()
    _rendered.clear()
    _assets.clear()


def on_page_markdown(markdown, page, config, files):
    path = Path(page.file.abs_src_path)
    quizzes = parse_quizzes(markdown, path, _first_line(page, markdown)) if "<!--" in markdown else []
    # One source of truth for the answers: the French page
    i18n = config.plugins.get("i18n")
    french = french_source(path, getattr(i18n, "all_languages", None))
    if french is not None:
        check_parity(quizzes, _french_quizzes(french), path, french)
    if not quizzes:
        return markdown
    # A quiz id is its storage key: one page per id (translations share their page's)
    check_unique_ids(quizzes, str(french or path), _seen_ids)

    strings = common.ui_strings(common.page_language(config))["quiz"]
    render = markdown_renderer(config.markdown_extensions, config.mdx_configs, page_url_rewriter(page, files))
    lines = markdown.splitlines()
    forms = []
    for n, quiz in reversed(list(enumerate(quizzes))):
        forms.insert(0, render_quiz(quiz, strings, render))
        lines[quiz.start: quiz.end + 1] = ["", quiz.indent + PLACEHOLDER.format(n=n), ""]
    _rendered[page.file.src_uri] = forms
    _assets[page.file.src_uri] = tuple(common.asset_url(path_, page, files) for path_ in (CSS, JS))
    return "\n".join(lines)


def on_page_content(html_, page, config, files):
    return common.swap_placeholders(html_, PLACEHOLDER, _rendered.get(page.file.src_uri) or [])


def on_post_page(output, page, config):
    urls = _assets.get(page.file.src_uri)
    return common.head_assets(output, [urls[0]], [urls[1]]) if urls else output


# --- Helpers -----------------------------------------------------------------

def _first_line(page, markdown: str) -> int:
    """File line of the Markdown's first line (MkDocs removed the front matter)."""
    raw = getattr(page.file, "content_string", "") or ""
    if raw.endswith(markdown):
        return raw[: len(raw) - len(markdown)].count("\n") + 1
    from mkdocs.utils.meta import get_data

    body, _meta = get_data(raw)
    return max(1, len(raw.splitlines()) - len(body.splitlines()) + 1)


def _french_quizzes(path: Path) -> list[Quiz]:
    mtime = path.stat().st_mtime
    cached = _french_cache.get(str(path))
    if cached and cached[0] == mtime:
        return cached[1]
    quizzes = parse_quizzes(path.read_text(encoding="utf-8"), path)
    _french_cache[str(path)] = (mtime, quizzes)
    return quizzes



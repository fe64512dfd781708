"""Quizzes: the parser, the renderer and their messages (overrides/hooks/quiz.py), the
strings (i18n/*.yml) and the size budget of the quiz's CSS and JS. No browser here:
tests/browser/test_quiz.py drives the built pages."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import budgets
import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

import quiz  # overrides/hooks/quiz.py (tests/conftest.py puts it on sys.path)

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGE = DOCS / "quizzes" / "01-bien-demarrer.md"  # where the messages say the problem is
WHERE = "docs/quizzes/01-bien-demarrer.md"
STRINGS = {lang: yaml.safe_load((ROOT / "i18n" / f"{lang}.yml").read_text(encoding="utf-8"))["quiz"]
           for lang in ("fr", "ar", "en")}
render_md = quiz.markdown_renderer()

GOOD = """\
<!-- quiz id="01-bien-demarrer" -->

<!-- question unique -->
Pour ouvrir un dossier sur le bureau, que faites-vous ?

- [ ] Un clic droit.
    > Non : le clic droit ouvre un petit menu.
- [x] Un double-clic avec le bouton **gauche**.
- [ ] Je tourne la molette.

> Le double-clic gauche ouvre un dossier ou un fichier.

<!-- question multiple -->
Quels sites sont officiels ?

- [x] `service-public.fr`
- [ ] `demarches-officielles-express.example`
    > Non : ce site imite un site officiel.
- [x] `ameli.fr`

> Les sites officiels finissent souvent par `.gouv.fr`.

<!-- question vrai-faux -->
Pour éteindre l'ordinateur, je peux débrancher le câble.

- [ ] Vrai
- [x] Faux

<!-- question ordre -->
Remettez les étapes dans l'ordre.

1. Placez le curseur dans la case.
2. Gardez le doigt sur la touche <kbd>AltGr</kbd>.
3. Appuyez sur la touche à.

> On garde <kbd>AltGr</kbd> enfoncée.

<!-- question image -->
Quelle image montre une réponse juste ?

- [ ] ![Une réponse encadrée en rouge.](images/reponse-fausse.svg)
- [x] ![Une réponse encadrée en vert.](images/reponse-juste.svg)

<!-- /quiz -->
"""


def parse(text: str, path: Path = PAGE, first_line: int = 1):
    return quiz.parse_quizzes(textwrap.dedent(text), path, first_line)


def error(text: str, path: Path = PAGE) -> str:
    with pytest.raises(PluginError) as caught:
        parse(text, path)
    return str(caught.value)


def render(text: str, lang: str = "fr", path: Path = DOCS / "quizzes" / "exemple.md") -> BeautifulSoup:
    (parsed,) = quiz.parse_quizzes(text, path)
    return BeautifulSoup(quiz.render_quiz(parsed, STRINGS[lang], render_md), "html.parser")


def replace_line(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# --- Parser ------------------------------------------------------------------


def test_parses_every_type_with_its_answer_key():
    (parsed,) = parse(GOOD, DOCS / "quizzes" / "exemple.md")
    assert parsed.id == "01-bien-demarrer"
    assert parsed.key() == [
        ("unique", 3, (2,)),
        ("multiple", 3, (1, 3)),
        ("vrai-faux", 2, (2,)),
        ("ordre", 3, ()),
        ("image", 2, (2,)),
    ]
    first = parsed.questions[0]
    assert first.paragraphs == ["Pour ouvrir un dossier sur le bureau, que faites-vous ?"]
    assert first.choices[0].feedback == "Non : le clic droit ouvre un petit menu."
    assert first.explanation == "Le double-clic gauche ouvre un dossier ou un fichier."
    assert parsed.questions[2].explanation == ""


def test_line_numbers_count_the_front_matter():
    (parsed,) = parse(GOOD, DOCS / "quizzes" / "exemple.md", first_line=5)
    assert parsed.line == 5
    assert parsed.questions[0].line == 7


def test_markers_inside_fenced_code_are_examples_not_quizzes():
    text = "Voici la syntaxe :\n\n```markdown\n<!-- quiz id=\"x\" -->\n<!-- question bidon -->\n```\n\n" \
           "~~~~\n<!-- /quiz -->\n~~~~\n"
    assert parse(text) == []
    # And a real quiz after the example is still found
    assert [q.id for q in parse(text + "\n" + GOOD, DOCS / "quizzes" / "exemple.md")] == ["01-bien-demarrer"]


def test_a_quiz_can_sit_indented_in_a_lesson_block():
    indented = textwrap.indent(GOOD, "    ")
    (parsed,) = parse('!!! question "Vérifiez"\n\n' + indented, DOCS / "quizzes" / "exemple.md")
    assert parsed.indent == "    "
    assert len(parsed.questions) == 5


def test_the_example_pages_parse_and_share_the_french_answer_key():
    fr = DOCS / "quizzes" / "exemple.md"
    french = quiz.parse_quizzes(fr.read_text(encoding="utf-8"), fr)
    assert [q.kind for q in french[0].questions] == list(quiz.TYPES[:3]) + ["ordre", "image"]
    for lang in ("ar", "en"):
        path = fr.with_name(f"exemple.{lang}.md")
        translated = quiz.parse_quizzes(path.read_text(encoding="utf-8"), path)
        assert quiz.french_source(path) == fr
        quiz.check_parity(translated, french, path, fr)
        assert translated[0].key() == french[0].key()


# --- Messages for contributors (one test per mistake) ------------------------


def test_no_correct_answer():
    text = replace_line(GOOD, "- [x] Un double-clic", "- [ ] Un double-clic")
    assert error(text) == (
        f"{WHERE}, ligne 3 : la question « Pour ouvrir un dossier sur le bureau… » n'a aucune bonne réponse.\n"
        "  → Cochez la bonne réponse en écrivant « - [x] » au début de la ligne."
    )


@pytest.mark.parametrize("kind, old, new, line, fix_end", [
    ("unique", "- [ ] Un clic droit.", "- [x] Un clic droit.", 3,
     "Gardez une seule case « - [x] », ou changez le type en « <!-- question multiple --> »."),
    ("vrai-faux", "- [ ] Vrai", "- [x] Vrai", 23, "Gardez une seule case « - [x] »."),
    ("image", "- [ ] ![Une réponse encadrée en rouge.]", "- [x] ![Une réponse encadrée en rouge.]", 38,
     "Gardez une seule case « - [x] »."),
])
def test_single_answer_types_with_several_correct_answers(kind, old, new, line, fix_end):
    message = error(replace_line(GOOD, old, new))
    assert message.startswith(f"{WHERE}, ligne {line} : la question « ")
    assert f"est de type « {kind} » mais a 2 bonnes réponses (lignes " in message
    assert message.endswith("\n  → " + fix_end)


def test_empty_question():
    text = replace_line(GOOD, "Quels sites sont officiels ?\n", "")
    assert error(text) == (
        f"{WHERE}, ligne 13 : la question n'a pas de texte.\n"
        "  → Écrivez la question sur la ligne qui suit « <!-- question multiple --> », avant les réponses."
    )


def test_empty_option():
    text = replace_line(GOOD, "- [ ] Je tourne la molette.", "- [ ]")
    assert error(text) == (
        f"{WHERE}, ligne 9 : la question « Pour ouvrir un dossier sur le bureau… » a une réponse vide.\n"
        "  → Écrivez le texte après « - [ ] », ou supprimez la ligne."
    )


def test_empty_step():
    text = replace_line(GOOD, "3. Appuyez sur la touche à.", "3.")
    assert error(text).startswith(f"{WHERE}, ligne 34 : la question « Remettez les étapes dans l'ordre. » a une étape vide.")


def test_duplicate_quiz_id_on_two_french_pages():
    seen: dict = {}
    first = parse(GOOD, DOCS / "quizzes" / "exemple.md")
    quiz.check_unique_ids(first, "docs/quizzes/exemple.md", seen)
    # Its translation shares the id: that is allowed
    quiz.check_unique_ids(parse(GOOD, DOCS / "quizzes" / "exemple.ar.md"), "docs/quizzes/exemple.md", seen)
    with pytest.raises(PluginError) as caught:
        quiz.check_unique_ids(parse(GOOD, PAGE), "docs/quizzes/01-bien-demarrer.md", seen)
    assert str(caught.value) == (
        f"{WHERE}, ligne 1 : l'identifiant de quiz « 01-bien-demarrer » est déjà utilisé "
        "(docs/quizzes/exemple.md, ligne 1).\n"
        "  → Choisissez un autre identifiant, par exemple le nom de la page : « <!-- quiz id=\"01-bien-demarrer\" --> »."
    )


def test_duplicate_quiz_id_on_one_page():
    with pytest.raises(PluginError, match=r"ligne 46 : l'identifiant de quiz « 01-bien-demarrer » est déjà utilisé"):
        quiz.check_unique_ids(parse(GOOD + "\n" + GOOD, DOCS / "quizzes" / "exemple.md"), "x", {})


def test_order_question_with_fewer_than_three_steps():
    text = replace_line(GOOD, "3. Appuyez sur la touche à.\n", "")
    assert error(text) == (
        f"{WHERE}, ligne 29 : la question « Remettez les étapes dans l'ordre. » (type « ordre ») n'a que 2 étape(s).\n"
        "  → Écrivez au moins 3 étapes, numérotées « 1. », « 2. », « 3. », dans le bon ordre."
    )


def test_image_option_without_alt_text():
    text = replace_line(GOOD, "![Une réponse encadrée en rouge.]", "![ ]")
    assert error(text, DOCS / "quizzes" / "exemple.md") == (
        "docs/quizzes/exemple.md, ligne 41 : l'image de cette réponse n'a pas de texte alternatif.\n"
        "  → Décrivez l'image entre les crochets, dans la langue de la page : "
        "« - [ ] ![Ce que montre l'image.](images/fichier.svg) »."
    )


@pytest.mark.parametrize("src", ["images/introuvable.svg", "https://example.org/image.svg"])
def test_image_option_with_a_missing_file(src):
    text = replace_line(GOOD, "(images/reponse-fausse.svg)", f"({src})")
    assert error(text, DOCS / "quizzes" / "exemple.md") == (
        f"docs/quizzes/exemple.md, ligne 41 : l'image « {src} » est introuvable.\n"
        "  → Vérifiez le nom du fichier et son dossier : le chemin part du dossier de cette page (docs/quizzes/). "
        "L'image doit être dans le dépôt (le cours marche sans Internet)."
    )


def test_image_option_that_is_not_an_image():
    text = replace_line(GOOD, "- [ ] ![Une réponse encadrée en rouge.](images/reponse-fausse.svg)", "- [ ] Rouge")
    assert "ligne 41 : la question « Quelle image montre une réponse juste ? » est de type « image », " \
           "mais cette réponse n'est pas une image." in error(text, DOCS / "quizzes" / "exemple.md")


def test_unknown_question_type():
    text = replace_line(GOOD, "<!-- question multiple -->", "<!-- question choix -->")
    assert error(text) == (
        f"{WHERE}, ligne 13 : le type de question « choix » n'existe pas.\n"
        "  → Utilisez un de ces types : unique, multiple, vrai-faux, ordre, image. Exemple : « <!-- question unique --> »."
    )


def test_quiz_block_not_closed():
    text = replace_line(GOOD, "<!-- /quiz -->\n", "")
    assert error(text) == (
        f"{WHERE}, ligne 1 : le quiz « 01-bien-demarrer » n'est pas fermé.\n"
        "  → Ajoutez la ligne « <!-- /quiz --> » après la dernière question du quiz."
    )
    # A second quiz opened before the first one is closed
    assert "ligne 1 : le quiz « 01-bien-demarrer » n'est pas fermé." in error(text + GOOD)


@pytest.mark.parametrize("text, expected", [
    ("<!-- quiz -->\n<!-- /quiz -->\n", "ligne 1 : ce quiz n'a pas d'identifiant."),
    ('<!-- quiz id="Étape 1" -->\n<!-- /quiz -->\n', "ligne 1 : l'identifiant de quiz « Étape 1 » contient des caractères non permis."),
    ("Texte\n\n<!-- /quiz -->\n", "ligne 3 : cette ligne « <!-- /quiz --> » ferme un quiz qui n'a pas été ouvert."),
    ("<!-- question unique -->\nQ ?\n", "ligne 1 : cette question est en dehors d'un quiz."),
    ('<!-- quiz id="a" -->\n<!-- /quiz -->\n', "ligne 1 : le quiz « a » n'a aucune question."),
    ('<!-- quiz id="a" -->\nBonjour\n<!-- question unique -->\n<!-- /quiz -->\n',
     "ligne 2 : ce texte est dans le quiz mais avant la première question."),
    ('<!-- quiz id="a" -->\n<!-- question unique -->\nQ ?\n<!-- /quiz -->\n', "ligne 2 : la question « Q ? » n'a pas de réponses."),
    ('<!-- quiz id="a" -->\n<!-- question unique -->\nQ ?\n\n- [x] Oui\n<!-- /quiz -->\n',
     "ligne 2 : la question « Q ? » n'a qu'une seule réponse possible."),
    ('<!-- quiz id="a" -->\n<!-- question vrai-faux -->\nQ ?\n\n- [x] Vrai\n- [ ] Faux\n- [ ] Je ne sais pas\n<!-- /quiz -->\n',
     "ligne 2 : la question « Q ? » est de type « vrai-faux » mais a 3 réponses."),
    ('<!-- quiz id="a" -->\n<!-- question unique -->\nQ ?\n\n- Oui\n<!-- /quiz -->\n',
     "ligne 5 : cette réponse n'a pas de case à cocher."),
    ('<!-- quiz id="a" -->\n<!-- question ordre -->\nQ ?\n\n- [x] Un\n- [ ] Deux\n- [ ] Trois\n<!-- /quiz -->\n',
     "ligne 5 : la question « Q ? » est de type « ordre » : ses étapes se numérotent."),
    ('<!-- quiz id="a" -->\n<!-- question unique -->\nQ ?\n\n1. Un\n2. Deux\n<!-- /quiz -->\n',
     "ligne 5 : la question « Q ? » est de type « unique » : ses réponses ont une case à cocher."),
    ('<!-- quiz id="a" -->\n<!-- question unique -->\nQ ?\n\n- [x] Oui\n- [ ] Non\n\nEt voilà.\n<!-- /quiz -->\n',
     "ligne 8 : ce texte suit les réponses, mais n'est ni une réponse ni l'explication."),
])
def test_other_mistakes_are_explained(text, expected):
    message = error(text)
    assert message.startswith(f"{WHERE}, {expected}\n  → "), message


# --- Translations: one answer key, the French one ----------------------------


@pytest.mark.parametrize("old, new, expected", [
    ("<!-- question unique -->", "<!-- question multiple -->",
     "ligne 3 : la question 1 du quiz « 01-bien-demarrer » est de type « multiple », mais « unique » dans la "
     "page française (docs/quizzes/01-bien-demarrer.md, ligne 3).\n"
     "  → Écrivez « <!-- question unique --> », comme dans la page française."),
    ("- [ ] Je tourne la molette.\n", "",
     "ligne 3 : la question 1 du quiz « 01-bien-demarrer » a 2 réponse(s), mais 3 dans la page française "
     "(docs/quizzes/01-bien-demarrer.md, ligne 3).\n"
     "  → Traduisez chaque réponse de la page française, dans le même ordre."),
    ("- [ ] Vrai\n- [x] Faux", "- [x] Vrai\n- [ ] Faux",
     "ligne 23 : les bonnes réponses de la question 3 du quiz « 01-bien-demarrer » ne sont pas celles de la page "
     "française (ici : réponse 1 ; en français : réponse 2, docs/quizzes/01-bien-demarrer.md, ligne 23).\n"
     "  → Cochez « - [x] » les mêmes réponses que dans la page française, dans le même ordre : réponse 2."),
    ("3. Appuyez sur la touche à.\n", "3. Appuyez sur la touche à.\n4. Relâchez.\n",
     "ligne 29 : la question 4 du quiz « 01-bien-demarrer » a 4 étape(s), mais 3 dans la page "
     "française (docs/quizzes/01-bien-demarrer.md, ligne 29).\n"
     "  → Traduisez chaque étape de la page française, dans le même ordre."),
])
def test_translation_whose_answer_key_differs(old, new, expected):
    french = parse(GOOD)
    translation_path = PAGE.with_name("01-bien-demarrer.ar.md")
    translated = parse(replace_line(GOOD, old, new), translation_path)
    with pytest.raises(PluginError) as caught:
        quiz.check_parity(translated, french, translation_path, PAGE)
    assert str(caught.value) == f"docs/quizzes/01-bien-demarrer.ar.md, {expected}"


def test_translation_with_a_question_more_or_less():
    french = parse(GOOD)
    shorter = GOOD[: GOOD.index("<!-- question image -->")] + "<!-- /quiz -->\n"
    translated = parse(shorter, PAGE.with_name("01-bien-demarrer.en.md"))
    with pytest.raises(PluginError) as caught:
        quiz.check_parity(translated, french, PAGE.with_name("01-bien-demarrer.en.md"), PAGE)
    assert str(caught.value) == (
        "docs/quizzes/01-bien-demarrer.en.md, ligne 1 : le quiz « 01-bien-demarrer » a 4 question(s), mais 5 dans "
        "la page française docs/quizzes/01-bien-demarrer.md.\n"
        "  → Traduisez chaque question de la page française, dans le même ordre, sans en ajouter ni en retirer."
    )


def test_translation_with_another_id_or_without_the_quiz():
    french = parse(GOOD)
    path = PAGE.with_name("01-bien-demarrer.ar.md")
    renamed = parse(GOOD.replace('id="01-bien-demarrer"', 'id="bien-demarrer"'), path)
    with pytest.raises(PluginError, match="ligne 1 : le quiz « bien-demarrer » n'existe pas dans la page française"):
        quiz.check_parity(renamed, french, path, PAGE)
    with pytest.raises(PluginError) as caught:
        quiz.check_parity([], french, path, PAGE)
    assert str(caught.value) == (
        "docs/quizzes/01-bien-demarrer.ar.md : il manque le quiz « 01-bien-demarrer » de la page française "
        "(docs/quizzes/01-bien-demarrer.md, ligne 1).\n"
        "  → Traduisez ce quiz dans cette page, avec le même identifiant et les mêmes bonnes réponses."
    )


def test_french_source_of_a_translation():
    assert quiz.french_source(DOCS / "quizzes" / "exemple.ar.md") == DOCS / "quizzes" / "exemple.md"
    assert quiz.french_source(DOCS / "quizzes" / "exemple.md") is None
    assert quiz.french_source(DOCS / "quizzes" / "exemple.ar.md", languages=["fr", "en"]) is None


# --- Renderer ----------------------------------------------------------------


def test_renders_a_form_with_one_fieldset_per_question():
    soup = render(GOOD)
    form = soup.select_one("form.pc-quiz")
    assert form["data-quiz-id"] == "01-bien-demarrer"
    fieldsets = form.find_all("fieldset", recursive=False)
    assert [f["data-type"] for f in fieldsets] == ["unique", "multiple", "vrai-faux", "ordre", "image"]
    for n, fieldset in enumerate(fieldsets, 1):
        legend = fieldset.find("legend")
        assert fieldset.contents[0] is legend, "the legend comes first"
        assert legend.select_one(".pc-quiz__number").get_text() == f"Question {n} sur 5"
        assert soup.find(id=fieldset["aria-describedby"]) is not None
        summary = fieldset.select_one("details.pc-quiz__answer > summary")
        assert summary.get_text() == "Voir la réponse"
        assert fieldset.find("button") is None, "buttons are added by quiz.js, useless without it"
    assert soup.select_one("#quiz-01-bien-demarrer-1 .pc-quiz__text").get_text() == \
        "Pour ouvrir un dossier sur le bureau, que faites-vous ?"


def test_every_input_has_its_label_and_radios_share_a_name():
    soup = render(GOOD)
    for field in soup.select("input, select"):
        label = soup.find("label", attrs={"for": field["id"]})
        assert label is not None, field
        assert label.get_text(strip=True) or label.find("img")["alt"], field
    unique = soup.select("#quiz-01-bien-demarrer-1 input")
    assert [i["type"] for i in unique] == ["radio"] * 3
    assert {i["name"] for i in unique} == {"quiz-01-bien-demarrer-1"}
    assert [i.has_attr("data-correct") for i in unique] == [False, True, False]
    multiple = soup.select("#quiz-01-bien-demarrer-2 input")
    assert [i["type"] for i in multiple] == ["checkbox"] * 3
    assert [i.has_attr("data-correct") for i in multiple] == [True, False, True]


def test_inline_markdown_in_questions_options_and_explanations():
    soup = render(GOOD)
    assert soup.select_one("label[for=quiz-01-bien-demarrer-1-2] strong").get_text() == "gauche"
    assert soup.select_one("label[for=quiz-01-bien-demarrer-2-1] code").get_text() == "service-public.fr"
    assert soup.select_one("label[for=quiz-01-bien-demarrer-4-2] kbd").get_text() == "AltGr"
    assert soup.select_one("#quiz-01-bien-demarrer-4 .pc-quiz__explanation kbd").get_text() == "AltGr"
    assert "<p>" not in str(soup.select_one("label[for=quiz-01-bien-demarrer-1-1]"))


def test_details_reveal_the_right_answers_notes_and_explanation_without_javascript():
    soup = render(GOOD)
    first = soup.select_one("#quiz-01-bien-demarrer-1 details")
    assert first.select_one(".pc-quiz__solution").get_text(" ", strip=True) == \
        "Bonne réponse : Un double-clic avec le bouton gauche ."
    note = first.select_one('.pc-quiz__notes [data-choice="1"]')
    assert "Non : le clic droit ouvre un petit menu." in note.get_text()
    assert first.select_one(".pc-quiz__explanation").get_text(strip=True) == \
        "Le double-clic gauche ouvre un dossier ou un fichier."
    assert first.has_attr("data-search-exclude")
    several = soup.select_one("#quiz-01-bien-demarrer-2 .pc-quiz__solution")
    assert several.p.get_text(strip=True) == "Bonnes réponses :"
    assert [li.get_text() for li in several.select("li")] == ["service-public.fr", "ameli.fr"]
    order = soup.select_one("#quiz-01-bien-demarrer-4 .pc-quiz__solution ol")
    assert [li.get_text() for li in order.select("li")][0] == "Placez le curseur dans la case."


def test_order_question_is_shuffled_the_same_way_every_time_and_never_in_order():
    soup = render(GOOD)
    steps = soup.select("#quiz-01-bien-demarrer-4 .pc-quiz__step")
    answers = [li.select_one("select")["data-answer"] for li in steps]
    assert sorted(answers) == ["1", "2", "3"] and answers != ["1", "2", "3"]
    assert answers == [a["data-answer"] for a in render(GOOD).select("#quiz-01-bien-demarrer-4 select")]
    for li in steps:
        options = [o["value"] for o in li.select("option")]
        assert options == ["", "1", "2", "3"]
    for count in range(3, 9):
        for index in range(20):
            order = quiz.order_for("quiz-id", index, count)
            assert sorted(order) == list(range(count)) and order != list(range(count))


def test_image_options_keep_their_alt_text():
    soup = render(GOOD)
    images = soup.select("#quiz-01-bien-demarrer-5 .pc-quiz__choices img")
    assert [(i["alt"], i["src"]) for i in images] == [
        ("Une réponse encadrée en rouge.", "images/reponse-fausse.svg"),
        ("Une réponse encadrée en vert.", "images/reponse-juste.svg"),
    ]


def test_image_urls_are_rewritten_for_the_page():
    rewrite = quiz.markdown_renderer(rewrite_url=lambda url: "../../" + url)
    (parsed,) = quiz.parse_quizzes(GOOD, DOCS / "quizzes" / "exemple.ar.md")
    soup = BeautifulSoup(quiz.render_quiz(parsed, STRINGS["ar"], rewrite), "html.parser")
    assert soup.select_one("#quiz-01-bien-demarrer-5 img")["src"] == "../../images/reponse-fausse.svg"


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_strings_for_the_javascript_are_a_json_attribute(lang):
    soup = render(GOOD, lang)
    data = json.loads(soup.select_one("form.pc-quiz")["data-pc-strings"])
    assert set(data) == set(quiz.JS_STRINGS)
    assert data["check"] == STRINGS[lang]["check"]
    assert "other" in data["score"]


# --- Strings and budget ------------------------------------------------------

# CLDR plural categories of each language (what Intl.PluralRules can return)
PLURALS = {"fr": {"one", "many", "other"}, "ar": {"zero", "one", "two", "few", "many", "other"}, "en": {"one", "other"}}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_quiz_string_is_translated(lang):
    assert set(STRINGS[lang]) == set(STRINGS["fr"])
    different = [key for key in STRINGS["fr"] if key != "score" and STRINGS[lang][key] == STRINGS["fr"][key]]
    assert not different, f"not translated in {lang}: {different}"


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_score_has_every_plural_form_of_the_language(lang):
    assert set(STRINGS[lang]["score"]) == PLURALS[lang]
    for text in STRINGS[lang]["score"].values():
        assert "{total}" in text


def test_quiz_css_and_js_fit_in_6_kb_gzip():
    sizes = {name: len(gzip.compress((DOCS / "assets" / folder / name).read_bytes(), 9))
             for folder, name in (("javascripts", "quiz.js"), ("stylesheets", "quiz.css"))}
    assert sum(sizes.values()) <= budgets.QUIZ, sizes


def test_quiz_js_is_plain_es2017_with_one_global():
    js = (DOCS / "assets" / "javascripts" / "quiz.js").read_text(encoding="utf-8")
    assert "?." not in js and "??" not in js, "optional chaining and ?? are ES2020"
    assert "fetch(" not in js and "import " not in js
    assert re.findall(r"window\.([A-Za-z]+)\s*=", js) == ["ParentsConnectes"]
    if shutil.which("node"):  # a syntax check when Node.js is there
        node = subprocess.run(["node", "--check", str(DOCS / "assets" / "javascripts" / "quiz.js")],
                              capture_output=True, text=True)
        assert node.returncode == 0, node.stderr


# --- In the built site -------------------------------------------------------


def test_quiz_assets_are_only_on_pages_with_a_quiz(site_dir):
    with_quiz = 0
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        has_form = 'class="pc-quiz"' in text
        assert has_form == ("quiz.js" in text) == ("quiz.css" in text), page
        with_quiz += has_form
        if has_form:
            soup = BeautifulSoup(text, "html.parser")
            for attr, tag in (("href", soup.select_one('link[href$="quiz.css"]')),
                              ("src", soup.select_one('script[src$="quiz.js"]'))):
                assert (page.parent / tag[attr]).resolve().is_file(), (page, tag)
            assert soup.select_one('script[src$="quiz.js"]').has_attr("defer")
            for img in soup.select("form.pc-quiz img"):
                assert (page.parent / img["src"]).resolve().is_file(), (page, img["src"])
    assert with_quiz >= 3  # exemple in fr, ar, en


# --- Through MkDocs: the hook on a tiny site (fr + ar) -----------------------

HOOK = ROOT / "overrides" / "hooks" / "quiz.py"


def build(tmp_path: Path, pages: dict[str, str]) -> Path:
    """Build a tiny French + Arabic site with the quiz hook; return its site folder."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    docs = tmp_path / "docs"
    for name, text in {"index.md": "# Accueil\n", **pages}.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(textwrap.dedent(text), encoding="utf-8")
    (docs / "images").mkdir(exist_ok=True)
    for name in ("reponse-juste.svg", "reponse-fausse.svg"):
        (docs / "images" / name).write_bytes((DOCS / "quizzes" / "images" / name).read_bytes())
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(textwrap.dedent(f"""\
        site_name: Test
        use_directory_urls: false
        theme: {{name: material, language: fr}}
        hooks: ["{HOOK.as_posix()}"]
        markdown_extensions: [admonition, attr_list, md_in_html]
        plugins:
          - i18n:
              docs_structure: suffix
              languages:
                - {{locale: fr, default: true, name: Français}}
                - {{locale: ar, name: العربية}}
        """), encoding="utf-8")
    config = load_config(str(config_file), site_dir=str(tmp_path / "site"))
    mkdocs_build(config)
    return tmp_path / "site"


FRONT = "---\ntitle: Quiz\n---\n\n# Quiz\n\n"


def build_error(tmp_path: Path, pages: dict[str, str], caplog) -> str:
    """The message a contributor reads when the build stops (MkDocs logs it, then aborts)."""
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        build(tmp_path, pages)
    return "\n".join(r.getMessage() for r in caplog.records if r.levelname == "ERROR")


def test_hook_renders_quizzes_in_every_language_with_working_image_paths(tmp_path):
    site = build(tmp_path, {"quiz.md": FRONT + GOOD, "quiz.ar.md": FRONT + GOOD})
    for page in (site / "quiz.html", site / "ar" / "quiz.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert len(soup.select("form.pc-quiz fieldset")) == 5
        assert "pc-quiz " not in soup.get_text(), "no placeholder left"
        for img in soup.select("form.pc-quiz img"):
            assert (page.parent / img["src"]).resolve().is_file(), (page, img["src"])
        assert (page.parent / soup.select_one('script[src$="quiz.js"]')["src"]).as_posix().endswith(
            "assets/javascripts/quiz.js")
    arabic = BeautifulSoup((site / "ar" / "quiz.html").read_text(encoding="utf-8"), "html.parser")
    assert arabic.select_one(".pc-quiz__number").get_text() == "السؤال 1 من 5"
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "quiz.js" not in index and "quiz.css" not in index


def test_hook_renders_a_short_check_inside_a_lesson_block(tmp_path):
    check = GOOD.replace('id="01-bien-demarrer"', 'id="verifiez-1"')
    lesson = FRONT + "Du texte.\n\n!!! question \"Vérifiez\"\n\n" + textwrap.indent(check, "    ") + "\nLa suite.\n"
    site = build(tmp_path, {"lecon.md": lesson})
    soup = BeautifulSoup((site / "lecon.html").read_text(encoding="utf-8"), "html.parser")
    form = soup.select_one(".admonition > form.pc-quiz")
    assert form is not None and form["data-quiz-id"] == "verifiez-1"
    assert len(form.select("fieldset")) == 5
    assert soup.find("p", string="La suite.") is not None


def test_hook_reports_the_line_in_the_file_front_matter_included(tmp_path, caplog):
    text = replace_line(GOOD, "- [x] Un double-clic", "- [ ] Un double-clic")
    message = build_error(tmp_path, {"quiz.md": FRONT + text}, caplog)
    assert "docs/quiz.md, ligne 9 : la question « Pour ouvrir un dossier sur le bureau… » n'a aucune bonne " \
        "réponse.\n  → Cochez la bonne réponse" in message


def test_hook_fails_the_build_when_a_translation_has_another_answer_key(tmp_path, caplog):
    translated = replace_line(GOOD, "- [ ] Vrai\n- [x] Faux", "- [x] Vrai\n- [ ] Faux")
    message = build_error(tmp_path, {"quiz.md": FRONT + GOOD, "quiz.ar.md": FRONT + translated}, caplog)
    assert "docs/quiz.ar.md, ligne 29 : les bonnes réponses de la question 3" in message


def test_hook_fails_the_build_on_a_duplicate_id(tmp_path, caplog):
    message = build_error(tmp_path, {"a.md": FRONT + GOOD, "b.md": FRONT + GOOD}, caplog)
    assert "docs/b.md, ligne 7 : l'identifiant de quiz « 01-bien-demarrer » est déjà utilisé" in message

"""scripts/check_content.py: every rule has a failing fixture whose message is asserted."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import check_content
from conftest import ROOT

LESSON = textwrap.dedent("""\
    ---
    title: Ouvrir un message
    duree: 10
    ---

    # Ouvrir un message

    ## Vous allez apprendre { #objectifs }

    - Ouvrir un message.

    ## Étape par étape { #etapes }

    1. Cliquez sur le message.

        ![Le message en haut de la liste.](images/message.svg)

    ## À vous { #a-vous }

    Ouvrez un message.

    ## À retenir { #a-retenir }

    - Un clic ouvre le message.
    """)
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Message</title></svg>'


def make_docs(tmp_path: Path, files: dict[str, str]) -> Path:
    docs = tmp_path / "docs"
    base = {"modules/01-mail/01-ouvrir.md": LESSON, "modules/01-mail/images/message.svg": SVG}
    for rel, text in {**base, **files}.items():
        if text is None:
            continue
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return docs


def messages(docs: Path) -> str:
    return check_content.report(check_content.check(docs), docs.parent)


def test_a_good_lesson_passes(tmp_path):
    docs = make_docs(tmp_path, {})
    assert check_content.check(docs) == []
    assert messages(docs) == "✅ Contenu vérifié : aucun problème."


def test_the_course_itself_passes():
    problems = check_content.check(ROOT / "docs")
    assert not problems, check_content.report(problems, ROOT)


LESSON_PATH = "modules/01-mail/01-ouvrir.md"
# 21 words: allowed alone, too long on average
LONG = "Un clic sur le titre du message ouvre tout de suite le message complet dans une grande fenêtre blanche et claire."
CASES = {
    "no-title": (LESSON.replace("title: Ouvrir un message\n", ""),
                 "docs/modules/01-mail/01-ouvrir.md, ligne 1 : l'en-tête n'a pas de titre (« title: »)",
                 "title: Le titre de la page"),
    "no-duration": (LESSON.replace("duree: 10\n", ""),
                    "ligne 1 : l'en-tête n'a pas de durée (« duree: »), en minutes",
                    "« duree: 15 »"),
    "missing-section": (LESSON.replace("## À retenir { #a-retenir }", "## Résumé"),
                        "01-ouvrir.md : il manque la section « À retenir »",
                        "{ #a-retenir }"),
    "sections-order": (LESSON.replace("## À vous { #a-vous }", "## TMP").replace("## À retenir { #a-retenir }", "## À vous { #a-vous }").replace("## TMP", "## À retenir { #a-retenir }"),
                       "les sections ne sont pas dans l'ordre du modèle", "Remettez-les dans cet ordre"),
    "missing-image": (LESSON.replace("images/message.svg", "images/mesage.svg"),
                      "ligne 16 : l'image « images/mesage.svg » n'existe pas", "Vérifiez le nom du fichier"),
    "no-alt": (LESSON.replace("![Le message en haut de la liste.]", "![]"),
               "ligne 16 : l'image « images/message.svg » n'a pas de texte alternatif", "Décrivez l'image"),
    "broken-link": (LESSON.replace("Ouvrez un message.", "Voir [la leçon 2](02-ecrire.md)."),
                    "ligne 20 : le lien « 02-ecrire.md » mène à une page qui n'existe pas", "Vérifiez le chemin"),
    "script": (LESSON.replace("Ouvrez un message.", "<script>alert(1)</script>"),
               "ligne 20 : la balise <script> est interdite dans une leçon", "Retirez-la"),
    "iframe": (LESSON.replace("Ouvrez un message.", '<iframe src="video.html"></iframe>'),
               "la balise <iframe> est interdite", "Retirez-la"),
    "object": (LESSON.replace("Ouvrez un message.", '<object data="x.pdf"></object>'),
               "la balise <object> est interdite", "Retirez-la"),
    "embed": (LESSON.replace("Ouvrez un message.", '<embed src="x.pdf">'),
              "la balise <embed> est interdite", "Retirez-la"),
    "event-attribute": (LESSON.replace("Ouvrez un message.", '<span onclick="x()">Ouvrez</span>'),
                        "ligne 20 : un attribut « on…= » (du code JavaScript) est interdit", "Retirez cet attribut"),
    "remote-image": (LESSON.replace("images/message.svg", "https://example.org/message.svg"),
                     "l'image « https://example.org/message.svg » vient d'un autre site", "Enregistrez l'image"),
    "remote-html": (LESSON.replace("Ouvrez un message.", '<img alt="x" src="//cdn.example.org/a.png">'),
                    "ligne 20 : cette ligne charge un fichier depuis un autre site", "utilisez un chemin relatif"),
    "long-sentence": (LESSON.replace("Ouvrez un message.", "Ouvrez le premier message de la liste " + "puis lisez-le lentement " * 6 + "jusqu'au bout."),
                      "ligne 20 : cette phrase a 25 mots".replace("25", "27"), "Coupez-la en deux phrases courtes"),
    "average-sentence": (LESSON.replace("- Ouvrir un message.", "- " + LONG).replace("1. Cliquez sur le message.", "1. " + LONG)
                         .replace("Ouvrez un message.", LONG).replace("- Un clic ouvre le message.", "- " + LONG),
                         "les phrases ont", "Raccourcissez les phrases les plus longues"),
    "heading-skip": (LESSON.replace("Ouvrez un message.", "#### Astuce"),
                     "ligne 20 : ce titre saute un niveau (de ## à ####)", "Utilisez « ### »"),
}


@pytest.mark.parametrize("case", CASES)
def test_each_rule_explains_the_problem_and_the_fix(tmp_path, case):
    text, problem, fix = CASES[case]
    out = messages(make_docs(tmp_path, {LESSON_PATH: text}))
    assert problem in out
    assert "→" in out and fix in out.split(problem, 1)[1]


def test_translation_without_french_page(tmp_path):
    out = messages(make_docs(tmp_path, {"modules/01-mail/02-ecrire.ar.md": LESSON}))
    assert "02-ecrire.ar.md : cette traduction n'a pas de page française « 02-ecrire.md »" in out
    assert "Écrivez d'abord la page en français" in out


def test_alt_text_is_required_in_every_language(tmp_path):
    out = messages(make_docs(tmp_path, {"modules/01-mail/01-ouvrir.en.md": LESSON.replace("![Le message en haut de la liste.]", "![ ]")}))
    assert "01-ouvrir.en.md, ligne 16 : l'image « images/message.svg » n'a pas de texte alternatif" in out


def test_file_names_are_lower_case_ascii_kebab_case(tmp_path):
    out = messages(make_docs(tmp_path, {"modules/01-mail/Leçon Deux.md": LESSON}))
    assert "le nom du fichier « Leçon Deux.md » n'est pas en minuscules sans accent, avec des tirets" in out
    assert "« lecon-deux.md »" in out
    out = messages(make_docs(tmp_path / "b", {"modules/02_Mail/index.md": "---\ntitle: x\n---\n"}))
    assert "le nom du dossier « 02_Mail »" in out


def test_svg_loading_a_remote_file(tmp_path):
    bad = SVG.replace("</svg>", '<image href="https://example.org/x.png"/></svg>')
    out = messages(make_docs(tmp_path, {"modules/01-mail/images/message.svg": bad}))
    assert "images/message.svg, ligne 1 : l'image charge un fichier depuis un autre site" in out


DRAWING = textwrap.dedent("""\
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 400" font-family="system-ui, sans-serif">
      <title>Une fenêtre : la croix → ferme</title>
      <!-- Barre de titre : ✕ dessiné -->
      <rect x="20" y="20" width="600" height="360" rx="12" fill="#fff" stroke="#4b5563" stroke-width="3"/>
      <text x="40" y="44" font-size="16">Messagerie</text>
      <g font-size="18" text-anchor="middle"><text x="596" y="45">✕</text></g>
    </svg>
    """)


def test_svg_writing_a_symbol_with_a_font(tmp_path):
    out = messages(make_docs(tmp_path, {"modules/01-mail/images/message.svg": DRAWING}))
    assert "images/message.svg, ligne 6 : le dessin écrit le symbole « ✕ » avec une police" in out
    assert "→ Dessinez-le avec des formes (line, rect, path) : ce symbole n'existe pas dans toutes les polices" in out
    assert "ralentit la page." in out
    assert "ligne 2" not in out and "ligne 3" not in out  # the title and the comments are not drawn


def test_svg_symbol_in_a_tspan_or_an_entity(tmp_path):
    drawing = DRAWING.replace('<text x="596" y="45">✕</text>',
                              '<text x="96" y="45">Retour <tspan>←</tspan>\n      <tspan>&#x2713; &#8226;</tspan></text>')
    out = messages(make_docs(tmp_path, {"modules/01-mail/images/message.svg": drawing}))
    assert "ligne 6 : le dessin écrit le symbole « ← » avec une police" in out
    assert "ligne 7 : le dessin écrit le symbole « ✓ » avec une police" in out
    assert "ligne 7 : le dessin écrit le symbole « • » avec une police" in out


def test_svg_text_in_french_and_arabic_passes(tmp_path):
    drawing = DRAWING.replace('<text x="596" y="45">✕</text>',
                              "<text x=\"300\" y=\"80\">« Écrire » : l’adresse – 3,50 € … k@example.org / 5e B · 12 °C</text>\n"
                              "      <text x=\"300\" y=\"120\" direction=\"rtl\">مرحبًا، هل قرأت الرسالة؟ ١٢ و ۳</text>")
    docs = make_docs(tmp_path, {"modules/01-mail/images/message.svg": drawing})
    assert check_content.check(docs) == []


def test_the_build_fails_with_the_same_message(tmp_path):
    """A contributor's mistake stops `mkdocs build`, with the file, the line and the fix."""
    import subprocess
    import sys
    import shutil

    project = tmp_path / "p"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "site", "test-results", "__pycache__"))
    lesson = project / "docs" / "index.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n![](nulle-part.svg)\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode != 0
    assert "docs/index.md, ligne" in result.stderr + result.stdout
    assert "l'image « nulle-part.svg » n'a pas de texte alternatif" in result.stderr + result.stdout

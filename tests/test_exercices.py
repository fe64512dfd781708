"""Practice exercises: the markers, their rendering (overrides/hooks/exercices.py), the
messages for contributors, the strings (i18n/*.yml) and the size budget of the scripts.
No browser here: tests/browser/test_exercices.py drives the built pages.

Exercises: souris, clavier (module « Bien démarrer »), piege and message (module
« Mon adresse e-mail »)."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import textwrap
from pathlib import Path
from types import SimpleNamespace

import markdown as md_lib
import budgets
import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

import exercices  # overrides/hooks/exercices.py (tests/conftest.py puts it on sys.path)

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LESSON = DOCS / "modules" / "01-bien-demarrer" / "03-la-souris-et-le-toucher.md"
WHERE = "docs/modules/01-bien-demarrer/03-la-souris-et-le-toucher.md"
URL = "modules/01-bien-demarrer/03-la-souris-et-le-toucher.html"
STRINGS = {lang: yaml.safe_load((ROOT / "i18n" / f"{lang}.yml").read_text(encoding="utf-8"))["exercices"]
           for lang in ("fr", "ar", "en")}
# Budget per exercise: its script, the shared stylesheet and its own, gzip
BUDGET = budgets.EXERCISE
NAMES = ("souris", "clavier", "piege", "message")
CSS = DOCS / "assets" / "stylesheets" / "exercices.css"
JS = {name: DOCS / "assets" / "javascripts" / f"exercice-{name}.js" for name in NAMES}
OWN_CSS = {name: DOCS / "assets" / "stylesheets" / f"exercice-{name}.css" for name in NAMES}
# The fix lists every exercise there is (other modules' ones: tests/test_exercices_<module>.py)
MARKERS = [f"<!-- exercice: {name} -->" for name in exercices.SCRIPTS]
FIX = f"  → Écrivez {', '.join(MARKERS[:-1])} ou {MARKERS[-1]}."

PAGE = """\
---
title: Essai
---

# Essai

Entraînez-vous :

<!-- exercice: souris -->

```markdown
<!-- exercice: sourie -->
```

1. Une étape.

    <!-- exercice: clavier -->

Fin.
"""


def build(text: str = PAGE, lang: str = "fr", url: str = URL, raw: bool = False):
    """Run the hook's events around a Markdown conversion, as MkDocs does; the whole page back
    (no-break spaces as spaces, unless ``raw``)."""
    body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
    page = SimpleNamespace(file=SimpleNamespace(
        src_uri=url.replace(".html", ".md"), abs_src_path=str(LESSON), content_string=text, url=url))
    config = SimpleNamespace(theme={"language": lang})
    exercices.on_pre_build(config)
    body = exercices.on_page_markdown(body, page, config, None)
    content = md_lib.markdown(body, extensions=["admonition", "attr_list", "md_in_html", "fenced_code"])
    content = exercices.on_page_content(content, page, config, None)
    html = f"<html><head><title>t</title></head><body>{content}</body></html>"
    html = exercices.on_post_page(html, page, config)
    return html if raw else BeautifulSoup(html.replace("\xa0", " "), "html.parser")


def lazy_urls(soup) -> list[str]:
    """Files the page loads when its exercise comes near the screen (common.lazy_assets)."""
    scripts = [s.get_text() for s in soup.select("body > script") if "files of the widget below load" in s.get_text()]
    assert len(scripts) <= 1
    if not scripts:
        return []
    return json.loads(re.search(r"\(document,\s*\"[^\"]*\",\s*(\[.*?\])\)", scripts[0]).group(1))


def strings_of(section) -> dict:
    return json.loads(section["data-pc-strings"])


# --- Rendering ---------------------------------------------------------------


def test_markers_become_containers_readable_without_javascript():
    soup = build()
    souris, clavier = soup.select("section.pc-ex")
    assert souris["id"] == "exercice-souris" and souris["data-pc-exercice"] == "souris"
    assert clavier["id"] == "exercice-clavier" and "pc-ex--clavier" in clavier["class"]
    # Inside the list item, not wrapped in a paragraph, the marker gone
    assert clavier.find_parent("li") is not None and clavier.find_parent("p") is None
    assert "<!-- exercice" not in str(soup) and "<!-- pc-exercice" not in str(soup)
    # The example in fenced code stays an example
    assert "&lt;!-- exercice: sourie --&gt;" in str(soup.find("code"))
    for section in (souris, clavier):
        assert section["lang"] == "fr" and section["dir"] == "ltr"
        assert section["aria-labelledby"] == section.select_one(".pc-ex__titre")["id"]
        assert section.has_attr("data-search-exclude")
        # A visible message (not <noscript>: it also shows when the script fails to load)
        assert section.select_one(".pc-ex__sans-js").get_text(strip=True).endswith(STRINGS["fr"]["no_js"])
    assert souris.select_one(".pc-ex__titre").get_text() == "Exercice : la souris"
    steps = [li.get_text() for li in souris.select(".pc-ex__etapes li")]
    assert steps == [STRINGS["fr"]["souris"][f"step_{n}"] for n in range(1, 7)]
    assert souris.select_one(".pc-ex__prive") is None
    # The typing tasks show the text to type, marked as French and left to right
    tasks = clavier.select(".pc-ex__etapes li")
    assert [t.get_text(" ", strip=True) for t in tasks] == [
        "Écrivez cette adresse e-mail inventée : prenom.nom@example.org",
        "Écrivez ce mot avec un accent : fenêtre",
        "Écrivez ce mot avec une majuscule : Roubaix",
    ]
    model = tasks[0].select_one(".pc-ex__modele")
    assert (model["lang"], model["dir"], model["translate"]) == ("fr", "ltr", "no")
    assert clavier.select_one(".pc-ex__prive").get_text(strip=True).endswith(
        "Ce que vous tapez reste sur cet écran. Rien n'est envoyé ni enregistré.")


def test_strings_for_the_script_are_a_json_attribute():
    souris, clavier = build().select("section.pc-ex")
    data = strings_of(souris)
    assert data["step"] == "Étape {n} sur {total}" and data["restart"] == "Recommencer"
    assert data["double_mouse"] == "Cliquez deux fois, vite, sans bouger la souris."
    assert data["encouragements"][0] == "Bravo !"
    assert "clavier" not in data and "souris" not in data and "title" not in data
    data = strings_of(clavier)
    assert data["texts"] == ["prenom.nom@example.org", "fenêtre", "Roubaix"]
    assert data["hold"] == "Gardez le doigt sur {mod}, puis appuyez sur {key}."


def test_assets_only_on_pages_with_an_exercise_with_relative_paths():
    soup = build()
    # Nothing in <head>: the files load when the exercise comes near the screen
    assert not soup.head.select("script, link")
    assert lazy_urls(soup) == [
        "../../assets/stylesheets/exercices.css", "../../assets/stylesheets/exercice-souris.css",
        "../../assets/stylesheets/exercice-clavier.css",
        "../../assets/javascripts/exercice-souris.js", "../../assets/javascripts/exercice-clavier.js"]
    # From an Arabic page (one folder deeper), only what it needs
    assert lazy_urls(build("<!-- exercice: clavier -->\n", "ar", "ar/" + URL)) == [
        "../../../assets/stylesheets/exercices.css", "../../../assets/stylesheets/exercice-clavier.css",
        "../../../assets/javascripts/exercice-clavier.js"]
    # A page without exercise is left alone
    soup = build("# Rien\n\n<!-- un commentaire -->\n")
    assert not soup.select("script, link") and not soup.select(".pc-ex")


def test_arabic_page_gets_arabic_strings_and_right_to_left_even_on_a_french_fallback():
    # The Arabic build renders the French file when the translation is missing
    souris, clavier = build(PAGE, "ar", "ar/" + URL).select("section.pc-ex")
    assert (souris["lang"], souris["dir"]) == ("ar", "rtl")
    assert souris.select_one(".pc-ex__titre").get_text() == "تمرين: الفأرة"
    assert strings_of(souris)["step"] == "الخطوة {n} من {total}"
    assert clavier.select_one(".pc-ex__prive").get_text(strip=True).endswith(
        "ما تكتبونه يبقى على هذه الشاشة. لا يُرسَل أي شيء ولا يُحفَظ.")
    # The text to type stays Latin, left to right
    assert clavier.select_one(".pc-ex__modele")["dir"] == "ltr"
    assert build(PAGE, "en").select_one(".pc-ex__titre").get_text() == "Exercise: the mouse"


def test_french_punctuation_never_starts_a_line():
    html = build(raw=True)
    assert "Exercice\xa0: la souris" in html and "Presque\xa0!" in html and "«\xa0{char}\xa0»" in html
    assert "\xa0" not in build(PAGE, "ar", "ar/" + URL, raw=True).replace("&nbsp;", "")


def test_two_exercises_of_the_same_kind_get_their_own_ids():
    soup = build("<!-- exercice: souris -->\n\nTexte.\n\n<!--exercice:Souris-->\n")
    assert [s["id"] for s in soup.select("section.pc-ex")] == ["exercice-souris", "exercice-souris-2"]
    assert [u for u in lazy_urls(soup) if u.endswith(".js")] == ["../../assets/javascripts/exercice-souris.js"]


# --- « Vrai ou piège ? » and the practice e-mail ---------------------------------------

MAIL_PAGE = "# Essai\n\n<!-- exercice: piège -->\n\nTexte.\n\n<!-- exercice: message -->\n"


def test_piege_and_message_load_their_own_stylesheet_and_script():
    urls = lazy_urls(build(MAIL_PAGE))  # « piège » with its accent is piege
    assert urls == [
        "../../assets/stylesheets/exercices.css", "../../assets/stylesheets/exercice-piege.css",
        "../../assets/stylesheets/exercice-message.css",
        "../../assets/javascripts/exercice-piege.js", "../../assets/javascripts/exercice-message.js"]
    for path in (*exercices.SCRIPTS.values(), *exercices.STYLES.values()):
        assert (DOCS / path).is_file(), path


def test_piege_messages_are_cards_with_their_clues_explanations_and_answers():
    piege = build(MAIL_PAGE).select_one("section#exercice-piege")
    mails = exercices.PIEGE_MAILS
    assert 4 <= len(mails) <= 5 and {m.trap for m in mails} == {True, False}
    # Invented: every address and link ends in .example
    for mail in mails:
        urls = re.findall(r"\|(https?://[^|}]+)\}", " ".join(mail.body))
        for host in [mail.address.split("@")[1], *(u.split("/")[2] for u in urls)]:
            assert host.endswith(".example"), (mail.key, host)
    items = piege.select(".pc-ex__etapes > ol > li")
    assert len(items) == len(mails)
    fr = STRINGS["fr"]["piege"]
    for item, mail in zip(items, mails):
        card = item.select_one("article.pc-mail")
        # French as parents receive it, left to right; the verdict for the script
        assert (card["lang"], card["dir"]) == ("fr", "ltr")
        assert card["data-verdict"] == ("piege" if mail.trap else "vrai")
        # Never a real link: the link is text, with its real address shown
        assert not item.select("a")
        sender = card.select_one(".pc-mail__indice[data-indice=sender]")
        assert sender.get_text() == f"<{mail.address}>" and sender.select_one("bdi")["dir"] == "ltr"
        assert mail.name in card.select_one(".pc-mail__nom").get_text()
        assert mail.subject in card.get_text()
        # Each clue has its explanation, once, in the card
        kinds = [clue["data-indice"] for clue in card.select(".pc-mail__indice")]
        assert kinds[0] == "sender" and len(set(kinds)) == len(kinds) and set(kinds) <= set(exercices.CLUES)
        assert [p["data-indice"] for p in card.select(".pc-mail__pourquoi")] == kinds
        for kind, why in zip(kinds, card.select(".pc-mail__pourquoi")):
            assert why.get_text() == fr["messages"][mail.key][kind].replace("`", "")
        for link in card.select(".pc-mail__indice[data-indice=link]"):
            assert link.select_one(".pc-mail__url bdi").get_text().split("/")[2].endswith(".example")
        answer = item.select_one(".pc-mail__reponse")
        assert answer.get_text(" ", strip=True) == (fr["answer_trap"] if mail.trap else fr["answer_real"]) + " " + \
            fr["messages"][mail.key]["answer"].replace("`", "")
        assert item.select_one(".pc-mail__sens") is None  # French: the card says it all
    # The fake CAF: sender, urgency, request (card and code), link
    assert [c["data-indice"] for c in items[0].select(".pc-mail__indice")] == ["sender", "urgency", "request", "link"]
    # Without the script, the game is hidden and the answers are a worked example
    assert piege.select_one(".pc-ex__jeu").has_attr("hidden")
    assert piege.select_one(".pc-ex__sans-js").get_text(strip=True).endswith(fr["no_js"])
    assert piege.select_one(".pc-ex__etapes > p").get_text() == fr["answers_title"]
    assert piege.select_one(".pc-ex__retour")["aria-live"] == "polite"
    assert [b.get_text() for b in piege.select(".pc-mail__choix button")] == ["C'est un vrai message", "C'est un piège"]
    data = strings_of(piege)
    assert set(data) == {*exercices.JS_STRINGS["piege"], "restart"} and "messages" not in data


def test_piege_in_arabic_explains_in_arabic_beside_french_cards():
    piege = build(MAIL_PAGE, "ar", "ar/" + URL).select_one("section#exercice-piege")
    ar = STRINGS["ar"]["piege"]
    assert (piege["lang"], piege["dir"]) == ("ar", "rtl")
    card = piege.select_one("article.pc-mail")
    assert (card["lang"], card["dir"]) == ("fr", "ltr") and "Bonjour" in card.get_text()
    why = card.select_one(".pc-mail__pourquoi")
    assert (why["lang"], why["dir"]) == ("ar", "rtl")
    # Addresses in Arabic sentences stay left to right
    assert why.select_one("bdi.pc-ex__adr")["dir"] == "ltr"
    assert why.select_one("bdi").get_text() == "caf-remboursement.example"
    # The meaning of each message, under its card, in Arabic
    meanings = piege.select(".pc-mail__sens")
    assert len(meanings) == len(exercices.PIEGE_MAILS)
    assert meanings[0].get_text(" ", strip=True) == f'{ar["meaning"]} {ar["messages"]["caf"]["meaning"]}'
    assert strings_of(piege)["step"] == "الرسالة {n} من {total}"
    assert build(MAIL_PAGE, "en").select_one(".pc-mail__sens strong").get_text() == "In short:"


def test_message_form_is_labelled_private_and_cannot_be_submitted():
    soup = build(MAIL_PAGE)
    section = soup.select_one("section#exercice-message")
    fr = STRINGS["fr"]["message"]
    assert section.select_one(".pc-ex__prive").get_text(strip=True).endswith(fr["private"])
    assert "rien n'est envoyé ni enregistré" in fr["private"]
    game = section.select_one(".pc-ex__jeu")
    assert game.has_attr("hidden")
    # No form, no name, no action: nothing can be submitted, even without the script
    assert not soup.select("form") and not section.select("[name], [action], [formaction]")
    labels = {label.get_text(strip=True): section.select_one("#" + label["for"]) for label in section.select("label")}
    assert list(labels) == ["À", "Objet", "Message", "Joindre un fichier"]
    to, subject, body, attach = labels.values()
    assert (to.name, to["type"], to["dir"]) == ("input", "email", "ltr")
    assert (subject["type"], body.name, attach["type"]) == ("text", "textarea", "file")
    for field in (to, subject, body):
        assert field["autocomplete"] == "off"
        # Errors are linked to their field
        error_id = field["aria-describedby"].split()[-1]
        assert error_id == field["id"] + "-erreur" and section.select_one("#" + error_id) is not None
    assert to["aria-describedby"] == "exercice-message-to-aide exercice-message-to-erreur"
    assert section.select_one("#exercice-message-to-aide bdi").get_text() == exercices.MESSAGE_ADDRESS
    assert section.select_one("#" + attach["aria-describedby"]).get_text() == fr["file_note"]
    assert [b.get_text() for b in game.select("button")] == [
        "Prendre le document d'exemple", "Retirer la pièce jointe", "Envoyer", "Recommencer"]
    assert game.select_one(".pc-ex__retour")["aria-live"] == "polite"
    # Without the script: the steps, with the invented address
    steps = [li.get_text(" ", strip=True) for li in section.select(".pc-ex__etapes li")]
    assert len(steps) == 5 and steps[0] == "Dans « À », écrivez l'adresse de la cantine : cantine@mairie.example"
    data = strings_of(section)
    assert data["to_no_at"] == "Il manque l'arobase @."
    assert data["ready"] == "Votre message est prêt. Dans ce cours, rien n'est envoyé."
    assert data["file"] == "certificat-scolarite.pdf" and "bonjour" in data["greetings"]
    assert "cordialement" in data["closings"] and "to" not in data


def test_message_in_arabic_keeps_the_address_field_left_to_right():
    section = build(MAIL_PAGE, "ar", "ar/" + URL).select_one("section#exercice-message")
    assert (section["lang"], section["dir"]) == ("ar", "rtl")
    to = section.select_one("input[type=email]")
    assert to["dir"] == "ltr"
    assert section.select_one(f"label[for={to['id']}]").get_text() == "إلى (À)"
    assert strings_of(section)["to_no_at"] == "ينقص الرمز @ (arobase)."


def test_piege_data_mistakes_fail_loudly():
    broken = exercices.Mail("caf", True, "X", "x@x.example", "Objet", ("{danger|Attention}",))
    with pytest.raises(ValueError, match="indice « danger »"):
        exercices._render_mail(broken, STRINGS["fr"]["piege"], "fr")
    twice = exercices.Mail("caf", True, "X", "x@x.example", "{urgency|Vite}", ("{urgency|Vite}",))
    with pytest.raises(ValueError, match="en double"):
        exercices._render_mail(twice, STRINGS["fr"]["piege"], "fr")


# --- Messages for contributors ----------------------------------------------


def error(text: str, first_line: int = 1) -> str:
    with pytest.raises(PluginError) as info:
        exercices.find_markers(textwrap.dedent(text), LESSON, first_line)
    return str(info.value)


def test_unknown_exercise_names_the_file_the_line_and_the_fix():
    # The fix lists every exercise there is
    assert error("# Titre\n\nTexte.\n<!-- exercice: sourie -->\n") == (
        f"{WHERE}, ligne 4 : l'exercice « sourie » n'existe pas.\n" + FIX)
    assert FIX.startswith("  → Écrivez <!-- exercice: souris -->, <!-- exercice: clavier -->, "
                          "<!-- exercice: piege -->, <!-- exercice: message -->")
    assert set(NAMES) <= set(exercices.SCRIPTS)
    assert error("<!-- exercice: piegee -->\n").endswith(FIX)


def test_missing_name_and_misspelt_keyword():
    assert error("<!-- exercice: -->\n") == f"{WHERE}, ligne 1 : il manque le nom de l'exercice.\n" + FIX
    assert error("Texte\n<!-- exercise: clavier -->\n") == (
        f"{WHERE}, ligne 2 : « exercise » n'est pas reconnu.\n"
        "  → Écrivez « exercice », en français et au singulier : <!-- exercice: clavier -->.")


def test_the_build_reports_the_file_line_even_after_the_front_matter():
    text = PAGE.replace("<!-- exercice: souris -->", "<!-- exercice: sourie -->")
    with pytest.raises(PluginError, match=rf"^{re.escape(WHERE)}, ligne 9 : l'exercice « sourie »"):
        build(text)


def test_markers_in_fenced_code_and_in_text_are_not_exercises():
    text = "Écrivez `<!-- exercice: souris -->` dans la page.\n\n~~~\n<!-- exercice: x -->\n~~~\n"
    assert exercices.find_markers(text, LESSON) == []


# --- Strings -------------------------------------------------------------------


# The same word in French and English
SAME = {"souris.document", "message.body"}


def flat(d: dict, prefix: str = "") -> dict:
    out = {}
    for key, value in d.items():
        if isinstance(value, dict):
            out.update(flat(value, f"{prefix}{key}."))
        else:
            out[prefix + key] = value
    return out


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_string_is_translated_with_the_same_placeholders(lang):
    fr, other = flat(STRINGS["fr"]), flat(STRINGS[lang])
    assert set(fr) == set(other), f"i18n/{lang}.yml › exercices : clés différentes de fr.yml"
    for key, value in fr.items():
        if isinstance(value, list):
            assert len(other[key]) == len(value) and all(other[key]), key
            continue
        assert other[key] and (other[key] != value or key in SAME), f"{lang}: « {key} » n'est pas traduit"
        assert set(re.findall(r"\{\w+\}", other[key])) == set(re.findall(r"\{\w+\}", value)), key
    if lang == "ar":
        # Arabic script, and the key names of the French keyboard
        assert all(re.search(r"[\u0600-\u06FF]", v) for v in flat(STRINGS["ar"]).values() if isinstance(v, str))
        assert "AltGr" in STRINGS["ar"]["clavier"]["wrong_altgr"]
        assert "Entrée" in STRINGS["ar"]["souris"]["double_key"]


def test_render_uses_only_existing_strings():
    for lang in ("fr", "ar", "en"):
        for name in NAMES:
            html = exercices.render_exercise(name, STRINGS[lang], lang)
            assert "None" not in html and "{" not in BeautifulSoup(html, "html.parser").get_text()


# --- Budget and privacy ----------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_each_exercise_fits_its_budget(name):
    paths = (JS[name], CSS, OWN_CSS[name])
    sizes = {path.name: len(gzip.compress(path.read_bytes(), 9)) for path in paths}
    print(f"\n{name} : {sizes} = {sum(sizes.values())} octets gzip (budget {BUDGET})")
    assert sum(sizes.values()) <= BUDGET, sizes


@pytest.mark.parametrize("name", NAMES)
def test_scripts_neither_store_nor_send_anything(name):
    code = JS[name].read_text(encoding="utf-8")
    for api in ("localStorage", "sessionStorage", "indexedDB", "document.cookie", "fetch(", "XMLHttpRequest",
                "sendBeacon", "WebSocket", "EventSource", ".submit(", "<form", "import(", "FileReader",
                ".text()", ".arrayBuffer(", "createObjectURL"):
        assert api not in code, f"exercice-{name}.js uses {api}"
    assert "?." not in code and "??" not in code, "optional chaining and ?? are ES2020"
    # One IIFE, one global
    assert code.rstrip().endswith("})();")
    assert set(re.findall(r"window\.(\w+)", code)) == {"ParentsConnectes"}


@pytest.mark.parametrize("name", NAMES)
def test_scripts_parse(name):
    if not shutil.which("node"):
        pytest.skip("Node.js absent : pas de vérification de syntaxe")
    result = subprocess.run(["node", "--check", str(JS[name])], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# --- The built site ------------------------------------------------------------------


def test_built_lessons_have_their_exercise_and_other_pages_none(site_dir):
    lessons = {"souris": "modules/01-bien-demarrer/03-la-souris-et-le-toucher.html",
               "clavier": "modules/01-bien-demarrer/05-accents-et-arobase.html",
               "piege": "modules/02-e-mail/06-reconnaitre-un-message-piege.html",
               "message": "modules/02-e-mail/04-ecrire-un-message.html"}
    for lang in ("fr", "ar", "en"):
        prefix = "" if lang == "fr" else f"{lang}/"
        for name, rel in lessons.items():
            page = site_dir / prefix / rel
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            section = soup.select_one(f"section#exercice-{name}")
            assert section is not None and section["lang"] == lang, f"{prefix}{rel}"
            assert strings_of(section)["restart"] == STRINGS[lang]["restart"]
            urls = lazy_urls(soup)
            for url in urls:
                assert (page.parent / url).resolve().is_file(), f"{prefix}{rel}: {url}"
            assert [u.rsplit("/", 1)[1] for u in urls] == [
                "exercices.css", f"exercice-{name}.css", f"exercice-{name}.js"], f"{prefix}{rel}"
    # The assets load only where an exercise is
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert ("exercices.css" in html) == ('class="pc-ex ' in html), page.relative_to(site_dir)

"""Practice exercises: ``<!-- exercice: souris -->``, ``clavier``, ``piege``, ``message``,
``educonnect``, ``ou-est-ce``, ``que-faire``, ``accord-ecrans``, ``ou-cliquer`` and ``fin-de-session``.

An author writes one of these comments on its own line in a lesson (any language
version). This file renders it at build time into a container that reads well without
JavaScript (the instructions, a message saying the exercise needs JavaScript, the steps
as a list); docs/assets/javascripts/exercice-<name>.js then turns it into the exercise.
The UI strings of the page language (``exercices:`` in i18n/<lang>.yml) travel in the
container's ``data-pc-strings`` attribute: no request, so it works from file:// too.

MkDocs events used:
- ``on_pre_build``: forgets the pages of the previous (per-language) build.
- ``on_page_markdown``: finds the markers (outside fenced code) in the page's source,
  so that error lines are the file's lines even after other hooks changed the Markdown;
  an unknown exercise stops the build with the file, the line and the fix
  (``common.content_error``). Each marker becomes a placeholder comment.
- ``on_page_content``: swaps each placeholder for its rendered container.
- ``on_post_page``: on those pages only, loads exercices.css (what the exercises share), the
  exercise's own stylesheet (exercice-<name>.css) and its script when the exercise comes near
  the screen (``common.lazy_assets``): a parent who stops before « À vous » downloads nothing
  for it, and lesson pages stay within the first-load budget.

In the page (vanilla ES2017, one IIFE each, only global ``window.ParentsConnectes``, safe to
load twice; nothing stored, nothing sent; the docs live here to keep the scripts small):

- exercice-souris.js: 6 steps, harder and harder (big, smaller, small button to click; a
  folder to double-click, then a smaller one; a document to drag onto a folder). Mouse,
  finger (pointer events: two taps within 800 ms = a double-click; drag with the finger)
  and keyboard (targets are <button>s: Enter twice within 1.5 s = a double-click; press
  the document, then the folder = drag and drop, which also serves pointers that cannot
  drag, WCAG 2.5.7). A kind word after each success, gentle help after a miss.
- exercice-clavier.js: the three texts of ``CLAVIER_TEXTS`` in a field checked as the
  parent types. It compares the field's value (NFC), not key events, so phones and dead
  keys work; a ^ or ¨ waiting for its vowel is not a mistake. On a mistake, or with
  « Je ne trouve pas la touche », it says which keys type the next character and
  highlights them, numbered in order, on a keyboard it draws (French PC AZERTY, always
  left to right): the simplest way first (key alone, then Maj, then AltGr; ê = ^ then e).
- exercice-piege.js, « Vrai ou piège ? » (module « Mon adresse e-mail »): the messages of
  ``PIEGE_MAILS``, rendered here as simple mail cards (sender's name and real address,
  subject, body; a link is text showing its real address, never a clickable link), each
  followed by its clues' explanations and the answer: without JavaScript, or printed, it
  is a worked example. The script shows them one at a time, turns each clue (sender,
  link, urgency, request for a code or a card, spelling) into a <button> that reveals its
  explanation (aria-expanded), then asks « vrai message » or « piège », explains, and
  ends with a score and kind words. For trainers: every name, address and link of these
  messages is invented; domains end in ``.example`` (reserved, RFC 2606), the genuine
  messages (a school, a family centre) too. The mail content stays French in every
  language, as parents receive it; the explanations and a summary of each message
  (``meaning``, under the card in ar and en) are in i18n/<lang>.yml › piege › messages.
- exercice-message.js: a practice e-mail to ``MESSAGE_ADDRESS`` with « À », « Objet »,
  « Message » and « Joindre un fichier », rendered here (hidden until the script runs; no
  <form>, no ``name``: nothing can be submitted; ``autocomplete="off"``). « Envoyer »
  checks the address (one @, a dot after it, no space: it says what is missing), a
  subject, a message and its signature, and gives a hint, not an error, when the greeting
  is missing (``GREETINGS``, ``CLOSINGS``). Errors sit under their field
  (aria-describedby, aria-invalid), a summary is announced (aria-live) and the first
  wrong field gets the focus. A chosen file is never read: only its name is shown, then
  the input is emptied; « Prendre le document d'exemple » attaches ``MESSAGE_FILE``
  (invented) where there is no file at hand (kiosk, phone).
- exercice-ou-cliquer.js, « Où cliquer ? », and exercice-fin-de-session.js, the checklist
  before leaving the kiosk (module « Mes démarches à la borne »): rendered by ex_demarches.py,
  whose docstring says how they work.

- exercice-educonnect.js and exercice-ou-est-ce.js (module « L'école en ligne »): an ÉduConnect
  activation rehearsal on drawn screens, and « Où est-ce ? » on a drawn Pronote-like menu. Their
  HTML, invented data and checks are described and rendered in ex_ecole.py, next to this file.
- exercice-que-faire.js and exercice-accord-ecrans.js (module « Écrans et réseaux sociaux »):
  rendered by ex_ecrans.py, whose docstring says how. « Que faire ? » shows one story at a
  time; each choice is a button that tells why it helps or harms and what to do; a summary
  with the 3018 ends it. The screen agreement: age buttons (aria-pressed) tick the rules
  suggested for that age, the parent changes them and may add one rule of their own; the
  agreement updates as they go; « Imprimer l'accord » prints a copy of it alone, one page.

Budget: each exercise's script, the shared exercices.css and its own stylesheet stay under
6 KB gzip together (tests/test_exercices.py); piege and message render their HTML here,
so their scripts stay small. French strings get no-break spaces before « : ; ! ? » here.

The parser (``find_markers``) and renderer (``render_exercise``) are plain functions,
tested without MkDocs in tests/test_exercices.py.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass

sys.path.insert(0, os.path.dirname(__file__))
import common  # noqa: E402
import ex_ecole  # noqa: E402  (module « L'école en ligne »)
import ex_ecrans  # noqa: E402
import ex_demarches  # noqa: E402

CSS = "assets/stylesheets/exercices.css"
SCRIPTS = {
    "souris": "assets/javascripts/exercice-souris.js",
    "clavier": "assets/javascripts/exercice-clavier.js",
    "piege": "assets/javascripts/exercice-piege.js",
    "message": "assets/javascripts/exercice-message.js",
    "educonnect": "assets/javascripts/exercice-educonnect.js",
    "ou-est-ce": "assets/javascripts/exercice-ou-est-ce.js",
    "que-faire": "assets/javascripts/exercice-que-faire.js",
    "accord-ecrans": "assets/javascripts/exercice-accord-ecrans.js",
    "ou-cliquer": "assets/javascripts/exercice-ou-cliquer.js",
    "fin-de-session": "assets/javascripts/exercice-fin-de-session.js",
}
# Each exercise's own styles, loaded after the shared exercices.css on its pages only
STYLES = {
    "souris": "assets/stylesheets/exercice-souris.css",
    "clavier": "assets/stylesheets/exercice-clavier.css",
    "piege": "assets/stylesheets/exercice-piege.css",
    "message": "assets/stylesheets/exercice-message.css",
    "educonnect": "assets/stylesheets/exercice-educonnect.css",
    "ou-est-ce": "assets/stylesheets/exercice-ou-est-ce.css",
    "que-faire": "assets/stylesheets/exercice-que-faire.css",
    "accord-ecrans": "assets/stylesheets/exercice-accord-ecrans.css",
    "ou-cliquer": "assets/stylesheets/exercice-ou-cliquer.css",
    "fin-de-session": "assets/stylesheets/exercice-fin-de-session.css",
}
# The texts the parent types: French on a French keyboard, the same in every language
CLAVIER_TEXTS = ("prenom.nom@example.org", "fenêtre", "Roubaix")
SOURIS_STEPS = 6
PLACEHOLDER = "<!-- pc-exercice {n} -->"
# Strings rendered here only; the others go to the script (data-pc-strings)
BUILD_ONLY = {"title", "intro", "private", "no_js", "steps_title"}
# piege and message render most of their HTML here: their scripts get these strings only
JS_STRINGS = {
    "piege": ("step", "seen", "right", "wrong", "answer_real", "answer_trap", "next", "see_score",
              "score", "score_all", "score_some", "score_low"),
    "message": ("to_empty", "to_space", "to_no_at", "to_two_at", "to_no_name", "to_no_end", "to_no_dot",
                "to_dot", "subject_empty", "body_empty", "no_signature", "no_greeting", "not_ready", "ready"),
    **ex_ecole.JS_STRINGS,
    "que-faire": ("step", "next", "see_summary", "again"),
    "accord-ecrans": ("age_line", "own_title", "suggested"),
    "ou-cliquer": ("step", "part", "encouragements", "miss", "show", "logout", "login", "downloaded", "done",
                   "screens"),
    "fin-de-session": ("count", "all_done", "cleared"),
}


@dataclass(frozen=True)
class Mail:
    """A message of « Vrai ou piège ? », in French as parents receive it.

    ``subject`` and ``body`` (one string a paragraph) mark clues as ``{kind|text}`` and a
    link as ``{link|label|url}``; the sender's address is always a clue (``sender``).
    Each clue's explanation, the ``answer`` and the ``meaning`` are in i18n/<lang>.yml ›
    exercices › piege › messages › ``key``.
    """

    key: str
    trap: bool
    name: str
    address: str
    subject: str
    body: tuple[str, ...]


CLUES = ("sender", "link", "urgency", "request", "spelling")
# Invented: every domain ends in .example (reserved); the content stays French in every language
PIEGE_MAILS = (
    Mail("caf", True, "CAF – Service des aides", "remboursement@caf-remboursement.example",
         "Remboursement de 248,30 € en attente", (
             "Bonjour,",
             "Après un nouveau calcul de vos droits, vous avez droit à un remboursement de 248,30 €.",
             "{urgency|Dernier délai : sans réponse sous 24 heures, ce remboursement sera perdu.}",
             "Pour le recevoir, {request|confirmez votre numéro de carte bancaire et le code reçu par SMS} "
             "sur notre site :",
             "{link|Recevoir mon remboursement|https://caf-remboursement.example/dossier}",
             "Le service des aides",
         )),
    Mail("ecole", False, "École des Tilleuls", "secretariat@ecole-des-tilleuls.example",
         "Réunion avec l'enseignante, jeudi 14 novembre", (
             "Bonjour,",
             "La réunion avec l'enseignante de votre enfant aura lieu le jeudi 14 novembre à 17 h 30, "
             "dans sa classe.",
             "{request|Merci de nous dire si vous venez : répondez à ce message, "
             "ou écrivez un mot dans le cahier de liaison.}",
             "Bonne journée,",
             "Le secrétariat de l'école des Tilleuls",
         )),
    Mail("ameli", True, "Assurance Maladie", "carte-vitale@renouvellement-sante.example",
         "URGENT : votre carte Vitale expire", (
             "Madame, Monsieur,",
             "Votre carte Vitale arrive à expiration. "
             "{urgency|Sans mise à jour avant demain, vos soins ne seront plus remboursés.}",
             "Pour recevoir la nouvelle carte, {request|payez 2,99 € de frais d'envoi et donnez votre numéro "
             "de sécurité sociale et votre mot de passe ameli} :",
             "{link|Commander ma nouvelle carte|https://ameli.renouvellement-sante.example/carte-vitale}",
             "Le service Carte Vitale",
         )),
    Mail("colis", True, "Livraison Colis", "suivi@livraison-colis24.example",
         "Votre colis est bloqué", (
             "Bonjour,",
             "{spelling|Nous n'avons pas pu livrer votre colis car des frais de livraison n'ont pas été payer.}",
             "{request|Réglez 1,99 € par carte bancaire} pour recevoir votre colis. "
             "{urgency|Sans paiement sous 48 heures, il sera renvoyé.}",
             "{link|Payer et choisir une date de livraison|http://livraison-colis24.example/payer}",
             "Le service client",
         )),
    Mail("centre", False, "Maison des familles", "atelier@maison-des-familles.example",
         "Rappel : atelier e-mail mardi à 9 h 30", (
             "Bonjour,",
             "Comme prévu à votre inscription, l'atelier « Mon adresse e-mail » a lieu mardi "
             "de 9 h 30 à 11 h 30, salle 2.",
             "Le plan pour venir : {link|Plan d'accès|https://maison-des-familles.example/plan}",
             "{request|Si vous ne pouvez pas venir, répondez simplement à ce message.}",
             "À mardi,",
             "Nadia, animatrice de l'atelier",
         )),
)
CLUE_RE = re.compile(r"\{(?P<kind>\w+)\|(?P<text>[^|{}]+)(?:\|(?P<url>[^|{}]+))?\}")

# The practice e-mail: an invented address and document
MESSAGE_ADDRESS = "cantine@mairie.example"
MESSAGE_FILE = "certificat-scolarite.pdf"
# A message starting with one of these says hello (lower case; a hint only if missing)
GREETINGS = ("bonjour", "bonsoir", "madame", "monsieur", "mme", "cher", "chère", "salut", "hello", "hi",
             "dear", "good morning", "السلام", "مرحبا", "صباح")
# A last line that is only one of these is not a signature: the name is missing
CLOSINGS = ("cordialement", "bien cordialement", "merci", "merci beaucoup", "merci d'avance",
            "bien à vous", "salutations", "bonne journée", "à bientôt", "regards", "thank you", "thanks",
            "شكرا", "مع التحية")
RTL_LANGUAGES = {"ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"}

MARKER_RE = re.compile(r"^(?P<indent>\s*)<!--\s*(?P<word>exerci[cs]es?)\s*:?\s*(?P<name>.*?)\s*-->\s*$", re.I)
FENCE_RE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
_NAMES = [f"<!-- exercice: {name} -->" for name in SCRIPTS]
FIX = f"Écrivez {', '.join(_NAMES[:-1])} ou {_NAMES[-1]}."


@dataclass
class Marker:
    name: str
    line: int  # in the file
    index: int  # in the parsed text
    indent: str = ""


# --- Parser ------------------------------------------------------------------

def find_markers(text: str, path, first_line: int = 1) -> list[Marker]:
    """Every ``<!-- exercice: … -->`` line of ``text`` outside fenced code.

    ``first_line`` is the file line of ``text``'s first line. Raises
    ``common.content_error`` (a PluginError) for an unknown or misspelt exercise.
    """
    markers = []
    fence = ""
    for index, raw in enumerate(text.splitlines()):
        stripped = raw.strip()
        if fence:
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
            continue
        match = FENCE_RE.match(raw)
        if match:
            fence = match.group("fence")
            continue
        match = MARKER_RE.match(raw)
        if not match:
            continue
        line = first_line + index
        # « piège » or « Piege » is piege
        name = "".join(c for c in unicodedata.normalize("NFD", match.group("name").strip().lower())
                       if not unicodedata.combining(c))
        if match.group("word").lower() != "exercice":
            raise common.content_error(
                path, line, f"« {match.group('word')} » n'est pas reconnu.",
                f"Écrivez « exercice », en français et au singulier : <!-- exercice: {name or 'souris'} -->.")
        if not name:
            raise common.content_error(path, line, "il manque le nom de l'exercice.", FIX)
        if name not in SCRIPTS:
            raise common.content_error(path, line, f"l'exercice « {match.group('name').strip()} » n'existe pas.", FIX)
        markers.append(Marker(name, line, index, match.group("indent")))
    return markers


# --- Renderer ----------------------------------------------------------------

def direction(lang: str) -> str:
    return "rtl" if lang.split("-")[0].lower() in RTL_LANGUAGES else "ltr"


def french_spaces(value):
    """No line break before « : ; ! ? » or inside « » (French typography): on a phone, a
    lone « : » starting a line puzzles a reader. Strings, lists and dicts alike."""
    if isinstance(value, str):
        return re.sub(r" ([:;!?»])", "\u00a0\\1", value).replace("« ", "«\u00a0")
    if isinstance(value, list):
        return [french_spaces(v) for v in value]
    if isinstance(value, dict):
        return {k: french_spaces(v) for k, v in value.items()}
    return value


def render_exercise(name: str, strings: dict, lang: str, number: int = 1) -> str:
    """The container for exercise ``name``; ``strings`` is the ``exercices:`` section of
    i18n/<lang>.yml. ``number`` tells two exercises of the same page apart (ids)."""
    if lang.split("-")[0] == "fr":
        strings = french_spaces(strings)
    own = strings[name]
    base = f"exercice-{name}" + (f"-{number}" if number > 1 else "")
    if name in JS_STRINGS:
        data = {key: own.get(key, strings.get(key)) for key in JS_STRINGS[name]}
        data["restart"] = strings["restart"]
    else:
        data = {key: value for key, value in {**strings, **own}.items()
                if key not in SCRIPTS and key not in BUILD_ONLY}
    game = tail = ""
    if name in ex_ecrans.RENDER:
        steps, game, tail = ex_ecrans.RENDER[name](base, own, strings, lang)
    elif name == "clavier":
        data["texts"] = list(CLAVIER_TEXTS)
        steps = [f'{_esc(own[f"task_{n}"])} {_model(text)}' for n, text in enumerate(CLAVIER_TEXTS, 1)]
    elif name == "piege":
        steps = [_render_mail(mail, own, lang) for mail in PIEGE_MAILS]
        game = _piege_game(base, own, strings)
    elif name == "message":
        data.update(greetings=list(GREETINGS), closings=list(CLOSINGS), file=MESSAGE_FILE)
        steps = [_esc(own["step_1"]) + " " + _model(MESSAGE_ADDRESS),
                 *(_esc(own[f"step_{n}"]) for n in range(2, 6))]
        game = _message_game(base, own, strings)
    elif name in ex_ecole.RENDER:
        steps, game = ex_ecole.RENDER[name](base, own, strings, lang, direction(lang), data)
    elif name in ex_demarches.RENDER:
        steps, game, extra = ex_demarches.RENDER[name](base, own, strings, lang, direction(lang) == "rtl")
        data.update(extra)
    else:
        steps = [_esc(own[f"step_{n}"]) for n in range(1, SOURIS_STEPS + 1)]
    out = [
        f'<section class="pc-ex pc-ex--{name}" id="{base}" lang="{_attr(lang)}" dir="{direction(lang)}" '
        f'aria-labelledby="{base}-titre" data-pc-exercice="{name}" data-search-exclude '
        f'data-pc-strings="{_attr(json.dumps(data, ensure_ascii=False, separators=(",", ":")))}">',
        f'<p class="pc-ex__titre" id="{base}-titre">{_esc(own["title"])}</p>',
        f'<p class="pc-ex__intro">{_esc(own["intro"])}</p>',
    ]
    if "private" in own:
        out.append(f'<p class="pc-ex__prive"><span aria-hidden="true">🔒</span> {_esc(own["private"])}</p>')
    if "invented" in own:
        out.append(f'<p class="pc-ex__prive"><span aria-hidden="true">ℹ</span> {_esc(own["invented"])}</p>')
    no_js = own.get("no_js", strings["no_js"])
    out.append(f'<p class="pc-ex__sans-js" role="note"><span aria-hidden="true">ℹ</span> {_esc(no_js)}</p>')
    if game:
        out.append(game)
    out.append(f'<div class="pc-ex__etapes"><p>{_esc(own.get("answers_title", strings["steps_title"]))}</p><ol>')
    out.extend(f"<li>{step}</li>" for step in steps)
    out.append("</ol></div>" + tail + "</section>")
    return "\n".join(out)


def _model(text: str) -> str:
    """Latin text to type (French, left to right, not translated)."""
    return f'<strong class="pc-ex__modele" lang="fr" dir="ltr" translate="no">{_esc(text)}</strong>'


def _rich(text: str) -> str:
    """A string of i18n/<lang>.yml where `backquotes` mark an address (left to right)."""
    return re.sub(r"`([^`]+)`", r'<bdi class="pc-ex__adr" dir="ltr" translate="no">\1</bdi>', _esc(text))


def _button(label: str, css: str = "pc-ex__bouton", extra: str = "") -> str:
    return f'<button type="button" class="{css}"{extra}>{_esc(label)}</button>'


# --- « Vrai ou piège ? » -----------------------------------------------------------

def _piege_game(base: str, own: dict, strings: dict) -> str:
    """The game's frame, hidden until exercice-piege.js fills it (one card at a time)."""
    return "\n".join([
        '<div class="pc-ex__jeu" hidden>',
        f'<p class="pc-ex__progres" id="{base}-progres"></p>',
        f'<p class="pc-ex__consigne" id="{base}-consigne">{_esc(own["task"])}</p>',
        '<p class="pc-ex__astuce pc-mail__vus"></p>',
        '<div class="pc-mail__place"></div>',
        '<p class="pc-ex__actions pc-mail__choix">'
        + _button(own["real"], extra=' data-choix="vrai"') + _button(own["trap"], extra=' data-choix="piege"') + "</p>",
        '<div class="pc-ex__retour" aria-live="polite"></div>',
        '<p class="pc-ex__actions">' + _button(own["next"], "pc-ex__bouton pc-ex__bouton--suite", " hidden")
        + _button(strings["restart"], "pc-ex__bouton pc-mail__recommencer", " hidden") + "</p>",
        "</div>",
    ])


def _render_mail(mail: Mail, own: dict, lang: str) -> str:
    """A message as a simple mail card (French, left to right), its clues' explanations
    after the line that holds them, then the meaning (not in French) and the answer."""
    texts = own["messages"][mail.key]
    attrs = f' lang="{_attr(lang)}" dir="{direction(lang)}"'
    fr = lang.split("-")[0] == "fr"
    seen: list[str] = []  # one explanation per kind of clue and message

    def explain(kinds):
        return "".join(f'\n<p class="pc-mail__pourquoi" data-indice="{k}"{attrs}>{_rich(texts[k])}</p>'
                       for k in kinds)

    def line(text):
        """A line of the message: its HTML, and the kinds of the clues it holds."""
        text = french_spaces(text)
        kinds, out, pos = [], [], 0
        for m in CLUE_RE.finditer(text):
            kind = m.group("kind")
            if kind not in CLUES[1:] or kind in seen or kind not in texts:
                raise ValueError(f"PIEGE_MAILS › {mail.key} : indice « {kind} » inconnu, en double ou sans texte")
            kinds.append(kind)
            seen.append(kind)
            inner = _esc(m.group("text"))
            if m.group("url"):
                inner = (f'<span class="pc-mail__lien">{inner}</span> <span class="pc-mail__url">'
                         f'<span{attrs}>{_esc(own["link_address"])}</span> '
                         f'<bdi class="pc-ex__adr" dir="ltr" translate="no">{_esc(m.group("url"))}</bdi></span>')
            out += [_esc(text[pos:m.start()]), f'<span class="pc-mail__indice" data-indice="{kind}">{inner}</span>']
            pos = m.end()
        return "".join(out) + _esc(text[pos:]), kinds

    subject, subject_kinds = line(mail.subject)
    out = [
        f'<article class="pc-mail" lang="fr" dir="ltr" data-verdict="{"piege" if mail.trap else "vrai"}">',
        f'<p class="pc-mail__entete"><span class="pc-mail__champ">De\u00a0:</span> '
        f'<span class="pc-mail__nom">{_esc(mail.name)}</span> <span class="pc-mail__indice" data-indice="sender">'
        f'<bdi class="pc-ex__adr" dir="ltr" translate="no">&lt;{_esc(mail.address)}&gt;</bdi></span></p>'
        + explain(["sender"]),
        f'<p class="pc-mail__entete"><span class="pc-mail__champ">Objet\u00a0:</span> '
        f'<strong>{subject}</strong></p>' + explain(subject_kinds),
    ]
    for paragraph in mail.body:
        text, kinds = line(paragraph)
        out.append(f"<p>{text}</p>" + explain(kinds))
    out.append("</article>")
    if not fr:
        out.append(f'<p class="pc-mail__sens"><strong>{_esc(own["meaning"])}</strong> '
                   f'{_rich(texts["meaning"])}</p>')
    answer = own["answer_trap"] if mail.trap else own["answer_real"]
    out.append(f'<p class="pc-mail__reponse"><strong>{_esc(answer)}</strong> '
               f'<span class="pc-mail__raison">{_rich(texts["answer"])}</span></p>')
    return "\n".join(out)


# --- Practice e-mail ---------------------------------------------------------------

def _message_game(base: str, own: dict, strings: dict) -> str:
    """The practice e-mail, hidden until exercice-message.js wires it. No <form> and no
    ``name``: nothing can be submitted, even by a browser without the script."""
    off = ' autocomplete="off"'

    def field(key, control, hint=""):
        ids = f"{base}-{key}-erreur"
        if hint:
            ids = f"{base}-{key}-aide {ids}"
            hint = f'\n<p class="pc-ex__astuce" id="{base}-{key}-aide">{hint}</p>'
        control = control.format(id=f"{base}-{key}", described=f' aria-describedby="{ids}"', key=key)
        return (f'<div class="pc-msg__case">\n<label class="pc-ex__etiquette" for="{base}-{key}">'
                f'{_esc(own[key])}</label>\n{control}{hint}\n'
                f'<p class="pc-ex__erreur" id="{base}-{key}-erreur"></p>\n</div>')

    to_hint = f'{_esc(own["to_hint"])} <bdi class="pc-ex__adr" dir="ltr" translate="no">{_esc(MESSAGE_ADDRESS)}</bdi>'
    return "\n".join([
        '<div class="pc-ex__jeu" hidden>',
        '<div class="pc-msg">',
        field("to", '<input class="pc-ex__champ" id="{id}" type="email" dir="ltr" data-champ="{key}"' + off
              + ' autocapitalize="off" spellcheck="false"{described}>', to_hint),
        field("subject", '<input class="pc-ex__champ" id="{id}" type="text" dir="auto" data-champ="{key}"'
              + off + "{described}>"),
        field("body", '<textarea class="pc-ex__champ" id="{id}" rows="7" dir="auto" data-champ="{key}"'
              + off + "{described}></textarea>"),
        '<div class="pc-msg__case">',
        f'<input class="pc-msg__fichier" id="{base}-fichier" type="file" aria-describedby="{base}-fichier-note">',
        f'<label class="pc-msg__joindre" for="{base}-fichier">{_esc(own["attach"])}</label>',
        _button(own["sample"], "pc-ex__bouton pc-msg__exemple"),
        f'<p class="pc-ex__astuce" id="{base}-fichier-note">{_esc(own["file_note"])}</p>',
        f'<p class="pc-msg__piece" hidden>{_esc(own["attached"])} <bdi class="pc-msg__nom-fichier"></bdi> '
        + _button(own["remove"], "pc-ex__bouton pc-msg__retirer") + "</p>",
        "</div>",
        "</div>",
        '<p class="pc-ex__actions">' + _button(own["send"], "pc-ex__bouton pc-ex__bouton--suite pc-msg__envoyer")
        + _button(strings["restart"], "pc-ex__bouton pc-msg__recommencer", " hidden") + "</p>",
        '<div class="pc-ex__retour" aria-live="polite"></div>',
        "</div>",
    ])


def _esc(text) -> str:
    return html.escape(str(text), quote=False)


def _attr(text) -> str:
    return html.escape(str(text), quote=True)


# --- Hooks -------------------------------------------------------------------

_rendered: dict[str, list[str]] = {}  # page src_uri → rendered containers
_assets: dict[str, list[list[str]]] = {}  # page src_uri → [stylesheet URLs, script URLs]


def on_pre_build(config):
    _rendered.clear()
    _assets.clear()


def on_page_markdown(markdown, page, config, files):
    if "<!--" not in markdown:
        return markdown
    # Errors name the lines of the file itself (other hooks may have changed the Markdown)
    source = getattr(page.file, "content_string", "") or ""
    find_markers(source, page.file.abs_src_path or page.file.src_uri)
    markers = find_markers(markdown, page.file.abs_src_path or page.file.src_uri)
    if not markers:
        return markdown
    lang = common.page_language(config)
    strings = common.ui_strings(lang)["exercices"]
    lines = markdown.splitlines()
    counts: dict[str, int] = {}
    rendered = []
    for n, marker in enumerate(markers):
        counts[marker.name] = counts.get(marker.name, 0) + 1
        rendered.append(render_exercise(marker.name, strings, lang, counts[marker.name]))
        lines[marker.index] = f"\n{marker.indent}{PLACEHOLDER.format(n=n)}\n"
    _rendered[page.file.src_uri] = rendered
    styles = [CSS, *(STYLES[name] for name in STYLES if name in counts)]
    scripts = [SCRIPTS[name] for name in SCRIPTS if name in counts]
    _assets[page.file.src_uri] = [[common.asset_url(path, page, files) for path in paths] for paths in (styles, scripts)]
    return "\n".join(lines)


def on_page_content(html_, page, config, files):
    return common.swap_placeholders(html_, PLACEHOLDER, _rendered.get(page.file.src_uri) or [])


def on_post_page(output, page, config):
    urls = _assets.get(page.file.src_uri)
    if not urls:
        return output
    styles, scripts = urls
    return common.lazy_assets(output, ".pc-ex", styles + scripts)



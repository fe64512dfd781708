"""Build-time rendering of the exercises of module « Écrans et réseaux sociaux »:
``que-faire`` and ``accord-ecrans``. Imported by exercices.py (not listed in mkdocs.yml).

« Que faire ? » (lesson 06-le-cyberharcelement): the stories of ``QUE_FAIRE``, each with
three choices (a, b, c) and exactly one good one. Texts are in i18n/<lang>.yml › exercices ›
que-faire › scenarios › <key> (``story``, ``a``, ``a_why``…, ``action``); which choice is good
lives here, the same in every language. Rendered as worked examples (the story, every choice
with « Bonne idée » or « Mauvaise idée » and why, then what to do), followed by the summary
with the 3018 and the sources: that is what a parent reads without JavaScript, or printed.

« Notre accord écrans » (lesson 08-creer-et-apprendre-en-famille): the rules of ``ACCORD``,
grouped by situation, each shown for some age ranges and suggested (pre-ticked) for some.
Ages follow the 3-6-9-12 milestones (Serge Tisseron) and the « commission écrans » report
(30 April 2024, info.gouv.fr): no screen before 3; little, with an adult, before 6; no
personal console before 6; Internet only with an adult before 9; no personal phone before
11; a phone without Internet before 13; no social network before 15. Rendered twice: the
list of rules with the ages they suit (without JavaScript, or printed), and the builder
(hidden until the script runs): age buttons, one checkbox a rule, one free text field (no
``name``, no <form>, ``autocomplete="off"``: nothing can be sent), the agreement and
« Imprimer l'accord ».
"""

from __future__ import annotations

import html

AGES = ("0-3", "3-6", "6-9", "9-12", "12+")
ALL = " ".join(AGES)
OLDER = "3-6 6-9 9-12 12+"
SCHOOL = "6-9 9-12 12+"

# (story key, the good choice)
QUE_FAIRE = (("photo", "b"), ("chantage", "c"), ("skins", "a"), ("moqueur", "b"))
CHOICES = ("a", "b", "c")

# situation → (rule, ages where it is shown, ages where it is pre-ticked)
ACCORD = (
    ("jour", (("sans_ecran", "0-3", "0-3"), ("avec_adulte", "3-6", "3-6"),
              ("parler", OLDER, "3-6 6-9 9-12"), ("parents", ALL, ALL))),
    ("repas", (("repas_sans", ALL, ALL), ("tele_eteinte", "0-3 3-6 6-9", "0-3 3-6"))),
    ("coucher", (("soir", OLDER, OLDER), ("nuit", SCHOOL, "9-12 12+"))),
    ("devoirs", (("devoirs_avant", SCHOOL, "6-9 9-12"), ("devoirs_tel", "9-12 12+", "9-12 12+"))),
    ("weekend", (("sortie", ALL, ALL), ("duree", OLDER, OLDER), ("ensemble", OLDER, "3-6 6-9"))),
    ("chambre", (("chambre_sans", ALL, ALL), ("salon", "3-6 6-9 9-12", "3-6 6-9 9-12"))),
    ("jeux", (("console", "3-6", "3-6"), ("pegi", OLDER, OLDER), ("achats", SCHOOL, SCHOOL),
              ("inconnus", SCHOOL, SCHOOL))),
    ("internet", (("internet_adulte", "6-9", "6-9"), ("controle", SCHOOL, SCHOOL),
                  ("telephone", "6-9 9-12", "6-9 9-12"), ("smartphone", "9-12 12+", "9-12 12+"),
                  ("reseaux", "9-12 12+", "9-12 12+"))),
)
OWN_MAX = 150  # characters of the parent's own rule


def _esc(text) -> str:
    return html.escape(str(text), quote=False)


def _attr(text) -> str:
    return html.escape(str(text), quote=True)


def _button(label: str, css: str = "pc-ex__bouton", extra: str = "") -> str:
    return f'<button type="button" class="{css}"{extra}>{_esc(label)}</button>'


def check_data() -> None:
    """A mistake in the tables above fails loudly, with what to fix."""
    for key, good in QUE_FAIRE:
        if good not in CHOICES:
            raise ValueError(f"QUE_FAIRE › {key} : le bon choix doit être a, b ou c")
    seen = set()
    for situation, rules in ACCORD:
        for key, shown, ticked in rules:
            if key in seen:
                raise ValueError(f"ACCORD › {situation} : la règle « {key} » est en double")
            seen.add(key)
            if not set(shown.split()) <= set(AGES) or not set(ticked.split()) <= set(shown.split()):
                raise ValueError(f"ACCORD › {key} : âges inconnus, ou cochée pour un âge où elle n'est pas montrée")
    for age in AGES:
        if not any(age in ticked.split() for _, rules in ACCORD for _, _, ticked in rules):
            raise ValueError(f"ACCORD : aucune règle conseillée pour « {age} »")


# --- « Que faire ? » -------------------------------------------------------------------

def render_que_faire(base: str, own: dict, strings: dict, lang: str):
    """(steps, game, tail): each story as a worked example; the game's frame; the summary."""
    steps = []
    for key, good in QUE_FAIRE:
        texts = own["scenarios"][key]
        choices = []
        for letter in CHOICES:
            verdict = "bon" if letter == good else "mauvais"
            mark = ("✓ " + own["good"]) if letter == good else ("✗ " + own["bad"])
            choices.append(
                f'<li data-choix="{letter}" data-verdict="{verdict}"><span class="pc-qf__texte">'
                f'{_esc(texts[letter])}</span> <span class="pc-qf__raison"><strong>{_esc(mark)}</strong> '
                f'{_esc(texts[letter + "_why"])}</span></li>')
        steps.append("\n".join([
            f'<article class="pc-qf" data-bon="{good}">',
            f'<p class="pc-qf__histoire">{_esc(texts["story"])}</p>',
            f'<p class="pc-qf__question">{_esc(own["question"])}</p>',
            '<ol class="pc-qf__choix" type="A">', *choices, "</ol>",
            f'<p class="pc-qf__action"><strong>{_esc(own["todo"])}</strong> {_esc(texts["action"])}</p>',
            "</article>",
        ]))
    game = "\n".join([
        '<div class="pc-ex__jeu" hidden>',
        f'<p class="pc-ex__progres" id="{base}-progres"></p>',
        '<div class="pc-qf__place"></div>',
        '<div class="pc-ex__retour" aria-live="polite"></div>',
        '<p class="pc-ex__actions">' + _button(own["next"], "pc-ex__bouton pc-ex__bouton--suite", " hidden")
        + _button(strings["restart"], "pc-ex__bouton pc-qf__recommencer", " hidden") + "</p>",
        "</div>",
    ])
    tail = "\n".join([
        f'<div class="pc-qf__resume" id="{base}-resume" tabindex="-1">',
        f'<p class="pc-ex__titre">{_esc(own["summary_title"])}</p>',
        "<ul>", *(f"<li>{_esc(item)}</li>" for item in own["summary"]), "</ul>",
        f'<p class="pc-ex__astuce">{_esc(own["sources"])}</p>',
        "</div>",
    ])
    return steps, game, tail


# --- « Notre accord écrans » ------------------------------------------------------------

def _ages_text(ticked: str, own: dict) -> str:
    ages = ticked.split()
    return own["all_ages"] if len(ages) == len(AGES) else ", ".join(own["ages"][a] for a in ages)


def render_accord(base: str, own: dict, strings: dict, lang: str):
    """(steps, game, tail): the rules with their ages; the builder; the sources."""
    steps = []
    for situation, rules in ACCORD:
        items = "".join(
            f'<li>{_esc(own["rules"][key])} <span class="pc-accord__ages">({_esc(own["advised_for"])} '
            f'{_esc(_ages_text(ticked, own))})</span></li>' for key, _, ticked in rules)
        steps.append(f'<strong>{_esc(own["situations"][situation])}</strong><ul>{items}</ul>')

    ages = "".join(_button(own["ages"][age], "pc-ex__bouton pc-accord__age",
                           f' aria-pressed="false" data-age="{age}"') for age in AGES)
    fieldsets = []
    for situation, rules in ACCORD:
        boxes = "".join(
            f'<li data-ages="{shown}" data-conseil="{ticked}"><input type="checkbox" id="{base}-{key}" '
            f'autocomplete="off" data-regle="{key}"><label for="{base}-{key}">{_esc(own["rules"][key])}</label></li>'
            for key, shown, ticked in rules)
        fieldsets.append(f'<fieldset class="pc-accord__situation" data-situation="{situation}">'
                         f'<legend>{_esc(own["situations"][situation])}</legend><ul>{boxes}</ul></fieldset>')
    game = "\n".join([
        '<div class="pc-ex__jeu" hidden>',
        f'<div class="pc-accord__ages-choix" role="group" aria-labelledby="{base}-age">',
        f'<p class="pc-ex__consigne" id="{base}-age">{_esc(own["age_question"])}</p>',
        f'<p class="pc-ex__actions">{ages}</p>',
        "</div>",
        '<p class="pc-ex__retour" aria-live="polite"></p>',
        '<div class="pc-accord__regles" hidden>',
        f'<p class="pc-ex__consigne">{_esc(own["rules_title"])}</p>',
        f'<p class="pc-ex__astuce">{_esc(own["rules_hint"])}</p>',
        *fieldsets,
        '<div class="pc-accord__propre">',
        f'<label class="pc-ex__etiquette" for="{base}-propre">{_esc(own["own_label"])}</label>',
        f'<p class="pc-ex__astuce" id="{base}-propre-aide">{_esc(own["own_hint"])}</p>',
        f'<input class="pc-ex__champ" id="{base}-propre" type="text" dir="auto" maxlength="{OWN_MAX}" '
        f'autocomplete="off" aria-describedby="{base}-propre-aide">',
        "</div>",
        f'<div class="pc-accord__feuille" lang="{_attr(lang)}" role="region" aria-labelledby="{base}-accord">',
        f'<p class="pc-accord__titre" id="{base}-accord">{_esc(own["agreement_title"])}</p>',
        '<p class="pc-accord__age-choisi"></p>',
        '<div class="pc-accord__liste"></div>',
        f'<p class="pc-accord__vide">{_esc(own["empty"])}</p>',
        '<p class="pc-accord__signatures">' + "".join(
            f'<span>{_esc(own[k])} <span class="pc-accord__ligne"></span></span>'
            for k in ("sign_child", "sign_parents", "date")) + "</p>",
        "</div>",
        '<p class="pc-ex__actions">' + _button(own["print"], "pc-ex__bouton pc-ex__bouton--suite pc-accord__imprimer")
        + "</p>",
        f'<p class="pc-ex__astuce">{_esc(own["print_hint"])}</p>',
        "</div>",
        "</div>",
    ])
    tail = f'<p class="pc-ex__astuce pc-accord__sources">{_esc(own["sources"])}</p>'
    return steps, game, tail


RENDER = {"que-faire": render_que_faire, "accord-ecrans": render_accord}
check_data()

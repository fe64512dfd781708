"""Exercises of the module « Mes démarches à la borne »: ``ou-cliquer`` and ``fin-de-session``.

Imported by exercices.py (not a hook: not listed in mkdocs.yml). Each ``render_*`` function
returns the worked version (list items, read without JavaScript or printed) and the game's
HTML (hidden until the script runs); exercices.render_exercise puts them in the container.

« Où cliquer ? » (exercice-ou-cliquer.js): the screens of ``OU_CLIQUER`` drawn in HTML, one
at a time: the account home of ameli, « Mes démarches », the attestation de droits; then
caf.fr, « Mon Compte », « Mes attestations », the attestation de paiement. Every link or
button of a screen is a <button> (mouse, finger, keyboard); the right one has
``data-bon``. A click elsewhere gets the screen's hint, a second one frames the right
place. The last click of each part shows a drawn « fichier téléchargé »: nothing is
downloaded. The screens keep the services' French labels in every language (as the
parent will see them) and carry « Ceci est un exercice » in the page language; names and
numbers are invented; no logo. Labels: ameli's « Mes démarches » › « Obtenir une attestation
de droits » (service-public.fr F10662), caf.fr › « Mon Compte » › « Mes attestations » ›
« Attestation de paiement » › « Télécharger » (course-outline A4). Menus change: the
exercise says so, and says to look for the same words.

« Fin de session » (exercice-fin-de-session.js): the four checks of docs/borne/index*.md
(same titles, same order; tests/test_exercices_05_demarches_en_ligne.py compares them),
each with why and how. Without JavaScript: a plain list. With it: a checkbox per check, a
button that opens its « Pourquoi ? Comment ? », « Vous pouvez partir » when all are ticked.
It keeps nothing: no storage, unticked on load, emptied when the page is hidden, one
minute after the last tick (``FIN_RESET_S``) and with « Recommencer ».
"""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class Ecran:
    """A drawn screen. ``right`` is the label to click: in ``header``, ``menu`` or ``items``.
    Its task and hint are in i18n/<lang>.yml › exercices › ou-cliquer › screens › ``key``."""

    key: str
    site: str
    title: str
    right: str
    items: tuple[str, ...] = ()
    menu: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    text: tuple[str, ...] = ()
    file: str = ""  # the drawn download after the right click (the end of a part)
    who: str = "Karim Benali"  # invented; shown in the header once logged in
    tab: str = ""  # the menu item of this page (aria-current), when it is not the title


# As the lessons 03-mon-compte-ameli and 04-mon-compte-caf draw them (images/*.svg)
AMELI = {"site": "ameli", "menu": ("Accueil", "Mes paiements", "Mes démarches", "Mes messages", "Mes informations"),
         "header": ("Déconnexion",)}
CAF = {"site": "Caf", "menu": ("Mes paiements", "Mes attestations", "Mes démarches", "Mes messages"),
       "header": ("Se déconnecter",)}
# Two parts: ameli, then the CAF
OU_CLIQUER = (
    ("ameli", (
        Ecran("ameli-accueil", title="Accueil", right="Mes démarches", items=("Voir tous mes paiements",),
              text=("Bonjour Karim Benali", "Dernier paiement : 25,00 € le 3 février"), **AMELI),
        Ecran("ameli-demarches", title="Mes démarches", right="Attestation de droits",
              items=("Attestation de droits", "Relevé de mes paiements"), text=("Télécharger",), **AMELI),
        Ecran("ameli-attestation", title="Attestation de droits", right="Télécharger",
              items=("Annuler", "Télécharger"),
              text=("Bénéficiaire : Karim Benali", "Le document est au format PDF."),
              file="attestation-de-droits.pdf", tab="Mes démarches", **AMELI),
    )),
    ("CAF", (
        Ecran("caf-accueil", site="Caf", title="Accueil", right="Mon Compte", header=("Rechercher", "Mon Compte"),
              menu=("Aides et démarches", "Actualités", "Nous contacter"), text=("Bienvenue sur caf.fr",), who=""),
        Ecran("caf-compte", title="Mon Compte", right="Mes attestations", items=("Voir mes derniers paiements",),
              text=("Bonjour Karim Benali",), **CAF),
        Ecran("caf-attestations", title="Mes attestations", right="Attestation de paiement",
              items=("Attestation de paiement", "Attestation de quotient familial"), **CAF),
        Ecran("caf-paiement", title="Attestation de paiement", right="Télécharger", items=("Retour", "Télécharger"),
              text=("Allocataire : Karim Benali", "Période : les 3 derniers mois"),
              file="attestation-de-paiement.pdf", tab="Mes attestations", **CAF),
    )),
)
# A click there is not a mistake like the others: « Pas encore ! »
LOGOUT = {"Déconnexion", "Se déconnecter"}
# The items drawn as buttons, « Télécharger » as the main one (the other items look like links)
ACTIONS = {"Télécharger": "pc-ecran__action pc-ecran__principal", "Annuler": "pc-ecran__action",
           "Retour": "pc-ecran__action"}
# « Fin de session »: the four checks of docs/borne/index*.md, in this order
FIN_POINTS = ("logout", "close", "files", "papers")
FIN_RESET_S = 60

DOC_ICON = ('<svg class="pc-telech__icone" viewBox="0 0 24 24" aria-hidden="true" focusable="false">'
            '<path d="M5 2h9l5 5v15H5z" fill="#fff" stroke="#1f2937" stroke-width="1.5"/>'
            '<path d="M14 2v5h5" fill="none" stroke="#1f2937" stroke-width="1.5"/>'
            '<text x="12" y="18" font-size="6" font-weight="700" text-anchor="middle" fill="#b42318" '
            'font-family="system-ui, sans-serif">PDF</text></svg>')


def _esc(text) -> str:
    return html.escape(str(text), quote=False)


def _attr(text) -> str:
    return html.escape(str(text), quote=True)


def _fmt(text: str, **values) -> str:
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


def screens():
    """Every screen in order, with its part (1, 2) and its step in the part (1…)."""
    for part, (name, ecrans) in enumerate(OU_CLIQUER, 1):
        for step, ecran in enumerate(ecrans, 1):
            yield part, name, step, len(ecrans), ecran


# --- « Où cliquer ? » ------------------------------------------------------------------

def _click(label: str, ecran: Ecran, css: str, current: bool = False) -> str:
    right = ' data-bon=""' if label == ecran.right else ' data-sortie=""' if label in LOGOUT else ""
    now = ' aria-current="page"' if current else ""
    return f'<button type="button" class="{css}"{right}{now}>{_esc(label)}</button>'


def _screen(n: int, part: int, ecran: Ecran, own: dict, lang: str, rtl: bool) -> str:
    name = f"{ecran.site} – {ecran.title}"
    around = f' lang="{_attr(lang)}" dir="{"rtl" if rtl else "ltr"}"'
    out = [f'<div class="pc-ecran pc-ecran--{ecran.key.split("-")[0]}" data-ecran="{ecran.key}" '
           f'data-partie="{part}" role="group" tabindex="-1" lang="fr" dir="ltr" '
           f'aria-label="{_attr(_fmt(own["screen"], name=name))}"' + ("" if n == 0 else " hidden") + ">",
           f'<p class="pc-ecran__exercice"{around}>{_esc(own["banner"])}</p>',
           '<div class="pc-ecran__entete">',
           f'<span class="pc-ecran__site">{_esc(ecran.site)}</span>',
           *([f'<span class="pc-ecran__qui">{_esc(ecran.who)}</span>'] if ecran.who else []),
           *(_click(label, ecran, "pc-ecran__haut") for label in ecran.header),
           "</div>"]
    if ecran.menu:
        out.append('<div class="pc-ecran__menu">' + "".join(
            _click(label, ecran, "pc-ecran__onglet", label == (ecran.tab or ecran.title)) for label in ecran.menu) + "</div>")
    out.append('<div class="pc-ecran__page">')
    out.append(f'<p class="pc-ecran__titre">{_esc(ecran.title)}</p>')
    out.extend(f"<p>{_esc(line)}</p>" for line in ecran.text)
    if ecran.items:
        out.append('<div class="pc-ecran__choix">' + "".join(
            _click(label, ecran, ACTIONS.get(label, "pc-ecran__lien"))
            for label in ecran.items) + "</div>")
    out.append("</div>")
    if ecran.file:
        # The drawn download: the browser's « Téléchargements » with the file (French, as on the kiosk)
        out.append('<div class="pc-telech" hidden><p class="pc-telech__titre">Téléchargements</p>'
                   f'<p class="pc-telech__fichier">{DOC_ICON} <span class="pc-telech__nom">{_esc(ecran.file)}</span>'
                   ' <span class="pc-telech__etat">Terminé</span></p></div>')
    out.append("</div>")
    return "\n".join(out)


def render_ou_cliquer(base: str, own: dict, strings: dict, lang: str, rtl: bool):
    """The worked version (one item a part, its steps inside), the game, data for the script."""
    steps, drawn = [], []
    parts: dict[int, list[str]] = {}
    for n, (part, name, step, total, ecran) in enumerate(screens()):
        texts = own["screens"][ecran.key]
        parts.setdefault(part, []).append(f'{_esc(texts["task"])} {_esc(texts["hint"])}')
        drawn.append(_screen(n, part, ecran, own, lang, rtl))
    for part, (name, _) in enumerate(OU_CLIQUER, 1):
        items = "".join(f"<li>{text}</li>" for text in parts[part])
        steps.append(f'<strong>{_esc(_fmt(own["part"], n=part, total=len(OU_CLIQUER), name=name))}</strong>'
                     f'<ol>{items}</ol>{_esc(own["downloaded"])}')
    button = '<button type="button" class="pc-ex__bouton{css}" hidden>{label}</button>'
    game = "\n".join([
        '<div class="pc-ex__jeu" hidden>',
        f'<p class="pc-ex__progres" id="{base}-progres"></p>',
        f'<p class="pc-ex__consigne" id="{base}-consigne"></p>',
        '<div class="pc-ou__ecrans">',
        *drawn,
        "</div>",
        '<div class="pc-ex__retour" aria-live="polite"></div>',
        '<p class="pc-ex__actions">'
        + button.format(css=" pc-ex__bouton--suite", label=_esc(own["next_part"]))
        + button.format(css=" pc-ou__recommencer", label=_esc(strings["restart"])) + "</p>",
        "</div>",
    ])
    return steps, game, {"parts": [name for name, _ in OU_CLIQUER]}


# --- « Fin de session » ------------------------------------------------------------------

def render_fin_de_session(base: str, own: dict, strings: dict, lang: str, rtl: bool):
    """The plain list (each check, why and how), the checklist (checkboxes, disclosures), data."""
    steps, rows = [], []
    for n, key in enumerate(FIN_POINTS, 1):
        point = own["points"][key]
        detail = (f'<p><strong>{_esc(own["why"])}</strong> {_esc(point["why"])}</p>'
                  f'<p><strong>{_esc(own["how"])}</strong> {_esc(point["how"])}</p>')
        steps.append(f'<strong>{_esc(point["title"])}</strong>{detail}')
        box, more = f"{base}-{n}", f"{base}-{n}-plus"
        rows.append(
            f'<li class="pc-fin__point"><div class="pc-fin__ligne">'
            f'<label class="pc-fin__nom" for="{box}"><input type="checkbox" class="pc-fin__case" id="{box}" '
            f'autocomplete="off"> <span id="{box}-nom">{_esc(point["title"])}</span></label>'
            f'<button type="button" class="pc-fin__plus" id="{more}" aria-expanded="false" '
            f'aria-controls="{box}-detail" aria-labelledby="{more} {box}-nom">{_esc(own["more"])}</button></div>'
            f'<div class="pc-fin__detail" id="{box}-detail" hidden>{detail}</div></li>')
    game = "\n".join([
        '<div class="pc-ex__jeu" hidden>',
        f'<p class="pc-ex__consigne">{_esc(own["task"])}</p>',
        '<ol class="pc-fin">', *rows, "</ol>",
        f'<p class="pc-ex__progres" id="{base}-compte"></p>',
        '<div class="pc-ex__retour" aria-live="polite"></div>',
        f'<p class="pc-ex__actions"><button type="button" class="pc-ex__bouton pc-fin__recommencer">'
        f'{_esc(strings["restart"])}</button></p>',
        "</div>",
    ])
    return steps, game, {"reset": FIN_RESET_S}


RENDER = {"ou-cliquer": render_ou_cliquer, "fin-de-session": render_fin_de_session}

"""Exercises of the module « L'école en ligne »: ``educonnect`` and ``ou-est-ce``.

Imported by exercices.py (not a hook of its own): it renders their HTML at build time,
so their scripts stay small. Both draw a copy of a real screen with its French labels
(left to right in every language, like a screenshot); the instructions and the help
around it are in the page language (i18n/<lang>.yml › exercices › educonnect / ou-est-ce).

- ``educonnect``: a rehearsal of the ÉduConnect activation by SMS, on a drawn copy of
  its screens, with the invented data of ``PARENT``, ``PHONE``, ``CHILDREN`` shown on a
  card (always visible, printed too). Screens: the profile (« Représentant légal »; older
  screens said « Responsable d'élève », the instructions say so),
  the login page (« Je n'ai pas de compte »), name and mobile number, the code of the
  most recent SMS on a drawn phone (an older SMS holds an expired code,
  ``OLD_CODE``), each child's birth date, then the (invented) identifier ``LOGIN``.
  A mistake shows, inside the drawn screen, a message in the spirit of the real
  service (``SERVICE``, French) and, under it, what to do, in real life too (i18n).
  The fields have no ``name`` and ``autocomplete="off"``; there is no <form>.
- ``ou-est-ce``: « Où est-ce ? » on a drawn Pronote-like screen (``MENU``: real French
  menu labels; menus vary by school, the exercise says so). ``QUESTIONS`` names the
  right place for each question; a miss gets a hint, a second miss frames the place.
"""

from __future__ import annotations

import html

# --- ÉduConnect: invented data (no real person, number or code) ------------------------

PARENT = ("Benali", "Karima")  # nom, prénom: the family of the module's lessons
PHONE = "06 00 00 00 00"
CHILDREN = (("Yanis", "14/03/2014", "m"), ("Inès", "02/09/2017", "f"))  # in 5e and in CM1
LOGIN = "k.benali7"
OLD_CODE = "615204"  # in an SMS of yesterday: expired
ADDRESS = "educonnect.education.gouv.fr"
SMS = "ÉduConnect : votre code d'activation est {code}. Ne le donnez à personne."
# What the drawn service says when something is wrong (French, as on the real screen)
SERVICE = {
    "name": "Nous ne trouvons pas de responsable avec ce nom et ce prénom.",
    "phone_format": "Le numéro de téléphone portable n'est pas valide.",
    "phone_other": "Ce numéro de téléphone portable n'est pas connu de l'établissement de votre enfant.",
    "code_format": "Le code doit comporter 6 chiffres.",
    "code_wrong": "Le code saisi est incorrect.",
    "code_old": "Ce code a expiré. Demandez un nouveau code.",
    "date_format": "La date doit être au format JJ/MM/AAAA.",
    "date_wrong": "La date de naissance ne correspond pas à celle connue de l'établissement.",
}
SCREENS = ("profil", "connexion", "compte", "code", "enfants", "fin")

# --- « Où est-ce ? »: a Pronote-like menu (real labels) -------------------------------

MENU = (
    ("Mes données", (("infos", "Mes informations"), ("documents", "Documents"))),
    ("Cahier de textes", (("travail", "Travail à faire"), ("contenu", "Contenu et ressources"))),
    ("Notes", (("notes", "Détail des notes"), ("bulletins", "Bulletins"))),
    ("Vie scolaire", (("edt", "Emploi du temps"), ("absences", "Absences"))),
    ("Communication", (("infos-sondages", "Informations et sondages"), ("messagerie", "Messagerie"),
                       ("menu", "Menu de la cantine"))),
)
# Question n (i18n q_n, hint_n, answer_n) → the place to find
QUESTIONS = ("travail", "messagerie", "absences", "edt")
SCHOOL = "Collège des Tilleuls"
PUPIL = "Yanis Benali – 5e B"

JS_STRINGS = {
    "educonnect": ("step", "sms_new", "student", "franceconnect", "login", "name", "phone_format",
                   "phone_other", "code_format", "code_wrong", "code_old", "resent", "date_format",
                   "date_wrong", "done", "encouragements"),
    "ou-est-ce": ("step", "right", "miss", "show", "next", "see_score", "score", "score_all",
                  "score_some", "score_low"),
}


def _esc(text) -> str:
    return html.escape(str(text), quote=False)


def _attr(text) -> str:
    return html.escape(str(text), quote=True)


def _fr(text: str) -> str:
    """French typography of the drawn screens: no line break before « : ; ! ? »."""
    return text.replace(" :", "\u00a0:").replace(" ?", "\u00a0?").replace(" !", "\u00a0!")


def _button(label: str, css: str, extra: str = "") -> str:
    return f'<button type="button" class="{css}"{extra}>{_esc(label)}</button>'


def _local(lang: str, direction: str) -> str:
    """Attributes of page-language text inside a French screen."""
    return f' lang="{_attr(lang)}" dir="{direction}"'


# --- ÉduConnect ------------------------------------------------------------------

def educonnect(base: str, own: dict, strings: dict, lang: str, direction: str, data: dict):
    """The steps (no JavaScript, print) and the game; ``data`` gets what the script checks."""
    data.update(
        last=PARENT[0], first=PARENT[1], phone=PHONE.replace(" ", ""), old=OLD_CODE,
        dates=[c[1] for c in CHILDREN], sms=SMS, service={k: _fr(v) for k, v in SERVICE.items()},
    )
    steps = [_esc(own[f"step_{n}"]) for n in range(1, len(SCREENS) + 1)]
    return steps, _card(own) + "\n" + _educonnect_game(base, own, strings, lang, direction)


def _card(own: dict) -> str:
    """The invented data, shown with or without the script (and printed)."""
    kids = "".join(
        f'<li><bdi lang="fr" translate="no">{_esc(name)}</bdi>{_esc(own["born_" + sex])} '
        f'<bdi class="pc-ec__donnee" dir="ltr" translate="no">{_esc(date)}</bdi></li>'
        for name, date, sex in CHILDREN)
    return "\n".join([
        '<div class="pc-ec__fiche">',
        f'<p class="pc-ec__fiche-titre">{_esc(own["card_title"])}</p>',
        f'<p>{_esc(own["card_parent"])} <bdi class="pc-ec__donnee" lang="fr" translate="no">'
        f'{_esc(PARENT[1])} {_esc(PARENT[0])}</bdi></p>',
        f'<p>{_esc(own["card_phone"])} <bdi class="pc-ec__donnee" dir="ltr" translate="no">{_esc(PHONE)}</bdi></p>',
        f'<p>{_esc(own["card_children"])}</p><ul>{kids}</ul>',
        "</div>",
    ])


def _field(base: str, key: str, label: str, kind: str = "text", mode: str = "", hint: str = "") -> str:
    fid = f"{base}-{key}"
    extra = f' inputmode="{mode}"' if mode else ""
    hint_html = f'<span class="pc-ec__format">{_esc(hint)}</span>' if hint else ""
    return (f'<p class="pc-ec__case"><label for="{fid}">{_esc(label)}{hint_html}</label>'
            f'<input class="pc-ex__champ" id="{fid}" type="{kind}"{extra} dir="ltr" data-champ="{key}" '
            f'autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="{base}-alerte"></p>')


def _educonnect_game(base: str, own: dict, strings: dict, lang: str, direction: str) -> str:
    local = _local(lang, direction)
    action = "pc-ex__bouton pc-ec__action"
    link = "pc-ec__lien"

    def page(key, title, *body):
        return "\n".join([f'<div class="pc-ec__page" data-ecran="{key}" hidden>',
                          f'<p class="pc-ec__titre" tabindex="-1">{_esc(_fr(title))}</p>', *body, "</div>"])

    kids = [
        _field(base, f"date-{n}", f"{name} – date de naissance", mode="numeric", hint=" (JJ/MM/AAAA)")
        for n, (name, _date, _sex) in enumerate(CHILDREN, 1)
    ]
    pages = [
        page("profil", "Je sélectionne mon profil",
             '<p class="pc-ec__profils">' + _button("Élève", "pc-ec__profil", ' data-choix="eleve"')
             + _button("Représentant légal", "pc-ec__profil", ' data-choix="responsable"') + "</p>"),
        page("connexion", "Représentant légal",
             '<p class="pc-ec__choix">' + _button("S'identifier avec FranceConnect", "pc-ec__fc",
                                                  ' data-choix="franceconnect"') + "</p>",
             '<p class="pc-ec__ou">ou</p>',
             '<p class="pc-ec__faux"><span>Identifiant</span><span class="pc-ec__boite"></span></p>',
             '<p class="pc-ec__faux"><span>Mot de passe</span><span class="pc-ec__boite"></span></p>',
             '<p class="pc-ec__choix">' + _button("Se connecter", action, ' data-choix="connexion"') + "</p>",
             '<p class="pc-ec__choix">' + _button("Je n'ai pas de compte", link, ' data-choix="sans-compte"') + "</p>"),
        page("compte", "Activation du compte",
             _field(base, "nom", "Nom"), _field(base, "prenom", "Prénom"),
             _field(base, "tel", "N° de téléphone portable", "tel", "tel"),
             '<p class="pc-ec__choix">' + _button("Recevoir mon code SMS", action, ' data-choix="sms"') + "</p>"),
        page("code", "Code reçu par SMS",
             f'<p>Un code a été envoyé au <bdi class="pc-ec__masque" dir="ltr">{_esc(PHONE[:2])} ** ** ** '
             f'{_esc(PHONE[-2:])}</bdi>.</p>',
             _field(base, "code", "Code d'activation", mode="numeric"),
             '<p class="pc-ec__choix">' + _button("Continuer", action, ' data-choix="code"') + "</p>",
             '<p class="pc-ec__choix">' + _button("Renvoyer un code", link, ' data-choix="renvoyer"') + "</p>"),
        page("enfants", "Mes enfants",
             "<p>Indiquez la date de naissance de chacun de vos enfants.</p>", *kids,
             '<p class="pc-ec__choix">' + _button("Continuer", action, ' data-choix="dates"') + "</p>"),
        page("fin", "Votre compte est activé",
             f'<p>Votre identifiant : <strong class="pc-ec__identifiant" dir="ltr">{_esc(LOGIN)}</strong></p>',
             "<p>Notez-le bien : il vous servira à chaque connexion.</p>"),
    ]
    consignes = "".join(f'<p class="pc-ex__consigne" data-ecran="{key}" hidden>{_esc(own[f"step_{n}"])}</p>'
                        for n, key in enumerate(SCREENS, 1))
    old_sms = _esc(SMS).replace("{code}", f'<strong class="pc-ec__code">{OLD_CODE}</strong>')
    return "\n".join([
        '<div class="pc-ex__jeu" hidden>',
        f'<p class="pc-ex__progres" id="{base}-progres"></p>',
        f'<div class="pc-ec__consignes" id="{base}-consigne">{consignes}</div>',
        '<div class="pc-ec">',
        f'<div class="pc-ec__ecran" lang="fr" dir="ltr" role="group" aria-labelledby="{base}-badge">',
        f'<p class="pc-ec__barre"><span class="pc-ec__badge" id="{base}-badge"{local}>'
        f'<span aria-hidden="true">✎</span> {_esc(own["badge"])}</span> '
        f'<span class="pc-ec__adresse" translate="no">{_esc(ADDRESS)}</span></p>',
        '<p class="pc-ec__service">ÉduConnect</p>',
        f'<p class="pc-ec__alerte" id="{base}-alerte" hidden></p>',
        *pages,
        "</div>",
        f'<div class="pc-ec__tel" role="group" aria-labelledby="{base}-telephone">',
        f'<p class="pc-ec__tel-titre" id="{base}-telephone"{local}>{_esc(own["phone"])}</p>',
        '<ol class="pc-ec__sms" lang="fr" dir="ltr">',
        f'<li class="pc-ec__sms-vieux"><span class="pc-ec__quand">Hier, 18:42</span> {old_sms}</li>',
        "</ol>",
        "</div>",
        "</div>",
        '<div class="pc-ex__retour" aria-live="polite"></div>',
        '<p class="pc-ex__actions">' + _button(strings["restart"], "pc-ex__bouton pc-ec__recommencer", " hidden")
        + "</p>",
        "</div>",
    ])


# --- « Où est-ce ? » -------------------------------------------------------------------

def ou_est_ce(base: str, own: dict, strings: dict, lang: str, direction: str, data: dict):
    labels = {key: (tab, label) for tab, items in MENU for key, label in items}
    data["questions"] = [
        {"q": own[f"q_{n}"], "hint": own[f"hint_{n}"], "answer": own[f"answer_{n}"], "place": key}
        for n, key in enumerate(QUESTIONS, 1)
    ]
    steps = [f'{_esc(own[f"q_{n}"])} <strong class="pc-pn__reponse">{_esc(own[f"answer_{n}"])}</strong>'
             for n, key in enumerate(QUESTIONS, 1)]
    missing = [key for key in QUESTIONS if key not in labels]
    if missing:
        raise ValueError(f"ex_ecole.py › QUESTIONS : {missing} n'est pas dans MENU ; ajoutez-le à MENU.")
    columns = "\n".join(
        f'<div class="pc-pn__col"><p class="pc-pn__onglet">{_esc(tab)}</p>'
        + "".join(_button(label, "pc-pn__lieu", f' data-lieu="{key}" aria-describedby="{base}-consigne"')
                  for key, label in items) + "</div>"
        for tab, items in MENU)
    game = "\n".join([
        '<div class="pc-ex__jeu" hidden>',
        f'<p class="pc-ex__progres" id="{base}-progres"></p>',
        f'<p class="pc-ex__consigne" id="{base}-consigne" tabindex="-1"></p>',
        f'<div class="pc-pn" lang="fr" dir="ltr" role="group" aria-labelledby="{base}-pn">',
        f'<p class="pc-pn__barre" id="{base}-pn"><strong>Espace Parents</strong> <span>{_esc(SCHOOL)}</span> '
        f'<span>{_esc(PUPIL)}</span></p>',
        f'<div class="pc-pn__menu">{columns}</div>',
        "</div>",
        '<div class="pc-ex__retour" aria-live="polite"></div>',
        '<p class="pc-ex__actions">' + _button(own["next"], "pc-ex__bouton pc-ex__bouton--suite", " hidden")
        + _button(strings["restart"], "pc-ex__bouton pc-pn__recommencer", " hidden") + "</p>",
        "</div>",
    ])
    return steps, game


RENDER = {"educonnect": educonnect, "ou-est-ce": ou_est_ce}

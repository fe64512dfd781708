#!/usr/bin/env python3
"""Fabrique le fichier zip du cours, pour une clé USB ou la borne (il s'ouvre depuis file://).

Usage : python scripts/make_zip.py [--site DOSSIER] [--output FICHIER.zip]

Sans --site, le script construit le site (mkdocs build --strict) dans un dossier temporaire,
avec les fiches à imprimer si elles ont été exportées (dossier build/handouts, ou celui de
$PC_HANDOUTS_DIR). Avec --site, il prend tel quel un site déjà construit (par exemple site/
après « make handouts »).

Le zip contient un dossier parents-connectes/ :
  COMMENCER-ICI.html  la page à ouvrir : le choix de la langue ;
  LISEZ-MOI.txt       comment ouvrir le cours, la date de la version, le guide de la borne ;
  cours/              le site entier (toutes les langues), qui marche sans Internet.
Les fichiers .map (pour les développeurs) sont laissés de côté.
Le guide pour le centre social : docs/formateurs/borne.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "build" / "parents-connectes.zip"
HANDOUTS = ROOT / "build" / "handouts"
FOLDER = "parents-connectes"
SKIP_SUFFIXES = (".map",)
# Homes of the start page, in the order of the site's language bar
LANGUAGES = (
    ("fr", "ltr", "Français", "index.html", "Ouvrir le cours en français"),
    ("ar", "rtl", "العربية", "ar/index.html", "افتحوا الدورة بالعربية"),
    ("en", "ltr", "English", "en/index.html", "Open the course in English"),
)


def build_site(target: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if "PC_HANDOUTS_DIR" not in env and HANDOUTS.is_dir():
        env["PC_HANDOUTS_DIR"] = str(HANDOUTS)
        print(f"Fiches à imprimer ajoutées depuis {HANDOUTS.relative_to(ROOT)}/")
    print("Construction du site (mkdocs build --strict)…")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit("La construction du site a échoué : corrigez l'erreur ci-dessus, puis relancez « make zip ».")


def start_page() -> str:
    links = "\n".join(
        f'    <li><a href="cours/{home}" lang="{code}" dir="{direction}" hreflang="{code}">'
        f'<span class="langue">{html.escape(name)}</span> {html.escape(label)}</a></li>'
        for code, direction, name, home, label in LANGUAGES)
    return f"""<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parents connectés — commencer ici</title>
<style>
  body {{ margin: 0; padding: 2rem 1rem; font: 1.25rem/1.5 system-ui, sans-serif; color: #1f2937; background: #fff; }}
  main {{ max-width: 36rem; margin-inline: auto; }}
  h1 {{ font-size: 2rem; margin-block: 0 1rem; }}
  ul {{ list-style: none; padding: 0; display: grid; gap: 1rem; }}
  a {{ display: block; min-height: 44px; padding: 1rem 1.25rem; border-radius: .5rem; background: #1d4ed8;
       color: #fff; text-decoration: underline; text-underline-offset: .15em; }}
  a:focus-visible {{ outline: 3px solid #f59e0b; outline-offset: 3px; }}
  .langue {{ display: block; font-size: 1.5rem; font-weight: 700; }}
</style>
</head>
<body>
<main>
  <h1>Parents connectés</h1>
  <p>Choisissez votre langue. Le cours marche sans Internet.</p>
  <ul>
{links}
  </ul>
</main>
</body>
</html>
"""


def readme(version: str, today: dt.date) -> str:
    text = f"""Parents connectés — le cours sans Internet
Version du {today:%d/%m/%Y} ({version})

Pour ouvrir le cours : double-cliquez sur COMMENCER-ICI.html, puis choisissez la langue.
Vous pouvez aussi ouvrir cours/index.html dans le navigateur.

Tout marche sans Internet : les pages, les trois langues (français, arabe, anglais),
la recherche, les quiz et les exercices. Les réponses aux quiz restent dans le navigateur
de cet ordinateur.

Sur l'ordinateur partagé du centre social (la borne) : mettez en page de démarrage
l'adresse de cours/index.html suivie de ?borne=1 (le mode borne efface les réponses
entre deux personnes). Le guide complet, « Le cours sur la borne » :
cours/formateurs/borne.html

Pour mettre à jour : supprimez ce dossier, puis extrayez le nouveau fichier zip au même endroit.

Contenus sous licence CC BY-SA 4.0, code sous licence MIT.
"""
    return text.replace("\n", "\r\n")  # Windows' Notepad


def make_zip(site: Path, output: Path, today: dt.date | None = None) -> Path:
    today = today or dt.date.today()
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site} ne contient pas de site construit (index.html manque) : "
                         "lancez « make build », ou enlevez --site pour que le script le construise.")
    version = ""
    if (site / "offline.json").is_file():
        version = json.loads((site / "offline.json").read_text(encoding="utf-8")).get("version", "")
    output.parent.mkdir(parents=True, exist_ok=True)
    stamp = (today.year, today.month, today.day, 0, 0, 0)

    def add(archive, name: str, data: bytes) -> None:
        info = zipfile.ZipInfo(f"{FOLDER}/{name}", stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        archive.writestr(info, data, compresslevel=9)

    with zipfile.ZipFile(output, "w") as archive:
        add(archive, "COMMENCER-ICI.html", start_page().encode("utf-8"))
        add(archive, "LISEZ-MOI.txt", readme(version or "sans numéro", today).encode("utf-8"))
        for path in sorted(site.rglob("*")):
            if path.is_file() and not path.name.endswith(SKIP_SUFFIXES):
                add(archive, "cours/" + path.relative_to(site).as_posix(), path.read_bytes())
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Fabrique le zip du cours (toutes les langues, fiches comprises si elles existent), "
                    "qui s'ouvre sans Internet depuis une clé USB ou la borne.")
    parser.add_argument("--site", type=Path, help="un site déjà construit à mettre dans le zip (sinon : construit ici)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                        help=f"le fichier zip à écrire (par défaut : {DEFAULT_OUTPUT.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="parents-connectes-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build_site(site)
        output = make_zip(site, args.output)
    with zipfile.ZipFile(output) as archive:
        count = len(archive.namelist())
    size = output.stat().st_size
    print(f"Zip écrit : {output} ({size / 1e6:.1f} Mo, {count} fichiers).")
    print("Ouvrez-le sur la borne ou copiez-le sur une clé USB : docs/formateurs/borne.md explique la suite.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

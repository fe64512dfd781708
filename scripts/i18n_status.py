#!/usr/bin/env python3
"""Liste, pour chaque langue, les pages manquantes, à mettre à jour et orphelines.

Usage : python scripts/i18n_status.py [--lang ar] [--markdown] [--docs DOSSIER]

- manquante : la page française n'a pas encore de traduction (le site montre le
  français avec un avertissement) ;
- à mettre à jour : la page française a changé (dernier commit git) après la traduction ;
- orpheline : une traduction sans page française.
Le nombre de mots est celui de la page française, pour estimer le travail.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("ar", "en")
LABELS = {"missing": "manquante", "outdated": "à mettre à jour", "orphaned": "orpheline", "ok": "à jour"}


@dataclass(frozen=True)
class Row:
    lang: str
    page: str  # French path, relative to docs/
    status: str
    words: int


def _skipped(path: Path, docs: Path) -> bool:
    return bool({"_modele", "assets"} & set(path.relative_to(docs).parts))


def word_count(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    return len(re.findall(r"\w+", text))


def last_commit_time(path: Path) -> int | None:
    """Unix time of the last commit touching ``path``, or None outside git / uncommitted."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct", "--", str(path)], cwd=path.parent,
                             capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    return int(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip() else None


def collect(docs: Path, langs=LANGS) -> list[Row]:
    docs = docs.resolve()
    rows: list[Row] = []
    pages = [p for p in sorted(docs.rglob("*.md")) if not _skipped(p, docs)]
    french = [p for p in pages if not re.search(r"\.(%s)\.md$" % "|".join(langs), p.name)]
    for lang in langs:
        for page in french:
            translation = page.with_name(f"{page.stem}.{lang}.md")
            rel = page.relative_to(docs).as_posix()
            if not translation.exists():
                rows.append(Row(lang, rel, "missing", word_count(page)))
                continue
            fr_time, tr_time = last_commit_time(page), last_commit_time(translation)
            outdated = fr_time is not None and tr_time is not None and fr_time > tr_time
            rows.append(Row(lang, rel, "outdated" if outdated else "ok", word_count(page)))
        for page in pages:
            if page.name.endswith(f".{lang}.md") and not page.with_name(page.name.replace(f".{lang}.md", ".md")).exists():
                rows.append(Row(lang, page.relative_to(docs).as_posix(), "orphaned", word_count(page)))
    return rows


def markdown_table(rows: list[Row]) -> str:
    todo = [r for r in rows if r.status != "ok"]
    done = len(rows) - len(todo)
    lines = [f"Pages à jour : {done} sur {len(rows)}.", ""]
    if not todo:
        return "\n".join(lines + ["Toutes les pages sont traduites et à jour."])
    lines += ["| langue | page | état | mots |", "|---|---|---|---|"]
    lines += [f"| {r.lang} | `{r.page}` | {LABELS[r.status]} | {r.words} |" for r in todo]
    return "\n".join(lines)


def text_table(rows: list[Row]) -> str:
    out = []
    for lang in sorted({r.lang for r in rows}):
        mine = [r for r in rows if r.lang == lang]
        todo = [r for r in mine if r.status != "ok"]
        out.append(f"[{lang}] {len(mine) - len(todo)}/{len(mine)} à jour, "
                   f"{sum(r.words for r in todo)} mots à traduire")
        out += [f"  {LABELS[r.status]:<16} {r.words:>6} mots  {r.page}" for r in todo]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="dossier des pages (docs/)")
    parser.add_argument("--lang", choices=LANGS, action="append", help="une langue seulement (répétable)")
    parser.add_argument("--markdown", action="store_true", help="tableau Markdown (page « Traductions »)")
    args = parser.parse_args(argv)
    rows = collect(args.docs, tuple(args.lang or LANGS))
    print(markdown_table(rows) if args.markdown else text_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

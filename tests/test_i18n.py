"""UI strings, glossary and translation status across languages."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

import i18n_status
from conftest import LANGS, ROOT

PLURAL_FORMS = {"zero", "one", "two", "few", "many", "other"}


def keys(tree: dict, prefix: str = "") -> set[str]:
    """Dotted keys; a plural group (one/other…) counts as one key (its forms vary by language)."""
    out = set()
    for key, value in tree.items():
        if isinstance(value, dict) and set(value) <= PLURAL_FORMS:
            assert "other" in value, f"{prefix}{key}: la forme « other » manque"
            out.add(prefix + key)
        elif isinstance(value, dict):
            out |= keys(value, f"{prefix}{key}.")
        else:
            out.add(prefix + key)
    return out


@pytest.mark.parametrize("lang", LANGS[1:])
def test_ui_strings_have_the_same_keys_as_french(lang):
    french = yaml.safe_load((ROOT / "i18n" / "fr.yml").read_text(encoding="utf-8"))
    other = yaml.safe_load((ROOT / "i18n" / f"{lang}.yml").read_text(encoding="utf-8"))
    missing, extra = keys(french) - keys(other), keys(other) - keys(french)
    assert not missing, f"i18n/{lang}.yml : textes manquants {sorted(missing)}"
    assert not extra, f"i18n/{lang}.yml : textes en trop {sorted(extra)}"


def git(cwd: Path, *args: str, date: str = "2026-01-01T10:00:00") -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": date,
                        "GIT_COMMITTER_DATE": date, "PATH": "/usr/bin:/bin"})


def test_status_lists_missing_outdated_and_orphaned_pages(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    git(tmp_path, "init", "-q")
    (docs / "a.md").write_text("Bonjour les parents.\n", encoding="utf-8")
    (docs / "a.ar.md").write_text("مرحبا\n", encoding="utf-8")
    (docs / "b.md").write_text("Une page seule.\n", encoding="utf-8")
    (docs / "c.en.md").write_text("An orphan.\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "un")
    # The French page changes a day after its translation
    (docs / "a.md").write_text("Bonjour les parents, bienvenue.\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "deux", date="2026-01-02T10:00:00")
    rows = {(r.lang, r.page): r for r in i18n_status.collect(docs)}
    assert rows[("ar", "a.md")].status == "outdated"
    assert rows[("ar", "b.md")].status == "missing" and rows[("ar", "b.md")].words == 3
    assert rows[("en", "c.en.md")].status == "orphaned"
    assert rows[("en", "a.md")].status == "missing"
    table = i18n_status.markdown_table(list(rows.values()))
    assert "| ar | `a.md` | à mettre à jour | 4 |" in table
    assert "| en | `c.en.md` | orpheline |" in table


def test_status_page_is_built_from_the_script(site_dir):
    html = (site_dir / "contribuer" / "traductions.html").read_text(encoding="utf-8")
    assert "Pages à jour :" in html
    assert "statut-des-traductions" not in html
    # The contributors' guide is not translated yet: it is listed
    assert "contribuer/index.md" in html


def test_status_command_line():
    out = subprocess.run(["python3", str(ROOT / "scripts" / "i18n_status.py"), "--lang", "ar"],
                         capture_output=True, text=True, check=True).stdout
    assert out.startswith("[ar] ")
    help_text = subprocess.run(["python3", str(ROOT / "scripts" / "i18n_status.py"), "--help"],
                               capture_output=True, text=True, check=True).stdout
    assert "manquantes" in help_text


def test_glossary_defines_every_term_in_every_language():
    glossary = yaml.safe_load((ROOT / "i18n" / "glossaire.yml").read_text(encoding="utf-8"))["termes"]
    assert len(glossary) >= 20
    for key, entry in glossary.items():
        assert set(entry) == set(LANGS), f"glossaire « {key} » : langues {sorted(entry)}"
        for lang in LANGS:
            assert entry[lang]["terme"].strip() and entry[lang]["definition"].strip(), f"{key} ({lang})"

"""Runs the content check (scripts/check_content.py) before every build.

MkDocs events used:
- ``on_pre_build``: once per ``mkdocs build`` / ``serve`` rebuild, in the default-language
  pass only; a problem stops the build with the contributor's message (file, line, fix).
- ``on_page_markdown``: expands ``<!-- statut-des-traductions -->`` into the table of
  scripts/i18n_status.py (the contributors' « Traductions » page).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, os.path.dirname(__file__))
import common  # noqa: E402


# scripts/ are plain command-line files, importable once on sys.path
sys.path.insert(0, str(common.ROOT / "scripts"))
import check_content  # noqa: E402
import i18n_status  # noqa: E402


def on_pre_build(config):
    plugin = config.plugins.get("i18n")
    if plugin is not None and plugin.current_language != plugin.default_language:
        return
    docs = Path(config.docs_dir)
    problems = check_content.check(docs)
    if problems:
        raise PluginError("\n" + check_content.report(problems, docs.resolve().parent))


def on_page_markdown(markdown, page, config, files):
    marker = "<!-- statut-des-traductions -->"
    if marker in markdown:
        rows = i18n_status.collect(Path(config.docs_dir))
        markdown = markdown.replace(marker, i18n_status.markdown_table(rows))
    return markdown

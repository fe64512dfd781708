"""Session fixtures of the handouts tests (imported by conftest.py, and made once per run with
``once_per_run``; one worker exports them first, the tests that use them come last: conftest.py).

- ``handouts``: every module × language × variant exported ONCE into a temporary folder
  (scripts/export_handouts.py, fixed date and base URL); the time and the size of each PDF
  are written to test-results/handouts.txt.
- ``handouts_site``: the site built with those handouts (PC_HANDOUTS_DIR), as `make handouts` does.
- ``handouts_http``: that site served on 127.0.0.1 (browser tests).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "export_handouts.py"
BASE_URL = "https://parents-connectes.example/"
DATE = "2026-11-29"


@dataclass
class Export:
    out: Path
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    manifest: dict

    def files(self, **where) -> list[dict]:
        return [f for f in self.manifest["files"] if all(f.get(k) == v for k, v in where.items())]


def _export(out: Path) -> dict:
    started = time.monotonic()
    result = subprocess.run([sys.executable, str(SCRIPT), "--out", str(out), "--base-url", BASE_URL, "--date", DATE],
                            cwd=ROOT, capture_output=True, text=True)
    seconds = time.monotonic() - started
    if (out / "fiches.json").exists():
        (ROOT / "test-results").mkdir(exist_ok=True)
        files = json.loads((out / "fiches.json").read_text(encoding="utf-8"))["files"]
        lines = [f"Export des fiches : {seconds:.1f} s (code de sortie {result.returncode})"]
        lines += [f"{f['path']}\t{f['pages']} p.\t{f['bytes']} octets" for f in files if "pages" in f]
        (ROOT / "test-results" / "handouts.txt").write_text("\n".join(lines) + "\n" + result.stderr, encoding="utf-8")
    return {"returncode": result.returncode, "stdout": result.stdout, "stderr": result.stderr, "seconds": seconds}


@pytest.fixture(scope="session")
def handouts(tmp_path_factory, request) -> Export:
    from conftest import once_per_run, stop_run

    out, result = once_per_run(tmp_path_factory, "handouts", _export)
    manifest_path = out / "fiches.json"
    if not manifest_path.exists():
        stop_run(request, f"L'export des fiches a échoué :\n{result['stdout']}\n{result['stderr']}")
    return Export(out, result["returncode"], result["stdout"], result["stderr"], result["seconds"],
                  json.loads(manifest_path.read_text(encoding="utf-8")))


def _build_with(handouts: Export):
    def build(site: Path) -> dict:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PC_HANDOUTS_DIR": str(handouts.out)}
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                                cwd=ROOT, capture_output=True, text=True, env=env)
        return {"returncode": result.returncode, "output": f"{result.stdout}\n{result.stderr}"}
    return build


@pytest.fixture(scope="session")
def handouts_site(handouts, tmp_path_factory, request) -> Path:
    from conftest import once_per_run, stop_run

    site, result = once_per_run(tmp_path_factory, "site-fiches", _build_with(handouts))
    if result["returncode"] != 0:
        stop_run(request, f"mkdocs build avec les fiches a échoué :\n{result['output']}")
    return site


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def handouts_http(handouts_site) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(handouts_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()

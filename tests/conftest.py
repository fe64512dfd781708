"""Shared fixtures: the site is built ONCE per test run, then served on 127.0.0.1.

The tests run on 2 processes (pytest-xdist, `-n 2` in pytest.ini): what is made once per run
(the site, the handouts) is made by the first process that needs it, the other one waits for
it and reuses it (``once_per_run``). One process exports the handouts first (``GROUPS``)
while the other one runs the rest; the other handouts tests come last, shared by both.

- ``site_dir``: the built site (``mkdocs build --strict``), a pathlib.Path.
- ``http_base``: ``http://127.0.0.1:PORT/``, a static server on ``site_dir``.
- ``file_base``: ``file:///…/site/``, the same site opened from the disk.
- ``browser_type_launch_args``: Debian's Chromium, kept off the network (DESIGN.md).
- ``page_watch``: records console errors, failed requests, 4xx/5xx and foreign origins.
"""

from __future__ import annotations

import fcntl
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

# The printable handouts, exported once per run (tests/test_handouts.py, tests/browser/test_handouts.py)
from handouts_fixtures import handouts, handouts_http, handouts_site  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LANGS = ("fr", "ar", "en")
# Screenshots and other artefacts a human should look at
OUTPUT = ROOT / "test-results"


def pytest_configure(config):
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))


# Test files whose tests stay on one worker; a group starts before the tests alone. « fiches »: the
# first worker exports the handouts (3 minutes, tests/handouts_fixtures.py) while the other runs the
# rest; the other tests that need the handouts come last (below), when both workers can share them.
GROUPS = {"tests/browser/test_handouts.py": "fiches"}


def pytest_collection_modifyitems(config, items):
    # The tests that need the exported handouts last: by then the export is done, no worker waits
    items.sort(key=lambda item: "handouts" in item.fixturenames)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """--dist loadgroup, with the groups of GROUPS. (pytest-xdist 3.8 ignores xdist_group marks
    with pytest 9.2: pytest-dev/pytest-xdist#1386.)"""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class Groups(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return GROUPS.get(nodeid.split("::")[0]) or super()._split_scope(nodeid)

    return Groups(config, log)


# --- Once per run, whatever the number of processes ------------------------------


def once_per_run(tmp_path_factory, name: str, make) -> tuple[Path, dict]:
    """``make(folder)`` runs once per test run, in a folder shared by the pytest-xdist workers:
    the first worker that needs it makes it (under a lock), the others wait, then reuse it.
    ``make`` returns a JSON-able dict (kept beside the folder), returned here with the folder."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    folder, done = root / name, root / f"{name}.json"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            folder.mkdir()
            done.write_text(json.dumps(make(folder)), encoding="utf-8")
    return folder, json.loads(done.read_text(encoding="utf-8"))


@pytest.fixture(scope="session", autouse=True)
def delete_output_dir(tmp_path_factory, pytestconfig):
    """pytest-playwright's fixture of the same name, once per run: test-results/ is emptied before
    the first test, not again when the second worker starts (it would delete what the first wrote)."""
    def empty(_folder) -> dict:
        shutil.rmtree(Path(pytestconfig.invocation_params.dir, pytestconfig.getoption("--output")), ignore_errors=True)
        return {}

    once_per_run(tmp_path_factory, "test-results-emptied", empty)


def stop_run(request, message: str):
    """Fail with a message for humans, and stop the run (pytest.exit breaks pytest-xdist's workers)."""
    request.session.shouldstop = message.splitlines()[0]
    pytest.fail(message, pytrace=False)


# --- The site, built once ----------------------------------------------------


def _build(out: Path) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )
    return {"returncode": result.returncode, "output": f"{result.stdout}\n{result.stderr}"}


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, request) -> Path:
    out, build = once_per_run(tmp_path_factory, "site", _build)
    if build["returncode"] != 0:
        stop_run(request, f"mkdocs build --strict a échoué :\n{build['output']}")
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="session")
def http_base(site_dir) -> str:
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def file_base(site_dir) -> str:
    return site_dir.as_uri() + "/"


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


# --- Browser -----------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, request):
    if not Path(CHROMIUM).exists():
        stop_run(request, f"Chromium est introuvable ({CHROMIUM}) : installez-le avec « apt-get install chromium ».")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        ],
    }


class PageWatch:
    """What a page did that a user would notice: errors, failed or foreign requests."""

    def __init__(self, page, allowed_origin: str | None):
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        self.allowed = allowed_origin
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        # A download cut short by leaving the page (net::ERR_ABORTED) is not a failure
        page.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "")
                and self.failed.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} → {r.status}"))
        page.on("request", self._on_request)

    def _on_request(self, request):
        url = urlparse(request.url)
        if url.scheme in ("data", "blob", "about"):
            return
        if url.scheme == "file":
            origin = "file://"
        else:
            origin = f"{url.scheme}://{url.netloc}"
        if self.allowed and origin != self.allowed:
            self.foreign.append(request.url)

    def assert_clean(self):
        assert not self.foreign, f"Requêtes vers une autre origine : {self.foreign}"
        assert not self.failed, f"Requêtes en échec : {self.failed}"
        assert not self.console_errors, f"Erreurs dans la console : {self.console_errors}"


@pytest.fixture
def page_watch(page, http_base):
    parsed = urlparse(http_base)
    return PageWatch(page, f"{parsed.scheme}://{parsed.netloc}")


def all_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the built site, relative to its root (404 pages excluded)."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.endswith("404.html") or rel.startswith("assets/"):
            continue
        pages.append(rel)
    return pages


@functools.lru_cache(maxsize=None)
def _parsed(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def built_page(site_dir: Path, rel: str):
    """A page of the built site, parsed (html.parser) once per test process: a dozen tests read
    every page. Shared: read it, never change it (parse your own copy to change one)."""
    return _parsed(site_dir / rel)


def french_pages(site_dir: Path) -> list[str]:
    return [p for p in all_pages(site_dir) if p.split("/")[0] not in LANGS[1:]]


# --- Practice exercises in the browser (tests/browser/test_exercices*.py) ------------------


def open_exercises(page, address: str) -> None:
    """Open a lesson and bring its exercises near the screen: their files load only then.

    With JavaScript on, wait until every exercise of the page is set up (data-pc-init)."""
    from playwright.sync_api import expect

    page.goto(address)
    page.locator(".pc-ex").first.scroll_into_view_if_needed()
    if page.evaluate("document.documentElement.classList.contains('js')"):
        for ex in page.locator(".pc-ex").all():
            ex.scroll_into_view_if_needed()
            expect(ex).to_have_attribute("data-pc-init", "", timeout=15_000)


def nothing_kept(page) -> None:
    """What the parent typed or chose is not kept: no storage, no cookie."""
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == ""


def lay_out_every_part(page) -> None:
    """site.css lays out a page's parts after its first <h2> only near the screen; axe, which reads
    colours where each element is, must see them laid out, as the parent does on reaching them
    (tests/browser/test_site.py checks that they take the same place either way)."""
    page.add_style_tag(content=".md-content__inner > * { content-visibility: visible !important; }")

"""Offline first in a real browser (Debian's Chromium): the service worker, « Garder le cours »,
the new-version message, the offline page, the zip opened from file://, the kiosk mode.

How it works: overrides/hooks/offline.py, docs/assets/javascripts/{sw,offline,borne}.js.
Service workers need http: those tests use the shared build over http, or their own copy
of it on their own server when they change files (a « new build »).
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

import offline
from conftest import LANGS, ROOT, PageWatch

HOMES = {"fr": "index.html", "ar": "ar/index.html", "en": "en/index.html"}
PREFIX = {"fr": "", "ar": "ar/", "en": "en/"}
LESSON = "modules/01-bien-demarrer/01-decouvrir-l-ordinateur.html"
UNVISITED = "modules/01-bien-demarrer/06-ouvrir-un-site.html"
OFFLINE_TITLES = {"fr": "Pas de connexion Internet", "ar": "لا يوجد اتصال بالإنترنت", "en": "No Internet connection"}
QUIZ = "quizzes/exemple.html"
QUIZ_KEY = "parents-connectes:quiz:exemple"
KIOSK_KEY = "parents-connectes:borne"

# Course data of every kind a page can keep, to check that the kiosk reset leaves none
SEED = """async () => {
  localStorage.setItem('parents-connectes:essai', 'une réponse');
  localStorage.setItem('autre-reglage', '1');
  sessionStorage.setItem('parents-connectes:session', 'x');
  try { const c = await caches.open('autre-cache'); await c.put(new Request(location.href + '?x'), new Response('x')); }
  catch (e) { /* no CacheStorage from file:// */ }
  await new Promise((done) => {
    const req = indexedDB.open('base-essai');
    req.onupgradeneeded = () => req.result.createObjectStore('notes');
    req.onsuccess = () => { req.result.close(); done(); };
    req.onerror = done;
  });
}"""
STATE = """async () => {
  let names = [];
  try { names = await caches.keys(); } catch (e) { /* none here */ }
  return {
    local: Object.keys(localStorage).sort(),
    session: sessionStorage.length,
    caches: names,
    databases: (await indexedDB.databases()).map((db) => db.name),
  };
}"""


def controlled(page):
    """Wait until the service worker serves this page (it takes over at its first visit)."""
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)


def data(site: Path) -> dict:
    return json.loads((site / "offline.json").read_text(encoding="utf-8"))


def expect_page(page, base, rel):
    """The page itself opened (not the offline page), with its stylesheet."""
    expect(page).to_have_url(base + rel)
    expect(page.locator("article h1").first).to_be_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == "rgb(29, 78, 216)"


class SiteServer:
    """A static server whose folder can change: a new build « published » at the same address."""

    def __init__(self, folder: Path):
        self.folder = folder
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def translate_path(self, path):
                # Per request: Chromium opens connections ahead of its requests
                self.directory = str(server.folder)
                return super().translate_path(path)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# --- The phone: service worker, « Garder le cours », offline page ------------


def test_visited_pages_open_offline_and_others_show_the_offline_page(page, http_base):
    watch = PageWatch(page, http_base.rstrip("/"))
    page.goto(http_base + HOMES["fr"])  # the first page, opened before the worker existed
    controlled(page)
    page.goto(http_base + LESSON)
    expect(page.locator("article h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    watch.assert_clean()

    page.context.set_offline(True)
    for rel in (HOMES["fr"], LESSON):
        page.goto(http_base + rel)
        expect_page(page, http_base, rel)
    images = page.locator("article img")
    assert images.count() > 0
    assert page.evaluate("[...document.querySelectorAll('article img')].every((img) => img.naturalWidth > 0)")
    # Not visited, not kept: the offline page, in French, with a way home
    page.goto(http_base + UNVISITED)
    expect(page).to_have_url(http_base + "hors-ligne.html")
    expect(page.locator("article h1")).to_contain_text(OFFLINE_TITLES["fr"])
    page.get_by_role("link", name="revenir à l'accueil").click()
    expect_page(page, http_base, HOMES["fr"])


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_offline_page_in_the_readers_language(page, http_base, lang):
    page.goto(http_base + HOMES[lang])
    controlled(page)
    page.context.set_offline(True)
    page.goto(http_base + PREFIX[lang] + UNVISITED)
    expect(page).to_have_url(http_base + PREFIX[lang] + "hors-ligne.html")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("article h1")).to_contain_text(OFFLINE_TITLES[lang])


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_keep_the_course_then_every_page_of_the_language_opens_offline(page, http_base, site_dir, lang):
    watch = PageWatch(page, http_base.rstrip("/"))
    page.goto(http_base + PREFIX[lang] + "modules/01-bien-demarrer/index.html")
    box = page.locator("[data-pc-offline]")
    # The size before starting, in the reader's language
    unit = {"fr": "Mo", "ar": "ميغابايت"}[lang]
    expect(box.locator("[data-pc-size]")).to_contain_text(unit, timeout=30_000)
    size = box.locator("[data-pc-size]").inner_text()
    assert re.search(r"\d", size), size
    button = box.locator("button")
    assert button.bounding_box()["height"] >= 44
    report = Axe().run(page)
    assert report.violations_count == 0, report.generate_report()

    button.click()
    expect(box.locator("[role=status]")).to_have_text(common_strings(lang)["offline"]["done"], timeout=60_000)
    expect(button).to_be_hidden()
    expect(box.locator("progress")).to_be_hidden()
    assert button.is_enabled()
    watch.assert_clean()

    page.context.set_offline(True)
    # Course pages (short addresses of the handouts, when exported, are redirects)
    pages = [p for p in data(site_dir)["langs"][lang]
             if p.endswith(".html") and 'class="md-content"' in (site_dir / p).read_text(encoding="utf-8")]
    assert len(pages) >= 20
    for rel in pages:
        page.goto(http_base + rel)
        expect_page(page, http_base, rel)
    # Exercises, search and quizzes work offline too
    page.goto(http_base + PREFIX[lang] + "modules/01-bien-demarrer/03-la-souris-et-le-toucher.html")
    exercise = page.locator("#exercice-souris")
    exercise.scroll_into_view_if_needed()
    exercise.locator(".pc-ex__cible").click()
    expect(exercise.locator(".pc-ex__progres")).to_contain_text("2")
    page.goto(http_base + PREFIX[lang] + QUIZ)
    page.locator("#quiz-exemple-1 input[value='1']").check()
    page.locator("#quiz-exemple-1 .pc-quiz__check").click()
    expect(page.locator("#quiz-exemple-1 .pc-quiz__verdict")).to_be_visible()
    search(page, {"fr": "clavier", "ar": "لوحة"}[lang])
    # Back on the module page: it says the course is kept
    page.goto(http_base + PREFIX[lang] + "modules/01-bien-demarrer/index.html")
    expect(box.locator("[data-pc-size]")).to_have_text(common_strings(lang)["offline"]["saved"], timeout=15_000)


def search(page, query):
    """Type like a person. Material searches on keyup, and Playwright types Arabic letters
    without key events: End (which changes nothing) sends one."""
    field = page.locator("input.md-search__input")
    field.press_sequentially(query)
    field.press("End")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)


def common_strings(lang):
    import common
    return common.ui_strings(lang)


def test_the_box_is_hidden_without_a_service_worker(page, file_base):
    """From file:// (USB key, kiosk) no worker runs: no box, no error."""
    watch = PageWatch(page, None)
    page.goto(file_base + HOMES["fr"])
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator("[data-pc-offline]")).to_be_hidden()
    assert not watch.console_errors, watch.console_errors


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_is_installable(browser_type, browser_type_launch_args, http_base, tmp_path, lang):
    """Chromium's own check: manifest, icons, service worker with a fetch handler.
    With a real profile: Playwright's usual contexts are incognito, where nothing installs."""
    context = browser_type.launch_persistent_context(tmp_path / "profil", **browser_type_launch_args)
    page = context.new_page()
    page.goto(http_base + HOMES[lang])
    controlled(page)
    cdp = context.new_cdp_session(page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert not errors, errors
    manifest = cdp.send("Page.getAppManifest")
    assert not manifest.get("errors"), manifest["errors"]
    parsed = json.loads(manifest["data"])
    assert parsed["name"] == common_strings(lang)["site"]["name"]
    assert parsed["lang"] == lang
    context.close()


# --- A new build: the update message, no mixed files -------------------------


def _build_copy(site_dir: Path, target: Path, version: str, age: int = 0) -> Path:
    """A copy of the site where one page and one stylesheet carry ``version``, its files
    dated ``age`` seconds ago (the server answers « not modified » by whole seconds)."""
    shutil.copytree(site_dir, target)
    lesson = target / LESSON
    lesson.write_text(lesson.read_text(encoding="utf-8").replace(
        "</h1>", f' <span id="version-du-site">{version}</span></h1>', 1), encoding="utf-8")
    css = target / "assets/stylesheets/site.css"
    css.write_text(css.read_text(encoding="utf-8") + f'\n:root {{ --version-du-site: "{version}"; }}\n',
                   encoding="utf-8")
    offline.write_offline(target, list(LANGS), "fr")
    when = time.time() - age
    for path in target.rglob("*"):
        os.utime(path, (when, when))
    return target


def test_a_new_build_shows_the_message_then_the_new_page_with_no_mixed_files(page, site_dir, tmp_path):
    old = _build_copy(site_dir, tmp_path / "a", "A", age=3600)
    new = _build_copy(site_dir, tmp_path / "b", "B")
    assert data(old)["version"] != data(new)["version"]
    server = SiteServer(old)
    base = server.base
    try:
        version = ("[document.querySelector('#version-du-site').textContent, "
                   "getComputedStyle(document.documentElement).getPropertyValue('--version-du-site').trim()]")
        page.goto(base + LESSON)
        controlled(page)
        page.reload()
        assert page.evaluate(version) == ["A", '"A"']

        server.folder = new  # the new build is published
        page.goto(base + LESSON)
        # Chromium checks sw.js on page views, at most every few seconds: check now
        page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
        message = page.locator("[data-pc-update]")
        expect(message).to_be_visible(timeout=30_000)
        # Any page opened while the new build waits says it too
        page.goto(base + HOMES["fr"])
        expect(message).to_be_visible()
        page.goto(base + LESSON)
        expect(message).to_be_visible()
        expect(message).to_contain_text("Une nouvelle version du cours est prête.")
        # Until the reader agrees, the page and its files are all from the old build
        assert page.evaluate(version) == ["A", '"A"']
        report = Axe().run(page)
        assert report.violations_count == 0, report.generate_report()

        watch = PageWatch(page, base.rstrip("/"))
        with page.expect_navigation():
            message.get_by_role("button", name="Afficher la nouvelle version").click()
        expect(page.locator("#version-du-site")).to_have_text("B")
        assert page.evaluate(version) == ["B", '"B"']
        expect(page.locator("[data-pc-update]")).to_have_count(0)
        page.wait_for_load_state("networkidle")
        watch.assert_clean()
        # Only the new build's cache is left
        assert page.evaluate("caches.keys()") == [f"parents-connectes-{data(new)['version']}"]
        # And it works offline
        page.context.set_offline(True)
        page.reload()
        assert page.evaluate(version) == ["B", '"B"']
    finally:
        server.close()


# --- The zip, from file:// with no network -----------------------------------


@pytest.fixture(scope="module")
def unzipped(site_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("zip")
    archive = out / "parents-connectes.zip"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_zip.py"), "--site", str(site_dir),
                             "--output", str(archive)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    print(f"\nZip du cours : {archive.stat().st_size / 1e6:.2f} Mo")
    with zipfile.ZipFile(archive) as z:
        z.extractall(out)
    return out / "parents-connectes"


def test_the_zip_works_from_file_with_no_network(browser, unzipped):
    """Navigation, language switch, search, a quiz and an exercise, with every non-file: request blocked."""
    context = browser.new_context()
    foreign = []

    def block(route):
        foreign.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(?!file:).*"), block)
    page = context.new_page()
    watch = PageWatch(page, "file://")
    page.goto(unzipped.as_uri() + "/COMMENCER-ICI.html")
    report = Axe().run(page)
    assert report.violations_count == 0, report.generate_report()
    page.get_by_role("link", name="Français").click()
    expect(page.locator("article h1")).to_contain_text("Parents connectés")
    # Navigate
    page.locator(".md-content a[href$='modules/01-bien-demarrer/index.html']").first.click()
    expect(page.locator("article h1")).to_contain_text("Bien démarrer")
    # Switch language
    page.locator(".pc-langs a[hreflang=ar]").click()
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page).to_have_url(re.compile(r"/cours/ar/modules/01-bien-demarrer/index\.html$"))
    # Search (Arabic index)
    search(page, "لوحة")
    # Answer a quiz
    page.goto(unzipped.as_uri() + "/cours/" + QUIZ)
    page.locator("#quiz-exemple-1 input[value='1']").check()
    page.locator("#quiz-exemple-1 .pc-quiz__check").click()
    expect(page.locator("#quiz-exemple-1 .pc-quiz__verdict")).to_contain_text("Bonne réponse")
    # A practice exercise (the mouse)
    page.goto(unzipped.as_uri() + "/cours/modules/01-bien-demarrer/03-la-souris-et-le-toucher.html")
    exercise = page.locator("#exercice-souris")
    exercise.scroll_into_view_if_needed()  # its files load when it comes near the screen
    expect(exercise.locator(".pc-ex__progres")).to_have_text("Étape 1 sur 6")
    exercise.locator(".pc-ex__cible").click()
    expect(exercise.locator(".pc-ex__progres")).to_have_text("Étape 2 sur 6")
    assert not foreign, f"Requêtes hors du zip : {foreign}"
    watch.assert_clean()
    context.close()


# --- Kiosk mode (la borne) ----------------------------------------------------


def test_kiosk_mode_is_off_by_default_remembered_when_on_and_can_be_turned_off(page, file_base):
    page.goto(file_base + HOMES["fr"])
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator(".pc-borne")).to_have_count(0)
    page.goto(file_base + HOMES["fr"] + "?borne=1")
    bar = page.get_by_role("region", name="Ordinateur partagé")
    expect(bar.get_by_role("button", name="Terminer ma session")).to_be_visible()
    # Remembered on this computer, in every language
    page.goto(file_base + HOMES["ar"])
    expect(page.get_by_role("button", name="أنهِ جلستي")).to_be_visible()
    page.goto(file_base + LESSON + "?borne=0")
    expect(page.locator("article h1")).to_be_visible()
    page.goto(file_base + LESSON)
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator(".pc-borne")).to_have_count(0)


def test_kiosk_targets_are_large_and_accessible(page, file_base):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(file_base + QUIZ + "?borne=1")
    button = page.get_by_role("button", name="Terminer ma session")
    expect(button).to_be_visible()
    expect(page.locator("html")).to_have_class(re.compile("pc-borne-on"))
    page.wait_for_function("getComputedStyle(document.documentElement).fontSize === '24px'")
    for locator in (button, page.locator(".md-nav__link:visible").first, page.locator(".pc-quiz__check").first,
                    page.locator(".pc-langs a").first):
        assert locator.bounding_box()["height"] >= 56, locator
    # Nothing that needs hovering: heading anchors (¶) are gone
    expect(page.locator("article .headerlink").first).to_be_hidden()
    report = Axe().run(page)
    assert report.violations_count == 0, report.generate_report()
    button.click()
    dialog = page.get_by_role("dialog", name="Terminer votre session ?")
    expect(dialog).to_be_visible()
    report = Axe().run(page)
    assert report.violations_count == 0, report.generate_report()
    # Keyboard: Escape closes it, nothing is erased
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.evaluate(f"localStorage.getItem('{KIOSK_KEY}')") == "10"


@pytest.mark.parametrize("scheme", ["file", "http"])
def test_end_my_session_erases_the_course_data_and_shows_the_checklist(page, file_base, http_base, scheme):
    base = file_base if scheme == "file" else http_base
    page.goto(base + QUIZ + "?borne=1")
    if scheme == "http":
        controlled(page)
    page.locator("#quiz-exemple-1 input[value='1']").check()
    page.locator("#quiz-exemple-1 .pc-quiz__check").click()
    expect(page.locator("#quiz-exemple-1 .pc-quiz__verdict")).to_be_visible()
    page.evaluate(SEED)
    before = page.evaluate(STATE)
    assert QUIZ_KEY in before["local"] and before["session"] and "base-essai" in before["databases"]

    page.get_by_role("button", name="Terminer ma session").click()
    page.get_by_role("dialog").get_by_role("button", name="Oui, terminer").click()
    expect(page).to_have_url(base + "borne/index.html")
    expect(page.locator("article h1")).to_have_text(re.compile("Avant de quitter l'ordinateur"))
    expect(page.locator("article ol li")).to_have_count(4)
    after = page.evaluate(STATE)
    assert after["local"] == [KIOSK_KEY], after
    assert after["session"] == 0, after
    assert after["databases"] == [], after
    assert all(name.startswith("parents-connectes-") for name in after["caches"]), after
    if scheme == "http":
        assert after["caches"], "the course files stay"
    # Still a kiosk; the quiz shows no answer
    expect(page.get_by_role("button", name="Terminer ma session")).to_be_visible()
    page.goto(base + QUIZ)
    expect(page.locator("#quiz-exemple-1 .pc-quiz__verdict")).to_have_count(0)
    expect(page.locator("#quiz-exemple-1 input[value='1']")).not_to_be_checked()


def test_end_my_session_shows_the_checklist_in_the_readers_language(page, file_base):
    page.goto(file_base + HOMES["ar"] + "?borne=1")
    page.get_by_role("button", name="أنهِ جلستي").click()
    page.get_by_role("dialog").get_by_role("button", name="نعم، أنهِ الجلسة").click()
    expect(page).to_have_url(file_base + "ar/borne/index.html")
    expect(page.locator("html")).to_have_attribute("lang", "ar")


def test_idle_kiosk_warns_then_resets_and_goes_home(page, file_base):
    page.clock.install()
    page.goto(file_base + QUIZ + "?borne=1&delai=5")
    expect(page.get_by_role("button", name="Terminer ma session")).to_be_visible()
    page.locator("#quiz-exemple-1 input[value='1']").check()
    page.locator("#quiz-exemple-1 .pc-quiz__check").click()
    page.evaluate(SEED)
    warning = page.get_by_role("dialog", name="Vous êtes encore là ?")

    page.clock.fast_forward("04:50")
    expect(warning).to_have_count(0)
    page.clock.fast_forward("00:11")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("Dans une minute")
    # Someone is there: « Je continue » stops the countdown, nothing is erased
    warning.get_by_role("button", name="Je continue").click()
    expect(warning).to_have_count(0)
    assert QUIZ_KEY in page.evaluate(STATE)["local"]

    page.clock.fast_forward("05:01")
    expect(warning).to_be_visible()
    page.clock.fast_forward("00:30")
    # The seconds left, counting down (about 30 now)
    expect(warning.locator(".pc-borne__count")).to_have_text(re.compile(r"^(2[89]|30)$"))
    page.clock.fast_forward("00:31")
    expect(page).to_have_url(file_base + "index.html")
    after = page.evaluate(STATE)
    assert after["local"] == [KIOSK_KEY] and after["session"] == 0 and after["databases"] == [], after
    # The setting (5 minutes) is kept for the next person
    assert page.evaluate(f"localStorage.getItem('{KIOSK_KEY}')") == "5"


def test_idle_kiosk_default_is_ten_minutes(page, http_base):
    page.clock.install()
    page.goto(http_base + HOMES["en"] + "?borne=1")
    warning = page.get_by_role("dialog", name="Are you still there?")
    expect(page.get_by_role("button", name="End my session")).to_be_visible()
    page.clock.fast_forward("09:50")
    expect(warning).to_have_count(0)
    page.clock.fast_forward("00:11")
    expect(warning).to_be_visible()
    page.clock.fast_forward("01:01")
    expect(page).to_have_url(http_base + "index.html")

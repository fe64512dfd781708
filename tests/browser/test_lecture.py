"""Reading aids in a real browser (issue 12): « Écouter », glossary definitions, text size.

The speech API is replaced by a recorder (``RECORDER``, added before the page's scripts):
``speechSynthesis.speak`` writes down each utterance's text, language and voice, and an
utterance ends only when the test says so (``__speech.finish()``), so pause and stop can
be checked while « reading ». Voices are plain objects (name, lang, localService).
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import ROOT, PageWatch

LESSON = "modules/01-bien-demarrer/02-allumer-et-eteindre.html"
PAGES = {"fr": LESSON, "ar": "ar/" + LESSON, "en": "en/" + LESSON}
GLOSSARY = {"fr": "glossaire.html", "ar": "ar/glossaire.html", "en": "en/glossaire.html"}
LISTEN = {"fr": "Écouter", "ar": "استمع", "en": "Listen"}
KEY = "parents-connectes:taille-texte"
TERMS = yaml.safe_load((ROOT / "i18n" / "glossaire.yml").read_text(encoding="utf-8"))["termes"]

VOICES = [
    {"name": "Amélie", "lang": "fr-FR", "localService": True, "default": True},
    {"name": "Maged", "lang": "ar-SA", "localService": True, "default": False},
    {"name": "Daniel", "lang": "en-GB", "localService": True, "default": False},
]

RECORDER = """
(() => {
  const state = { voices: [], log: [], current: null, listeners: [] };
  class Utterance extends EventTarget {
    constructor(text) { super(); this.text = text; this.lang = ''; this.voice = null; this.rate = 1; }
  }
  const fire = (u, type) => { if (u['on' + type]) u['on' + type](new Event(type)); };
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
    getVoices: () => state.voices.slice(),
    speak(u) { state.log.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name }); state.current = u; },
    cancel() { const u = state.current; state.current = null; if (u) fire(u, 'error'); },
    pause() {}, resume() {},
    addEventListener(type, f) { if (type === 'voiceschanged') state.listeners.push(f); },
    removeEventListener() {},
  } });
  window.SpeechSynthesisUtterance = Utterance;
  window.__speech = {
    log: state.log,
    speaking: () => !!state.current,
    load(voices) { state.voices = voices; state.listeners.forEach((f) => f(new Event('voiceschanged'))); },
    finish() { const u = state.current; state.current = null; if (u) fire(u, 'end'); return !!u; },
    finishAll() { let n = 0; while (this.finish() && n < 500) n++; return n; },
  };
})();
"""


def with_voices(page, voices=VOICES, later=False):
    """The recorder in every page of ``page``; voices at once, or only on voiceschanged (later)."""
    page.add_init_script(RECORDER)
    if not later:
        page.add_init_script(f"window.__speech.load({json.dumps(voices)});")


def log(page) -> list[dict]:
    return page.evaluate("window.__speech.log")


def words(text: str) -> str:
    """Text without punctuation or spacing, to compare what was read with what is shown."""
    return re.sub(r"[\W_]+", "", text)


# For each step (<li> of the lists under « Étape par étape », up to the next <h2>): has it « Écouter »?
STEPS = """() => {
  const steps = [];
  for (let el = document.getElementById('etapes').nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) {
    if (el.tagName === 'OL') for (const li of el.children) steps.push(!!li.querySelector(':scope > .pc-ecoute, :scope > p > .pc-ecoute'));
  }
  return steps;
}"""


def first_step(page):
    return page.locator("#etapes ~ ol > li").first


@pytest.fixture
def watched(page, page_watch):
    yield page
    page_watch.assert_clean()


# --- « Écouter » ----------------------------------------------------------------------


def test_listen_reads_a_step_in_the_pages_language_with_highlight_pause_and_stop(watched, http_base):
    page = watched
    with_voices(page)
    page.goto(http_base + PAGES["fr"])
    step = first_step(page)
    listen = step.get_by_role("button", name="Écouter")
    stop = step.get_by_role("button", name="Arrêter")
    expect(stop).to_be_hidden()
    listen.click()
    expect(step).to_have_class(re.compile(r"\bpc-lu\b"))
    expect(step).to_have_css("outline-style", "solid")  # not colour alone
    expect(step.get_by_role("button", name="Pause")).to_be_visible()
    expect(stop).to_be_visible()
    # Pause cancels, « Reprendre » says the same sentence again
    first = log(page)[0]
    step.get_by_role("button", name="Pause").click()
    assert not page.evaluate("window.__speech.speaking()")
    step.get_by_role("button", name="Reprendre").click()
    assert log(page)[-1] == first
    page.evaluate("window.__speech.finishAll()")
    # The whole step was read, in French, with the French voice; then all is back
    read = log(page)[1:]
    shown = step.evaluate("li => { const c = li.cloneNode(true); c.querySelectorAll('.pc-ecoute, .pc-def, img').forEach(e => e.remove()); return c.textContent; }")
    assert words("".join(u["text"] for u in read)) == words(shown)
    assert {(u["lang"], u["voice"]) for u in read} == {("fr-FR", "Amélie")}
    expect(listen).to_be_visible()
    expect(stop).to_be_hidden()
    expect(step).not_to_have_class(re.compile(r"\bpc-lu\b"))
    # « Arrêter » stops at once
    listen.click()
    stop.click()
    assert not page.evaluate("window.__speech.speaking()")
    expect(listen).to_be_visible()
    expect(step).not_to_have_class(re.compile(r"\bpc-lu\b"))


def test_french_labels_inside_arabic_get_a_french_utterance(watched, http_base):
    page = watched
    with_voices(page)
    page.goto(http_base + PAGES["ar"])
    block = page.locator(".pc-retenir")
    block.get_by_role("button", name=LISTEN["ar"]).click()
    page.evaluate("window.__speech.finishAll()")
    read = log(page)
    labels = block.locator('[lang="fr"]').all_text_contents()
    assert labels, "« À retenir » en arabe devrait citer un bouton en français"
    french = [u for u in read if u["lang"] == "fr-FR"]
    assert [words(u["text"]) for u in french] == [words(label) for label in labels]
    assert {u["voice"] for u in french} == {"Amélie"}
    arabic = [u for u in read if u["lang"] == "ar-SA"]
    assert arabic and {u["voice"] for u in arabic} == {"Maged"}
    assert all(re.search("[\u0600-\u06ff]", u["text"]) for u in arabic)
    # Each step of the page has its button, in Arabic (and nothing else has one)
    steps = page.evaluate(STEPS)
    assert len(steps) >= 5 and all(steps), steps
    expect(page.locator("li > .pc-ecoute, li > p > .pc-ecoute")).to_have_count(len(steps))


def test_english_page_reads_in_english(watched, http_base):
    page = watched
    with_voices(page)
    page.goto(http_base + PAGES["en"])
    first_step(page).get_by_role("button", name="Listen").click()
    page.evaluate("window.__speech.finishAll()")
    assert {u["voice"] for u in log(page) if u["lang"] == "en-GB"} == {"Daniel"}
    assert {u["lang"] for u in log(page)} <= {"en-GB", "fr-FR"}


@pytest.mark.parametrize("voices", [
    [],  # no voice at all
    [{"name": "Daniel", "lang": "en-GB", "localService": True}],  # none for Arabic
    [{"name": "Google العربية", "lang": "ar-SA", "localService": False}],  # a network voice: never used
], ids=["aucune", "autre-langue", "en-ligne"])
def test_no_voice_for_the_language_means_no_button(watched, http_base, voices):
    page = watched
    with_voices(page, voices)
    page.goto(http_base + PAGES["ar"])
    expect(page.locator("button.pc-terme").first).to_be_visible()  # the script ran
    expect(page.locator(".pc-ecoute")).to_have_count(0)


def test_buttons_come_when_the_voices_arrive_late(watched, http_base):
    page = watched
    with_voices(page, later=True)  # getVoices() is empty at first, as in Chrome
    page.goto(http_base + PAGES["fr"])
    expect(page.locator("button.pc-terme").first).to_be_visible()
    expect(page.locator(".pc-ecoute")).to_have_count(0)
    page.evaluate(f"window.__speech.load({json.dumps(VOICES)})")
    expect(first_step(page).get_by_role("button", name="Écouter")).to_be_visible()
    page.evaluate(f"window.__speech.load({json.dumps(VOICES)})")  # a second event adds nothing
    expect(first_step(page).locator(".pc-ecoute")).to_have_count(1)


def test_listen_with_the_keyboard_only(watched, http_base):
    page = watched
    with_voices(page)
    page.goto(http_base + PAGES["fr"])
    step = first_step(page)
    listen = step.locator(".pc-ecoute button").first
    expect(listen).to_have_text(re.compile("Écouter"))
    listen.focus()
    page.keyboard.press("Enter")
    expect(listen).to_have_text(re.compile("Pause"))
    page.keyboard.press("Space")
    expect(listen).to_have_text(re.compile("Reprendre"))
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(step.get_by_role("button", name="Arrêter")).to_be_focused()
    page.keyboard.press("Enter")
    # The stop button disappears: the focus goes back to « Écouter », never lost
    expect(listen).to_be_focused()
    expect(listen).to_have_text(re.compile("Écouter"))
    # Escape stops too
    page.keyboard.press("Enter")
    assert page.evaluate("window.__speech.speaking()")
    page.keyboard.press("Escape")
    assert not page.evaluate("window.__speech.speaking()")
    expect(listen).to_have_text(re.compile("Écouter"))


# --- Glossary -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_a_glossary_word_opens_its_definition_in_the_readers_language(watched, http_base, lang):
    page = watched
    with_voices(page)
    page.goto(http_base + PAGES[lang])
    words_ = page.locator("button.pc-terme")
    assert words_.count() >= 3
    # First use only: each word of the glossary once on the page
    terms = page.locator(".pc-def__lien").evaluate_all("links => links.map(a => a.hash)")
    assert len(terms) == words_.count() == len(set(terms))
    word = words_.first
    definition = page.locator("#" + word.get_attribute("aria-controls"))
    expect(word).to_have_attribute("aria-expanded", "false")
    expect(definition).to_be_hidden()
    word.click()
    expect(word).to_have_attribute("aria-expanded", "true")
    expect(definition).to_be_visible()
    term = definition.locator("a.pc-def__lien").get_attribute("href").split("#gl-")[1]
    expect(definition).to_contain_text(TERMS[term][lang]["definition"])
    # « Écouter » reads the definition in the reader's language
    definition.get_by_role("button", name=LISTEN[lang]).click()
    page.evaluate("window.__speech.finishAll()")
    assert {u["voice"] for u in log(page)} == {dict(fr="Amélie", ar="Maged", en="Daniel")[lang]}
    # A link leads to the whole glossary page, to this word
    link = definition.locator("a.pc-def__lien")
    assert re.search(r"glossaire\.html#gl-[a-z0-9-]+$", link.get_attribute("href"))
    # Keyboard: Enter toggles, Escape closes and keeps the focus on the word
    word.focus()
    page.keyboard.press("Enter")
    expect(definition).to_be_hidden()
    page.keyboard.press("Enter")
    expect(definition).to_be_visible()
    definition.get_by_role("button", name=LISTEN[lang]).focus()
    page.keyboard.press("Escape")
    expect(definition).to_be_hidden()
    expect(word).to_be_focused()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_axe_finds_nothing_with_a_definition_open_and_a_text_read(watched, http_base, lang):
    page = watched
    with_voices(page)
    page.goto(http_base + PAGES[lang])
    page.locator("button.pc-terme").first.click()
    first_step(page).locator(".pc-ecoute button").first.click()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_glossary_page_lists_every_word_with_listen(watched, http_base):
    page = watched
    with_voices(page)
    page.goto(http_base + GLOSSARY["ar"])
    entries = page.locator("dl.pc-glossaire > dd")
    assert entries.count() >= 30
    expect(entries.locator(".pc-ecoute")).to_have_count(entries.count())
    entries.first.get_by_role("button", name=LISTEN["ar"]).click()
    page.evaluate("window.__speech.finishAll()")
    assert log(page)[0]["lang"] == "ar-SA"
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_without_javascript_the_word_leads_to_the_glossary(browser, http_base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(http_base + PAGES["fr"])
    link = page.locator("a.pc-terme").first
    term = link.get_attribute("href").split("#")[1]
    link.click()
    expect(page).to_have_url(re.compile(r"/glossaire\.html#" + term))
    expect(page.locator("#" + term)).to_be_visible()
    expect(page.locator(".pc-taille")).to_be_hidden()  # no dead buttons
    context.close()


def test_reading_aids_work_from_file_url(browser, file_base):
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page, None)
    with_voices(page)
    page.goto(file_base + PAGES["ar"])
    page.locator("button.pc-terme").first.click()
    expect(page.locator(".pc-def:not([hidden])")).to_have_count(1)
    first_step(page).locator(".pc-ecoute button").first.click()
    assert log(page)
    assert not watch.console_errors and not watch.failed, (watch.console_errors, watch.failed)
    context.close()


# --- Text size ------------------------------------------------------------------------


def overflow(page) -> int:
    """How far the page reaches past the right edge of the screen (0: no sideways scroll)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("lang", ["fr", "ar"])  # left to right, right to left (en is laid out as fr)
def test_text_size_steps_on_a_phone_without_sideways_scroll(watched, http_base, lang, output_dir):
    page = watched
    page.set_viewport_size({"width": 360, "height": 740})
    urls = [PAGES[lang], GLOSSARY[lang], PAGES[lang].replace("02-allumer-et-eteindre", "08-telecharger-et-imprimer-un-pdf"),
            ("" if lang == "fr" else f"{lang}/") + "quizzes/01-bien-demarrer.html"]
    page.goto(http_base + urls[0])
    control = page.locator(".pc-taille")
    bigger, smaller = control.locator("button").nth(1), control.locator("button").nth(0)
    value = control.locator("output")
    expect(control).to_be_visible()
    expect(value).to_have_text(re.compile(r"^100\s?[%٪]$"))
    expect(smaller).to_have_attribute("aria-disabled", "true")
    sizes = []
    for step in range(5):
        if step:
            bigger.click()
        expect(value).to_have_text(re.compile(rf"^{100 + 25 * step}\s?[%٪]$"))
        sizes.append(page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-content p')).fontSize)"))
        assert overflow(page) <= 0, f"{urls[0]} à {100 + 25 * step} % : {overflow(page)} px de trop"
    assert sizes == sorted(sizes) and sizes[-1] >= 2 * sizes[0] - 1, sizes
    # At 200 %, other kinds of pages too: the glossary, a lesson with long French labels, a quiz
    for url in urls[1:]:
        page.goto(http_base + url)
        expect(page.locator(".pc-taille output")).to_have_text(re.compile(r"^200"))
        assert overflow(page) <= 0, f"{url} à 200 % : {overflow(page)} px de trop"
    page.goto(http_base + urls[0])
    expect(bigger).to_have_attribute("aria-disabled", "true")
    bigger.focus()
    page.keyboard.press("Enter")  # at 200 %: nothing more
    expect(value).to_have_text(re.compile(r"^200\s?[%٪]$"))
    page.screenshot(path=str(output_dir / f"taille-200-{lang}.png"))
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == "200"
    smaller.click()
    expect(value).to_have_text(re.compile(r"^175\s?[%٪]$"))


def test_text_size_survives_a_reload_and_another_page(watched, http_base):
    page = watched
    page.goto(http_base + PAGES["fr"])
    page.locator(".pc-taille button").nth(1).click()
    page.locator(".pc-taille button").nth(1).click()
    expect(page.locator(".pc-taille output")).to_have_text(re.compile("^150"))
    page.reload()
    expect(page.locator(".pc-taille output")).to_have_text(re.compile("^150"))
    assert page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--pc-z').trim()") == "1.5"
    page.goto(http_base + "ar/index.html")
    expect(page.locator(".pc-taille output")).to_have_text(re.compile("^150"))
    # Keyboard: the buttons are reached with Tab and work with Enter
    page.locator(".pc-taille button").first.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".pc-taille output")).to_have_text(re.compile("^125"))
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

"""The site in a real browser (Debian's Chromium): languages, search, offline, accessibility."""

from __future__ import annotations

import re
import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import LANGS, PageWatch, all_pages, lay_out_every_part

HOMES = {"fr": "index.html", "ar": "ar/index.html", "en": "en/index.html"}
TITLES = {"fr": "Parents connectés", "ar": "أولياء متصلون", "en": "Connected parents"}


def language_of(rel: str) -> str:
    first = rel.split("/")[0]
    return first if first in LANGS[1:] else "fr"


def axe_violations(page) -> str:
    lay_out_every_part(page)
    results = Axe().run(page)
    if results.violations_count == 0:
        return ""
    return results.generate_report()


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_renders_cleanly_and_accessibly(page, page_watch, http_base, lang):
    page.goto(http_base + HOMES[lang])
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".md-header__topic").first).to_contain_text(TITLES[lang])
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.wait_for_load_state("networkidle")
    page_watch.assert_clean()
    report = axe_violations(page)
    assert not report, report


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_no_console_error_no_404_and_no_axe_violation(page, page_watch, http_base, site_dir, lang):
    """Every page: no console error, no failed request (sitemap.xml included), axe clean.
    One test per language (every page is in one of them), so that the two workers share them."""
    axe = Axe()
    problems = []
    pages = [rel for rel in all_pages(site_dir) if language_of(rel) == lang]
    assert pages
    for rel in pages:
        page.goto(http_base + rel)  # waits for « load »: the page and what it shows
        lay_out_every_part(page)
        results = axe.run(page)
        if results.violations_count:
            problems.append(f"{rel}:\n{results.generate_report()}")
    page_watch.assert_clean()
    assert not problems, "\n".join(problems)


def test_arabic_home_is_right_to_left_screenshots(page, http_base, output_dir):
    for name, size in {"telephone": (390, 844), "projecteur": (1600, 900)}.items():
        page.set_viewport_size({"width": size[0], "height": size[1]})
        page.goto(http_base + HOMES["ar"])
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        h1 = page.locator("h1").bounding_box()
        # In RTL the title starts at the right edge of its column
        content = page.locator(".md-content").bounding_box()
        assert h1["x"] + h1["width"] > content["x"] + content["width"] * 0.6
        page.screenshot(path=str(output_dir / f"accueil-ar-{name}.png"), full_page=False)


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_language_switcher_keeps_the_page(browser, http_base, file_base, scheme):
    base = http_base if scheme == "http" else file_base
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page, None)
    page.goto(base + "formateurs/index.html")
    page.locator(".pc-langs a[hreflang=ar]").click()
    expect(page).to_have_url(base + "ar/formateurs/index.html")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    page.locator(".pc-langs a[hreflang=en]").click()
    expect(page).to_have_url(base + "en/formateurs/index.html")
    page.locator(".pc-langs a[hreflang=fr]").click()
    expect(page).to_have_url(base + "formateurs/index.html")
    # From a home page too
    page.goto(base + HOMES["en"])
    page.locator(".pc-langs a[hreflang=ar]").click()
    expect(page).to_have_url(base + HOMES["ar"])
    assert not watch.console_errors, watch.console_errors
    context.close()


def test_fallback_page_shows_the_notice_in_the_readers_language(page, http_base):
    page.goto(http_base + "ar/contribuer/index.html")
    notice = page.locator("[data-pc-fallback]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("غير مترجمة")
    expect(page.locator("article h1")).to_contain_text("Contribuer")


def search(page, query: str):
    field = page.locator("input.md-search__input")
    if not field.is_visible():
        # Narrow screens show a search button; wide ones show the field directly
        page.locator(".md-header__button[for=__search]").click()
    # Type like a person: Material sends the query on "keyup" (fill() sends none)
    field.press_sequentially(query)
    results = page.locator(".md-search-result__item")
    # The worker may still be loading the index and the lunr languages
    expect(results.first).to_be_visible(timeout=15_000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__link").all()]


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_search_on_an_arabic_page_returns_only_arabic_pages(browser, http_base, file_base, scheme):
    base = http_base if scheme == "http" else file_base
    page = browser.new_page()
    page.goto(base + "ar/formateurs/index.html")
    # "Roubaix" appears in the French and in the Arabic home page
    hrefs = search(page, "Roubaix")
    assert hrefs
    for href in hrefs:
        resolved = page.evaluate("h => new URL(h, location.href).href", href)
        assert resolved.startswith(base + "ar/"), resolved
    page.close()


def test_search_on_a_french_page_returns_french_pages(page, http_base):
    page.goto(http_base + "index.html")
    hrefs = search(page, "Roubaix")
    for href in hrefs:
        resolved = page.evaluate("h => new URL(h, location.href).href", href)
        assert not resolved.startswith((http_base + "ar/", http_base + "en/")), resolved


def test_site_works_from_file_without_network(browser, file_base):
    page = browser.new_page()
    watch = PageWatch(page, "file://")
    page.goto(file_base + "index.html")
    expect(page.locator("h1")).to_be_visible()
    page.locator("article a[href='formateurs/index.html']").first.click()
    expect(page).to_have_url(file_base + "formateurs/index.html")
    assert not watch.foreign, watch.foreign
    assert not watch.console_errors, watch.console_errors
    page.close()


SEARCH_FILES = re.compile(r"/search/search_index\.(json|js)|/workers/search\.|/lunr/")


@pytest.mark.parametrize("rel", ["index.html", "ar/modules/02-e-mail/06-reconnaitre-un-message-piege.html"])
def test_search_downloads_nothing_until_it_is_opened(page, page_watch, http_base, rel):
    """About 120 KB gzip a parent on prepaid data no longer pays on every first visit."""
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(http_base + rel)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert not [u for u in fetched if SEARCH_FILES.search(u)], fetched
    # Opened, it finds pages of the page's language
    hrefs = search(page, "Roubaix" if rel == "index.html" else "CAF")
    assert hrefs
    assert [u for u in fetched if "search_index.json" in u]
    page_watch.assert_clean()


@pytest.mark.parametrize("screen", ["wide", "phone"])
def test_a_search_result_still_highlights_the_words(browser, http_base, screen):
    page = phone(browser) if screen == "phone" else browser.new_page()
    page.goto(http_base + "index.html?h=Roubaix")
    expect(page.locator("article mark[data-md-highlight]").first).to_be_visible()
    page.context.close()


# --- Material's bundle on phones: only when the reader needs it (hooks/chargement.py) --------

BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
LESSON_AR = "ar/modules/02-e-mail/06-reconnaitre-un-message-piege.html"


def phone(browser):
    """A page in a phone-sized window (touch, 412 × 823: Lighthouse's mobile screen)."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, has_touch=True, is_mobile=True)
    return context.new_page()


def bundle_requests(page) -> list[str]:
    asked: list[str] = []
    page.on("request", lambda r: BUNDLE.search(r.url) and asked.append(r.url))
    return asked


def read_quietly(page, url: str):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_on_a_phone_material_waits_for_the_search_button(browser, http_base, file_base, scheme):
    """Reading a lesson on a phone costs neither the 35 KB nor the work of Material's bundle;
    the search button still opens a search that answers (file:// included)."""
    base = http_base if scheme == "http" else file_base
    page = phone(browser)
    watch = PageWatch(page, "file://" if scheme == "file" else http_base.rstrip("/"))
    asked = bundle_requests(page)
    read_quietly(page, base + LESSON_AR)
    assert not asked
    assert page.evaluate("typeof window.document$") == "undefined"
    # The lesson's own aids do not need it: the text size buttons answer
    page.locator(".pc-taille button").last.tap()
    expect(page.locator(".pc-taille output")).to_contain_text("125")
    assert not asked
    page.locator(".md-header__button[for=__search]").tap()
    field = page.locator("input.md-search__input")
    expect(field).to_be_focused()
    hrefs = search(page, "CAF")
    assert hrefs and asked
    assert not watch.foreign and not watch.console_errors, (watch.foreign, watch.console_errors)
    page.context.close()


@pytest.mark.parametrize("key", ["/", "n"])
def test_on_a_phone_materials_keys_work_from_the_first_press(browser, http_base, key):
    """« / » opens the search, « n » the next lesson, although the bundle arrives after the key."""
    page = phone(browser)
    asked = bundle_requests(page)
    read_quietly(page, http_base + LESSON_AR)
    page.keyboard.press(key)
    if key == "/":
        expect(page.locator("input.md-search__input")).to_be_focused()
    else:
        expect(page).to_have_url(re.compile(r"/07-mes-mots-de-passe\.html$"))
    assert asked
    page.context.close()


def test_on_a_phone_the_menu_closes_on_a_section_of_the_page(browser, http_base):
    """Opening the menu asks for the bundle: a section of the lesson chosen in the menu closes it."""
    page = phone(browser)
    asked = bundle_requests(page)
    read_quietly(page, http_base + LESSON_AR)
    page.locator(".md-header__button[for=__drawer]").tap()
    drawer = page.locator("#__drawer")
    expect(drawer).to_be_checked()
    assert asked
    page.wait_for_function("() => !!window.document$")
    # The lesson's own sections, one level down in the menu, then one of them
    page.locator(".md-nav--primary label.md-nav__link[for=__toc]").tap()
    page.locator(".md-nav--primary .md-nav--secondary a[href='#etapes']").tap()
    expect(drawer).not_to_be_checked()
    expect(page).to_have_url(re.compile("#etapes$"))
    page.context.close()


def test_on_a_phone_the_closed_menu_is_not_drawn_and_tab_skips_it(browser, http_base):
    """Closed, the phone menu (every lesson of the module) costs no layout, and Tab never puts the
    focus on its links off the screen (site.css); opened, they are there, and drawn while it slides away."""
    page = phone(browser)
    read_quietly(page, http_base + LESSON_AR)
    drawn = "() => [...document.querySelectorAll('.md-sidebar--primary a')].filter(a => a.checkVisibility()).length"
    assert page.locator(".md-sidebar--primary a.md-nav__link").count() > 10
    assert page.evaluate(drawn) == 0
    for _ in range(15):
        page.keyboard.press("Tab")
        assert not page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")
    page.locator(".md-header__button[for=__drawer]").tap()
    following = page.locator(".md-sidebar--primary a[href='07-mes-mots-de-passe.html']")
    expect(following).to_be_visible()
    expect(following).to_be_in_viewport()
    assert page.evaluate(drawn) > 10
    page.evaluate("document.getElementById('__drawer').click()")  # closes it, as the overlay does
    assert page.evaluate(drawn) > 10  # still sliding away
    page.wait_for_function(drawn + " === 0")
    page.context.close()


def test_on_a_phone_back_to_top_appears_when_scrolling_back_up(browser, http_base):
    page = phone(browser)
    read_quietly(page, http_base + LESSON_AR)
    top = page.locator(".md-top")
    for y in (4000, 3800, 3600, 3400, 3200):
        page.evaluate("y => window.scrollTo(0, y)", y)
        page.wait_for_timeout(200)
    expect(top).to_be_visible()
    top.tap()
    page.wait_for_function("() => window.scrollY === 0")
    page.context.close()


def test_on_a_wide_screen_material_loads_at_once(page, http_base):
    """The kiosk and the projector show Material's sidebars: its bundle runs without waiting."""
    page.goto(http_base + LESSON_AR)
    page.wait_for_function("() => !!window.document$")


@pytest.mark.parametrize("lang", LANGS)
def test_a_lesson_does_not_jump_when_its_drawings_arrive(browser, http_base, lang):
    """Drawings have their width and height: the text below stays where the parent reads it."""
    # A phone's width, tall enough for the first drawing to be on the screen (so drawn)
    context = browser.new_context(viewport={"width": 412, "height": 2000})
    page = context.new_page()
    # Slow drawings: the text is painted long before them
    page.route("**/*.svg", lambda route: (time.sleep(0.3), route.continue_()))
    page.add_init_script("""window.__shift = 0; new PerformanceObserver(l => l.getEntries()
        .forEach(e => { if (!e.hadRecentInput) window.__shift += e.value; }))
        .observe({type: 'layout-shift', buffered: true});""")
    prefix = "" if lang == "fr" else f"{lang}/"
    page.goto(http_base + prefix + "modules/02-e-mail/06-reconnaitre-un-message-piege.html")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__shift") < 0.01
    img = page.locator("article.md-content__inner img[src$='message-piege.svg']")
    box = img.bounding_box()
    article = page.locator("article.md-content__inner").bounding_box()
    # Still the whole column wide, 640 × 400 kept
    assert box["width"] > article["width"] * 0.8
    assert abs(box["height"] / box["width"] - 400 / 640) < 0.02
    context.close()


# Pages with every kind of part: lessons with drawings, lists, quotes, exercises and trainer notes,
# a module's page (« Garder le cours »), the home page, a trainer page with code samples
APART_PAGES = [
    prefix + page
    for prefix in ("", "ar/", "en/")
    for page in (
        "index.html",
        "modules/02-e-mail/index.html",
        "modules/02-e-mail/04-ecrire-un-message.html",
        "modules/02-e-mail/06-reconnaitre-un-message-piege.html",
        "modules/01-bien-demarrer/05-accents-et-arobase.html",
    )
] + ["formateurs/borne.html", "contribuer/index.html"]


def test_parts_laid_out_apart_keep_the_same_spacing(page, http_base):
    """site.css lays out a page's parts after the first <h2> apart (content-visibility), which keeps
    their inner margins inside: every element must stay where it was without it."""
    for url in APART_PAGES:
        page.goto(http_base + url)
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # widgets' styles, as near the screen
        page.wait_for_load_state("networkidle")
        found = page.evaluate("""() => {
          const all = [...document.querySelectorAll('article.md-content__inner *')];
          const parts = all.filter(e => getComputedStyle(e).contentVisibility === 'auto');
          const drawn = all.filter(e => e.getClientRects().length);
          const tops = () => drawn.map(e => Math.round(e.getBoundingClientRect().top + scrollY));
          parts.forEach(e => { e.style.contentVisibility = 'visible'; });
          const before = tops();
          parts.forEach(e => { e.style.contain = 'layout style paint'; });  // what 'auto' adds
          const apart = tops();
          const i = before.findIndex((top, k) => top !== apart[k]);
          return [parts.length, i < 0 ? '' : `${drawn[i].outerHTML.slice(0, 80)}: ${before[i]} → ${apart[i]}`];
        }""")
        assert found[0] > 3, f"{url}: no part laid out apart"
        assert not found[1], f"{url}: {found[1]}"


def test_colours_read_as_the_page_opens_pass_axe(page, http_base):
    """Lighthouse runs axe on a page as it opens, its far parts not laid out yet: a part taller than
    its estimate would reach over the dark footer and read as « contrast too low » (site.css keeps
    the exercises and the last four parts out of it)."""
    axe = Axe()
    problems = []
    for url in APART_PAGES + ["formateurs/seances.html", "modules/01-bien-demarrer/07-reconnaitre-un-site-officiel.html"]:
        page.goto(http_base + url)
        results = axe.run(page, options={"runOnly": ["color-contrast"]})
        if results.violations_count:
            problems.append(f"{url}:\n{results.generate_report()}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("heading", ["a-vous", "a-retenir", "sources"])
def test_a_reloaded_lesson_opens_where_the_parent_was_reading(browser, http_base, heading):
    """Phones reload the tabs they put to sleep: the place in the lesson must not be lost, though
    the parts far from the screen have only an estimated height (site.css, hooks/chargement.py)."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    page.goto(http_base + LESSON_AR)
    target = page.locator(f"h2#{heading}")
    for _ in range(2):  # again once the exercise on the way has been drawn
        target.scroll_into_view_if_needed()
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
    before = target.bounding_box()["y"]
    assert 0 <= before < 823
    page.reload()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert abs(target.bounding_box()["y"] - before) < 40
    # Coming back to it from another page too
    page.goto(http_base + "ar/index.html")
    page.go_back()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert abs(target.bounding_box()["y"] - before) < 40
    context.close()

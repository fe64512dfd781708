"""Quizzes in a real browser: docs/quizzes/exemple*.md, built once (tests/conftest.py).

Mouse and keyboard, score, progress across a reload, blocked storage, JavaScript off,
Arabic right to left, file://, axe, print and console errors.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import PageWatch

PAGES = {"fr": "quizzes/exemple.html", "ar": "ar/quizzes/exemple.html", "en": "en/quizzes/exemple.html"}
KEY = "parents-connectes:quiz:exemple"
Q = "#quiz-exemple-{}"  # one fieldset per question
# The right answers of the example quiz (docs/quizzes/exemple.md)
RIGHT = {1: ["1"], 2: ["1", "2", "3"], 3: ["2"], 5: ["2"]}
BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});
"""


def question(page, n):
    return page.locator(Q.format(n))


def answer(page, n, values):
    """Tick the given options (values are 1-based numbers) of question n, then « Vérifier »."""
    for value in values:
        page.locator(f"{Q.format(n)} input[value='{value}']").check()
    question(page, n).locator(".pc-quiz__check").click()


def order(page, positions):
    """Question 4 (« ordre »): give each step (by its right position) a number."""
    for right, chosen in positions.items():
        page.select_option(f"#quiz-exemple-4-{right}", str(chosen))
    question(page, 4).locator(".pc-quiz__check").click()


def answer_all(page, right_ones):
    """Answer the 5 questions, right for the numbers in right_ones, wrong otherwise."""
    wrong = {1: ["2"], 2: ["4"], 3: ["1"], 5: ["1"]}
    for n in (1, 2, 3, 5):
        answer(page, n, RIGHT[n] if n in right_ones else wrong[n])
    order(page, {1: 1, 2: 2, 3: 3, 4: 4} if 4 in right_ones else {1: 2, 2: 1, 3: 3, 4: 4})


def stored(page):
    return page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")


@pytest.fixture
def quiz_page(page, page_watch, http_base):
    """The French example quiz over HTTP, checked for console errors and failed requests."""
    page.goto(http_base + PAGES["fr"])
    expect(question(page, 1).locator(".pc-quiz__check")).to_be_visible()
    yield page
    page_watch.assert_clean()


def test_right_and_wrong_answers_with_the_mouse(quiz_page):
    page = quiz_page
    # Wrong: a cross and words, the right answer, the note on the chosen option, the explanation
    page.get_by_label("Je recharge la page.").check()
    question(page, 1).get_by_role("button", name="Vérifier").click()
    result = question(page, 1).locator(".pc-quiz__result")
    expect(result).to_have_attribute("aria-live", "polite")
    expect(result.locator(".pc-quiz__verdict")).to_have_text("✗ Ce n'est pas la bonne réponse.")
    expect(result).to_contain_text("Bonne réponse : J'appuie sur le bouton « Vérifier », sous la question.")
    expect(result).to_contain_text("Non : recharger la page ne corrige pas la question.")
    expect(result).not_to_contain_text("Non : vous n'avez rien à envoyer")  # not chosen
    expect(result).to_contain_text("Le bouton « Vérifier » dit tout de suite")
    expect(question(page, 1).locator(".is-wrong .pc-quiz__mark")).to_have_text("✗")
    expect(question(page, 1).locator("input").first).to_be_disabled()
    expect(question(page, 1).locator("details")).to_be_hidden()
    # Right
    page.get_by_label("Faux").check()
    question(page, 3).get_by_role("button", name="Vérifier").click()
    verdict = question(page, 3).locator(".pc-quiz__verdict")
    expect(verdict).to_have_text("✓ Bonne réponse !")
    expect(verdict).to_have_css("color", "rgb(22, 101, 52)")
    expect(question(page, 3).locator(".pc-quiz__result")).not_to_contain_text("Bonne réponse : ")
    # Nothing chosen yet: a hint, and the question stays open
    question(page, 2).get_by_role("button", name="Vérifier").click()
    expect(question(page, 2).locator(".pc-quiz__result")).to_have_text(
        "Choisissez une réponse, puis appuyez sur « Vérifier ».")
    expect(question(page, 2).locator("input").first).to_be_enabled()


def test_answers_with_the_keyboard_only(quiz_page):
    page = quiz_page
    page.evaluate("window.notReloaded = true")
    question(page, 1).locator("input").first.focus()
    page.keyboard.press("ArrowDown")  # moves to and selects « Je recharge la page. »
    expect(page.get_by_label("Je recharge la page.")).to_be_checked()
    page.keyboard.press("Enter")  # checks this question; never submits the form
    expect(question(page, 1).locator(".pc-quiz__verdict")).to_contain_text("✗")
    # Multiple choice: Space ticks, Tab goes on, the button is reached with Tab
    question(page, 2).locator("input").first.focus()
    for _ in range(3):  # the first three are right, the fourth stays empty
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(question(page, 2).get_by_role("button", name="Vérifier")).to_be_focused()
    page.keyboard.press("Enter")
    expect(question(page, 2).locator(".pc-quiz__verdict")).to_have_text("✓ Bonne réponse !")
    # Order: type the number in each list, Tab to the next
    steps = question(page, 4).locator("select")
    steps.first.focus()
    for i in range(4):
        page.keyboard.type(steps.nth(i).get_attribute("data-answer"))
        page.keyboard.press("Tab")
    expect(question(page, 4).get_by_role("button", name="Vérifier")).to_be_focused()
    page.keyboard.press("Space")
    expect(question(page, 4).locator(".pc-quiz__verdict")).to_have_text("✓ Bonne réponse !")
    # « Voir la réponse » opens from the keyboard
    question(page, 5).locator("summary").focus()
    page.keyboard.press("Enter")
    expect(question(page, 5).locator(".pc-quiz__solution")).to_be_visible()
    assert page.evaluate("window.notReloaded") is True


def test_score_kind_message_best_score_and_restart(quiz_page):
    page = quiz_page
    status = page.locator(".pc-quiz__status")
    answer_all(page, right_ones={1, 3, 4})
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_contain_text("Vous avez 3 bonnes réponses sur 5.")
    expect(status).to_contain_text("C'est bien !")
    page.get_by_role("button", name="Recommencer").click()
    expect(status).to_be_empty()
    expect(page.locator(".pc-quiz__result:not(:empty)")).to_have_count(0)
    expect(page.locator("form.pc-quiz input:checked")).to_have_count(0)
    expect(question(page, 1).locator("input").first).to_be_focused()
    answer_all(page, right_ones={1, 2, 3, 4, 5})
    expect(status).to_contain_text("Vous avez 5 bonnes réponses sur 5.")
    expect(status).to_contain_text("Bravo, tout est juste !")
    expect(status).to_contain_text("Votre meilleur score : 5 sur 5.")
    page.get_by_role("button", name="Recommencer").click()
    answer_all(page, right_ones={1})
    expect(status).to_contain_text("Vous avez 1 bonne réponse sur 5.")
    expect(status).to_contain_text("Ce n'est pas grave.")
    expect(status).to_contain_text("Votre meilleur score : 5 sur 5.")


def test_progress_survives_a_reload_and_can_be_cleared(quiz_page):
    page = quiz_page
    answer(page, 1, ["1"])
    order(page, {1: 2, 2: 1, 3: 3, 4: 4})
    saved = stored(page)
    assert saved["answers"]["0"] == [True, False, False]
    page.reload()
    expect(page.get_by_label("J'appuie sur le bouton « Vérifier », sous la question.")).to_be_checked()
    expect(question(page, 1).locator(".pc-quiz__verdict")).to_have_text("✓ Bonne réponse !")
    expect(question(page, 4).locator(".pc-quiz__verdict")).to_contain_text("✗")
    expect(page.locator("#quiz-exemple-4-1")).to_have_value("2")
    expect(question(page, 2).locator("input").first).to_be_enabled()
    expect(page.locator(".pc-quiz__status")).to_have_text("Vos réponses précédentes sont affichées.")
    # Finish after the reload: the score counts the restored answers
    for n in (2, 3, 5):
        answer(page, n, RIGHT[n])
    expect(page.locator(".pc-quiz__status")).to_contain_text("Vous avez 4 bonnes réponses sur 5.")
    assert stored(page)["best"] == 4
    page.get_by_role("button", name="Effacer mes réponses").click()
    expect(page.locator(".pc-quiz__status")).to_have_text("Vos réponses sont effacées de cet appareil.")
    assert stored(page) is None
    page.reload()
    expect(page.locator("form.pc-quiz input:checked")).to_have_count(0)
    expect(page.locator(".pc-quiz__status")).to_be_empty()


def test_quiz_works_when_storage_is_blocked(page, page_watch, http_base):
    page.add_init_script(BLOCK_STORAGE)
    page.goto(http_base + PAGES["fr"])
    answer_all(page, right_ones={1, 2, 3, 4, 5})
    expect(page.locator(".pc-quiz__status")).to_contain_text("Vous avez 5 bonnes réponses sur 5.")
    page.get_by_role("button", name="Effacer mes réponses").click()
    page.get_by_role("button", name="Recommencer").click()
    page.reload()
    expect(page.locator("form.pc-quiz input:checked")).to_have_count(0)
    page_watch.assert_clean()


def test_without_javascript_questions_are_readable_and_details_show_the_answer(browser, http_base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(http_base + PAGES["fr"])
    expect(page.locator("form.pc-quiz fieldset")).to_have_count(5)
    expect(question(page, 1).locator("legend")).to_contain_text("Que faites-vous pour savoir si elle est juste ?")
    expect(page.get_by_label("Je recharge la page.")).to_be_visible()
    expect(page.locator(".pc-quiz__check")).to_have_count(0)
    solution = question(page, 1).locator(".pc-quiz__solution")
    expect(solution).to_be_hidden()
    question(page, 1).locator("summary").click()
    expect(solution).to_be_visible()
    expect(solution).to_have_text("Bonne réponse : J'appuie sur le bouton « Vérifier », sous la question.")
    expect(question(page, 1).locator(".pc-quiz__explanation")).to_be_visible()
    # The CSS is there (44px targets) even without the script
    assert question(page, 1).locator(".pc-quiz__choice").first.bounding_box()["height"] >= 44
    context.close()


def test_arabic_quiz_is_right_to_left_with_arabic_plurals(page, page_watch, http_base):
    page.goto(http_base + PAGES["ar"])
    form = page.locator("form.pc-quiz")
    assert form.evaluate("el => getComputedStyle(el).direction") == "rtl"
    button = question(page, 1).get_by_role("button", name="تحقّق")
    expect(button).to_be_visible()
    # The radio sits at the right of its label, the mark at the left (logical properties)
    choice = question(page, 1).locator(".pc-quiz__choice").first
    radio, label = choice.locator("input").bounding_box(), choice.locator("label").bounding_box()
    assert radio["x"] > label["x"]
    answer_all(page, right_ones=set())
    mark, label = (question(page, 1).locator(".is-wrong .pc-quiz__mark").bounding_box(),
                   question(page, 1).locator(".is-wrong label").bounding_box())
    assert mark["x"] < label["x"]
    expect(question(page, 1).locator(".pc-quiz__verdict")).to_have_text("✗ هذه ليست الإجابة الصحيحة.")
    status = page.locator(".pc-quiz__status")
    expect(status).to_contain_text("لم تحصلوا على أي إجابة صحيحة من أصل 5.")  # zero
    page.get_by_role("button", name="ابدأ من جديد").click()
    answer_all(page, right_ones={1, 3})
    expect(status).to_contain_text("لديكم إجابتان صحيحتان من أصل 5.")  # two
    page_watch.assert_clean()


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_quiz_from_file_url(browser, file_base, lang):
    """From a USB key: styles, script, images and progress work from file://."""
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page, "file://")
    page.goto(file_base + PAGES[lang])
    expect(page.locator(".pc-quiz__check").first).to_be_visible()
    expect(page.locator(".pc-quiz__check").first).to_have_css("min-height", "44px")
    for img in page.locator(".pc-quiz__choices img").all():
        assert img.evaluate("el => el.complete && el.naturalWidth > 0"), img.get_attribute("src")
    answer(page, 3, RIGHT[3])
    expect(question(page, 3).locator(".pc-quiz__verdict")).to_contain_text("✓")
    page.reload()
    expect(question(page, 3).locator(".pc-quiz__verdict")).to_contain_text("✓")
    watch.assert_clean()
    context.close()


def test_axe_finds_no_violation_on_an_answered_quiz(page, page_watch, http_base):
    """Every quiz page as it opens is checked by axe with every other page
    (test_site.py::test_every_page_has_no_console_error_no_404_and_no_axe_violation);
    here, the example quiz once more with its feedback on screen (wrong and right answers)."""
    axe = Axe()
    problems = []
    # Final colours, not the fade-in of the feedback
    page.emulate_media(reduced_motion="reduce")
    for rel in PAGES.values():
        page.goto(http_base + rel)
        expect(page.locator(".pc-quiz__check").first).to_be_visible()
        for fieldset in page.locator("form.pc-quiz fieldset").all():
            selects = fieldset.locator("select")
            if selects.count():
                for select in selects.all():
                    select.select_option("1")
            else:
                fieldset.locator("input").first.check()
            fieldset.locator(".pc-quiz__check").click()
        results = axe.run(page, context="form.pc-quiz")
        if results.violations_count:
            problems.append(f"{rel} (answered):\n{results.generate_report()}")
        # Translations share the quiz id, hence the saved answers: leave the next page empty
        for clear in page.locator(".pc-quiz__clear").all():
            clear.click()
    page_watch.assert_clean()
    assert not problems, "\n".join(problems)


def test_print_shows_questions_without_answers(quiz_page):
    page = quiz_page
    answer(page, 1, ["2"])
    page.emulate_media(media="print")
    expect(question(page, 1).locator("legend")).to_be_visible()
    expect(question(page, 2).locator("details")).to_be_hidden()
    expect(question(page, 1).locator(".pc-quiz__result")).to_be_hidden()
    expect(page.locator(".pc-quiz__check").first).to_be_hidden()
    expect(page.locator(".pc-quiz__footer")).to_be_hidden()


def test_reduced_motion_and_large_targets(page, http_base):
    page.emulate_media(reduced_motion="reduce")
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(http_base + PAGES["fr"])
    answer(page, 1, ["2"])
    result = question(page, 1).locator(".pc-quiz__result")
    assert result.evaluate("el => getComputedStyle(el).animationName") == "none"
    targets = page.locator(".pc-quiz__choice, .pc-quiz__step, form.pc-quiz button, form.pc-quiz select, summary")
    for target in targets.all():
        if target.is_visible():
            box = target.bounding_box()
            assert box["height"] >= 44, target.evaluate("el => el.outerHTML.slice(0, 120)")


def test_script_loaded_twice_enhances_once(quiz_page):
    page = quiz_page
    src = page.locator("script[src$='quiz.js']").get_attribute("src")
    page.add_script_tag(url=src)
    page.evaluate("ParentsConnectes.quiz.init()")
    expect(question(page, 1).locator(".pc-quiz__check")).to_have_count(1)
    expect(page.locator(".pc-quiz__footer")).to_have_count(1)
    assert "quiz" in page.evaluate("Object.keys(window.ParentsConnectes)")
    # Events for whoever needs them (the kiosk mode, for instance)
    page.evaluate("""document.querySelector('form.pc-quiz').addEventListener('pc-quiz:checked',
        e => window.lastCheck = e.detail)""")
    answer(page, 3, RIGHT[3])
    assert page.evaluate("window.lastCheck") == {"question": 2, "correct": True}

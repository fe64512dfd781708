"""Every size budget of the course, in one place (bytes; gzip level 6 where it says gzip).

The tests import these numbers; scripts/bench.py prints the measured sizes next to them.
Times are never budgets here: they are measured by the bench, on a machine that may be busy.
Change a number only with a reason written beside it (and in the README « Budgets »).
"""

KB = 1024

# --- Every page ---------------------------------------------------------------------------
# First visit of any page, HTML + CSS + JS + fonts, gzip, images and search index excepted
# (tests/test_build.py). Stock Material measured 62 KB; the issue set 80 KB. Parents on prepaid
# data and old kiosk computers pay for every byte.
FIRST_LOAD = 80 * KB
# Our own JavaScript that any one page can run, gzip: the files it loads at first, the inline
# scripts, and the files it loads later on demand (an exercise coming into view, projection
# mode). One page never loads another page's widget, so this is what a parent downloads of ours
# for the page in front of them (tests/test_budgets.py). « Garder le cours » downloads all of
# it at once: that is counted in OFFLINE_DOWNLOAD below.
OWN_JS_PER_PAGE = 15 * KB

# --- Widgets (JS + CSS, gzip) ---------------------------------------------------------------
QUIZ = 6 * KB  # quiz.js + quiz.css, quiz pages only (tests/test_quiz.py)
EXERCISE = 6 * KB  # each exercise's script + its stylesheet + the shared exercices.css (tests/test_exercices.py)
LECTURE = 4.5 * KB  # lecture.js + lecture.css, reading aids on lessons (tests/test_glossaire.py)
# Offline and kiosk (tests/test_offline.py)
OFFLINE_SNIPPET = 450  # the inline script of every page
OFFLINE_BOX = 2560  # offline.js + its strings (home and module pages)
KIOSK = 4096  # borne.js + its strings + borne.css (kiosk mode only)
WORKER = 3072  # service-worker.js
SW_LOADER = 150  # sw.js, which browsers re-download on most page views

# --- Files ----------------------------------------------------------------------------------
SVG = 30 * KB  # each illustration (tests/test_modules.py)
PARENT_HANDOUT = 800 * KB  # each parents' handout, PDF (tests/test_handouts.py)

# --- Whole course, per language (tests/test_budgets.py) ----------------------------------------
# Measured with 5 modules (2026-11-29), Arabic being the largest: search index 513 KB
# (French 448 KB), « Garder le cours » 4.9 MB, 203 files. A module adds about 75 KB of index and
# 0.7 MB of offline files (9 pages, their illustrations); 10 more modules would reach about
# 1.25 MB and 11.8 MB. The limits leave that room, and stop a page that suddenly weighs ten times more.
# Material's search fetches the whole index of the language on the first visit (gzip: about a
# quarter), so the index is also a data cost for every parent: keep entries lean.
SEARCH_INDEX = 1400 * KB  # search/search_index.json of one language, not compressed
OFFLINE_DOWNLOAD = 13 * 1024 * KB  # « Garder le cours » for one language, not compressed (what the phone stores)

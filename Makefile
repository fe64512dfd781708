# Parents connectés — the few commands. Each target is a thin wrapper.
#   make serve   set everything up, then serve the site on http://127.0.0.1:8000/
#   make test    set everything up (Chromium included), then run all the tests
#   make check   content check only (what a contributor reads)
#   make status  translation status per language
#   make handouts the printable handouts (PDF), then the site with them in site/
#   make zip     the whole course as a zip for a USB key or the kiosk (build/parents-connectes.zip)
#   make bench   measure: build time, page weights, search, offline, handouts, Lighthouse (build/bench.json)

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check status handouts zip bench clean

$(VENV)/.build: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.build
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

serve: $(VENV)/.build
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.build
	$(PY) -m mkdocs build --strict --site-dir site

check: $(VENV)/.build
	$(PY) scripts/check_content.py

status: $(VENV)/.build
	$(PY) scripts/i18n_status.py

# PDFs into build/handouts/ (scripts/export_handouts.py), then the site, with them, into site/.
# The site is built even when some handouts failed (the others are in it); the exit code says so.
handouts: $(VENV)/.dev
	bash scripts/install_system_deps.sh
	$(PY) scripts/export_handouts.py --out build/handouts; status=$$?; \
	PC_HANDOUTS_DIR=build/handouts $(PY) -m mkdocs build --strict --site-dir site && exit $$status

# Builds the site (with the handouts exported into build/handouts/, if any), then zips it
zip: $(VENV)/.build
	$(PY) scripts/make_zip.py

# Lighthouse (npm, pinned in scripts/lighthouse/package-lock.json) runs with Debian's Chromium
bench: $(VENV)/.dev
	bash scripts/install_system_deps.sh
	if command -v npm >/dev/null; then npm ci --prefix scripts/lighthouse --no-audit --no-fund; \
	else echo "npm absent : pas de Lighthouse (apt-get install nodejs npm)"; fi
	$(PY) scripts/bench.py

test: $(VENV)/.dev
	bash scripts/install_system_deps.sh
	$(PY) -m pytest

clean:
	rm -rf site test-results .pytest_cache build/handouts

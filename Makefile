# make serve   install, build and serve the site at http://127.0.0.1:8000/
# make test    install, build and run every test suite (what CI runs)
# make site    build the static site into site/ (what a deployment uploads)
# make preview for staff while editing: the site at http://127.0.0.1:8000/, reloaded on every edit
# make check   for staff after editing: the data checked, the site built, its content tests run

VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
DATA   := checker/src/proposal_checker/data/call.json
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser)

.PHONY: serve test site bundle fixtures deps browser nginx office test-checker test-pyodide test-site test-pages test-nginx test-documents clean bench

serve: site
	@echo "Serving site/ at http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory site

site: deps $(DATA) bundle
	$(VENV)/bin/mkdocs build --strict

.PHONY: preview check

# The runtime and the checker, bundled when there are none yet (make site bundles them afresh).
BUNDLE_LOCK := build/out/pyodide/pyodide-lock.json
$(BUNDLE_LOCK): | deps $(DATA)
	$(PY) build/bundle.py

# MkDocs' own server, with the hooks: a page reloads by itself within seconds of an edit of the
# Markdown or docs/call.toml. The checker on it runs the last bundled runtime and checker.
preview: deps $(DATA) $(BUNDLE_LOCK)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

# The data validated (a bad field stops here, named), then the content tests, which build the
# site with --strict and compare the notice text with the data. The tests of the tools themselves
# (the yearly drill, the preview) are left to make test.
check: deps $(DATA) $(BUNDLE_LOCK)
	$(VENV)/bin/pytest tests/content --ignore=tests/content/test_annual_drill.py --ignore=tests/content/test_preview.py

bundle: deps $(DATA)
	$(PY) build/bundle.py

# The checker's copy of the call data, validated (build/calldata.py names any bad field).
$(DATA): docs/call.toml build/calldata.py checker/src/proposal_checker/call.py $(VENV)/.installed
	$(PY) build/calldata.py docs/call.toml $@

# The test calls (tests/fixtures/calls/*.toml) in the same JSON form, holidays added: the checker's
# tests read these, on CPython and inside Pyodide (which has no holidays package). Never published.
FIXTURES := $(patsubst tests/fixtures/calls/%.toml,build/out/fixtures/%.json,$(wildcard tests/fixtures/calls/*.toml))
build/out/fixtures/%.json: tests/fixtures/calls/%.toml build/calldata.py checker/src/proposal_checker/call.py $(VENV)/.installed
	$(PY) build/calldata.py $< $@

fixtures: $(FIXTURES)

deps: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt checker/pyproject.toml
	test -x $(PY) || $$(build/find-python.sh) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e checker
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Browser tests need Chromium; Debian's package, since Playwright's own download is not reachable.
browser:
	@if [ -n "$(CHROMIUM)" ]; then echo "Chromium: $(CHROMIUM)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk; \
	else echo "Chromium is not installed. Install it with: sudo apt-get install chromium fonts-noto-cjk" >&2; exit 1; fi

# tests/nginx and `make bench` serve the site with real nginx, configured by deploy/nginx.py.
NGINX ?= $(shell command -v nginx || command -v /usr/sbin/nginx)
nginx:
	@if [ -n "$(NGINX)" ]; then echo "nginx: $(NGINX)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx; \
	else echo "nginx is not installed. Install it with: sudo apt-get install nginx" >&2; exit 1; fi

# tests/documents opens the drafted .docx in LibreOffice and reads the PDF back with pdftotext.
SOFFICE ?= $(shell command -v soffice || command -v libreoffice)
office:
	@if [ -n "$(SOFFICE)" ] && command -v pdftotext >/dev/null; then echo "LibreOffice: $(SOFFICE)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q libreoffice-writer-nogui poppler-utils fonts-noto-cjk; \
	else echo "LibreOffice or pdftotext is not installed. Install them with: sudo apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk" >&2; exit 1; fi

# The site is built once; the suites then run on it (BUILT=1: they do not build it again). What runs
# in one process goes two at a time, each one's output kept together: the site's build beside the
# checker's tests on CPython, the checker's tests inside Pyodide beside the documents' in LibreOffice.
test: browser nginx office
	$(MAKE) --no-print-directory -j2 --output-sync=target site test-checker
	$(MAKE) --no-print-directory -j2 --output-sync=target BUILT=1 test-pyodide test-documents
	$(MAKE) --no-print-directory BUILT=1 test-pages test-nginx

test-checker: deps $(DATA) fixtures
	$(VENV)/bin/pytest tests/checker

# The checker's tests again, inside the real Pyodide runtime under Node (offline once the
# pure-Python wheels of pytest for Python 3.14 are downloaded from PyPI).
TEST_WHEELS := build/out/test-wheels/.downloaded
$(TEST_WHEELS): requirements.txt
	mkdir -p $(dir $@)
	$(PY) -m pip download --quiet --disable-pip-version-check --only-binary=:all: --no-deps --python-version 3.14 \
	  -d $(dir $@) $$(grep -iE '^(pytest|pluggy|iniconfig|packaging|pygments|hypothesis|attrs|sortedcontainers)==' requirements.txt)
	touch $@

test-pyodide: $(if $(BUILT),,bundle) fixtures $(TEST_WHEELS)
	node tests/pyodide/run.mjs tests/checker

# The built site's tests: its pages (content, then browser) and nginx serving it.
test-site: test-pages test-nginx

# Two runs: each folder's conftest.py is imported as `conftest`, so they cannot share a process.
# Each runs in one process per core (pytest-xdist), a test module's tests together (the browser
# tests of a module share one checker page).
test-pages: $(if $(BUILT),,site) fixtures
	$(VENV)/bin/pytest tests/content -n auto --dist loadfile
	$(VENV)/bin/pytest tests/browser -n auto --dist loadfile

# The built site served by real nginx, configured by deploy/nginx.py.
test-nginx: $(if $(BUILT),,site) nginx
	$(VENV)/bin/pytest tests/nginx

# The drafts' .docx in a real word processor (LibreOffice) and read back by python-docx.
test-documents: deps fixtures office
	$(VENV)/bin/pytest tests/documents

clean:
	rm -rf site build/out $(DATA) checker/build

# Figures, not pass/fail: start, repeat visit, answering, weight, main thread, build time, Lighthouse,
# drafting inside Pyodide.
bench: site fixtures browser nginx
	$(PY) tests/bench/run.py

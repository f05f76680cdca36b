# make build  : creates .venv with the pinned dependencies and builds site/ (ja at /, en at /en/)
# make test   : installs what the tests need (Python packages, Debian's chromium) and runs them all
# make validate / make serve / make bench / make bench-preview : see README.md
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
export NO_MKDOCS_2_WARNING := 1

.PHONY: build test validate serve serve-en bench browser-deps clean

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(TEST_STAMP): requirements-test.txt requirements.txt $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

build: $(STAMP)
	$(PY) -m sitegen build

validate: $(STAMP)
	$(PY) -m sitegen validate

# Live preview at http://127.0.0.1:8000/ (PREVIEW_PORT=8001 make serve for another port): both languages
# (English at /en/) and the search, rebuilt on every save; data mistakes show in the page.
PREVIEW_PORT ?= 8000
serve: $(STAMP)
	$(PY) -m sitegen serve . --port $(PREVIEW_PORT)

# Kept for old habits: the preview above serves English at /en/.
serve-en: serve

# Debian's chromium and Japanese fonts for the browser tests (no browser download);
# poppler-utils (pdftotext, pdftoppm) to read the call page printed to PDF; Java
# (default-jre-headless) and npm for the W3C Nu HTML Checker (tests/e2e/test_nu_checker.py).
# Only what is missing is installed (a machine may have its own node and npm).
# As root it runs apt-get directly, otherwise through sudo; `env` sets the variable for apt-get
# itself (sudo may refuse VAR=value), so no question stops a fresh machine.
browser-deps:
	@PKGS=""; \
	test -x /usr/bin/chromium || PKGS="$$PKGS chromium"; \
	fc-list 2>/dev/null | grep -qi "noto.*cjk" || PKGS="$$PKGS fonts-noto-cjk fontconfig"; \
	command -v pdftotext >/dev/null 2>&1 || PKGS="$$PKGS poppler-utils"; \
	command -v java >/dev/null 2>&1 || PKGS="$$PKGS default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || PKGS="$$PKGS npm"; \
	if [ -n "$$PKGS" ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$PKGS; \
	fi

# The Nu HTML Checker's jar: npm's vnu-jar, pinned in package-lock.json. --ignore-scripts:
# the package's install script would download a Java runtime; the tests run Debian's.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json | browser-deps
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

test: $(TEST_STAMP) browser-deps $(NODE_STAMP)
	$(PY) -m pytest -q

# Benchmark against plain MkDocs on the same pages (BENCH_N records, default 1000; BENCH_REPEAT
# runs of each build, alternately, compared by their medians).
BENCH_N ?= 1000
BENCH_REPEAT ?= 1
bench: $(TEST_STAMP) browser-deps
	BENCH_N=$(BENCH_N) BENCH_REPEAT=$(BENCH_REPEAT) $(PY) -m bench.run

# The preview's save-to-page time on the frozen seed project, in headless Chromium (README, "Preview"):
# each run, median and worst; BENCH_PREVIEW_ARGS="--runs 10" for more runs. Fails only if it cannot measure.
.PHONY: bench-preview
bench-preview: $(TEST_STAMP) browser-deps
	$(PY) -m bench.preview $(BENCH_PREVIEW_ARGS)

clean:
	rm -rf site .site-build-* .site-old-*

# Lighthouse 12 (npm, pinned in tools/lighthouse/package-lock.json; it drives Debian's chromium and
# downloads no browser) on every page kind in both languages of the seed site, served with gzip:
# prints performance, CLS, LCP and bytes per page, fails below the goal (README, "Lighthouse").
# LIGHTHOUSE_ARGS="--runs 3" keeps each page's median run; "--only call" measures one kind.
LIGHTHOUSE_STAMP := tools/lighthouse/node_modules/.installed
$(LIGHTHOUSE_STAMP): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	@command -v npm >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm; }
	cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: lighthouse
lighthouse: $(STAMP) browser-deps $(LIGHTHOUSE_STAMP)
	$(PY) scripts/lighthouse.py $(LIGHTHOUSE_ARGS)

# make serve  — set up .venv and serve the shipped plans on http://127.0.0.1:$(PORT)/graphql
# make test   — set up .venv with the test extra and run the tests
PYTHON ?= python3
VENV   ?= .venv
PORT   ?= 8000
HOST   ?= 127.0.0.1
BIN     = $(VENV)/bin

.PHONY: serve test lint install assets browser clean bench load fuzz

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# GraphiQL, React and cytoscape.js from the npm registry, served by the app itself (web/package.json).
web/node_modules/.installed: web/package.json web/package-lock.json
	npm ci --prefix web --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed

assets: web/node_modules/.installed

# Debian's Chromium and a CJK font for the page tests; without them those tests are skipped.
browser:
	@sh scripts/install_browser.sh

# The API works without the page assets (GraphiQL and /explore then say how to install them).
serve: $(VENV)/.installed
	-@$(MAKE) --no-print-directory assets
	$(BIN)/plangraph serve --host $(HOST) --port $(PORT)

test: $(VENV)/.installed-test assets browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n auto --dist load

# Figures, not pass/fail: prints a table and writes docs/performance.md.
bench: $(VENV)/.installed-test
	@sh scripts/install_wrk.sh
	$(BIN)/python scripts/bench_corpus.py
	$(BIN)/python scripts/reader_agreement.py
	$(BIN)/python scripts/compare_taggers.py
	$(BIN)/python scripts/bench_links.py
	$(BIN)/python scripts/bench_genre.py
	$(BIN)/python scripts/bench_curation.py
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_serving.py
	$(BIN)/python scripts/bench_restart.py

# 10,000 seeded mutations of real plans: no uncaught exception, none over its time budget.
fuzz: $(VENV)/.installed-test
	PLANGRAPH_FUZZ_CASES=10000 $(BIN)/python -m pytest -q -s tests/test_fuzz.py

# 50 concurrent clients for 60 s on each store; exits non-zero on any error.
load: $(VENV)/.installed-test
	$(BIN)/python scripts/load_test.py

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) .pytest_cache web/node_modules test-artifacts

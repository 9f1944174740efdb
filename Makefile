# make serve  — set up .venv and serve the shipped plans on http://127.0.0.1:$(PORT)/graphql
# make test   — set up .venv with the test extra and run the tests
PYTHON ?= python3
VENV   ?= .venv
PORT   ?= 8000
HOST   ?= 127.0.0.1
BIN     = $(VENV)/bin

.PHONY: serve test lint install clean bench load

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

serve: $(VENV)/.installed
	$(BIN)/plangraph serve --host $(HOST) --port $(PORT)

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# Figures, not pass/fail: prints a table and writes docs/performance.md.
bench: $(VENV)/.installed-test
	$(BIN)/python scripts/bench.py

# 50 concurrent clients for 60 s on each store; exits non-zero on any error.
load: $(VENV)/.installed-test
	$(BIN)/python scripts/load_test.py

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) .pytest_cache

# The README's commands. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DATABASE_URL ?= sqlite:///data/timeline.db
export DATABASE_URL

.PHONY: install run serve ingest migrate test lint bench chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

migrate: install
	$(BIN)/python -m app.migrate

ingest: migrate
	$(BIN)/python -m app.ingest seeds

# production configuration: two workers with uvloop and httptools
serve: migrate
	$(BIN)/uvicorn app.main:app --host 127.0.0.1 --port $(PORT) --workers 2 --loop uvloop --http httptools

run: ingest serve

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser)
chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

lint: install
	$(BIN)/ruff check app tests
	$(BIN)/mypy

test: install chromium
	$(BIN)/ruff check app tests
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python -m app.bench

# The README's commands. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DATABASE_URL ?= sqlite:///data/timeline.db
export DATABASE_URL

.PHONY: install run serve ingest migrate test lint bench chromium postgres load eval

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

# production configuration: two workers with uvloop. h11, not httptools: h11 buffers at most 16 KiB of an unfinished
# request line and headers (httptools accepts headers of any size). At most 256 connections and tasks per worker
# (then 503), idle keep-alive connections closed after 5 s, 10 s to finish requests on shutdown. docs/security.md
serve: migrate
	$(BIN)/uvicorn app.main:app --host 127.0.0.1 --port $(PORT) --workers 2 --loop uvloop --http h11 --h11-max-incomplete-event-size 16384 --limit-concurrency 256 --timeout-keep-alive 5 --timeout-graceful-shutdown 10 --no-server-header

run: ingest serve

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser)
chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

lint: install
	$(BIN)/ruff check app tests
	$(BIN)/mypy

# Debian's PostgreSQL for the PostgreSQL run of the API and ingestion tests (a throwaway cluster)
postgres:
	@command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 \
		|| (apt-get update -qq && apt-get install -y -qq postgresql >/dev/null)

PG_TESTS := tests/test_api.py tests/test_ingest.py tests/test_exports.py tests/test_seeds_end_to_end.py tests/test_migrations.py \
	tests/test_event_json.py

test: install chromium postgres
	$(BIN)/ruff check app tests
	$(BIN)/mypy
	$(BIN)/python -m pytest
	$(BIN)/python -m tests.pg_cluster $(PG_TESTS)

# the benchmark's extra (Datasette, the baseline the API is compared with) on top of the dev dependencies
$(VENV)/.bench-installed: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $@

bench: $(VENV)/.bench-installed chromium
	$(BIN)/python -m app.bench

# a bounded load test (docs/load.md): the `serve` options on a free port of 127.0.0.1, 32 connections for 20 s
load: ingest
	$(BIN)/python -m app.loadtest --serve --connections 32 --duration 20

# extraction scored on the evaluation sets in eval/sets (eval/sets/README.md), one line per set
eval: install
	$(BIN)/python eval/score_sets.py

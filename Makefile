# Planportal. `make run` sets up and starts the portal with demo data; `make test` runs every test.

VENV   := .venv
PYTHON := $(VENV)/bin/python
DEV    := DJANGO_DEBUG=1

.PHONY: run setup install migrate demo test test-postgres bench load lint format messages clean

run: setup
	$(DEV) $(PYTHON) manage.py runserver 127.0.0.1:8000

setup: install migrate demo

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

migrate: install
	$(DEV) $(PYTHON) manage.py migrate --no-input

demo: migrate
	$(DEV) $(PYTHON) manage.py load_demo --with-users

# The whole suite, browser tests included; DATABASE_URL picks the database (SQLite by default).
test: install
	$(PYTHON) manage.py makemigrations --check --dry-run --settings=tests.settings
	$(VENV)/bin/pytest

# The speed figures: one large generated municipality, every public page's queries and server
# time beside /helse/ with the budgets, written to bench-results.json; then the PDF reports.
# On PostgreSQL unless DATABASE_URL names another database; pytest-django makes its own test
# database beside it and drops it after. BENCH_STRICT=1 fails on a missed budget. The pages
# are measured in a process of their own, as a server's worker is, not one that has just made
# a hundred PDFs for the report bench and holds WeasyPrint's leftovers (some 700,000 objects).
bench: DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/planportal
bench: install
	DATABASE_URL=$(DATABASE_URL) $(VENV)/bin/pytest -m bench -s -q tests/bench/test_bench_pages.py
	DATABASE_URL=$(DATABASE_URL) $(VENV)/bin/pytest -m bench -s -q tests/bench \
		--deselect tests/bench/test_bench_pages.py::test_bench_public_pages

# Load under gunicorn with production settings (wrk, 64 connections): requests per second,
# latency and errors per page beside a trivial view, and a 60 s mix with hearing input posted.
# Needs wrk (apt-get install wrk) and PostgreSQL; LOAD_DATABASE_URL picks another database.
load: install
	@command -v wrk >/dev/null || { echo "make load needs wrk: apt-get install wrk"; exit 1; }
	$(PYTHON) tests/load/run.py

test-postgres:
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/planportal $(MAKE) test

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Update the English translation after changing interface texts.
messages: install
	$(DEV) $(PYTHON) manage.py makemessages --locale en --ignore ".venv/*" --ignore "tests/*"
	$(DEV) $(PYTHON) manage.py compilemessages --locale en --ignore ".venv/*"

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 .pytest_cache

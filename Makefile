# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench docs clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: $(STAMP)  ## ingest the sample corpus (if the log is empty), dbt build, publish, summary
	$(BIN)/cwh build

# A separate Python with DuckDB 1.x, the engine BI drivers embed: tests/test_publish.py opens the
# published file with it to prove DuckDB 1.x can read it. Created once; a new pin re-installs.
DUCKDB1_VENV := .venv-duckdb1
DUCKDB1_VERSION := 1.4.5
DUCKDB1_STAMP := $(DUCKDB1_VENV)/.installed-$(DUCKDB1_VERSION)

$(DUCKDB1_STAMP):
	$(PYTHON) -m venv $(DUCKDB1_VENV)
	$(DUCKDB1_VENV)/bin/pip install --quiet --disable-pip-version-check duckdb==$(DUCKDB1_VERSION)
	touch $(DUCKDB1_STAMP)

.PHONY: duckdb1
duckdb1: $(DUCKDB1_STAMP)  ## the DuckDB 1.x venv used by the published-file compatibility test

test: $(STAMP) $(DUCKDB1_STAMP)  ## every test: pytest (which also runs dbt build on fixtures)
	$(BIN)/pytest -q

bench: $(STAMP)  ## benchmark: generate a synthetic corpus and print one JSON line of figures
	$(BIN)/cwh bench --articles $${ARTICLES:-2000} --json

docs: $(STAMP)  ## dbt docs for every model and column
	$(BIN)/cwh docs

clean:
	rm -rf $(VENV) $(DUCKDB1_VENV) target logs warehouse.duckdb warehouse.duckdb.wal published

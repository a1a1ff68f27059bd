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

test: $(STAMP)  ## every test: pytest (which also runs dbt build on fixtures)
	$(BIN)/pytest -q

bench: $(STAMP)  ## benchmark: generate a synthetic corpus and print one JSON line of figures
	$(BIN)/cwh bench --articles $${ARTICLES:-2000} --json

docs: $(STAMP)  ## dbt docs for every model and column
	$(BIN)/cwh docs

clean:
	rm -rf $(VENV) target logs warehouse.duckdb warehouse.duckdb.wal published

# asylum-prep: `make run` serves the app; `make test` checks the layer contracts (lint-imports,
# docs/architecture.md) and runs every test. Both set themselves up and are safe to run again.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.installed-app
DEV_STAMP := $(VENV)/.installed-dev
DATA_DIR ?= data
PORT ?= 8501
PG_STATE := $(CURDIR)/.pg-test
# Three pytest workers on two cores: the browser tests' workers mostly wait for Chromium and
# the app server (other processes), so a third worker keeps both cores busy.
TEST_WORKERS ?= 3
# axe-core for the browser accessibility tests, from the npm registry exactly as locked
# (package-lock.json holds its integrity hash); node_modules is not committed.
AXE_DIR := tests/e2e/axe
AXE := $(AXE_DIR)/node_modules/axe-core/axe.min.js

.PHONY: run test bench lint typecheck locales extract update upgrade system-deps-run system-deps-test venv clean

run: system-deps-run $(APP_STAMP) locales
	ASYLUM_PREP_DATA_DIR=$(DATA_DIR) $(BIN)/asylum-prep serve --port $(PORT)

test: system-deps-test $(DEV_STAMP) locales $(AXE)
	$(BIN)/lint-imports --no-logo
	@set -e; \
	url=$$(scripts/pg-throwaway.sh start $(PG_STATE)); \
	trap 'scripts/pg-throwaway.sh stop $(PG_STATE)' EXIT INT TERM; \
	ASYLUM_PREP_TEST_POSTGRES_URL=$$url $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup -q -p no:cacheprovider $(PYTEST_ARGS)

bench: system-deps-test $(DEV_STAMP) locales
	$(BIN)/python benchmarks/run.py

lint: $(DEV_STAMP)
	$(BIN)/ruff check asylum_prep tests benchmarks
	$(BIN)/lint-imports --no-logo

typecheck: $(DEV_STAMP)
	$(BIN)/mypy asylum_prep

locales: $(APP_STAMP)
	@for po in locales/*/LC_MESSAGES/messages.po; do \
	  [ -f "$$po" ] || continue; \
	  mo=$${po%.po}.mo; \
	  if [ ! -f "$$mo" ] || [ "$$po" -nt "$$mo" ]; then \
	    $(BIN)/pybabel compile --use-fuzzy=false -i "$$po" -o "$$mo" -l $$(basename $$(dirname $$(dirname $$po))) >/dev/null 2>&1 \
	      || $(BIN)/pybabel compile -i "$$po" -o "$$mo" -l $$(basename $$(dirname $$(dirname $$po))); \
	  fi; \
	done

# Translators' tools, never run by `run`/`test` (those only compile): `extract` rebuilds the
# template locales/messages.pot from the sources and the legal text packs; `update` merges it
# into every catalog (creating missing ones). See docs/translating.md.
EXTRACT_KEYWORDS := -k N_ -k t -k plural:1,2
LANGS = $$($(BIN)/python -c "from asylum_prep.i18n import SUPPORTED, DEFAULT; print(*[c for c in SUPPORTED if c != DEFAULT])")

extract: $(DEV_STAMP)
	$(BIN)/pybabel extract -F babel.cfg $(EXTRACT_KEYWORDS) --no-location --sort-output \
	  --project asylum-prep --version 0.1 --copyright-holder "asylum-prep contributors" \
	  --msgid-bugs-address "" -o locales/messages.pot . >/dev/null

update: extract
	@for lang in $(LANGS); do \
	  if [ -f locales/$$lang/LC_MESSAGES/messages.po ]; then \
	    $(BIN)/pybabel update -i locales/messages.pot -d locales -D messages -l $$lang --previous; \
	  else \
	    $(BIN)/pybabel init -i locales/messages.pot -d locales -D messages -l $$lang; \
	  fi; \
	done

$(AXE): $(AXE_DIR)/package.json $(AXE_DIR)/package-lock.json
	cd $(AXE_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

system-deps-run:
	@scripts/system-deps.sh run

system-deps-test:
	@scripts/system-deps.sh test

venv: $(DEV_STAMP)

# The lock files pin every Python package, with hashes: a fresh clone installs exactly what
# the tests passed with. `make run` installs requirements.txt, `make test` requirements-dev.txt
# (the app's pins plus the test and tooling extras); `make upgrade` refreshes both. A lock file
# holds every package its install needs, so pip installs exactly it (--no-deps: older pips
# refuse a dependency's extra, e.g. lxml[html_clean], as "not pinned" in hash-checking mode),
# and `pip check` then proves nothing is missing.
$(APP_STAMP): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --require-hashes --no-deps -r requirements.txt
	$(BIN)/python -m pip check
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	@touch $@

$(DEV_STAMP): requirements-dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --require-hashes --no-deps -r requirements-dev.txt
	$(BIN)/python -m pip check
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	@touch $@ $(APP_STAMP)

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  if [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); \
	  else echo "Python's venv module is missing. Run: sudo apt-get install -y python3-venv" >&2; exit 1; fi; }

PIP_COMPILE = $(BIN)/pip-compile -q --allow-unsafe --all-build-deps --generate-hashes --strip-extras \
	--no-emit-find-links --no-emit-index-url --no-emit-trusted-host

upgrade: $(DEV_STAMP)
	$(PIP_COMPILE) --upgrade pyproject.toml --extra dev --extra postgres -o requirements-dev.txt
	$(PIP_COMPILE) pyproject.toml -c requirements-dev.txt -o requirements.txt
	$(PIP_COMPILE) requirements-sso.in -c requirements.txt -o requirements-sso.txt
	$(MAKE) test

clean:
	rm -rf $(VENV) $(AXE_DIR)/node_modules .pytest_cache .mypy_cache .ruff_cache .import_linter_cache

# asylum-prep: `make run` serves the app; `make test` runs every test. Both set themselves up
# and are safe to run again.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA_DIR ?= data
PORT ?= 8501
PG_DIR := $(CURDIR)/.pg-test

.PHONY: run test bench lint typecheck locales system-deps-run system-deps-test venv clean

run: system-deps-run $(STAMP) locales
	ASYLUM_PREP_DATA_DIR=$(DATA_DIR) $(BIN)/asylum-prep serve --port $(PORT)

test: system-deps-test $(STAMP) locales
	@set -e; \
	url=$$(scripts/pg-throwaway.sh start $(PG_DIR)); \
	trap 'scripts/pg-throwaway.sh stop $(PG_DIR)' EXIT INT TERM; \
	ASYLUM_PREP_TEST_POSTGRES_URL=$$url $(BIN)/python -m pytest -n 2 --dist loadgroup -q -p no:cacheprovider $(PYTEST_ARGS)

bench: system-deps-test $(STAMP) locales
	$(BIN)/python benchmarks/run.py

lint: $(STAMP)
	$(BIN)/ruff check asylum_prep tests

typecheck: $(STAMP)
	$(BIN)/mypy asylum_prep

locales: $(STAMP)
	@for po in locales/*/LC_MESSAGES/messages.po; do \
	  [ -f "$$po" ] || continue; \
	  mo=$${po%.po}.mo; \
	  if [ ! -f "$$mo" ] || [ "$$po" -nt "$$mo" ]; then \
	    $(BIN)/pybabel compile --use-fuzzy=false -i "$$po" -o "$$mo" -l $$(basename $$(dirname $$(dirname $$po))) >/dev/null 2>&1 \
	      || $(BIN)/pybabel compile -i "$$po" -o "$$mo" -l $$(basename $$(dirname $$(dirname $$po))); \
	  fi; \
	done

system-deps-run:
	@scripts/system-deps.sh run

system-deps-test:
	@scripts/system-deps.sh test

venv: $(STAMP)

$(STAMP): pyproject.toml
	@if [ ! -x $(BIN)/python ]; then \
	  $(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	    if [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then \
	      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); \
	    else echo "Python's venv module is missing. Run: sudo apt-get install -y python3-venv" >&2; exit 1; fi; }; \
	fi
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(PG_DIR)

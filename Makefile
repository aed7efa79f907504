# The two commands of the README:
#   make demo   set up, then sample corpus → extract → embedded index → API + web page on localhost
#   make test   set up, then run every test (CI runs this through .ci/run)
# Set-up is idempotent: a virtual environment in .venv with the project installed editable.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup demo test bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools wheel
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

demo: setup
	$(BIN)/thidua demo

test: setup
	@bash scripts/system-deps.sh
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: setup
	$(BIN)/python benchmarks/extract.py

clean:
	rm -rf $(VENV) thidua-data build *.egg-info

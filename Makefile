# The README's commands. Everything needed is installed into .venv by these targets.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DEMO_DB ?= sqlite:///$(CURDIR)/var/demo.db

.PHONY: venv install demo test lint typecheck pytest bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (Python 3.11+ is required)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[dev,postgres,parquet]'
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

install: $(STAMP)

demo: install
	@mkdir -p var
	$(BIN)/rasd demo --db $(DEMO_DB)

lint: install
	$(BIN)/ruff check rasd tests tools
	$(BIN)/ruff format --check rasd tests tools

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest

test: lint typecheck pytest

bench: install
	$(BIN)/rasd bench

clean:
	rm -rf $(VENV) var build *.egg-info

train-ner: install
	$(BIN)/python -m pip install -q -e '.[train]'
	nice $(BIN)/python tools/train_ner.py
	nice $(BIN)/python tools/ner_neural.py prepare
	nice $(BIN)/python tools/ner_neural.py train --out build/ner/neural/model
	nice $(BIN)/python tools/ner_neural.py export build/ner/neural/model.npz

# Everything a new user runs, from a machine with only Python 3.10+ and make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test benchmark build clean

# The environment: a virtualenv with newsbench installed editable, with the test extras.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,peers]"
	touch $@

# The main job: compile and check every source, validate the released files, print the corpus statistics.
demo: $(VENV)/.installed
	$(BIN)/newsbench build --check
	$(BIN)/newsbench validate corpus/data/train.jsonl
	$(BIN)/newsbench validate corpus/data/dev.jsonl
	$(BIN)/newsbench validate corpus/data/test.jsonl
	$(BIN)/newsbench stats

test: $(VENV)/.installed
	$(BIN)/python -m pytest

benchmark: $(VENV)/.installed
	$(BIN)/python -m pytest -o addopts="" --benchmark-only

# Rebuild corpus/data, MANIFEST.json and the card from corpus/sources (after editing a source).
build: $(VENV)/.installed
	$(BIN)/newsbench build

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

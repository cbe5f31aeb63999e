# Everything a new user runs, from a machine with only Python 3.10+ and make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test benchmark build baselines clean

# The environment: a virtualenv with newsbench installed editable, with the test extras.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,peers]"
	touch $@

# The main job: check the corpus, run the rules baseline on the test split and score it.
demo: $(VENV)/.installed
	$(BIN)/newsbench build --check
	$(BIN)/newsbench stats
	mkdir -p out
	$(BIN)/newsbench predict --system rules --split test -o out/rules-test.jsonl
	$(BIN)/newsbench evaluate out/rules-test.jsonl --split test

test: $(VENV)/.installed
	$(BIN)/python -m pytest

benchmark: $(VENV)/.installed
	$(BIN)/python -m pytest -o addopts="" --benchmark-only

# Rebuild corpus/data, MANIFEST.json and the card from corpus/sources (after editing a source).
build: $(VENV)/.installed
	$(BIN)/newsbench build

# Retrain the learned baseline, rerun every baseline on dev and test, resubmit, regenerate the leaderboard.
baselines: $(VENV)/.installed
	$(BIN)/newsbench train --system learned
	mkdir -p out
	for split in dev test; do \
	  for system in floor rules learned trafilatura justext readability resiliparse boilerpy3 goose3 newspaper4k html-floor; do \
	    $(BIN)/newsbench predict --system $$system --split $$split -o out/$$system-$$split.jsonl && \
	    $(BIN)/newsbench submit out/$$system-$$split.jsonl --name $$system || exit 1; \
	  done; \
	done

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache out

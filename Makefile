# scamrank: every target is listed by `make help`.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SAMPLE := data/sample
MODEL  := artifacts/model
SCORES := artifacts/sample-scores.csv
REGISTER := $(SAMPLE)/sirene
ALERTS := artifacts/alerts.duckdb
export MLFLOW_DISABLE_TELEMETRY := true
export DO_NOT_TRACK := true
# mutmut workers of `make mutation` (this machine has 2 cores).
MUTATION_CHILDREN ?= 2

.PHONY: help install run test browser lint format bench data train score evaluate ui serve mutation clean

help: ## List every target with what it does.
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "scamrank needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip  # an old pip misses lxml_html_clean for trafilatura
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install scamrank with its test tools.

run: install ## Train on data/sample if no model exists yet, score the sample, print the top ten.
	@test -f $(MODEL)/model.txt || $(BIN)/scamrank train $(SAMPLE) --register $(REGISTER) --model-out $(MODEL) --promote
	$(BIN)/scamrank alerts update $(SAMPLE)/alerts/*.xml --db $(ALERTS)
	$(BIN)/scamrank score $(SAMPLE) --model $(MODEL) --register $(REGISTER) --alerts $(ALERTS) --out $(SCORES)

test: install browser ## Run the test suite (offline; tests that need ../shared skip without it).
	$(BIN)/python -m pytest -q
	@if [ -x "$$(command -v pg_ctlcluster || command -v apt-get)" ] && [ "$$(id -u)" = 0 ]; then \
		bash tests/postgres.sh $(BIN)/python; \
	else echo "PostgreSQL store tests skipped: needs root and apt-get to install PostgreSQL"; fi

browser: ## Install Debian's chromium and chromedriver for the page test, when root and missing.
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else echo "chromium not installed and not root: the browser test will be skipped"; fi

lint: install ## Check the code with ruff (lint and format).
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Format the code with ruff and apply safe fixes.
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install ## Print figures: speed (pipeline, capture, service, register, alerts), real shops, register and links.
	@# One work folder for the synthetic bundles both whole-run benches score, removed after.
	work=$$(mktemp -d) && trap 'rm -rf "$$work"' EXIT && \
		$(BIN)/python tests/benchmarks/pipeline_speed.py --work "$$work" && \
		$(BIN)/python tests/benchmarks/memory_flat.py --work "$$work"
	$(BIN)/python tests/benchmarks/capture_speed.py
	MLFLOW_DISABLE_TELEMETRY=true $(BIN)/python tests/benchmarks/service_speed.py
	$(BIN)/python tests/benchmarks/real_shops.py
	$(BIN)/python tests/benchmarks/constraints.py --sites 400 --rounds 200
	$(BIN)/python tests/benchmarks/identity_value.py --sites 3000 --seed 11
	$(BIN)/python tests/benchmarks/register_speed.py --rows 5000000
	$(BIN)/python tests/benchmarks/alerts_speed.py
	MLFLOW_DISABLE_TELEMETRY=true $(BIN)/python tests/benchmarks/cluster_speed.py

data: install ## Regenerate the committed sample bundle data/sample (deterministic).
	rm -rf $(SAMPLE).new && $(BIN)/scamrank synth $(SAMPLE).new --sites 360 --seed 7
	rm -rf $(SAMPLE) && mv $(SAMPLE).new $(SAMPLE)

train: install ## Retrain on data/sample into artifacts/model; promote it if it beats the champion.
	$(BIN)/scamrank train $(SAMPLE) --register $(REGISTER) --model-out $(MODEL) --promote

score: install ## Score data/sample with artifacts/model into artifacts/sample-scores.csv.
	$(BIN)/scamrank alerts update $(SAMPLE)/alerts/*.xml --db $(ALERTS)
	$(BIN)/scamrank score $(SAMPLE) --model $(MODEL) --register $(REGISTER) --alerts $(ALERTS) --out $(SCORES)

evaluate: install ## Print the champion's figures on data/sample and write its plots.
	$(BIN)/scamrank evaluate $(SAMPLE) --register $(REGISTER) --out-dir artifacts/evaluation

ui: install ## Open the MLflow UI on the local store (http://127.0.0.1:5000).
	$(BIN)/mlflow ui --backend-store-uri sqlite:///mlflow.db --host 127.0.0.1 --port 5000

serve: install ## Run the triage service on 127.0.0.1:8000 (keys from SCAMRANK_API_KEYS).
	$(BIN)/scamrank serve

mutation: install ## Mutation testing of the scoring logic (mutmut, fast tests; README): surviving share per module.
	@# A fresh copy each time: mutmut never refreshes the files it copied unmutated into mutants/.
	rm -rf mutants && mkdir mutants
	env -u CI $(BIN)/mutmut run --max-children $(MUTATION_CHILDREN) > mutants/run.log 2>&1 || \
		{ tail -n 40 mutants/run.log; exit 1; }
	$(BIN)/python tests/mutation_report.py

clean: ## Remove the virtual environment, caches and artifacts.
	rm -rf $(VENV) artifacts .pytest_cache .ruff_cache *.egg-info mlflow.db mlruns mutants .mutmut-cache

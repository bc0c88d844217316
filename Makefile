# kenniscentrum: every target sets up what it needs, so a fresh clone runs `make serve` or `make test` directly.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve build check test test-fast lint messages bench system-deps setup clean cms-script

serve: $(STAMP) cms-script  ## build and serve the site with the sample content on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --livereload --dirty -a 127.0.0.1:8000

build: $(STAMP) $(NODE_STAMP)  ## the form editor's script (Decap CMS, from npm) is part of every published site
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/kenniscentrum check

test: system-deps $(STAMP) $(NODE_STAMP)  ## the whole suite, browser tests included
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -n auto

test-fast: $(STAMP) $(NODE_STAMP)
	$(BIN)/pytest -n auto -m "not browser"

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy

messages: $(STAMP)  ## after a UI string changed: extract it, update the nl catalog and compile it (locale/)
	$(BIN)/python -m kenniscentrum.messages

bench: $(STAMP)  ## build time against bare Material at 300, 1,000 and 5,000 entries, and edit-to-preview time
	$(BIN)/python benchmarks/run.py --preview

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

# From the npm registry, at the versions package-lock.json pins: Decap CMS (the form editor at /admin/), and for the
# tests decap-server (its local backend) and the Nu HTML Checker (vnu-jar, on the Java that system-deps provides).
# Install scripts (vnu-jar's Java download for machines without one) are skipped.
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# The preview runs without npm too: the plugin then leaves /admin/ out and says so.
cms-script:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(NODE_STAMP); \
	else echo "npm ontbreekt: de preview toont de formuliereditor /admin/ niet (installeer nodejs en npm)"; fi

# Debian packages for the browser, feed-schema and HTML tests; installed only when missing and when we are root.
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v jing >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium jing default-jre-headless >/dev/null; \
	  else \
	    echo "chromium, jing en java ontbreken: installeer ze met 'sudo apt-get install chromium jing default-jre-headless'"; exit 1; \
	  fi; \
	fi

clean:
	rm -rf site $(VENV) .pytest_cache node_modules

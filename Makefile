# Uitweg. `make` builds everything, `make test` runs every test.
# `make help` lists the targets. Feature targets live in make/*.mk.
SHELL := /bin/bash
.DEFAULT_GOAL := all
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

# Feature files add to these (see make/*.mk).
DIST_TARGETS :=
APT_PACKAGES :=
# Debian packages `make site` needs (print fonts, pdftoppm, ssh-keygen).
BUILD_PACKAGES :=
NPM_SETUP :=

include $(sort $(wildcard make/*.mk))

.PHONY: all site dist test test-fast test-all-languages test-flaky soak serve clean help deps test-deps lint messages

all: site ## Build everything: site/ with every file its materials page offers (USB copy, pocket and Kiwix files, print PDFs)

dist: $(DIST_TARGETS) ## Also write the offline copy, pocket files and print PDFs into dist/ (for proofreading)

# The uitweg package is installed editable (pyproject.toml), so hooks, tools
# and tests import it without sys.path edits.
# Python 3.11 or newer: Debian 12's own 3.11.2 included (every pin allows it;
# tests/core/test_declared_dependencies.py checks their Requires-Python).
$(VENV)/.installed: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "Uitweg needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) --version 2>&1 || echo missing). Run: make PYTHON=/path/to/python3.11" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

deps: $(VENV)/.installed ## Create .venv from the pinned requirements and install uitweg (editable)

# The materials step (uitweg/materials) runs on the new build before it
# replaces site/: the USB copy and Kiwix files contain the pages, and the
# materials page lists their sizes (guides/materials.md).
site: $(VENV)/.installed ## Build the site and its materials into site/ (strict; an old site/ stays if the build fails)
	@bash tools/install-system-packages.sh $(sort $(BUILD_PACKAGES))
	rm -rf site.tmp
	$(PY) -m mkdocs build --strict --site-dir site.tmp
	$(PY) -m uitweg.materials site.tmp
	rm -rf site && mv site.tmp site

$(VENV)/.test-installed: $(VENV)/.installed requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

test-deps: $(VENV)/.test-installed ## Install what the tests need (Python, Debian and npm packages)
	@bash tools/install-system-packages.sh $(sort $(APT_PACKAGES))
	$(NPM_SETUP)

# In parallel: TEST_WORKERS pytest-xdist workers; tests that share a crawl or
# a build run in one worker (xdist groups, tests/conftest.py), handed out in
# the order conftest.py gives them (--no-loadscope-reorder: otherwise xdist
# hands out the groups with the most tests first, and two workers began by
# waiting ~40 s for the session's build).
TEST_WORKERS ?= 3
XDIST = -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder

# --durations: the slowest tests, where the six minutes go (guides/architecture.md).
test: test-deps lint ## Run the lint and the whole test suite (in parallel: TEST_WORKERS=3)
	$(PY) -m pytest $(XDIST) --durations=15

# The pages alone are built (UITWEG_TEST_BUILD=pages, tests/conftest.py): the
# tests that need the materials step's files are `slow`.
test-fast: test-deps lint ## The edit-test loop (about a minute): every test that needs no browser, no materials and is not marked slow (in parallel)
	UITWEG_TEST_BUILD=pages $(PY) -m pytest $(XDIST) -m "not browser and not slow"

# The browser tests that sample one language per script (tests/language_sample.py)
# in every language: after a change to the layout, the language chooser or a
# script's CSS.
test-all-languages: test-deps lint ## The whole suite with the sampled browser tests in every language (slower)
	UITWEG_TEST_LANGUAGES=all $(PY) -m pytest $(XDIST)

# Tests that wait on a real clock, a browser, a port or files other workers
# write (guides/architecture.md, "Flaky tests"). Override with FLAKY="tests/…".
FLAKY ?= tests/browser/test_network_watch.py tests/browser/test_quick_exit.py tests/browser/test_search.py \
	tests/postbuild/test_nginx.py tests/tools/test_local_nginx.py tests/tools/test_copy_project.py \
	tests/tools/test_fold_translation.py
N ?= 10

test-flaky: test-deps ## Rerun the tests suspected of flaking N times, each a fresh session (N=10, FLAKY="tests/…")
	@bash tools/rerun-tests.sh $(PY) $(N) $(FLAKY)

# Issue 22's proof: `make` and `make test` on N fresh clones of HEAD in a row;
# as root, every other run is an unprivileged user with /usr/bin/python3.
BUSY ?= 0
soak: ## The two README commands on N fresh clones in a row, as root and as a normal user, make test within 6 minutes (N=10, BUSY=K more busy processes; about 6 minutes a run)
	@BUSY=$(BUSY) bash tools/fresh-clone-runs.sh $(N)

lint: $(VENV)/.test-installed ## ruff over the Python code (settings in pyproject.toml)
	$(PY) -m ruff check .

# data/messages.yml explains every message; the scan of the code finds them.
messages: $(VENV)/.installed ## Write guides/messages.md from data/messages.yml; names every message of the code without an entry
	$(PY) -m uitweg.quality.message_catalogue --write

serve: $(VENV)/.installed ## Preview on http://127.0.0.1:8000 (rebuilds on changes in docs/, data/, overrides/, hooks/, uitweg/)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

clean: ## Remove built files (site/, dist/, caches, the twin cache); keeps .venv
	rm -rf site site.tmp dist .pytest_cache properdocs-site mkdocs-site
	[ ! -x $(PY) ] || $(PY) -c 'import shutil; from uitweg.postbuild.twin_cache import cache_root; r = cache_root(); r and shutil.rmtree(r, ignore_errors=True)'
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +

help: ## List the targets
	@grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | sort | awk -F ':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

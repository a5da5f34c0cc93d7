# A way off MkDocs' end of life: build the site with ProperDocs 1.6.7, the
# maintained fork of MkDocs 1.x, in its own venv without MkDocs, and compare it
# with the normal build file by file (tools/compare_builds.py; the only
# difference allowed is the generator <meta>). CI runs it (.ci/run); it is not
# part of `make test` (its own venv and a second build: about 2 minutes).
# See guides/architecture.md, "If MkDocs or Material had to be replaced".
PROPERDOCS_VENV := .venv-properdocs

.PHONY: properdocs-check

$(PROPERDOCS_VENV)/.installed: requirements.txt requirements-properdocs.txt pyproject.toml
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
	$(PROPERDOCS_VENV)/bin/python -m pip uninstall --quiet --yes mkdocs
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Both sides are the generator's build alone: `make site` adds the materials
# (downloads, and their lists on the materials pages) after the build, with
# either generator the same step.
properdocs-check: $(VENV)/.installed $(PROPERDOCS_VENV)/.installed ## Build the site with ProperDocs 1.6.7 and with MkDocs, and compare them file by file
	rm -rf properdocs-site mkdocs-site
	$(PY) -m mkdocs build --strict --site-dir mkdocs-site
	$(PROPERDOCS_VENV)/bin/properdocs build --strict --site-dir properdocs-site
	$(PY) tools/compare_builds.py mkdocs-site properdocs-site

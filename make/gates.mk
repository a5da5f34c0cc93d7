# Quality gates: accessibility (axe-core in Debian chromium), valid HTML (Nu
# Html Checker, Java), links and anchors (LinkChecker), translation parity.
# All of them run inside `make test` (tests/quality/test_a11y.py, test_html_valid.py,
# test_linkcheck.py, test_parity.py). The targets below are for editors.
# Every message and what to do: guides/messages.md (`make messages`).

# nodejs/npm fetch the pinned axe-core and vnu-jar (package-lock.json); npm is
# only asked for when missing (NodeSource's nodejs ships its own npm).
APT_PACKAGES += chromium default-jre-headless nodejs $(if $(shell command -v npm),,npm)
# --ignore-scripts: vnu-jar's postinstall may download a Java runtime; Debian's
# JRE is used instead. Skipped when node_modules matches package-lock.json.
NPM_SETUP += [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --ignore-scripts;

# make audit SEEDS=path/to/seeds AUDIT_ARGS="--today 2027-01-31"
SEEDS ?=
AUDIT_ARGS ?=

.PHONY: audit i18n-status linkcheck-external linkcheck validate-html

audit: $(VENV)/.installed ## List contacts not confirmed by a person or checked over 6 months ago (SEEDS=DIR: also seed numbers missing from the table)
	$(PY) -m uitweg.quality.audit $(if $(SEEDS),--seeds "$(SEEDS)") $(AUDIT_ARGS)

i18n-status: $(VENV)/.installed ## Table of translation gaps per page and language (informational)
	$(PY) -m uitweg.quality.i18n_status

linkcheck-external: $(VENV)/.installed ## Check online every web address of data/contacts.yml (needs network)
	$(PY) -m uitweg.quality.linkcheck --external

linkcheck: site test-deps ## Check every internal link and anchor of site/ (also part of make test)
	$(PY) -m uitweg.quality.linkcheck site

validate-html: site test-deps ## Check site/ with the Nu Html Checker (also part of make test)
	$(PY) -m uitweg.quality.html_valid site

.PHONY: fold-translation
fold-translation: $(VENV)/.installed ## Fold translations/LANG.yml into data/*.yml (a new language's texts), e.g. CODE=uk
	@test -n "$(CODE)" || { echo "usage: make fold-translation CODE=uk (reads translations/uk.yml)"; exit 2; }
	$(PY) tools/fold_translation.py translations/$(CODE).yml

.PHONY: extract-translation
extract-translation: $(VENV)/.installed ## Write every text of one language as a translation file, the template for a new one, e.g. CODE=en
	@test -n "$(CODE)" || { echo "usage: make extract-translation CODE=en (writes translations/template-en.yml)"; exit 2; }
	@mkdir -p translations
	$(PY) tools/extract_translation.py $(CODE) > translations/template-$(CODE).yml
	@echo "translations/template-$(CODE).yml: copy it to translations/<new code>.yml and translate every text"

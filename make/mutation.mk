# Mutation testing of the gate's judging modules with mutmut (settings in
# setup.cfg). Slow (minutes per module on 2 cores), so not part of `make test`.
# Surviving mutants are killed by tests or listed with their reason in
# dev-notes/gate-mutants.md. `make mutation` runs and prints the results;
# `.venv/bin/mutmut show NAME` shows one mutant.

.PHONY: mutation

$(VENV)/.mutation-installed: $(VENV)/.test-installed requirements-mutation.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-mutation.txt
	touch $@

mutation: $(VENV)/.mutation-installed ## Mutation testing of the gate (mutmut; slow, not in make test)
	rm -rf mutants
	$(VENV)/bin/mutmut run --max-children 2
	$(VENV)/bin/mutmut results

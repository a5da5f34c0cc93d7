# Mutation testing of the gate's judging modules with mutmut (settings in
# setup.cfg). Slow (minutes per module on 2 cores), so not part of `make test`.
# Surviving mutants are killed by tests or listed with their reason in
# dev-notes/gate-mutants.md. `make mutation` runs and prints the results;
# `.venv/bin/mutmut show NAME` shows one mutant.

.PHONY: mutation

$(VENV)/.mutation-installed: $(VENV)/.test-installed requirements-mutation.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-mutation.txt
	touch $@

# MUTANTS: mutant names or patterns to run, e.g. MUTANTS='uitweg.gate.numbers*'
# (one module: about 15-30 minutes; all modules when empty). One child: the
# machine's two cores are shared.
MUTANTS ?=

mutation: $(VENV)/.mutation-installed ## Mutation testing of the gate (mutmut; slow, not in make test); MUTANTS='uitweg.gate.numbers*' for one module
	rm -rf mutants
	$(VENV)/bin/mutmut run --max-children 1 $(foreach m,$(MUTANTS),'$(m)')
	$(VENV)/bin/mutmut results

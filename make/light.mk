# Light, private and safe: one-round-trip pages, no third-party requests, a
# CSP, quick exit, precompressed twins, nginx. Tests (all inside `make test`):
# tests/browser/test_privacy.py, test_nojs.py, test_quick_exit.py, test_budgets.py,
# test_nginx.py. See dev-notes/light.md.

# nginx + its brotli_static module: tests/postbuild/test_nginx.py runs deploy/nginx.conf.
APT_PACKAGES += chromium nginx libnginx-mod-http-brotli-static

.PHONY: bench bench-languages nginx-conf

bench: test-deps ## Build time, page weights and Lighthouse next to a default Material build; the cost per added language (not part of make test)
	cd tools/bench && npm ci --no-audit --no-fund --silent
	$(PY) tools/bench.py
	$(PY) tools/gate_time.py
	$(PY) tools/bench_languages.py $(BENCH_LANGUAGES_ARGS)

# What one more language adds to the site build, the print run, the
# materials, the zip and site folder, and the test suite: this project next to
# a scratch copy with stub languages (tools/stub_languages.py). About twice a
# `make site` and twice a `make test`; BENCH_LANGUAGES_ARGS=--no-suite leaves
# the suite out.
BENCH_LANGUAGES_ARGS ?=
bench-languages: test-deps ## Only the cost per added language (builds and the suite, 9 vs 15 languages; --no-suite: BENCH_LANGUAGES_ARGS=--no-suite)
	$(PY) tools/bench_languages.py $(BENCH_LANGUAGES_ARGS)

nginx-conf: $(VENV)/.installed ## Rewrite the header blocks of deploy/nginx.conf from data/headers.yml
	$(PY) -m uitweg.postbuild.headers --write-nginx

.PHONY: screens
screens: test-deps site ## Screenshots of the first screen of each language at 360×640 and 320×568, no JavaScript (dev-notes/screens/)
	rm -rf dev-notes/screens
	$(PY) tools/first_screens.py site dev-notes/screens

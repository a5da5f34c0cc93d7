"""Helpers shared by the tests and `make bench`, not part of the product:
the wait for a quiet network (`network_watch`), nginx over a built site
(`local_nginx`) and a copy of the sources without built files
(`project_copy`), with fewer languages if asked (`trim_languages`). Tests
import them through pytest.ini's `pythonpath`; tools/bench.py and
tools/stub_languages.py find them beside themselves."""

"""Helpers shared by the tests and `make bench`, not part of the product:
the wait for a quiet network (`network_watch`) and nginx over a built site
(`local_nginx`). Tests import them through pytest.ini's `pythonpath`;
tools/bench.py finds them beside itself."""

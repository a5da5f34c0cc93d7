"""Gates: quality checks over the sources and the built site that are not
part of the build itself. Accessibility (`a11y`), valid HTML
(`html_valid`), links and anchors (`linkcheck`), translation parity
(`parity`, `i18n_status`) and the freshness of the contact table (`audit`).
Each has a `python -m uitweg.gates.NAME` entry point; `make test` runs them.
`network_watch` is the wait for a quiet network that the browser tests and
`make bench` share.

May import: `uitweg.core`, `uitweg.contacts`, `uitweg.build` (shortcode syntax).
"""

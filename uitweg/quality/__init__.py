"""Quality checks over the sources and the built site that are not the gate:
accessibility (`a11y`), valid HTML (`html_valid`), links and anchors
(`linkcheck`, `anchors`), translation parity (`parity`, `i18n_status`), one
term per concept (`glossary`), everyday search words (`search_words`) and the freshness of the contact table
(`audit`). Each has a `python -m uitweg.quality.NAME` entry point;
`make test` runs them.

May import: `uitweg.core`, `uitweg.contacts`, `uitweg.gate`.
"""

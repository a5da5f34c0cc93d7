"""Page rendering inside `mkdocs build`, called by hooks/uitweg_hooks.py:
shortcode expansion (`shortcodes`), click-to-call links (`telify`), text
direction (`direction`), what the templates need (`template_context`) and
the shared Jinja bytecode cache (`template_cache`).

May import: `uitweg.core`, `uitweg.contacts`, `uitweg.gate` (the shortcode syntax, the number finder).
"""

"""Build: what runs inside `mkdocs build`, called by hooks/uitweg_hooks.py.
Shortcode expansion, the check of each Markdown source (`source_check`),
click-to-call links (`telify`), the check of each finished page
(`output_check`) and what the templates need (`template_context`).

May import: `uitweg.core`, `uitweg.contacts`.
"""

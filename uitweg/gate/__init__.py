"""The gate: every phone number, e-mail address and link a reader can get is
proven right by the contact table or refused. Normalising text as a reader
sees it (`normalise`), what the Belgian numbering plan says one can call
(`dialable`), the one finder and judge of numbers (`numbers.judge_numbers`),
addresses (`addresses`), links (`links`), bidi controls (`bidi`), the
shortcode syntax (`shortcode_syntax`), the check of each Markdown source
(`source_check`), of each finished page (`output_check`), of raw HTML
(`raw_html`), of files in docs/ (`docs_files`), of the contact table's own
texts (`table_text`), of mkdocs.yml (`settings_check`), the one entry point
for every other text a reader gets (`judge`: judge_html, judge_text, data
files, stylesheets), and the report (`report`, `timing`).

May import: `uitweg.core`, `uitweg.contacts`.
"""

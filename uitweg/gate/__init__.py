"""The gate: every phone number, e-mail address and link a reader can get is
proven right by the contact table or refused. Normalising text as a reader
sees it (`normalise`), finding numbers (`numbers`, `phones`) and links
(`links`), the shortcode syntax (`shortcode_syntax`), the check of each
Markdown source (`source_check`), of each finished page (`output_check`), of
raw HTML (`raw_html`), of files in docs/ (`docs_files`) and of the contact
table's own texts (`table_text`), and the report (`report`, `timing`).

May import: `uitweg.core`, `uitweg.contacts`.
"""

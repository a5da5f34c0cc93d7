"""Post-build: steps on the finished site folder, after MkDocs has written
every page. One trimmed stylesheet with a content hash (`stylesheet`,
`css_trim`), fixes to Material's markup (`material_fixes`), the CSP meta and
the `_headers` file (`csp`, `headers`), then precompressed twins
(`compress`, reusing twins of unchanged files from `twin_cache`). `run`
chains them: `python -m uitweg.postbuild SITE_DIR`.

May import: `uitweg.core`.
"""

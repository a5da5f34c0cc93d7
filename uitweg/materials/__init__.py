"""The materials the site hands out (issue 19): after `mkdocs build`, put
every file the materials page offers into the site's `files/` folder (print
PDFs and their previews, pocket files, the USB copy, the Kiwix files, the
key for checking) and write their sizes, the key's fingerprint and the build
date into the built materials pages. `python -m uitweg.materials SITE_DIR`.
The Kiwix files are written by `uitweg.kiwix` in its own process (libzim is
GPL-3.0). See guides/materials.md.

May import: `uitweg.core`, `uitweg.contacts`, `uitweg.gate`, `uitweg.offline`, `uitweg.printing`, `uitweg.postbuild`.
"""

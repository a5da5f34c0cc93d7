"""Kiwix files: one ZIM per language, written from the USB copy's offline
build with python-libzim. libzim is GPL-3.0: only this package imports it,
and it runs as its own process (`python -m uitweg.kiwix ZIP OUT_DIR`, called
by uitweg/materials/build.py), so the rest of the build never loads it.

May import: `uitweg.core`, `uitweg.offline`.
"""

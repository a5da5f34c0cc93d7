"""Offline copies of the site: the USB bundle (zip with SHA256SUMS and an
ed25519 signature), the one-file pocket edition per language, and the check
of a copy against the public key in keys/. See dev-notes/offline.md.

May import: `uitweg.core`, `uitweg.contacts`, `uitweg.gate` (the output
check runs on each pocket file), `uitweg.render` (the strip's items).
"""

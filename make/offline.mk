# Offline copies: the USB bundle (zip that opens from file://, with SHA256SUMS
# and an ed25519 signature), the pocket edition (one HTML file per language),
# and the check of a copy. See dev-notes/offline.md.
OFFLINE_ZIP := dist/info-offline.zip
POCKET_DIR := dist/pocket
SIGNING_PUBLIC_KEY := keys/uitweg-signing.pub
# The private key never lives in the repository. `make` signs when
# UITWEG_SIGNING_KEY names it: UITWEG_SIGNING_KEY=~/.config/uitweg/signing.key make
SIGNING_KEY_FILE ?= $(HOME)/.config/uitweg/signing.key
BUNDLE ?= $(OFFLINE_ZIP)

DIST_TARGETS += $(OFFLINE_ZIP) $(POCKET_DIR)
APT_PACKAGES += chromium openssl

.PHONY: offline pocket verify signing-key $(OFFLINE_ZIP) $(POCKET_DIR)

offline: $(OFFLINE_ZIP) ## Build the USB bundle dist/info-offline.zip (signed if UITWEG_SIGNING_KEY is set)
pocket: $(POCKET_DIR) ## Build the pocket edition dist/pocket/info-<lang>.html

# Always rebuilt from a fresh site/ (`site` is phony).
$(OFFLINE_ZIP): site
	$(PY) -m uitweg.offline.bundle site $@ --public-key $(SIGNING_PUBLIC_KEY)

$(POCKET_DIR): site
	$(PY) -m uitweg.offline.pocket site $@

verify: $(VENV)/.installed ## Check a copy: make verify BUNDLE=<zip or unpacked folder> (signature + every file)
	$(PY) -m uitweg.offline.verify "$(BUNDLE)" --public-key $(SIGNING_PUBLIC_KEY)

signing-key: $(VENV)/.installed ## New signing key pair: private to SIGNING_KEY_FILE (outside the repo), public to keys/
	$(PY) -m uitweg.offline.signing generate --private "$(SIGNING_KEY_FILE)" --public $(SIGNING_PUBLIC_KEY)

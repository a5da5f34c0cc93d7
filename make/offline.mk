# Offline copies: the USB copy (zip that opens from file://, with SHA256SUMS
# and an OpenSSH signature), the pocket files (one HTML file per language) and
# the Kiwix files. `make` puts them into site/files/ (uitweg/materials, see
# guides/materials.md); the targets below also write them into dist/.
OFFLINE_ZIP := dist/info-offline.zip
POCKET_DIR := dist/pocket
ALLOWED_SIGNERS := keys/allowed_signers
# The private key never lives in the repository. `make` signs when
# UITWEG_SIGNING_KEY names it: UITWEG_SIGNING_KEY=~/.config/uitweg/signing.key make
SIGNING_KEY_FILE ?= $(HOME)/.config/uitweg/signing.key
BUNDLE ?= site/files/info-offline.zip

DIST_TARGETS += $(OFFLINE_ZIP) $(POCKET_DIR)
# openssh-client: ssh-keygen signs and checks copies; kiwix-tools: tests serve
# the Kiwix files with kiwix-serve.
APT_PACKAGES += chromium openssh-client kiwix-tools
BUILD_PACKAGES += openssh-client

.PHONY: offline pocket verify signing-key release $(OFFLINE_ZIP) $(POCKET_DIR)

offline: $(OFFLINE_ZIP) ## Write the USB copy to dist/info-offline.zip too (signed if UITWEG_SIGNING_KEY is set)
pocket: $(POCKET_DIR) ## Write the pocket files to dist/pocket/info-<lang>.html too

$(OFFLINE_ZIP): site
	$(PY) -m uitweg.offline.bundle site $@ --allowed-signers $(ALLOWED_SIGNERS)

$(POCKET_DIR): site
	$(PY) -m uitweg.offline.pocket site $@

verify: $(VENV)/.installed ## Check a copy: make verify [BUNDLE=<zip or unpacked folder>] (ssh-keygen -Y verify + every file)
	$(PY) -m uitweg.offline.verify "$(BUNDLE)" --allowed-signers $(ALLOWED_SIGNERS)

signing-key: $(VENV)/.installed ## New signing key: private to SIGNING_KEY_FILE (outside the repo), public to keys/allowed_signers
	$(PY) -m uitweg.offline.signing generate --private "$(SIGNING_KEY_FILE)" --allowed-signers $(ALLOWED_SIGNERS)

# A release: refuses placeholders (site_url, nginx server_name) and an
# unsigned copy, then builds everything and checks the copy it made.
release: $(VENV)/.installed ## Build for publishing: refuses placeholders and a missing signing key (guides/materials.md)
	$(PY) -m uitweg.materials.release
	$(MAKE) site
	$(PY) -m uitweg.offline.verify site/files/info-offline.zip --allowed-signers $(ALLOWED_SIGNERS)

# Print materials: posters, tear-off strips, wallet cards, stickers (dist/print/).
# The font packages are the faces of data/print_fonts.yml (one per script; a test checks they match).
DIST_TARGETS += print
APT_PACKAGES += poppler-utils fonts-dejavu-core fonts-wqy-microhei fonts-tlwg-loma-ttf fonts-sil-abyssinica libpango-1.0-0 libpangoft2-1.0-0
BUILD_PACKAGES += poppler-utils fonts-dejavu-core fonts-wqy-microhei fonts-tlwg-loma-ttf fonts-sil-abyssinica libpango-1.0-0 libpangoft2-1.0-0

.PHONY: print
print: $(VENV)/.installed ## Build the print PDFs into dist/print/ (from the contact table)
	@bash tools/install-system-packages.sh fonts-dejavu-core fonts-wqy-microhei fonts-tlwg-loma-ttf fonts-sil-abyssinica libpango-1.0-0 libpangoft2-1.0-0
	$(PY) -m uitweg.printing --out dist/print

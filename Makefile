# Build targets. `make bundle` turns a fresh clone into the PyInstaller bundle
# dist/medreview/ and its archive; `make smoke-test` checks the built bundle.
#   make bundle SETUP=:     skips scripts/setup.sh when .venv is already set up

VENV ?= .venv
SETUP ?= bash scripts/setup.sh
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
PLATFORM := $(shell uname -s | tr '[:upper:]' '[:lower:]')-$(shell uname -m)
ARCHIVE := dist/medreview-$(VERSION)-$(PLATFORM).tar.gz

.PHONY: bundle smoke-test

bundle:
	$(SETUP)
	nice $(VENV)/bin/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller \
		packaging/medreview.spec
	cp packaging/medreview.desktop packaging/medreview.png packaging/install-desktop-entry.sh \
		dist/medreview/
	tar -C dist -cf - medreview | gzip -9 > $(ARCHIVE)
	@du -sh dist/medreview $(ARCHIVE)

smoke-test:
	bash packaging/smoke-test.sh dist/medreview

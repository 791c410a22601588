# `make run` sets up and starts the site; `make test` sets up and runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_WORKERS ?= auto
TEST_SETTINGS := DJANGO_SETTINGS_MODULE=ankasam.settings.test
DEMO_SETTINGS := DJANGO_SETTINGS_MODULE=ankasam.settings.dev

.PHONY: run serve site test install install-dev lint format messages add-language screenshots import-sample backup restore clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# The site's database made ready for `run` and `serve`, in the settings DJANGO_SETTINGS_MODULE
# names (development by default): migrated, the demo loaded, the admin and demo logins printed.
# The demo app is installed in the development and test settings only, so the demo is always
# loaded through DEMO_SETTINGS; the same environment names the same database, media and caches.
site: install
	$(BIN)/python manage.py build_translations
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py set_site_address http://127.0.0.1:$(PORT)
	$(DEMO_SETTINGS) $(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py rebuild_search_index
	$(BIN)/python manage.py ensure_admin --url http://127.0.0.1:$(PORT)/admin/
	$(BIN)/python manage.py ensure_demo_team

run: site
	@echo "Serving the site at http://127.0.0.1:$(PORT)/ (Ctrl+C stops it); scheduled pages are published every minute, background tasks run as they are queued"
	@# The scheduler and the task worker run beside the server and stop with it
	@# (docs/scheduled-publishing.md, docs/architecture.md). The worker runs without its reloader:
	@# the reloader's child would outlive the kill below.
	$(BIN)/python manage.py run_publish_scheduler & scheduler=$$!; \
		$(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
		trap 'kill $$scheduler $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The same site as production serves it: gunicorn, production settings, the page cache, the
# background worker and the scheduler (scripts/serve.sh; README, "Serving for real").
serve: install
	@PORT=$(PORT) scripts/serve.sh

# The sample WordPress export (ankasam/wordpress/sample/) imported into the local site, with its
# images and sidecar files; `make import-sample run` imports it and serves the site
# (docs/migrating-from-wordpress.md). Safe to repeat: a second import creates nothing.
SAMPLE := ankasam/wordpress/sample
import-sample: install
	$(BIN)/python manage.py build_translations
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py set_site_address http://127.0.0.1:$(PORT)
	$(DEMO_SETTINGS) $(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py import_wordpress $(SAMPLE)/polylang-sample.xml --uploads $(SAMPLE)/uploads \
		--author-bios $(SAMPLE)/author-bios.json --taxonomy-mapping $(SAMPLE)/taxonomy-mapping.toml
	$(BIN)/python manage.py rebuild_search_index

# axe-core for the accessibility test, at the version package-lock.json pins. Without npm the
# test is skipped with a reason (a failure under CI=true).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

test: install-dev
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory node_modules/.installed; \
		else echo "npm not found: the axe-core accessibility test will be skipped" >&2; fi
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(TEST_SETTINGS) $(BIN)/python manage.py build_translations
	$(TEST_SETTINGS) $(BIN)/python manage.py check
	$(TEST_SETTINGS) $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -n $(PYTEST_WORKERS)

# The database and MEDIA_ROOT in one archive, ankasam-YYYYmmdd-HHMMSS.tar.gz in BACKUP_DIR (default
# backups/); `make restore FILE=...` puts one back into an empty database (docs/operations.md).
backup: install
	$(BIN)/python manage.py backup

restore: install
	@if [ -z "$(FILE)" ]; then \
		echo "Usage: make restore FILE=backups/ankasam-YYYYmmdd-HHMMSS.tar.gz (into an empty database; docs/operations.md)" >&2; \
		exit 2; fi
	$(BIN)/python manage.py restore "$(FILE)"

# Extract the interface strings into each language's catalogue (needs GNU gettext's xgettext).
messages: install
	$(BIN)/python manage.py update_catalogues

# Add a site language: `make add-language CODE=fa` (docs/adding-a-language.md). The variable is
# CODE, not LANG: make exports command-line variables to the commands it runs, and LANG=fa would
# replace the locale of every one of them.
add-language: install
	@if [ -z "$(CODE)" ]; then \
		echo "Usage: make add-language CODE=xx, e.g. CODE=fa (CODE, not LANG); see docs/adding-a-language.md" >&2; \
		exit 2; fi
	$(BIN)/python manage.py add_language "$(CODE)"

# Full-page screenshots of home, an article, an author page, search and a hub at 390 and 1280 px,
# an article's end, a phone listing, the development 404 and dark home, written into
# docs/screenshots/ (the test suite writes them into test-artifacts/screenshots/).
screenshots: install-dev
	SCREENSHOTS_DIR=docs/screenshots $(BIN)/pytest tests/browser/test_screenshots.py -q

lint: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .pytest-media test-artifacts node_modules

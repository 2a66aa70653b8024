# School education portal. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed

PHONY_I18N := messages
.PHONY: $(PHONY_I18N) help install run migrate seed superuser test test-opensearch test-postgres test-e2e lint format check-deploy clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}'

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

PO_FILES := $(wildcard portal/locale/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)

install: $(STAMP) $(MO_FILES) ## Create .venv, install the pinned requirements, compile the catalogues

%.mo: %.po $(STAMP)
	@$(BIN)/python -m portal.i18n compile $<

LANGS = $(shell $(BIN)/python -c "import ast,re;s=open('portal/settings/base.py').read();print(' '.join('-l '+c for c,_ in ast.literal_eval(re.search(r'LANGUAGES = (\[.*?\])', s, re.S).group(1)) if c != 'en'))")

messages: install ## Refresh the interface catalogues (needs xgettext) and compile them
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemessages $(LANGS) --no-obsolete --add-location file \
		--ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*' --ignore 'tools/*' --ignore 'media/*' --ignore 'staticfiles/*'
	$(BIN)/python -m portal.i18n compile

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

seed: migrate ## Load the demo content (once; running it again changes nothing)
	$(MANAGE) seed_demo --if-empty

superuser: migrate ## Create the `admin` superuser with a generated password, if there is none
	$(MANAGE) ensure_admin

run: seed superuser ## Install, migrate, seed and serve on http://127.0.0.1:$(PORT) (publishes scheduled pages every minute)
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	@( while sleep 60; do $(MANAGE) publish_scheduled >/dev/null 2>&1 || true; done ) & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install ## Run the test suite that needs no outside service (SQLite)
	$(BIN)/python -m pytest -m "not e2e and not postgres and not opensearch"

test-opensearch: install ## Run the search-engine tests against a running OpenSearch (make opensearch)
	$(BIN)/python -m pytest -m opensearch

test-postgres: install ## Run the suite on PostgreSQL (needs DATABASE_URL=postgres://... and make opensearch)
	$(BIN)/python -m pytest -m "not e2e"

test-e2e: install ## Run the browser tests (Chromium at /usr/bin/chromium)
	$(BIN)/python -m pytest -m e2e tests/e2e

lint: install ## Lint Python (ruff) and check migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check

format: install ## Reformat Python and sort imports
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-deploy: install ## Django's deployment checklist with production settings
	DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=$$(head -c 64 /dev/urandom | base64 | tr -d '\n/+=') \
	ALLOWED_HOSTS=portal.example.eu DATABASE_URL=postgres://portal@127.0.0.1:5432/portal \
	$(MANAGE) check --deploy --fail-level WARNING

include tools/opensearch/opensearch.mk

clean: ## Remove the virtualenv, the SQLite database, media and collected static files
	rm -rf $(VENV) db.sqlite3 media staticfiles

# Territoires en Commun. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
TOOLS := .tools
UV := $(TOOLS)/bin/uv
UV_VERSION := 0.13.9
PY := $(VENV)/bin/python
export UV_PYTHON_DOWNLOADS := never
# Test processes (pytest-xdist): one per core by default; each test module runs on one
# worker, so a module's servers (runserver, the several-nodes stack) start once.
TEST_WORKERS ?= auto
SERVICES_ENV = DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0}

.DEFAULT_GOAL := help
.PHONY: help install lock audit run dev demo test test-postgres test-integration lint format browser bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-17s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: requirements/dev.lock | $(UV)
	@test -x $(PY) || $(UV) venv --quiet --python $(PYTHON) $(VENV)
	$(UV) pip sync --quiet --python $(PY) --require-hashes requirements/dev.lock
	@touch $@

install: $(VENV)/.synced ## Install the locked environment in .venv (needs only Python 3.11)

lock: | $(UV) ## Re-lock requirements/*.lock after editing pyproject.toml
	$(UV) pip compile pyproject.toml --python-version 3.11 --generate-hashes --quiet -o requirements/production.lock
	$(UV) pip compile pyproject.toml --group dev --python-version 3.11 --generate-hashes --quiet -o requirements/dev.lock

audit: install ## Look for known vulnerabilities in the locked dependencies (pip-audit)
	$(PY) .ci/audit.py

# The due-task scheduler runs beside the server and stops with it (Ctrl-C included).
with_scheduler = $(PY) manage.py run_scheduler & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; $(1)

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	$(PY) manage.py create_demo_editor
	@echo "Les e-mails envoyés par le site sont écrits dans var/mail/."

run: demo ## Serve the site as visitors see it on http://127.0.0.1:8000 (demo content, SQLite, no server needed)
	@$(call with_scheduler,$(PY) manage.py runserver --noreload 127.0.0.1:8000)

dev: demo ## Same with DEBUG on and auto-reload, for development
	@$(call with_scheduler,DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000)

browser: ## Install Debian's Chromium (and Java 17 for the HTML validator) for the browser tests if missing
	@missing=""; [ -x /usr/bin/chromium ] || missing="chromium"; \
	command -v java >/dev/null || missing="$$missing openjdk-17-jre-headless"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo"; \
	else echo "$$missing absent(s) et impossible(s) à installer sans droits root : les tests navigateur concernés seront ignorés (apt-get install $$missing)."; exit 0; fi; \
	echo "Installation de $$missing (Debian)…"; \
	$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null

test: install browser ## Run the whole test suite on the embedded default (SQLite, eager Celery), in parallel
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

test-postgres: install browser ## Run the whole suite against the local PostgreSQL and Redis
	$(SERVICES_ENV) $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

test-integration: install browser ## Only the tests marked integration, on the local PostgreSQL and Redis (CI's second stage)
	$(SERVICES_ENV) $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile -m integration $(PYTEST_ARGS)

lint: install ## ruff check and ruff format --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install ## Run every benchmark under bench/ (load and fault tests too) into var/bench-report.md
	$(PY) bench/run.py

clean: ## Remove the environments and local data (var/)
	rm -rf $(VENV) $(TOOLS) var

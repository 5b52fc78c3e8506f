# Two commands do all the set-up on a fresh Debian machine: `make run` and `make test`.

PYTHON_VERSION := $(shell cat .python-version)
VENV := .venv
PY := $(VENV)/bin/python
PYENV_ROOT ?= $(shell pyenv root 2>/dev/null || echo $(HOME)/.pyenv)
# WeasyPrint's system libraries (libharfbuzz-subset0 makes font subsetting 10-30 % faster).
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
# For the tests: pdftoppm and pdftotext; chromium for the browser tests (Playwright).
TEST_SYSTEM_PACKAGES := poppler-utils chromium

# `make run` builds agenda packs in the background: django-tasks-db's worker runs beside
# runserver and stops with it. Tests use the immediate backend and skip the demo's packs.
DEV_ENV := DJANGO_DEBUG=1 TASKS_BACKEND=django_tasks_db.DatabaseBackend
TEST_ENV := DJANGO_SECRET_KEY=only-for-tests DJANGO_STATIC_MANIFEST=0 AXES_ENABLED=0 DEMO_BUILD_PACKS=0

.PHONY: run test lint bench install install-test system-packages test-system-packages demo

run: install
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py load_demo --accounts
	$(DEV_ENV) $(PY) manage.py db_worker --no-reload --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:8000

test: install-test
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(TEST_ENV) $(PY) manage.py check
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run

bench: install-test
	$(TEST_ENV) $(PY) -m benchmarks
	$(TEST_ENV) $(PY) -m benchmarks.pack

install: system-packages $(VENV)/.installed

install-test: system-packages test-system-packages $(VENV)/.installed-test

$(VENV)/pyvenv.cfg: .python-version
	@base="$$(ls -d $(PYENV_ROOT)/versions/$(PYTHON_VERSION)* 2>/dev/null | sort -V | tail -n 1)"; \
	if [ -z "$$base" ] && command -v pyenv >/dev/null 2>&1; then \
	  echo "Installing Python $(PYTHON_VERSION) with pyenv"; \
	  pyenv install --skip-existing $(PYTHON_VERSION) && \
	  base="$$(ls -d $(PYENV_ROOT)/versions/$(PYTHON_VERSION)* 2>/dev/null | sort -V | tail -n 1)"; \
	fi; \
	if [ -n "$$base" ] && [ -x "$$base/bin/python" ]; then python="$$base/bin/python"; \
	elif command -v python$(PYTHON_VERSION) >/dev/null 2>&1; then python="$$(command -v python$(PYTHON_VERSION))"; \
	else echo "Python $(PYTHON_VERSION) was not found. Install it with pyenv:"; \
	     echo "    pyenv install $(PYTHON_VERSION)"; \
	     echo "(or install python$(PYTHON_VERSION) and python$(PYTHON_VERSION)-venv from your distribution)"; exit 1; fi; \
	echo "Creating $(VENV) with $$python"; \
	rm -rf $(VENV) && "$$python" -m venv $(VENV)

$(VENV)/.installed: $(VENV)/pyvenv.cfg pyproject.toml
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

system-packages:
	@$(MAKE) --no-print-directory _apt PACKAGES="$(SYSTEM_PACKAGES)"

test-system-packages:
	@$(MAKE) --no-print-directory _apt PACKAGES="$(TEST_SYSTEM_PACKAGES)"

_apt:
	@command -v dpkg-query >/dev/null 2>&1 || exit 0; \
	missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	[ -z "$$missing" ] && exit 0; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "Installing system packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else \
	  echo "Missing system packages:$$missing. Install them with:"; \
	  echo "    sudo apt-get install$$missing"; exit 1; \
	fi

# Open Buurtcentrum. `make run` to try it, `make test` to check it; see README.md.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# The locked dependencies are installed once, and again whenever the lock changes.
INSTALLED := $(VENV)/.installed-$(shell $(PYTHON) -c "import hashlib,sys; print(hashlib.sha256(open('requirements.lock','rb').read()).hexdigest()[:12])")
FONTS := site/static/fonts/.built
CATALOGUES := $(wildcard locale/*/LC_MESSAGES/django.po)
COMPILED := $(CATALOGUES:.po=.mo)

.PHONY: run test pytest serve bench lint format lock messages bootstrap clean

run: bootstrap
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	@echo ""
	@echo "  Open Buurtcentrum runs at http://127.0.0.1:$(PORT)/   (admin: http://127.0.0.1:$(PORT)/admin/)"
	@echo "  Demo log-ins, password 'demo' for each: bewoner, redactie, partner, medewerker, admin"
	@echo ""
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: bootstrap lint
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(MAKE) pytest

# The test suite alone, on every core; `.ci/run` calls it again with DATABASE_URL pointing at
# PostgreSQL. PYTEST_ARGS picks tests or options, e.g. PYTEST_ARGS="-n 0 tests/test_home.py".
PYTEST_ARGS ?= -n auto
pytest: bootstrap
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Production settings under gunicorn. Needs SECRET_KEY and ALLOWED_HOSTS in the environment.
serve: bootstrap
	DJANGO_SETTINGS_MODULE=config.settings.production $(MANAGE) collectstatic --noinput --verbosity 0
	DJANGO_SETTINGS_MODULE=config.settings.production $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=config.settings.production $(VENV)/bin/gunicorn --config config/gunicorn.py config.wsgi

# Load test: production settings under gunicorn, a demo of three centres with a thousand items
# each on a throw-away PostgreSQL, every page type under wrk (scripts/bench.py). About 15
# minutes; figures in var/bench/. Needs PostgreSQL's binaries and wrk (installed when root).
bench: bootstrap
	scripts/with-postgres $(PY) scripts/bench.py

lint: bootstrap
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: bootstrap
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bootstrap: $(INSTALLED) $(COMPILED) $(FONTS) var

$(INSTALLED): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $@

# Compiled with polib, so no GNU gettext is needed on the machine.
locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(INSTALLED)
	$(PY) -c "import polib, sys; polib.pofile(sys.argv[1]).save_as_mofile(sys.argv[2])" $< $@

$(FONTS): site/fonts.json scripts/build_fonts.py $(INSTALLED)
	$(PY) scripts/build_fonts.py

var:
	mkdir -p var/media var/static

# Regenerate the lock after changing dependencies in pyproject.toml.
lock: $(INSTALLED)
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links --extra dev --output-file requirements.lock pyproject.toml

# Collect interface strings into locale/ (needs GNU gettext's xgettext; developers only).
messages: bootstrap
	$(MANAGE) makemessages --no-obsolete --add-location=file --ignore=.venv --ignore=var \
		$(foreach lang,nl en ar tr pl,--locale=$(lang))

clean:
	rm -rf $(VENV) var/static var/cache site/static/fonts

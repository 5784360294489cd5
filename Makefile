# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run worker test lock lint format typecheck check-deploy shell clean

$(PY):
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when a lock file changes; every package is pinned with its hashes.
$(VENV)/.runtime: requirements.txt | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

# Re-pin after editing requirements.in or requirements-dev.in (uv comes with the dev requirements).
lock: $(VENV)/.dev
	$(BIN)/uv pip compile --python-version 3.11 --generate-hashes --quiet requirements.in -o requirements.txt
	$(BIN)/uv pip compile --python-version 3.11 --generate-hashes --quiet requirements-dev.in -o requirements-dev.txt

run: $(VENV)/.runtime
	$(PY) manage.py migrate --noinput
	@# Demo data only in development: seed_demo refuses to run without DEBUG.
	@case "$${DEBUG:-1}" in 0|false|False|no|off) echo "DEBUG is off: no demo data loaded." ;; *) $(PY) manage.py seed_demo ;; esac
	$(PY) manage.py runserver $(HOST):$(PORT)

# The background worker: sends the mail and digests that requests and cron jobs enqueue in the
# database. Pair it with `TASKS_BACKEND=database make run`; plain `make run` runs tasks at once.
worker: $(VENV)/.runtime
	$(PY) manage.py migrate --noinput
	TASKS_BACKEND=database $(PY) manage.py db_worker --queue-name '*'

test: $(VENV)/.dev
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: $(VENV)/.dev
	$(BIN)/mypy

check-deploy: $(VENV)/.runtime
	DEBUG=0 SECRET_KEY=check-deploy-$$(date +%s)-a-long-random-value-for-the-check-only ALLOWED_HOSTS=retro.example.com \
		$(PY) manage.py check --deploy --fail-level WARNING

shell: $(VENV)/.runtime
	$(PY) manage.py shell

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .mypy_cache .ruff_cache

# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run worker test lock lint format typecheck check-deploy shell clean mutants loadtest messages compilemessages bench

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

# The settings default to DEBUG off (production-safe); development and tests turn it on.
run worker shell test: export DEBUG ?= 1

# Translations: locale/<lang>/LC_MESSAGES/django.po is committed, the compiled .mo is built here
# (never committed, so it can never be stale): by GNU gettext's msgfmt, which also checks the
# placeholders, when installed, else by scripts/msgfmt.py, so a newcomer needs only Python.
MO := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

%.mo: %.po | $(PY)
	@if command -v msgfmt >/dev/null 2>&1; then msgfmt --check-format -o $@ $<; else $(PY) scripts/msgfmt.py $< $@; fi

compilemessages: $(MO)

# After adding or changing a user-facing string: collect every string into the .po files,
# translate the new (empty or "fuzzy") entries, then commit the .po files.
messages: $(VENV)/.runtime
	DEBUG=1 $(PY) manage.py makemessages -l de -l es -e html,txt,md,py --no-location --no-obsolete \
		--ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/*' --ignore 'docs/*'

run: $(VENV)/.runtime $(MO)
	$(PY) manage.py migrate --noinput
	@# Demo data only in development: seed_demo refuses to run without DEBUG.
	@case "$${DEBUG:-1}" in 0|false|False|no|off) echo "DEBUG is off: no demo data loaded." ;; *) $(PY) manage.py seed_demo ;; esac
	$(PY) manage.py runserver $(HOST):$(PORT)

# The background worker: sends the mail and digests that requests and cron jobs enqueue in the
# database. Pair it with `TASKS_BACKEND=database make run`; plain `make run` runs tasks at once.
worker: $(VENV)/.runtime
	$(PY) manage.py migrate --noinput
	TASKS_BACKEND=database $(PY) manage.py db_worker --queue-name '*'

# Both cores: pytest-xdist runs the suite in two processes (TEST_WORKERS=0 runs it in one).
TEST_WORKERS ?= 2
# The same hash seed in every worker, so each collects the same parametrised tests.
test: export PYTHONHASHSEED ?= 0

test: $(VENV)/.dev $(MO)
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: $(VENV)/.dev
	$(BIN)/mypy

# Mutation testing of the guarded modules: [tool.mutmut] in pyproject.toml lists them (one list)
# and the tests that guard them. Too slow for every CI run (15-20 minutes in full on 2 cores;
# run it with DATABASE_URL on PostgreSQL: each of the two children keeps a test database of its
# own, made here first; docs/mutants.md has the run and the explained mutants);
# MUTANTS='stories.retros.export_text*' runs a subset by mutant name. Fails if a mutant survives
# or no test reaches it; an equivalent mutant is explained beside its code with `# pragma: no mutate`.
mutants: $(VENV)/.dev
	for slot in 0 1; do MUTANT_UNDER_TEST=setup MUTANTS_DATABASE_SLOT=$$slot nice -n 10 \
		$(BIN)/pytest -p no:xdist --reuse-db -q tests/moderation/test_decide.py >/dev/null || exit 1; done
	nice -n 10 $(BIN)/mutmut run --max-children 2 $(MUTANTS)
	@$(BIN)/mutmut results | tee mutants/survivors.txt
	@! grep -qE ": (survived|no tests|suspicious)$$" mutants/survivors.txt

check-deploy: $(VENV)/.runtime
	DEBUG=0 SECRET_KEY=check-deploy-$$(date +%s)-a-long-random-value-for-the-check-only ALLOWED_HOSTS=retro.example.com \
		$(PY) manage.py check --deploy --fail-level WARNING

shell: $(VENV)/.runtime
	$(PY) manage.py shell

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .mypy_cache .ruff_cache mutants

# Benchmark every page against a baseline page on generated data (see docs/benchmarks.md).
# Uses its own database, bench_service_retro on the local PostgreSQL (BENCH_DATABASE_URL=sqlite for SQLite).
SIZE ?= 10000
bench: $(VENV)/.runtime
	$(PY) scripts/bench/run.py --size $(SIZE)

# 60 s of 50 people logging stories and 5 reading retros on a throwaway PostgreSQL 15 that
# restarts half-way; prints what was acknowledged, stored, doubled, and how long clients waited.
loadtest: $(VENV)/.runtime
	$(PY) scripts/loadtest.py

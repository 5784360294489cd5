"""Production settings: required variables fail clearly, and the deploy check is clean."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean_env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_names_the_missing_secret_key():
    result = _manage("check", DEBUG="0", ALLOWED_HOSTS="retro.example.com")
    assert result.returncode != 0
    assert result.stderr.startswith("Configuration error: SECRET_KEY must be set when DEBUG is off.")
    assert "Traceback" not in result.stderr


def test_it_names_the_missing_allowed_hosts():
    result = _manage("check", DEBUG="0", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "Configuration error: ALLOWED_HOSTS must be set when DEBUG is off." in result.stderr
    assert "Traceback" not in result.stderr


def test_it_passes_the_deploy_check_in_production():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="a-long-random-production-secret-value-for-the-deploy-check-0123456789",
        ALLOWED_HOSTS="retro.example.com",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_it_reads_postgresql_from_database_url():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='service_retro.settings'; "
        "from django.conf import settings; db = settings.DATABASES['default']; "
        "print(db['ENGINE'], db['NAME'], db['CONN_MAX_AGE'])"
    )
    env = {**os.environ, "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/retro", "CONN_MAX_AGE": "120"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "retro", "120"]

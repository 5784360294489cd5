"""Production-safe defaults: DEBUG off unless set, private caching, proxies and HSTS only when asked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
PRODUCTION = {
    "SECRET_KEY": "a-long-random-production-secret-value-for-this-test-0123456789",
    "ALLOWED_HOSTS": "retro.example.com",
}


def _settings(*names: str, **env: str) -> list[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_"))
    }
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'service_retro.settings'; "
        "from django.conf import settings; "
        f"print('\\n'.join(repr(getattr(settings, name, None)) for name in {list(names)!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_it_turns_debug_off_when_nothing_is_set():
    assert _settings("DEBUG", **PRODUCTION) == ["False"]


def test_it_requires_a_secret_key_when_debug_is_off():
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, "ALLOWED_HOSTS": "x.example"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("Configuration error: SECRET_KEY must be set when DEBUG is off.")


def test_it_trusts_no_proxy_header_and_asks_no_preload_by_default():
    assert _settings(
        "SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_PRELOAD", "SECURE_HSTS_SECONDS", **PRODUCTION
    ) == [
        "None",
        "False",
        "31536000",
    ]


def test_it_trusts_the_proxy_header_and_preloads_only_when_configured():
    assert _settings(
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_HSTS_PRELOAD",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
        SECURE_HSTS_PRELOAD="1",
        **PRODUCTION,
    ) == ["('HTTP_X_FORWARDED_PROTO', 'https')", "True"]


@pytest.mark.parametrize(
    "url",
    ["/", "/stories/", "/stories/new/", "/teams/front-desk/retros/", "/accounts/password_change/"],
)
def test_it_keeps_signed_in_pages_out_of_every_cache(member_client, url):
    response = member_client.get(url)
    assert response.status_code == 200
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}


def test_it_keeps_exports_out_of_every_cache(member_client, team):
    from stories.core.months import current_month

    month = f"{current_month(team):%Y-%m}"
    for suffix in (".md", ".csv"):
        response = member_client.get(f"/teams/front-desk/retros/{month}{suffix}")
        assert response.status_code == 200
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]

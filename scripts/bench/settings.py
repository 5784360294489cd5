"""The benchmark's settings: production settings plus a baseline page that exists only here."""

import tempfile
from pathlib import Path

from service_retro.settings import *  # noqa: F403
from service_retro.settings import BASE_DIR, TEMPLATES

ROOT_URLCONF = "scripts.bench.urls"
TEMPLATES[0]["DIRS"] = [BASE_DIR / "scripts" / "bench" / "templates", *TEMPLATES[0]["DIRS"]]
# Served over plain HTTP on the loopback by the benchmark itself.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Collected apart from the project's staticfiles/: in development and tests WhiteNoise looks
# through STATIC_ROOT on every request, and the benchmark's collected files tripled the suite's time.
STATIC_ROOT = Path(tempfile.gettempdir()) / "service-retro-bench-static"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

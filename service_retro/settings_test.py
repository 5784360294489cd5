"""The test settings: the development set-up (DEBUG=1 unless the environment says otherwise).

Production settings default to DEBUG off; tests need the development storage (no collected
manifest) and defaults, so pytest and mypy load this module.
"""

import os

os.environ.setdefault("DEBUG", "1")
# Background tasks run at once, in the test; a test of the queue itself switches to the database.
os.environ.setdefault("TASKS_BACKEND", "immediate")

from service_retro.settings import *  # noqa: F403

# Production hashes a password with 1,000,000 PBKDF2 rounds on purpose (half a second); the
# suite makes thousands of people, so tests hash with one fast round. No test is about the hasher.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Each test process keeps its own cache, emptied before every test (tests/conftest.py): a
# shared Redis would carry one test's (or one xdist worker's) keys into another. The tests
# of the shared cache itself (two app servers, Redis figures) read REDIS_URL on their own.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 20000}}
}

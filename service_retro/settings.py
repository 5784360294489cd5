"""Service Retro settings: one module, configured from the environment.

DEBUG is off unless set: a forgotten variable in production never shows a traceback.
DEBUG=1 (which `make run` and the test settings set) gives a development set-up on SQLite.
With DEBUG off, SECRET_KEY and ALLOWED_HOSTS must be set, and `manage.py check --deploy` passes.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_required(name: str, hint: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        # A one-line message naming the variable, not a traceback: SystemExit prints it
        # to stderr and exits with status 1, from manage.py and gunicorn alike.
        raise SystemExit(
            f"Configuration error: {name} must be set when DEBUG is off. {hint} "
            "(For development, set DEBUG=1: `make run` does.)"
        )
    return value


DEBUG = env_bool("DEBUG", default=False)

if DEBUG:
    SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
    ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h] or [
        "127.0.0.1",
        "localhost",
        "testserver",
    ]
else:
    SECRET_KEY = env_required(
        "SECRET_KEY",
        "Use a long random string, e.g. `python -c 'import secrets; print(secrets.token_urlsafe(50))'`.",
    )
    ALLOWED_HOSTS = [
        h.strip()
        for h in env_required("ALLOWED_HOSTS", "A comma-separated list such as `retro.example.com`.").split(
            ","
        )
        if h.strip()
    ]

CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "stories",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Unchanged retro polls are answered here, before sessions and users cost a query.
    "stories.retros.polling.LiveStampMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before anything that renders: the browser's language; a signed-in
    # person's own choice overrides it after authentication.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "stories.accounts.language.PersonalLanguageMiddleware",
    # Signed-in answers (pages, fragments, exports) are never kept by a shared or browser cache.
    "stories.core.middleware.private_cache",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, so every page below it (admin aside) needs a signed-in user.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Turns a locked-out login attempt, on any login page, into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Login throttling for every page that signs people in (ours, the admin's, any added later):
# the backend refuses a locked-out user+IP before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "stories.core.throttle.ThrottledLoginBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
# The pair: one person guessing from one place is stopped, without letting anyone lock a
# colleague out from elsewhere or a whole office behind one address out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Behind proxies the client's address is in X-Forwarded-For: trusted only as far as told how
# many proxies stand in front (else anyone could send a fresh address with each guess).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "stories.core.throttle.client_ip"

ROOT_URLCONF = "service_retro.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "stories.core.context_processors.navigation",
                "stories.core.choices.vocabularies",
                "stories.notifications.context_processors.bell",
            ],
            # Each feature package keeps its template tags beside its views.
            "libraries": {
                "core_tags": "stories.core.templatetags",
                "karma_tags": "stories.karma.templatetags",
                "member_tags": "stories.members.templatetags",
                "moderation_tags": "stories.moderation.templatetags",
                "retro_tags": "stories.retros.templatetags",
                "story_tags": "stories.log.templatetags",
                "throttle_tags": "stories.core.templatetags",
            },
        },
    },
]

WSGI_APPLICATION = "service_retro.wsgi.application"

# The one place DATABASE_URL is read. Unset means the embedded SQLite database.
CONN_MAX_AGE = int(os.environ.get("CONN_MAX_AGE", "60"))
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=CONN_MAX_AGE,
        conn_health_checks=CONN_MAX_AGE > 0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite keeps no connections worth pooling, and a busy dev server should wait, not fail.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compiling costs 8-31 % on these short OLTP queries and never pays back (issue 15).
    # random_page_cost as for data on SSD or in memory (the default 4 is for spinning disks):
    # with 4, a big team's month of principle tags was counted by reading all 2M tags of every
    # team (147 ms at 1M stories) rather than the month's 6k stories' own (27 ms).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off -c random_page_cost=1.1"
    # PgBouncer in transaction mode hands each transaction to any server connection, so a
    # named cursor opened in one is gone in the next: .iterator() fetches client-side and the
    # exports page through their rows by keyset instead.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool(
        "DISABLE_SERVER_SIDE_CURSORS", default=True
    )
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    # A database that does not answer fails the request fast (a clean 503) instead of hanging it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DB_CONNECT_TIMEOUT", "3"))
    )

# The one place REDIS_URL is read. The cache holds what every app server must agree on: the
# retros' live-update stamps, the figures' generations and the cached figures, the moderation
# badge. With Redis it is shared, so any number of app servers answer alike; unset means each
# process keeps its own (one development server, tests).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # Several deployments (or test runs) may share one Redis: each keeps to its prefix.
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "service-retro"),
            # A Redis that does not answer fails the request fast instead of hanging a worker.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Figures are kept month by month: the default 300 entries would evict a busy
            # team's months (and their counters) before they are read again.
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
# Spelled out though they are the defaults, because statelessness depends on them: sessions
# live in the database (logout everywhere deletes their rows), and django-axes counts failed
# logins in the database, so a lockout holds on every app server.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
# The languages with a complete translation; LocaleMiddleware picks one from the browser's
# Accept-Language and falls back to English. Catalogues live in locale/ (`make messages`).
LANGUAGES = [("en", "English"), ("de", "Deutsch"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our own date formats per language ("1 Dec 2026", "1. Dez. 2026"), Django's for the rest.
FORMAT_MODULE_PATH = ["service_retro.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Service Retro <retro@localhost>")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# Background tasks (Django's Tasks API through django-tasks). The database is the queue in
# production: `manage.py db_worker` (`make worker`) runs what requests and cron jobs enqueue.
# In development and tests tasks run at once, in the request, unless TASKS_BACKEND=database.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "").strip() or ("immediate" if DEBUG else "database")
if TASKS_BACKEND not in TASK_BACKENDS:
    raise SystemExit(f"Configuration error: TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}.")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}
# A lead may send this many invitations per hour (counted in the database, so every app
# server agrees); invitation links expire after INVITATION_DAYS.
INVITATIONS_PER_HOUR = int(os.environ.get("INVITATIONS_PER_HOUR", "30"))
INVITATION_DAYS = 7

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Trusted only when configured: behind no proxy, anyone could send the header and pass for HTTPS.
# e.g. SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto (the proxy must set it, and strip the client's).
if os.environ.get("SECURE_PROXY_SSL_HEADER", "").strip():
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + os.environ["SECURE_PROXY_SSL_HEADER"].strip().upper().replace("-", "_"),
        "https",
    )

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    # Preloading is hard to undo (browsers ship the list), so it is asked for, never assumed.
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]  # "preload is not set": deliberately so.
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# A strict policy: our own files only, no inline script or style, no eval, never framed,
# forms post only to us. Bootstrap's CSS draws its icons from data: SVGs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Axes logs every sign-in at INFO; lockouts come as warnings.
    "loggers": {"django.db.backends": {"level": "INFO"}, "axes": {"level": "WARNING"}},
}

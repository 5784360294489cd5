from typing import Any

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_delete, post_migrate, post_save


def optimize_sqlite(using: str = "default", *, analyze: bool = False, **_kwargs: Any) -> None:
    """Let SQLite's planner see table statistics (it never runs ANALYZE by itself).

    Without them it pairs every story with every story on the watchlist. `PRAGMA optimize`
    refreshes statistics that went stale and is cheap to repeat; after loading many rows
    (`analyze=True`) a sampled ANALYZE gathers them for every table at once.
    """
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        if analyze:
            # Sampling bounds ANALYZE's cost on a large file; the estimates stay good enough.
            cursor.execute("PRAGMA analysis_limit=1000")
            cursor.execute("ANALYZE")
        cursor.execute("PRAGMA optimize")


class StoriesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "stories"
    verbose_name = "Service stories"

    def ready(self) -> None:
        # Imported here, not at the top: they import models, which need the app registry ready.
        from django.contrib.auth import get_user_model
        from django.contrib.auth.signals import user_logged_in

        from stories.accounts.language import remember_language_at_login
        from stories.core.names import name_saved
        from stories.models import Principle

        post_migrate.connect(optimize_sqlite, sender=self)
        # A person's language follows them to every device they log in on.
        user_logged_in.connect(remember_language_at_login, dispatch_uid="stories.remember_language")
        # What is kept with names in it (a month's CSV, the heatmap, a search's ranking: see
        # core/figure_cache.py) is old after a rename or a deletion, in the app or the admin.
        for model in (get_user_model(), Principle):
            post_save.connect(name_saved, sender=model, dispatch_uid=f"stories.name_saved.{model.__name__}")
            post_delete.connect(
                name_saved, sender=model, dispatch_uid=f"stories.name_deleted.{model.__name__}"
            )

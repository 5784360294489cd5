from django.apps import AppConfig


class StoriesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "stories"
    verbose_name = "Service stories"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from stories.accounts.language import remember_language_at_login

        # A person's language follows them to every device they log in on.
        user_logged_in.connect(remember_language_at_login, dispatch_uid="stories.remember_language")

"""The story's vocabulary: its choices, its limits, and the fields a person types."""

from django.db import models
from django.utils.translation import gettext_lazy as _

TITLE_MAX = 120
TEXT_MAX = 5000

# Free text a person typed, in form order: the personal-data guard scans all of it, and
# redaction cleans all of it.
FREE_TEXT_FIELDS = ("title", "what_happened", "lesson", "cost_note", "client_nickname")


class Kind(models.TextChoices):
    GOOD = "good", _("Good service")
    BAD = "bad", _("Bad service")


class Perspective(models.TextChoices):
    GAVE = "gave", _("We gave it")
    RECEIVED = "received", _("We received it, as customers")


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    CHAT = "chat", _("Chat")
    SOCIAL = "social", _("Social media")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    PENDING = "pending", _("Pending review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    HIDDEN = "hidden", _("Hidden")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Verdict(models.TextChoices):
    HONOURED = "honoured", _("Honoured")
    BROKEN = "broken", _("Broken")

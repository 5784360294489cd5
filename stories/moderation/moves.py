"""The moderation workflow's legal moves, written once.

LEGAL_MOVES says from which statuses each action may start. The story's moves
(workflow.py), the queue's buttons and the admin's actions all read it, so a button is only
offered where the move would be accepted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from stories.log.personal_data import personal_data_in
from stories.log.terms import FREE_TEXT_FIELDS, Status
from stories.moderation.models import ModerationAction

PERSONAL_DATA_REASON = _("personal data")
STILL_HOLDS_PERSONAL_DATA = _("This story still holds personal data: redact it first, or ask a moderator.")
HELD_FOR_PERSONAL_DATA = _(
    "This story was held for personal data and has not been redacted since: only a moderator can publish it."
)

# action -> the statuses it may start from. Submitting starts a story's life (no status yet);
# dismissing flags is judged by whether open flags remain, not by the status.
LEGAL_MOVES: dict[str, frozenset[str]] = {
    ModerationAction.APPROVE: frozenset({Status.PENDING}),
    ModerationAction.REJECT: frozenset({Status.PENDING}),
    ModerationAction.HIDE: frozenset({Status.PUBLISHED}),
    ModerationAction.RESTORE: frozenset({Status.HIDDEN}),
    ModerationAction.WITHDRAW: frozenset({Status.PENDING, Status.REJECTED}),
    ModerationAction.RESUBMIT: frozenset({Status.REJECTED, Status.WITHDRAWN}),
    ModerationAction.EDIT: frozenset({Status.PENDING}),
    ModerationAction.REDACT: frozenset({Status.PENDING, Status.PUBLISHED, Status.REJECTED, Status.HIDDEN}),
    ModerationAction.FLAG: frozenset({Status.PUBLISHED}),
}


def is_legal(action: str, status: str) -> bool:
    return status in LEGAL_MOVES.get(action, frozenset())


# The verb for "Cannot %(action)s a story that is …": the action labels are past tense.
_ACTION_VERBS = {
    ModerationAction.SUBMIT: _("submit"),
    ModerationAction.HOLD: _("hold"),
    ModerationAction.APPROVE: _("approve"),
    ModerationAction.REJECT: _("reject"),
    ModerationAction.HIDE: _("hide"),
    ModerationAction.RESTORE: _("restore"),
    ModerationAction.REDACT: _("redact"),
    ModerationAction.WITHDRAW: _("withdraw"),
    ModerationAction.RESUBMIT: _("resubmit"),
    ModerationAction.EDIT: _("edit"),
    ModerationAction.FLAG: _("flag"),
    ModerationAction.DISMISS_FLAGS: _("dismiss the flags of"),
}


class IllegalTransition(Exception):
    """A moderation move that the story's current status does not allow."""

    @classmethod
    def refused(cls, action: str, status: str) -> IllegalTransition:
        return cls(
            _("Cannot %(action)s a story that is %(status)s.")
            % {"action": _ACTION_VERBS[ModerationAction(action)], "status": Status(status).label.lower()}
        )


class HoldsPersonalData(IllegalTransition):
    """Publishing a story that may still hold personal data, asked by someone who is not a moderator."""


# The default country is never used (both callers pass the team's), and an unknown one ("XXXX")
# finds what none does: not mutated.
def publishing_refusal(values: Mapping[str, Any], country: str = "") -> str | None:  # pragma: no mutate
    """Why only a moderator may publish a story with these field values, or None if anyone may.

    The text still holds personal data, or the story was held for it (by the guard or by a
    personal-data flag) and nobody has redacted it since: a flag may point at what the
    detector cannot see, such as a name.
    """
    if any(
        personal_data_in(
            values[field] or "",  # pragma: no mutate (any other text without personal data reads the same)
            country,
        )
        for field in FREE_TEXT_FIELDS
    ):
        return str(STILL_HOLDS_PERSONAL_DATA)
    if values["status_reason"] == str(PERSONAL_DATA_REASON):
        return str(HELD_FOR_PERSONAL_DATA)
    return None

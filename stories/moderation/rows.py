"""What a moderation queue row shows: the story's text with personal data marked, its flags and history."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.timesince import timesince
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from stories.core.fragments import shown_day, shown_moment
from stories.core.names import display_name
from stories.core.policy import sees_author_names
from stories.log.personal_data import PersonalDataKind, personal_data_in
from stories.log.terms import FREE_TEXT_FIELDS
from stories.models import Flag, ModerationAction, ModerationEvent, Status, Story
from stories.moderation.moves import is_legal

# The row's buttons, each offered where LEGAL_MOVES allows it from the story's status;
# dismissing flags depends on open flags, not on the status.
ROW_ACTIONS = (
    ModerationAction.APPROVE,
    ModerationAction.REJECT,
    ModerationAction.HIDE,
    ModerationAction.RESTORE,
    ModerationAction.REDACT,
)


@dataclass(frozen=True)
class Segment:
    text: str
    kind: PersonalDataKind | None = None


@dataclass
class StoryRow:
    """One story as a moderator sees it, built from prefetched data without further queries."""

    story: Story
    author: str
    fields: list[tuple[str, tuple[Segment, ...]]]
    kinds: list[str]
    flags: list[dict[str, Any]]
    history: list[dict[str, Any]]
    waiting: bool
    actions: set[str] = field(default_factory=set)
    notice: tuple[str, str] | None = None
    # Why this viewer may not approve or restore the story (it may hold personal data).
    publishing_refusal: str | None = None

    @property
    def offers(self) -> dict[str, bool]:
        """Which moves the row offers, by the action's name: `row.offers.approve` in a template."""
        return {action.name.lower(): action.value in self.actions for action in ModerationAction}


def _segments(text: str, country: str) -> tuple[Segment, ...]:
    """The text cut into plain runs and personal data, so the page can mark what redaction removes
    (the scan is remembered for the same words: personal_data_in)."""
    segments: list[Segment] = []
    position = 0
    for match in personal_data_in(text, country):
        segments.append(Segment(text[position : match.start]))
        segments.append(Segment(match.text, match.kind))
        position = match.end
    segments.append(Segment(text[position:]))
    return tuple(segment for segment in segments if segment.text)


def _flag_raiser_label(flag: Flag, viewer: Any) -> str:
    if sees_author_names(viewer):
        return display_name(flag.raised_by)
    return _("A team member")


def flag_data(flag: Flag, raised_by: str) -> dict[str, Any]:
    """An open flag as moderation/_open_flags.html shows it, in plain values."""
    return {
        "reason": flag.get_reason_display(),
        "raised_by": raised_by,
        "at": shown_moment(flag.created_at),
        "comment": flag.comment,
    }


def event_data(event: ModerationEvent, actor: str) -> dict[str, Any]:
    """A history event as moderation/_history.html shows it, in plain values."""
    return {
        "at": shown_moment(event.created_at),
        "action": event.get_action_display(),
        "actor": actor,
        "moved": event.from_status != event.to_status,
        "from_status": event.get_from_status_display(),
        "to_status": event.get_to_status_display(),
        "reason": event.reason,
    }


def build_row(
    story: Story, viewer: Any, notice: tuple[str, str] | None = None, every_move: bool = False
) -> StoryRow:
    """Needs a story from `with_moderation_details()`.

    A queue row offers decisions only while the story waits; the story page (`every_move`)
    offers every legal one, so a hidden story can be restored from there.
    """
    open_flags: list[Flag] = getattr(story, "open_flags", [])
    # Each field scanned once: its marked segments also say which kinds the story holds.
    fields = [
        (
            str(getattr(Story._meta.get_field(name), "verbose_name", name)),
            _segments(getattr(story, name), story.team.country),
        )
        for name in FREE_TEXT_FIELDS
        if getattr(story, name)
    ]
    kinds = sorted({str(segment.kind) for _label, segments in fields for segment in segments if segment.kind})
    waiting = story.status == Status.PENDING or (
        story.status in {Status.PUBLISHED, Status.HIDDEN} and bool(open_flags)
    )
    moves = {str(action) for action in ROW_ACTIONS if is_legal(action, story.status)}
    if not kinds:
        # Redaction removes what the detector finds: nothing found, nothing to offer.
        moves.discard(ModerationAction.REDACT)
    if open_flags:
        moves.add(ModerationAction.DISMISS_FLAGS)
    refusal = story.publishing_refusal_for(viewer) if moves & {"approve", "restore"} else None
    if refusal:
        # Redact becomes the way forward; publishing waits for a moderator.
        moves -= {"approve", "restore"}
    actions = moves if waiting or every_move else set()
    return StoryRow(
        story=story,
        author=story.author_label_for(viewer),
        fields=fields,
        kinds=kinds,
        flags=[flag_data(flag, _flag_raiser_label(flag, viewer)) for flag in open_flags],
        history=[
            event_data(event, event.actor_label_for(viewer, story))
            for event in story.history_events  # type: ignore[attr-defined]
        ],
        waiting=waiting,
        actions=actions,
        notice=notice,
        publishing_refusal=refusal if actions else None,
    )


def row_data(row: StoryRow, *, team_slug: str = "") -> dict[str, Any]:
    """Everything a queue row shows (moderation/_queue_row.html), as plain values: the row is
    kept under them. `team_slug` is the team the queue is filtered to, which its forms carry."""
    story = row.story
    return {
        "pk": story.pk,
        "title": story.title,
        "status": story.status,
        "status_label": story.get_status_display(),
        "status_reason": story.status_reason,
        "team": story.team.name,
        "team_slug": team_slug,
        "author": row.author,
        "created": {"iso": localtime(story.created_at).isoformat(), "ago": timesince(story.created_at)},
        "kind": story.get_kind_display(),
        "perspective": story.get_perspective_display(),
        "channel": story.get_channel_display(),
        "happened": shown_day(story.happened_on),
        "anonymous": story.anonymous,
        "fields": [
            (label, [(segment.text, segment.kind and str(segment.kind)) for segment in segments])
            for label, segments in row.fields
        ],
        "kinds": row.kinds,
        "tags": [tag.chip() for tag in story.tags.all()],
        "flags": row.flags,
        "history": row.history,
        "waiting": row.waiting,
        "actions": sorted(row.actions),
        "offers": row.offers,
        "notice": row.notice,
        "publishing_refusal": row.publishing_refusal,
    }

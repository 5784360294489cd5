"""The privacy floor: which breakdown figures are shown and which are folded away.

The rule, stated once (the pages quote it through FLOOR_RULE):

    A figure is decided from public facts only: how many stories it counts, how many
    distinct people signed those stories, and how many of them are anonymous, each
    anonymous story counted as a contributor of its own. Who wrote an anonymous story is
    never an input, so the decision cannot give it away.

    On the team's own pages (retro, trends, quarter view, exports) a figure that rests only
    on signed stories is always shown: members already read those stories with names on
    them. A figure that counts an anonymous story is folded when it rests on fewer than
    PRIVACY_FLOOR contributors. On pages seen from outside the team (the cross-team
    comparison) every non-zero figure resting on fewer than PRIVACY_FLOOR contributors is
    folded, signed or not.

Everything here is a pure function of counts, so it sits on top of any source of them
(live GROUP BY queries today, a rollup table tomorrow). The counts come from the database;
see `contributor_aggregates` in retro_stats for the columns each query adds.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

PRIVACY_FLOOR = 3

FLOOR_RULE = _(
    "Each figure is decided from what members can already see: the number of stories, the people "
    "who signed them, and each anonymous story counted as one contributor of its own; never from "
    "who wrote an anonymous story. Figures resting only on signed stories are always shown to the "
    "team. A figure that includes an anonymous story and rests on fewer than %(floor)s contributors "
    "is folded into “Other” and reads “fewer than %(floor)s people”."
)
OUTSIDE_RULE = _(
    "Teams compared side by side are seen from outside the team: a figure resting on fewer than "
    "%(floor)s contributors (each anonymous story counted as one) is folded, signed or not."
)


class Audience(StrEnum):
    TEAM = "team"
    OUTSIDERS = "outsiders"


@dataclass(frozen=True)
class CellFacts:
    """What anyone who reads the cell's stories can count for themselves."""

    stories: int
    named_authors: int
    anonymous_stories: int

    @classmethod
    def from_row(cls, row: dict[str, int]) -> CellFacts:
        """From an aggregate row with `count`, `named_authors` and `anonymous` columns."""
        return cls(row.get("count", 0), row.get("named_authors", 0), row.get("anonymous", 0))


def contributors(facts: CellFacts) -> int:
    """Distinct signers, plus one for every anonymous story."""
    return facts.named_authors + facts.anonymous_stories


def is_folded(facts: CellFacts, audience: Audience = Audience.TEAM) -> bool:
    if facts.stories == 0:
        return False
    if audience is Audience.TEAM and facts.anonymous_stories == 0:
        return False
    return contributors(facts) < PRIVACY_FLOOR


def shown(facts: CellFacts, audience: Audience = Audience.TEAM) -> int | None:
    """The cell's count, or None when it is folded."""
    return None if is_folded(facts, audience) else facts.stories

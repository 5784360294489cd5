"""Every typed column of the CSV export against every character a spreadsheet treats as a formula.

The title, the author's name and the principle names are typed by people; a cell starting
with = + - @ (or a tab or carriage return in front of one) would run as a formula when the
file is opened. Each column is tried with each character on its own.
"""

from __future__ import annotations

import csv
import io

import pytest

from stories.models import Principle
from tests.factories import MembershipFactory, StoryFactory, UserFactory
from tests.retros.helpers import month_url

pytestmark = pytest.mark.django_db

# Fixed here, not read from the code under test: a shorter list there must fail.
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = ("title", "author", "principles honoured", "principles broken")


def _rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("prefix", DANGEROUS, ids=["equals", "plus", "minus", "at", "tab", "cr"])
def test_it_defuses_a_formula_in_each_typed_column(member_client, team, last_month, column, prefix):
    formula = f"{prefix}SUM(1+1)*cmd|'/C calc'!A0"
    author = UserFactory(username="eve", first_name=formula if column == "author" else "Eve", last_name="")
    MembershipFactory(user=author, team=team)
    honoured, broken = Principle.objects.order_by("position")[:2]
    for principle, name in ((honoured, "principles honoured"), (broken, "principles broken")):
        if column == name:
            principle.name = formula
            principle.save(update_fields=["name"])
    StoryFactory(
        team=team,
        author=author,
        happened_on=last_month,
        title=formula if column == "title" else "A calm title",
        tags=[(honoured.slug, "honoured"), (broken.slug, "broken")],
    )
    rows = _rows(member_client.get(month_url("retro_csv", team, last_month)))
    assert len(rows) == 1
    cell = rows[0][column]
    assert "SUM(1+1)" in cell  # the text is still there, as text
    for value in rows[0].values():
        assert not value.startswith(DANGEROUS), (column, value)

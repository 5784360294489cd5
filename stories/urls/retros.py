import datetime as dt

from django.urls import path, register_converter

from stories.retro_stats import parse_month
from stories.views import retro_quarter, retros


class MonthConverter:
    """YYYY-MM in the URL, the month's first day in the view; 2025-13 is no URL at all (404)."""

    regex = r"[0-9]{4}-[0-9]{2}"

    def to_python(self, value: str) -> dt.date:
        month = parse_month(value)
        if month is None:
            raise ValueError(value)
        return month

    def to_url(self, value: dt.date | str) -> str:
        return value if isinstance(value, str) else f"{value:%Y-%m}"


register_converter(MonthConverter, "month")

retro = "teams/<slug:slug>/retros/<month:month>"

urlpatterns = [
    path("teams/<slug:slug>/retros/", retros.retro_list, name="retro_list"),
    path(f"{retro}/", retros.retro_detail, name="retro_detail"),
    path(f"{retro}/quarter/", retro_quarter.retro_quarter, name="retro_quarter"),
    path(f"{retro}.md", retros.retro_markdown, name="retro_markdown"),
    path(f"{retro}.csv", retros.retro_csv, name="retro_csv"),
    path(f"{retro}/stories/<int:story_id>/vote/", retros.retro_vote, name="retro_vote"),
    path(f"{retro}/stories/<int:story_id>/unvote/", retros.retro_unvote, name="retro_unvote"),
    path(f"{retro}/actions/", retros.action_item_create, name="action_item_create"),
    path(f"{retro}/actions/<int:item_id>/assign/", retros.action_item_assign, name="action_item_assign"),
    path(
        f"{retro}/actions/<int:item_id>/complete/", retros.action_item_complete, name="action_item_complete"
    ),
    path(f"{retro}/actions/<int:item_id>/reopen/", retros.action_item_reopen, name="action_item_reopen"),
    path(f"{retro}/notes/", retros.retro_notes, name="retro_notes"),
    path(f"{retro}/close/", retros.retro_close, name="retro_close"),
    path(f"{retro}/reopen/", retros.retro_reopen, name="retro_reopen"),
    path("teams/<slug:slug>/trends/", retros.trends, name="trends"),
    path("retros/<month:month>/", retros.retros_across_teams, name="retros_across_teams"),
]

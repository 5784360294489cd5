import datetime as dt

from django.urls import path, register_converter

from stories.core.months import month_slug, parse_month
from stories.retros import actions, exports, meeting, participation, polling, quarter_views, views


class MonthConverter:
    """YYYY-MM in the URL, the month's first day in the view; 2025-13 is no URL at all (404)."""

    regex = r"[0-9]{4}-[0-9]{2}"

    def to_python(self, value: str) -> dt.date:
        month = parse_month(value)
        if month is None:
            raise ValueError(value)
        return month

    def to_url(self, value: dt.date | str) -> str:
        return value if isinstance(value, str) else month_slug(value)


register_converter(MonthConverter, "month")

retro = "teams/<slug:slug>/retros/<month:month>"

urlpatterns = [
    path("teams/<slug:slug>/retros/", views.retro_list, name="retro_list"),
    path(f"{retro}/", views.retro_detail, name="retro_detail"),
    path(f"{retro}/quarter/", quarter_views.retro_quarter, name="retro_quarter"),
    path(f"{retro}.md", exports.retro_markdown, name="retro_markdown"),
    path(f"{retro}.csv", exports.retro_csv, name="retro_csv"),
    path(
        f"{retro}/stories/<int:story_id>/vote/", participation.retro_vote, {"cast": True}, name="retro_vote"
    ),
    path(
        f"{retro}/stories/<int:story_id>/unvote/",
        participation.retro_vote,
        {"cast": False},
        name="retro_unvote",
    ),
    path(f"{retro}/actions/", participation.action_item_create, name="action_item_create"),
    path(f"{retro}/actions/<int:item_id>/edit/", actions.action_item_edit, name="action_item_edit"),
    path(f"{retro}/actions/<int:item_id>/drop/", actions.action_item_drop, name="action_item_drop"),
    path(
        f"{retro}/actions/<int:item_id>/complete/",
        participation.action_item_mark,
        {"done": True},
        name="action_item_complete",
    ),
    path(
        f"{retro}/actions/<int:item_id>/reopen/",
        participation.action_item_mark,
        {"done": False},
        name="action_item_reopen",
    ),
    path(f"{retro}/notes/", participation.retro_notes, name="retro_notes"),
    path(f"{retro}/run/", meeting.meeting_start, name="meeting_start"),
    path(f"{retro}/run/<slug:step>/", meeting.meeting_step, name="meeting_step"),
    path(f"{retro}/run/<slug:step>/go/", meeting.meeting_go, name="meeting_go"),
    path(f"{retro}/run/<slug:step>/timer/", meeting.meeting_timer, name="meeting_timer"),
    path(f"{retro}/close/", participation.retro_close, name="retro_close"),
    path(f"{retro}/reopen/", participation.retro_reopen, name="retro_reopen"),
    path("retros/live/<int:team_id>/<month:month>/<str:view>/", polling.retro_live, name="retro_live"),
    path("teams/<slug:slug>/trends/", views.trends, name="trends"),
    path("retros/<month:month>/", views.retros_across_teams, name="retros_across_teams"),
]

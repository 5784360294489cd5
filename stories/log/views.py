"""The story stream: log, list, read, edit and withdraw stories, and the dashboard."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from stories.core import policy
from stories.core.htmx import render_page_or_partial
from stories.core.http import AuthenticatedHttpRequest, get_story_for_user, parse_id
from stories.core.policy import asks
from stories.log.forms import StoryFilterForm, StoryForm
from stories.log.personal_data import redact
from stories.log.search_results import search_languages, search_page
from stories.log.stream import stream_page
from stories.log.terms import FREE_TEXT_FIELDS
from stories.models import IllegalTransition, SequelLink, Status, Story, Team
from stories.retros.due import due_months
from stories.teams.models import teams_of

TWIN_WINDOW = dt.timedelta(minutes=30)


@login_required
@require_safe
@asks()
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    teams = teams_of(request.user)
    month_of_team = {team.pk: team.today().replace(day=1) for team in teams}
    counts: dict[int, dict[str, int]] = {team.pk: {"good": 0, "bad": 0} for team in teams}
    if teams:
        # One GROUP BY for every team; each team's "this month" is its own, in its time zone.
        rows = (
            Story.objects.published()
            .filter(team__in=teams, happened_on__gte=min(month_of_team.values()))
            .values("team", "kind", month=TruncMonth("happened_on"))
            .annotate(n=Count("id"))
        )
        for row in rows:
            if row["month"] == month_of_team[row["team"]]:
                counts[row["team"]][row["kind"]] = row["n"]
    due = due_months(teams)
    team_rows = [
        {"team": team, "month": month_of_team[team.pk], "due_month": due[team.pk], **counts[team.pk]}
        for team in teams
    ]
    my_stories = (
        Story.objects.filter(author=request.user)
        .exclude(status=Status.WITHDRAWN)
        .with_related()
        .order_by("-created_at")[:5]
    )
    return render(request, "stories/dashboard.html", {"team_rows": team_rows, "my_stories": my_stories})


@login_required
@require_safe
@asks()
def story_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    filters = StoryFilterForm(request.GET or None, user=request.user)
    stories = Story.objects.all()
    data: dict[str, Any] = {}
    if filters.is_bound:
        filters.is_valid()  # Bad values are dropped quietly: a shared link never errors.
        data = filters.cleaned_data
        stories = _apply_filters(stories, data)
    if data.get("q"):
        languages = search_languages(request.user, data.get("team"))
        page = search_page(
            request.user, stories, data["q"], languages=languages, page=request.GET.get("page")
        )
    else:
        page = stream_page(
            request.user, stories, page=request.GET.get("page"), after=request.GET.get("after")
        )
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("after", None)
    context = {
        "filters": filters,
        "page": page,
        "query": query.urlencode(),
        "active_filters": filters.active_count(),
    }
    return render_page_or_partial(request, "stories/story_list.html", "results", context)


def _apply_filters(stories: Any, data: dict[str, Any]) -> Any:
    if data.get("team"):
        stories = stories.filter(team=data["team"])
    if data.get("kind"):
        stories = stories.filter(kind=data["kind"])
    if data.get("perspective"):
        stories = stories.filter(perspective=data["perspective"])
    if data.get("principle"):
        stories = stories.filter(tags__principle=data["principle"])
    if data.get("month"):
        year, month = (int(part) for part in data["month"].split("-"))
        stories = stories.in_month(dt.date(year, month, 1))
    return stories


def _redacted_copy(data: QueryDict, field_names: list[str], country: str) -> QueryDict:
    """The posted form with personal data replaced by [email], [phone]… in the named fields."""
    copy = data.copy()
    for name in field_names:
        if name in FREE_TEXT_FIELDS and copy.get(name):
            copy[name] = redact(str(copy[name]), country)
    copy.pop("redact", None)
    return copy


def _posted_country(request: AuthenticatedHttpRequest, story: Story | None = None) -> str:
    """The country of the story's team, or of the team picked in the form (one of the person's)."""
    if story is not None:
        return story.team.country
    team_id = parse_id(request.POST.get("team"))
    if team_id is None:
        return ""
    return (
        Team.objects.for_user(request.user).filter(pk=team_id).values_list("country", flat=True).first() or ""
    )


def _fields_to_redact(request: AuthenticatedHttpRequest) -> list[str]:
    """The "Redact it" button beside a field names that field; "Redact all of it" says "all"."""
    choice = request.POST.get("redact", "")
    return [choice] if choice in FREE_TEXT_FIELDS else list(FREE_TEXT_FIELDS)


def _sequel_original(request: AuthenticatedHttpRequest) -> Story | None:
    story_id = parse_id(request.POST.get("sequel_of") or request.GET.get("sequel_of"))
    return None if story_id is None else get_story_for_user(request, story_id)


@login_required
@require_http_methods(["GET", "POST"])
@asks()
def story_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not teams_of(request.user):
        messages.info(request, _("You are not in a team yet. Ask your team lead to add you."))
        return redirect("dashboard")
    original = _sequel_original(request)
    if request.method == "POST" and request.POST.get("redact"):
        data = _redacted_copy(request.POST, _fields_to_redact(request), _posted_country(request))
        form = StoryForm(data, user=request.user)
        return render(
            request, "stories/story_form.html", {"form": form, "original": original, "redacted": True}
        )
    if request.method == "POST":
        form = StoryForm(request.POST, user=request.user)
        token = request.POST.get("submission_token")
        already = _already_saved(request, token)
        if already is not None:
            return already
        if form.is_valid():
            twin = _recent_twin(request, form)
            if twin is not None:
                messages.info(request, _("You saved this same story a moment ago; here it is."))
                return redirect(twin)
            try:
                story = _save_new_story(request, form)
            except IntegrityError:
                # A second copy of the same submission lost the race: show the one that won.
                saved = _already_saved(request, token)
                if saved is not None:
                    return saved
                raise
            return redirect(story)
    else:
        form = StoryForm(initial=_sequel_initial(original), user=request.user)
    return render(request, "stories/story_form.html", {"form": form, "original": original})


def _sequel_initial(original: Story | None) -> dict[str, Any]:
    """ "Log a sequel" starts the form in the earlier story's team, linked, with its client."""
    if original is None:
        return {}
    return {"team": original.team_id, "sequel_of": original.pk, "client_nickname": original.client_nickname}


def _already_saved(request: AuthenticatedHttpRequest, token: str | None) -> HttpResponse | None:
    """A resent form or a double click finds the story its token already created."""
    if not token:
        return None
    try:
        existing = Story.objects.filter(author=request.user, submission_token=token).first()
    except ValidationError:  # A malformed token is just not a known one.
        return None
    if existing is None:
        return None
    messages.info(request, _("This story was already saved; here it is."))
    return redirect(existing)


def _recent_twin(request: AuthenticatedHttpRequest, form: StoryForm) -> Story | None:
    """The same story saved minutes ago: going back and saving again must not log it twice."""
    data = form.cleaned_data
    return (
        Story.objects.filter(
            author=request.user,
            team=data["team"],
            title=data["title"],
            what_happened=data["what_happened"],
            created_at__gte=timezone.now() - TWIN_WINDOW,
        )
        .exclude(status=Status.WITHDRAWN)
        .first()
    )


@transaction.atomic
def _save_new_story(request: AuthenticatedHttpRequest, form: StoryForm) -> Story:
    story: Story = form.save(commit=False)
    story.author = request.user  # type: ignore[assignment]
    story.submission_token = form.cleaned_data.get("submission_token")
    story.save()
    form.save_tags(story)
    story.submit(by=request.user, personal_data=form.has_personal_data)
    original = form.cleaned_data.get("sequel_of")
    if original is not None:
        SequelLink.link(
            original=original, sequel=story, outcome=form.cleaned_data["sequel_outcome"], by=request.user
        )
    if story.status == Status.PUBLISHED:
        messages.success(request, _("Thank you: your story is published for your team."))
    elif form.has_personal_data:
        messages.warning(
            request, _("Saved. It holds personal data, so a moderator will review it before anyone sees it.")
        )
    else:
        messages.success(request, _("Thank you: your story is saved and waits for your team lead's review."))
    return story


@login_required
@require_POST
@asks()
def story_validate(request: AuthenticatedHttpRequest) -> HttpResponse:
    """htmx: validate the whole form, answer with just the one field the person left."""
    field_name = request.POST.get("_field", "")
    data: QueryDict = request.POST
    if request.POST.get("redact") in FREE_TEXT_FIELDS:
        field_name = request.POST["redact"]
        data = _redacted_copy(request.POST, [field_name], _posted_country(request))
    form = StoryForm(data, user=request.user)
    if field_name not in form.fields or field_name.startswith("verdict_"):
        raise Http404("No such field.")
    form.is_valid()
    return render(request, "stories/story_form.html#field", {"form": form, "field": form[field_name]})


@login_required
@require_safe
@asks()
def story_detail(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    story = get_story_for_user(request, story_id)
    tags = story.tags.select_related("principle").order_by("principle__position")
    context = {
        "story": story,
        "tags": tags,
        "can_edit": policy.can_edit_story(request.user, story),
    }
    return render(request, "stories/story_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@asks(policy.is_story_author)
def story_edit(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    story = get_story_for_user(request, story_id)
    if not policy.can_edit_story(request.user, story):
        messages.error(
            request,
            _("A %(status)s story can no longer be edited.") % {"status": story.get_status_display().lower()},
        )
        return redirect(story)
    if request.method == "POST" and request.POST.get("redact"):
        form = StoryForm(
            _redacted_copy(request.POST, _fields_to_redact(request), story.team.country),
            user=request.user,
            story=story,
        )
    elif request.method == "POST":
        form = StoryForm(request.POST, user=request.user, story=story)
        if form.is_valid():
            with transaction.atomic():
                form.save()
                form.save_tags(story)
                story.record_edit(by=request.user, personal_data=form.has_personal_data)
            messages.success(request, _("Your changes are saved and wait for review."))
            return redirect(story)
    else:
        form = StoryForm(user=request.user, story=story)
    return render(request, "stories/story_form.html", {"form": form, "story": story})


@login_required
@require_POST
@asks(policy.is_story_author)
def story_withdraw(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    story = get_story_for_user(request, story_id)
    try:
        story.withdraw(by=request.user)
    except IllegalTransition as error:
        messages.error(request, str(error))
        return redirect(story)
    messages.success(request, _("Your story is withdrawn. Nobody else will see it."))
    return redirect("dashboard")

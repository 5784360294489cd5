"""/notifications/: what concerned me, newest first; what I see here counts as read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from stories.core.http import AuthenticatedHttpRequest
from stories.core.policy import asks
from stories.notifications.models import Notification

PAGE_SIZE = 30


@login_required
@require_safe
@asks()
def notifications(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = Paginator(Notification.objects.in_app_for(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    items = list(page.object_list)
    unseen = [n.pk for n in items if n.read_at is None]
    response = render(request, "notifications/notifications.html", {"page": page, "items": items})
    # Marked read after rendering, so this page still shows which ones are new.
    if unseen:
        Notification.objects.filter(pk__in=unseen, read_at__isnull=True).update(read_at=timezone.now())
    return response


@login_required
@require_POST
@asks()
def mark_all_read(request: AuthenticatedHttpRequest) -> HttpResponse:
    Notification.objects.unread_for(request.user).update(read_at=timezone.now())
    return redirect("notifications")

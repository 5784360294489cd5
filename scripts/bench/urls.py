"""The app's URLs plus /bench/baseline/: base.html and 20 rows, the yardstick of every page."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import include, path
from django.views.decorators.http import require_safe

from stories.models import Story


@login_required
@require_safe
def baseline(request: HttpRequest) -> HttpResponse:
    rows = Story.objects.order_by("pk").values_list("pk", "title", "happened_on")[:20]
    return render(request, "bench/baseline.html", {"rows": rows})


urlpatterns = [
    path("bench/baseline/", baseline, name="bench_baseline"),
    path("", include("service_retro.urls")),
]

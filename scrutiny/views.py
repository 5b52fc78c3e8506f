"""Project-level views that belong to no app."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET


@login_not_required
@require_GET
def bench_hello(request: HttpRequest) -> HttpResponse:
    """The benchmark's yardstick: the cheapest response the stack can give (no database,
    no template). Routed only when BENCHMARK_HELLO=1 (see scrutiny/urls.py)."""
    return HttpResponse("hello", content_type="text/plain")

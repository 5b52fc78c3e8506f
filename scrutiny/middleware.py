"""Project-wide middleware."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers


class PrivateCacheControlMiddleware:
    """Keep pages served to a signed-in user out of shared caches.

    A member's or officer's page can carry exempt papers or unpublished meetings; a proxy
    or CDN that stored it could serve it to the public (security.md, "caches"). A view
    that set its own Cache-Control (the council stylesheet, say) keeps it. `Vary: Cookie`
    tells caches that the same URL differs between signed-in users and the public.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if not response.has_header("Cache-Control"):
                response["Cache-Control"] = "private, no-store"
            patch_vary_headers(response, ["Cookie"])
        return response

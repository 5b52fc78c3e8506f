from django.http import HttpRequest

from scrutiny.pagecache import council_settings


def council(request: HttpRequest) -> dict:
    """The council's name and colour for the site header."""
    return {"council": council_settings(request)}

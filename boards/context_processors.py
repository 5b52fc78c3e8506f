from django.http import HttpRequest

from boards.models import Council


def council(request: HttpRequest) -> dict:
    """The council's name and colour for the site header."""
    return {"council": Council.load()}

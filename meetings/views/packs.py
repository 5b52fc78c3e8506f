"""Pack downloads: the public pack for anyone who may see the meeting, the full pack for
those who may see its exempt papers, and a meeting's minutes as a PDF. Anything else 404."""

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from meetings.access import get_meeting_for_user
from meetings.models import AgendaPack, Meeting, Minute, sits_on_board, user_sees_everything


def user_sees_full_pack(user, meeting: Meeting) -> bool:
    """Who sees a meeting's exempt papers (Document.objects.visible_to): officers, the
    co-ordinator, admins, and members of the board on the meeting's date."""
    if user_sees_everything(user):
        return True
    return Meeting.objects.filter(pk=meeting.pk).filter(sits_on_board(user)).exists()


def packs_for_user(user, meeting: Meeting) -> dict[str, AgendaPack]:
    """The meeting's pack rows the user may have, by audience."""
    audiences = [AgendaPack.Audience.PUBLIC]
    if user_sees_full_pack(user, meeting):
        audiences.append(AgendaPack.Audience.FULL)
    return {pack.audience: pack for pack in meeting.packs.filter(audience__in=audiences)}


def _pdf_response(data_file, filename: str) -> FileResponse:
    response = FileResponse(data_file, content_type="application/pdf", filename=filename)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _download(request: HttpRequest, pk: int, audience: str) -> FileResponse:
    meeting = get_meeting_for_user(request, pk)
    pack = packs_for_user(request.user, meeting).get(audience)
    if pack is None or not pack.file:
        raise Http404("No such pack.")
    name = slugify(f"{meeting.board.short_name or meeting.board.name} {meeting.date} agenda pack")
    if audience == AgendaPack.Audience.PUBLIC:
        name += "-public"
    return _pdf_response(pack.file.open("rb"), f"{name}.pdf")


@login_not_required
@require_safe
def pack_public(request: HttpRequest, pk: int) -> FileResponse:
    return _download(request, pk, AgendaPack.Audience.PUBLIC)


@login_not_required
@require_safe
def pack_full(request: HttpRequest, pk: int) -> FileResponse:
    return _download(request, pk, AgendaPack.Audience.FULL)


@login_not_required
@require_safe
def pack_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """A meeting's minutes as a PDF, rendered as the pack prints them; visible when the
    minutes are (published, or to officers and the co-ordinator)."""
    from io import BytesIO

    from meetings.packs.build import render_cached
    from meetings.packs.content import minutes_html

    meeting = get_meeting_for_user(request, pk)
    if not Minute.objects.visible_to(request.user).filter(meeting=meeting).exists():
        raise Http404("No minutes.")
    # Members of the board, officers and the co-ordinator read a private item's minute in
    # full, as they read its exempt papers; everyone else gets its number and title only.
    full = user_sees_full_pack(request.user, meeting)
    data = render_cached([minutes_html(meeting, full=full)])[0]
    name = slugify(f"{meeting.board.short_name or meeting.board.name} {meeting.date} minutes")
    return _pdf_response(BytesIO(data), f"{name}.pdf")

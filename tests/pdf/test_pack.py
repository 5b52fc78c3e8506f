"""The agenda pack read as a reader reads it (pypdf text per page) and checked with pikepdf.

One meeting, built once for the module: minutes of the previous meeting, a three-page
report (so a blank page follows it), a public report with a restricted appendix between
it and the next public item, an uploaded PDF, the work programme, and a private item.
"""

import datetime
import io
import os
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pikepdf
import pytest
import time_machine
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from pypdf import PdfReader

from boards.models import Council, User
from meetings.models import (
    AgendaItem,
    AgendaPack,
    Document,
    WorkProgramme,
    WorkProgrammeItem,
)
from tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CANARY = "CANARY-PACK-EXEMPT-5d21"
NOW = datetime.datetime(2024, 11, 20, 9, 0, tzinfo=ZoneInfo("Europe/London"))
BLANK = "This page is intentionally left blank"
LONG = "".join(
    f"<h2>{n} Section {n}</h2>"
    + "".join(f"<p>{n}.{m} " + "Words of the report. " * 40 + "</p>" for m in range(1, 7))
    for n in range(1, 6)
)


def _uploaded_pdf(pages: int) -> bytes:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _build() -> dict:
    board = BoardFactory(name="Education Scrutiny Board", slug="pack-board")
    member = PersonFactory(initials="M", surname="Mutton", councillor=True)
    MembershipFactory(board=board, person=member, start_date=datetime.date(2024, 5, 16))
    users = {
        "member": UserFactory(username="pack-member", person=member),
        "other": UserFactory(username="pack-other", person=PersonFactory(surname="Other")),
        "officer": UserFactory(username="pack-officer", role=User.Role.OFFICER, is_staff=True),
    }
    previous = MeetingFactory(board=board, date=datetime.date(2024, 10, 17), published=True)
    previous.minutes_published_at = NOW - datetime.timedelta(days=20)
    previous.closed_at = datetime.time(12, 20)
    previous.save()
    MinuteFactory(
        meeting=previous,
        title="Declarations of Interests",
        body_html="<p>There were no disclosable pecuniary interests.</p>",
    )

    meeting = MeetingFactory(board=board, date=datetime.date(2024, 11, 28), published=True)
    AgendaItemFactory(
        meeting=meeting,
        number=1,
        kind=AgendaItem.Kind.APOLOGIES,
        title="Apologies and Substitutions",
    )
    AgendaItemFactory(meeting=meeting, number=2, kind=AgendaItem.Kind.MINUTES, title="Minutes")
    long_item = AgendaItemFactory(meeting=meeting, number=3, title="Long Report")
    DocumentFactory(agenda_item=long_item, title="The long report", body_html=LONG)
    with_appendix = AgendaItemFactory(meeting=meeting, number=4, title="Placements")
    note = DocumentFactory(
        agenda_item=with_appendix,
        title="Placements briefing",
        body_html="<h2>1 Purpose</h2><p>1.1 Public text.</p><table><thead><tr><th>Year</th>"
        "<th>Cost</th></tr></thead><tbody><tr><td>2024</td><td>£1m</td></tr></tbody></table>",
    )
    DocumentFactory(
        agenda_item=with_appendix,
        parent=note,
        kind=Document.Kind.APPENDIX,
        restricted=True,
        exempt_paragraphs=(1, 3),
        title=f"Provider costs {CANARY}",
        body_html=f"<p>Weekly fees {CANARY}</p>" + LONG,
    )
    uploaded = AgendaItemFactory(meeting=meeting, number=5, title="Uploaded Report")
    DocumentFactory(
        agenda_item=uploaded,
        source=Document.Source.UPLOADED,
        title="Scanned report",
        body_html="",
        file=ContentFile(_uploaded_pdf(3), name="scan.pdf"),
    )
    AgendaItemFactory(
        meeting=meeting, number=6, kind=AgendaItem.Kind.WORK_PROGRAMME, title="Work Programme"
    )
    programme = WorkProgramme.objects.create(board=board, municipal_year=meeting.municipal_year)
    WorkProgrammeItem.objects.create(
        programme=programme,
        meeting=meeting,
        position=1,
        title="HAF Update",
        detail="To consider progress",
    )
    AgendaItemFactory(
        meeting=meeting, number=7, kind=AgendaItem.Kind.AOB, title="Any Other Business"
    )
    private = AgendaItemFactory(meeting=meeting, number=8, private=True, title="Homes for Children")
    DocumentFactory(
        agenda_item=private,
        restricted=True,
        exempt_paragraphs=(1, 3),
        title=f"Exempt note {CANARY}",
        body_html=f"<p>{CANARY}</p>",
    )

    from meetings.packs.build import pack_build

    rows = {row.audience: row for row in pack_build(meeting=meeting)}
    data = {audience: row.file.open("rb").read() for audience, row in rows.items()}
    return {"meeting": meeting, "rows": rows, "data": data, "users": users}


@pytest.fixture(scope="module")
def pack(django_db_setup, django_db_blocker, tmp_path_factory):
    traveller = time_machine.travel(NOW, tick=False)
    traveller.start()
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    media.enable()
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            Council.load()
            yield _build()
            transaction.set_rollback(True)
    finally:
        media.disable()
        traveller.stop()


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def _number(text: str) -> str:
    """The stamped page number ("Page 7") or range ("Pages 37 - 54") of a page."""
    found = re.findall(r"Pages? \d+(?: - \d+)?", text)
    return found[-1] if found else ""


def _ranges(front_text: str) -> dict[int, tuple[int, int]]:
    ranges = {}
    for number, start, end in re.findall(
        r"(\d+)\.\s*\n?[^\n(]*?\(Pages (\d+) - (\d+)\)", front_text
    ):
        ranges[int(number)] = (int(start), int(end))
    return ranges


def test_front_sheet_ranges_are_where_the_items_start_and_end(pack):
    pages = _pages(pack["data"]["full"])
    ranges = pack["rows"]["full"].page_ranges
    front = "\n".join(pages[:2])
    assert set(ranges) == {"2", "3", "4", "5", "6", "8"}
    for number, (start, end) in ranges.items():
        assert f"(Pages {start} - {end})" in front
        assert f"Agenda Item {number}" in pages[start - 1], f"item {number} starts on {start}"
        assert start % 2 == 1 and end % 2 == 0
        assert end <= len(pages)
    starts = sorted(start for start, _ in ranges.values())
    ends = sorted(end for _, end in ranges.values())
    assert starts[0] == 3
    assert all(ends[i] + 1 == starts[i + 1] for i in range(len(starts) - 1))
    assert ends[-1] == len(pages)


def test_every_page_numbered_and_blank_pages_say_so(pack):
    pages = _pages(pack["data"]["full"])
    for index, text in enumerate(pages, start=1):
        assert _number(text) == f"Page {index}"
    ranges = pack["rows"]["full"].page_ranges
    long_start, long_end = ranges["3"]
    last = pages[long_end - 1]
    assert BLANK in last  # the long report's odd length is padded
    for text in pages:
        if BLANK in text:
            assert text.replace(BLANK, "").replace(_number(text), "").strip() == ""


def test_agenda_item_stamp_only_on_first_pages(pack):
    pages = _pages(pack["data"]["full"])
    ranges = pack["rows"]["full"].page_ranges
    firsts = {start: number for number, (start, _) in ranges.items()}
    for index, text in enumerate(pages, start=1):
        stamp = re.findall(r"Agenda Item (\d+)", text)
        assert stamp == ([firsts[index]] if index in firsts else [])


def test_public_pack_keeps_numbers_and_restricts_exempt_papers(pack):
    full, public = _pages(pack["data"]["full"]), _pages(pack["data"]["public"])
    assert CANARY in "".join(full)
    full_numbers = [_number(t) for t in full]
    public_numbers = [_number(t) for t in public]
    restricted = [t for t in public if "Document is Restricted" in t]
    assert len(restricted) == 2  # the appendix of item 4 and the note of item 8
    for text in restricted:
        assert "By virtue of paragraph(s) 1, 3 of Part 1 of Schedule 12A" in text
        assert re.search(r"Pages \d+ - \d+", text)
    # Every public page carries the number it has in the full pack, also after the
    # restricted appendix that sits between items 4 and 5.
    numbered = [n for n in public_numbers if n.startswith("Page ")]
    assert numbered == [n for n in full_numbers if n in set(numbered)]
    item5 = pack["rows"]["full"].page_ranges["5"][0]
    assert f"Page {item5}" in public_numbers
    index = public_numbers.index(f"Page {item5}")
    assert "Agenda Item 5" in public[index]
    # The public pack's front sheet is the full pack's.
    assert public[0] == full[0] and public[1] == full[1]


def test_nothing_exempt_in_the_public_file(pack):
    data = pack["data"]["public"]
    assert CANARY.encode() not in data
    assert CANARY not in "".join(_pages(data))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        with pdf.open_outline() as outline:
            titles = []
            stack = list(outline.root)
            while stack:
                entry = stack.pop()
                titles.append(entry.title)
                stack.extend(entry.children)
        assert not any(CANARY in title for title in titles)
        assert "Document is Restricted" in titles
        assert CANARY not in str(pdf.open_metadata()) + str(dict(pdf.docinfo))
        assert len(pdf.attachments) == 0
        for page in pdf.pages:
            assert (
                CANARY.encode() not in page.obj.Contents.read_bytes()
                if isinstance(page.obj.Contents, pikepdf.Stream)
                else True
            )


def test_page_labels_match_the_stamped_numbers(pack):
    for audience in ("full", "public"):
        reader = PdfReader(io.BytesIO(pack["data"][audience]))
        texts = [page.extract_text() or "" for page in reader.pages]
        for label, text in zip(reader.page_labels, texts, strict=True):
            number = _number(text)
            if number.startswith("Page "):
                assert label == number.removeprefix("Page ")


@pytest.mark.parametrize("audience", ["full", "public"])
def test_structure_is_accessible(pack, audience):
    with pikepdf.open(io.BytesIO(pack["data"][audience])) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root
        assert root.MarkInfo.Marked
        assert str(root.Lang) == "en-GB"
        assert "agenda pack" in str(pdf.docinfo.Title)
        assert pdf.open_metadata().get("dc:title")
        kinds = set()
        stack = [root.StructTreeRoot]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Dictionary):
                if "/S" in node:
                    kinds.add(str(node.S))
                kids = node.get("/K")
                if isinstance(kids, pikepdf.Array):
                    stack.extend(kids)
                elif isinstance(kids, pikepdf.Dictionary):
                    stack.append(kids)
        assert {"/H1", "/H2", "/TH", "/Table", "/P"} <= kinds
        # Every page's marked content points into the merged ParentTree.
        nums = root.StructTreeRoot.ParentTree.Nums
        keys = {int(nums[i]) for i in range(0, len(nums), 2)}
        for page in pdf.pages:
            if "/StructParents" in page.obj:
                assert int(page.obj.StructParents) in keys
        with pdf.open_outline() as outline:
            titles = [entry.title for entry in outline.root]
        assert titles[0] == "Agenda"
        for number in pack["rows"]["full"].page_ranges:
            assert any(title.startswith(f"{number}. ") for title in titles)


def test_downloads_follow_who_sees_what(pack):
    meeting = pack["meeting"]
    public_url = reverse("meetings:pack_public", args=[meeting.pk])
    full_url = reverse("meetings:pack_full", args=[meeting.pk])
    anonymous = Client()
    assert anonymous.get(public_url).status_code == 200
    assert anonymous.get(full_url).status_code == 404
    for role, sees_full in (("member", True), ("other", False), ("officer", True)):
        client = Client()
        client.force_login(pack["users"][role])
        assert client.get(public_url).status_code == 200
        assert client.get(full_url).status_code == (200 if sees_full else 404)
    page = anonymous.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    assert public_url in page and full_url not in page
    start, end = pack["rows"]["full"].page_ranges["3"]
    assert f"(Pages {start} - {end})" in page


def test_rebuild_reuses_renders(pack, django_capture_on_commit_callbacks):
    from meetings.packs.build import pack_build

    assert pack_build(meeting=pack["meeting"])[0].built_at == pack["rows"]["full"].built_at
    assert AgendaPack.objects.filter(meeting=pack["meeting"], status="ready").count() == 2


def _cached_renders() -> dict[str, Path]:
    from meetings.packs.build import CACHE_DIR

    return {path.stem: path for path in Path(settings.MEDIA_ROOT, CACHE_DIR).glob("*/*.pdf")}


def test_the_packs_name_the_cached_renders_they_were_assembled_from(pack):
    full, public = pack["rows"]["full"], pack["rows"]["public"]

    assert full.render_keys == public.render_keys
    # The blank page, the stamps' type sheet, a placeholder, the papers, the front sheet.
    assert len(full.render_keys) > 5
    assert set(full.render_keys) <= set(_cached_renders())


def test_pruning_the_render_cache_keeps_what_the_packs_use(pack):
    from io import StringIO

    from django.core.management import call_command

    from meetings.packs.build import CACHE_DIR, _cache_name

    used = set(pack["rows"]["full"].render_keys)
    stray = Path(settings.MEDIA_ROOT, _cache_name("ab" + "0" * 62))
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"%PDF-1.7 superseded render")
    month_ago = (NOW - datetime.timedelta(days=30)).timestamp()
    for path in _cached_renders().values():
        os.utime(path, (month_ago, month_ago))
    recent = Path(settings.MEDIA_ROOT, _cache_name("cd" + "0" * 62))
    recent.parent.mkdir(parents=True, exist_ok=True)
    recent.write_bytes(b"%PDF-1.7 a render of a build in progress")
    os.utime(recent, (NOW.timestamp(), NOW.timestamp()))
    out = StringIO()

    call_command("prune_pack_cache", stdout=out)

    left = set(_cached_renders())
    assert used <= left
    assert stray.stem not in left
    assert recent.stem in left  # younger than the seven days kept
    assert f"kept {len(left)}" in out.getvalue()
    assert Path(settings.MEDIA_ROOT, CACHE_DIR).is_dir()


def test_a_render_pruned_while_a_build_reads_the_cache_is_rendered_again(pack, monkeypatch):
    from django.core.files.storage import default_storage

    from meetings.packs.build import _cache_name, render_cached
    from meetings.packs.html import render_key

    html = (
        '<!doctype html><html lang="en-GB"><head><title>Pruned</title></head>'
        "<body><p>A render pruned between two looks at the cache</p></body></html>"
    )
    render_cached([html])
    Path(settings.MEDIA_ROOT, _cache_name(render_key(html))).unlink()
    # The build saw the render stored; the prune deleted it before the build read it.
    monkeypatch.setattr(default_storage, "exists", lambda name: True)

    [data] = render_cached([html])

    assert "pruned between two looks" in "".join(_pages(data))


def test_the_minutes_pdf_is_the_minutes_as_the_pack_prints_them(pack):
    previous = pack["meeting"].previous_held_meeting()
    url = reverse("meetings:pack_minutes", args=[previous.pk])
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "".join(_pages(b"".join(response.streaming_content)))
    assert "Minutes of the Meeting of Education Scrutiny Board" in text
    assert "Declarations of Interests" in text
    assert "(Meeting closed at 12.20 pm)" in text
    # No minutes for the meeting itself yet: nobody gets a PDF.
    assert (
        Client().get(reverse("meetings:pack_minutes", args=[pack["meeting"].pk])).status_code == 404
    )


def test_build_packs_command_writes_both_packs(pack, tmp_path):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("build_packs", pack["meeting"].pk, "--out", str(tmp_path), stdout=out)
    assert (tmp_path / "full.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "public.pdf").read_bytes().startswith(b"%PDF")
    start, end = pack["rows"]["full"].page_ranges["3"]
    assert f"Item 3: Pages {start} - {end}" in out.getvalue()


def test_a_build_request_marks_the_packs_and_the_task_builds_them(
    pack, django_capture_on_commit_callbacks
):
    from meetings.services import pack_build_request

    meeting = pack["meeting"]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        pack_build_request(meeting=meeting)
    assert set(AgendaPack.objects.filter(meeting=meeting).values_list("status", flat=True)) == {
        "building"
    }
    page = Client().get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    assert "The agenda pack is being rebuilt" in page
    assert reverse("meetings:pack_public", args=[meeting.pk]) in page  # the previous file
    for callback in callbacks:
        callback()  # the immediate task backend builds now
    assert set(AgendaPack.objects.filter(meeting=meeting).values_list("status", flat=True)) == {
        "ready"
    }


def test_packs_built_before_they_named_their_renders_are_built_again(pack):
    from meetings.packs.build import pack_build

    meeting = pack["meeting"]
    AgendaPack.objects.filter(meeting=meeting).update(render_keys=[])

    rows = pack_build(meeting=meeting)

    assert all(row.render_keys == pack["rows"]["full"].render_keys for row in rows)
    assert set(AgendaPack.objects.filter(meeting=meeting).values_list("status", flat=True)) == {
        "ready"
    }

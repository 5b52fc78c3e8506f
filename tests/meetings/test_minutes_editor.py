"""The minutes editor (issue 6): numbering, unique numbers, sanitised text, edit conflicts
and who may use it."""

import datetime
import re

import pytest
from django.urls import reverse

from boards.models import Council
from meetings.models import AgendaItem, Minute, Resolution
from tests.factories import AgendaItemFactory, MeetingFactory, MinuteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def june(board):
    """16 June 2016: minutes 1 to 6 of 2016/17, published."""
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 6, 16), published=True)
    for number in range(1, 7):
        MinuteFactory(meeting=meeting, number=number)
    return meeting


@pytest.fixture
def july(board, june):
    """21 July 2016, with the agenda the seeds show."""
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True)
    kinds = [
        (AgendaItem.Kind.APOLOGIES, "Apologies and Substitutions"),
        (AgendaItem.Kind.DECLARATIONS, "Declarations of Interests"),
        (AgendaItem.Kind.MINUTES, "Minutes"),
        (AgendaItem.Kind.REPORT, "Serious Case Review"),
        (AgendaItem.Kind.REPORT, "Early Help Strategy Progress Report"),
        (AgendaItem.Kind.REPORT, "Improvement Board Progress Review"),
        (AgendaItem.Kind.OUTSTANDING_ISSUES, "Outstanding Issues"),
        (AgendaItem.Kind.WORK_PROGRAMME, "Work Programme"),
        (AgendaItem.Kind.AOB, "Any Other Business"),
    ]
    for kind, title in kinds:
        AgendaItemFactory(meeting=meeting, kind=kind, title=title)
    return meeting


def _minute_post(number, title, **extra) -> dict:
    data = {
        "number": str(number),
        "title": title,
        "agenda_item": "",
        "body_html": "",
        "discussion_intro": "",
        "discussion_points": "",
        "requests_intro": "",
        "preamble": "RESOLVED that",
        "label_style": "numeric_dot",
        "version": "",
        "parts-TOTAL_FORMS": "1",
        "parts-INITIAL_FORMS": "0",
        "parts-0-text": "",
        "parts-0-bullets": "",
        "parts-0-tracker_kind": "",
        "requests-TOTAL_FORMS": "1",
        "requests-INITIAL_FORMS": "0",
        "requests-0-text": "",
        "requests-0-kind": "board_request",
        "requests-0-tracker_kind": "",
        "save": "1",
    }
    data.update({key: str(value) for key, value in extra.items()})
    return data


def test_starting_from_the_agenda_numbers_on_from_the_last_meeting(council, officer_client, july):
    response = officer_client.post(reverse("meetings:minutes_start", args=[july.pk]))

    assert response.status_code == 302
    minutes = list(july.minutes.order_by("number").values_list("number", "title"))
    assert minutes == [
        (7, "Declarations of Interests"),
        (8, "Minutes"),
        (9, "Serious Case Review"),
        (10, "Early Help Strategy Progress Report"),
        (11, "Improvement Board Progress Review"),
        (12, "Outstanding Issues"),
        (13, "Work Programme"),
        (14, "Any Other Business"),
    ]
    # Starting again adds nothing: every item has its minute.
    officer_client.post(reverse("meetings:minutes_start", args=[july.pk]))
    assert july.minutes.count() == 8


def test_numbering_restarts_in_a_new_municipal_year(council, officer_client, board, june):
    may_2017 = MeetingFactory(board=board, date=datetime.date(2017, 6, 15))

    page = officer_client.get(reverse("meetings:minute_add", args=[may_2017.pk]))

    assert page.context["form"].initial["number"] == 1


def test_continuous_numbering_carries_on_into_a_new_year(council, officer_client, board, june):
    council.minute_numbering = Council.MinuteNumbering.CONTINUOUS
    council.save()
    next_year = MeetingFactory(board=board, date=datetime.date(2017, 6, 15))

    page = officer_client.get(reverse("meetings:minute_add", args=[next_year.pk]))

    assert page.context["form"].initial["number"] == 7


def test_two_minutes_cannot_share_a_number_in_a_year(council, officer_client, june, july):
    response = officer_client.post(
        reverse("meetings:minute_add", args=[july.pk]), _minute_post(4, "Any Other Business")
    )

    assert response.status_code == 200
    assert "Minute 4 already exists for this board in 2016/17" in response.content.decode()
    assert response.context["form"].data["title"] == "Any Other Business"
    assert not july.minutes.exists()


def test_the_same_number_is_fine_in_another_year(council, officer_client, board, june):
    next_year = MeetingFactory(board=board, date=datetime.date(2017, 6, 15))

    response = officer_client.post(
        reverse("meetings:minute_add", args=[next_year.pk]), _minute_post(4, "Work Programme")
    )

    assert response.status_code == 302
    assert next_year.minutes.get().number == 4


def test_a_minute_is_saved_with_its_discussion_and_resolution(council, officer_client, july):
    item = july.items.get(title="Improvement Board Progress Review")
    data = _minute_post(
        11,
        "Improvement Board Progress Review",
        agenda_item=item.pk,
        body_html="Further to Minute 3/16 the Scrutiny Board noted a joint briefing note.",
        discussion_intro="The Scrutiny Board questioned officers on the following:",
        discussion_points="The new Chair of the Improvement Board\n- Recruitment\n\n",
        preamble="RESOLVED that the Board requested",
        label_style="alpha_paren",
        **{
            "parts-TOTAL_FORMS": "2",
            "parts-0-text": "The new Chair of the Improvement Board be invited",
            "parts-0-tracker_kind": "A",
            "parts-1-text": "A letter of thanks be sent to Mark Rogers",
            "parts-1-bullets": "first\nsecond",
            "parts-1-tracker_kind": "",
        },
    )

    response = officer_client.post(reverse("meetings:minute_add", args=[july.pk]), data)

    assert response.status_code == 302, response.context and response.context["form"].errors
    minute = july.minutes.get(number=11)
    assert minute.body_html == (
        "<p>Further to Minute 3/16 the Scrutiny Board noted a joint briefing note.</p>"
    )
    assert [p.text for p in minute.discussion_points.all()] == [
        "The new Chair of the Improvement Board",
        "Recruitment",
    ]
    resolution = Resolution.objects.get(minute=minute)
    assert resolution.preamble == "RESOLVED that the Board requested"
    parts = list(resolution.parts.all())
    assert [(p.label, p.tracker_kind) for p in parts] == [("a)", "A"), ("b)", "")]
    assert [b.text for b in parts[1].bullets.all()] == ["first", "second"]


def test_add_another_part_keeps_what_was_typed(council, officer_client, july):
    data = _minute_post(9, "Serious Case Review", **{"parts-0-text": "The first part"})
    del data["save"]
    data["add_part"] = "1"

    response = officer_client.post(reverse("meetings:minute_add", args=[july.pk]), data)

    assert response.status_code == 200
    parts = response.context["parts"]
    assert len(parts.forms) == 2
    assert parts.forms[0]["text"].value() == "The first part"
    assert not july.minutes.exists()


HOSTILE = (
    '<p onclick="steal()">Noted<script>alert(1)</script></p>'
    '<img src=x onerror="alert(2)"><a href="javascript:alert(3)">link</a>'
    '<iframe src="https://evil.example"></iframe><style>body{display:none}</style>'
)


def test_hostile_rich_text_is_cleaned_on_save_and_render(council, officer_client, public, july):
    response = officer_client.post(
        reverse("meetings:minute_add", args=[july.pk]),
        _minute_post(7, "Declarations of Interests", body_html=HOSTILE),
    )
    assert response.status_code == 302
    minute = july.minutes.get()

    for stored in (minute.body_html,):
        for bad in ("script", "onclick", "onerror", "javascript:", "iframe", "<style", "<img"):
            assert bad not in stored
    assert "Noted" in minute.body_html
    page = officer_client.get(july.get_absolute_url()).content.decode()
    section = page[page.index('id="minute-7"') :]
    for bad in ("<script>alert", "onclick", "onerror", "javascript:alert", "<iframe"):
        assert bad not in section


def test_the_narrative_is_the_documents_rich_text_editor(council, officer_client, july):
    response = officer_client.get(reverse("meetings:minute_add", args=[july.pk]))

    page = response.content.decode()
    # Progressive enhancement: a labelled textarea the editor script takes over.
    assert re.search(r'<textarea name="body_html"[^>]*data-rich-text', page)
    assert re.search(r'<label [^>]*for="id_body_html"', page)
    assert "js/document-editor.mjs" in page
    assert "css/document-editor.css" in page


def test_the_narrative_typed_without_the_editor_becomes_paragraphs(council, officer_client, july):
    response = officer_client.post(
        reverse("meetings:minute_add", args=[july.pk]),
        _minute_post(12, "Outstanding Issues", body_html="Costs & fees < 3\r\n\r\nSecond line"),
    )

    assert response.status_code == 302
    assert july.minutes.get().body_html == ("<p>Costs &amp; fees &lt; 3</p><p>Second line</p>")


def test_hostile_rich_text_is_shown_back_clean_when_the_form_has_errors(
    council, officer_client, july
):
    response = officer_client.post(
        reverse("meetings:minute_add", args=[july.pk]),
        _minute_post("", "Declarations of Interests", body_html=HOSTILE),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["number"]
    textarea = response.content.decode().split('name="body_html"', 1)[1].split("</textarea>")[0]
    assert "Noted" in textarea
    for bad in ("script", "onclick", "onerror", "javascript", "iframe", "style", "img"):
        assert bad not in textarea


def test_references_to_other_minutes_become_links(council, officer_client, june, july):
    MinuteFactory(
        meeting=july,
        number=11,
        title="Improvement Board Progress Review",
        body_html="<p>Further to Minute 3/16 the Scrutiny Board noted a note.</p>",
    )

    page = officer_client.get(july.get_absolute_url()).content.decode()

    target = reverse("meetings:meeting_detail", args=[june.pk]) + "#minute-3"
    assert f'<a class="govuk-link" href="{target}">Minute 3/16</a>' in page


def test_an_edit_conflict_is_reported_and_keeps_the_text(council, officer, officer_client, july):
    minute = MinuteFactory(meeting=july, number=9, title="Serious Case Review")
    edit = reverse("meetings:minute_edit", args=[july.pk, minute.pk])
    first = _minute_post(9, "Serious Case Review", version=minute.version, body_html="Mine first")
    second = _minute_post(
        9, "Serious Case Review", version=minute.version, body_html="My own careful words"
    )

    assert officer_client.post(edit, first).status_code == 302
    response = officer_client.post(edit, second)

    assert response.status_code == 409
    text = response.content.decode()
    assert "Someone else saved this minute while you were writing" in text
    assert "My own careful words" in text  # still in the form
    assert "Mine first" in text  # the saved version, shown
    minute.refresh_from_db()
    assert minute.body_html == "<p>Mine first</p>"
    # Saving again from the conflict page applies the user's text.
    again = response.context["form"].data.copy()
    assert officer_client.post(edit, again).status_code == 302
    minute.refresh_from_db()
    assert minute.body_html == "<p>My own careful words</p>"


@pytest.mark.parametrize("persona", ["public", "member_client", "coordinator_client"])
def test_only_officers_and_admins_reach_the_editor(request, council, july, persona):
    client = request.getfixturevalue(persona)
    minute = MinuteFactory(meeting=july, number=9)
    urls = [
        reverse("meetings:minutes_manage", args=[july.pk]),
        reverse("meetings:attendance_edit", args=[july.pk]),
        reverse("meetings:declaration_edit", args=[july.pk]),
        reverse("meetings:minute_add", args=[july.pk]),
        reverse("meetings:minute_edit", args=[july.pk, minute.pk]),
        reverse("meetings:minute_delete", args=[july.pk, minute.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in {302, 404}, url
        if response.status_code == 302:
            assert response.url.startswith(reverse("login"))
    for name in ("minutes_start", "minutes_publish"):
        response = client.post(reverse(f"meetings:{name}", args=[july.pk]))
        assert response.status_code in {302, 404}
    assert july.minutes.count() == 1
    july.refresh_from_db()
    assert july.minutes_published_at is None


def test_admins_reach_the_editor(council, admin_client, july):
    assert admin_client.get(reverse("meetings:minutes_manage", args=[july.pk])).status_code == 200


def test_draft_minutes_are_invisible_to_the_public(council, public, member_client, july):
    MinuteFactory(meeting=july, number=9, title="Serious Case Review", body_html="<p>SECRET</p>")

    for client in (public, member_client):
        page = client.get(july.get_absolute_url()).content.decode()
        assert "SECRET" not in page
        assert "Serious Case Review" in page  # the agenda item title is public
    assert Minute.objects.visible_to(None).count() == 0


def test_the_editor_names_each_field_once(council, officer_client, july):
    """A field rendered twice posts twice, and the second (stale) value would win."""
    import re

    minute = MinuteFactory(meeting=july, number=9)

    html = officer_client.get(reverse("meetings:minute_edit", args=[july.pk, minute.pk]))

    names = re.findall(r'<(?:input|select|textarea)[^>]* name="([^"]+)"', html.content.decode())
    names = [name for name in names if name != "csrfmiddlewaretoken"]
    assert len(names) == len(set(names)), sorted(names)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("4.00 pm", datetime.time(16, 0)),
        ("12.20pm", datetime.time(12, 20)),
        ("4pm", datetime.time(16, 0)),
        ("16:00", datetime.time(16, 0)),
        ("12 am", datetime.time(0, 0)),
    ],
)
def test_the_closing_time_is_read_as_the_seeds_write_it(
    council, officer_client, public, july, typed, expected
):
    response = officer_client.post(
        reverse("meetings:minutes_closed_at", args=[july.pk]), {"closed_at": typed}
    )

    assert response.status_code == 302
    july.refresh_from_db()
    assert july.closed_at == expected


def test_a_time_that_is_not_one_is_refused(council, officer_client, july):
    response = officer_client.post(
        reverse("meetings:minutes_closed_at", args=[july.pk]), {"closed_at": "teatime"}
    )

    assert response.status_code == 200
    assert response.context["has_errors"]
    assert "Enter a time like &quot;4.00 pm&quot; or &quot;16:00&quot;" in response.content.decode()
    assert 'value="teatime"' in response.content.decode()
    july.refresh_from_db()
    assert july.closed_at is None


def test_the_minutes_end_with_the_closing_time(council, officer_client, july):
    MinuteFactory(meeting=july, number=14, title="Any Other Business")
    officer_client.post(reverse("meetings:minutes_closed_at", args=[july.pk]), {"closed_at": "4pm"})

    page = officer_client.get(july.get_absolute_url()).content.decode()

    assert "(Meeting closed at 4.00 pm)" in page


def test_a_minute_can_be_deleted(council, officer_client, july):
    minute = MinuteFactory(meeting=july, number=9)
    url = reverse("meetings:minute_delete", args=[july.pk, minute.pk])

    assert officer_client.get(url).status_code == 200
    assert officer_client.post(url).status_code == 302
    assert not july.minutes.exists()


def test_a_minute_of_another_meeting_is_not_found(council, officer_client, july, june):
    other = june.minutes.first()

    response = officer_client.get(reverse("meetings:minute_edit", args=[july.pk, other.pk]))

    assert response.status_code == 404

"""The pages read like the seeds: the demo's 17 October 2024 minutes and 28 November 2024
agenda (recommendations/demo/, from the Coventry packs)."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from meetings.models import Document, Meeting

pytestmark = pytest.mark.django_db

EDUCATION = "education-and-childrens-services-scrutiny-board-2"


@pytest.fixture
def demo(db) -> None:
    with override_settings(DEBUG=True):
        call_command("load_demo", stdout=io.StringIO())


def meeting(day: datetime.date) -> Meeting:
    return Meeting.objects.get(board__slug=EDUCATION, date=day)


def test_the_demo_pages_read_like_the_seeds(public, officer_client, demo):
    """One test, so the demo is loaded once (it takes seconds)."""
    text = public.get(meeting(datetime.date(2024, 10, 17)).get_absolute_url()).text

    assert "held at 10.00 am on Thursday, 17 October 2024" in text
    assert "Councillor CE Thomas (Chair)" in text
    assert "Councillor J Lepoidevin (substitute for Councillor Gardiner)" in text
    assert "Councillor P Seaman, Cabinet Member for Children and Young People" in text
    assert "Children&#x27;s Services: H Bedford, M Clayton, N Stirling" in text
    assert "Councillors J Gardiner and A Tucker" in text
    assert "45. Family Valued and Reunification Project" in text
    assert "RESOLVED that the Scrutiny Board:-" in text
    assert "The Scrutiny Board requested:-" in text
    assert "(Meeting closed at 12.20 pm)" in text

    # The 28 November 2024 agenda: item 10's exempt paper is hidden from the public.
    page = meeting(datetime.date(2024, 11, 28)).get_absolute_url()
    exempt = Document.objects.filter(is_restricted=True, agenda_item__number=10).first()

    text = public.get(page).text
    assert "10.</span>" in text and "Homes for Children in Care - Update Report" in text
    assert "By virtue of paragraph(s) 1, 3 of Part 1 of Schedule 12A" in text
    assert exempt.get_absolute_url() not in text
    assert exempt.get_absolute_url() in officer_client.get(page).text

    # The work programme dates its sections by the 2024/25 meetings.
    url = reverse("boards:work_programme", args=[EDUCATION])

    text = public.get(url, {"year": "2024/25"}).text

    assert "12th September 24 - cancelled" in text
    assert "13th March 25 PM (moved from 27th March 25)" in text
    assert "Items for 2025-26" in text
    assert "Items taken for information" in text

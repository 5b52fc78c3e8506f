"""manage.py load_demo: the facts of Coventry's three agenda packs, loaded once per class."""

import datetime
import io
import json

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase, override_settings
from django.utils import timezone

from boards.models import Board, Council, Membership, MunicipalYear, Person, User, Venue
from meetings.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Document,
    DocumentAuthor,
    Meeting,
    MinuteRequest,
    Resolution,
    ResolutionPart,
    WorkProgramme,
    WorkProgrammeItem,
)
from meetings.services import agenda_renumber
from recommendations.models import TrackerItem, TrackerItemReport

EDUCATION = "education-and-childrens-services-scrutiny-board-2"
FINANCE = "finance-and-corporate-services-scrutiny-board-1"
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
d = datetime.date


def load_demo() -> str:
    out = io.StringIO()
    with override_settings(DEBUG=True, PASSWORD_HASHERS=FAST_HASHER):
        call_command("load_demo", "--accounts", stdout=out)
    return out.getvalue()


def meeting(day: datetime.date, board: str = EDUCATION) -> Meeting:
    return Meeting.objects.get(board__slug=board, date=day)


def person(surname: str, initials: str) -> Person:
    return Person.objects.get(surname=surname, initials=initials)


def snapshot() -> dict[str, list[str]]:
    """Every row of every model of the three apps (history and M2M tables too) and auth."""
    rows = {}
    for label in ["boards", "meetings", "recommendations", "auth"]:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            rows[model._meta.label] = sorted(
                json.dumps(row, sort_keys=True, default=str)
                for row in model._default_manager.values()
            )
    return rows


class LoadDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.output = load_demo()

    # Council, years and board --------------------------------------------------

    def test_the_council_settings_are_coventrys(self) -> None:
        council = Council.load()
        self.assertEqual(council.name, "Coventry City Council")
        self.assertEqual(council.address, "Council House, Coventry")
        self.assertEqual(
            council.public_attendance_url, "https://www.coventry.gov.uk/publicAttendanceMeetings"
        )
        self.assertIn("publicAttendanceMeetings", council.text_public_access)

    def test_the_house_style_is_the_2024_one(self) -> None:
        # Seed 004: one note naming the contact, no accessibility boilerplate, and
        # "held on 17th October 2024." (the 2016 style is in recommendations/demo/council.py).
        council = Council.load()
        self.assertEqual(
            council.text_agenda_notes,
            "The person to contact about the agenda and documents for this meeting is {contact}",
        )
        self.assertEqual(council.text_accessibility, "")
        self.assertEqual(council.format("minutes_item", d(2024, 10, 17)), "17th October 2024")

    def test_the_hearing_loop_notice_belongs_to_committee_rooms_2_and_3(self) -> None:
        rooms = Venue.objects.get(room="Committee Rooms 2 and 3")
        self.assertEqual(
            rooms.accessibility_notes,
            "Please note: a hearing loop is available in the committee rooms",
        )
        self.assertEqual(Venue.objects.get(room="Diamond Room 2").accessibility_notes, "")

    def test_municipal_years_run_may_to_may(self) -> None:
        year = MunicipalYear.objects.get(label="2016/17")
        self.assertEqual((year.start_date, year.end_date), (d(2016, 5, 1), d(2017, 4, 30)))
        self.assertTrue(
            {"2015/16", "2016/17", "2024/25", "2025/26"}
            <= set(MunicipalYear.objects.values_list("label", flat=True))
        )

    def test_the_board_keeps_a_tracker_and_gennie_holmes_coordinates_it(self) -> None:
        board = Board.objects.get(slug=EDUCATION)
        self.assertEqual(board.name, "Education and Children's Services Scrutiny Board (2)")
        self.assertEqual(board.number, 2)
        self.assertTrue(board.keeps_tracker)
        self.assertEqual(board.scrutiny_coordinator.full_name, "Gennie Holmes")
        self.assertEqual(board.standard_items.count(), 5)

    # Memberships -----------------------------------------------------------------

    def test_the_chair_in_2024_25_is_councillor_ce_thomas(self) -> None:
        chair = Membership.objects.get(
            board__slug=EDUCATION, role=Membership.Role.CHAIR, start_date=d(2024, 5, 1)
        )
        self.assertEqual(chair.person.formal_name, "Councillor CE Thomas")

    def test_the_2016_17_membership_has_15_entries_with_3_co_opted_and_3_by_invitation(
        self,
    ) -> None:
        memberships = Membership.objects.filter(board__slug=EDUCATION).on(d(2016, 9, 15))
        roles = list(memberships.values_list("role", flat=True))
        self.assertEqual(len(roles), 15)
        self.assertEqual(roles.count(Membership.Role.CO_OPTED), 3)
        self.assertEqual(roles.count(Membership.Role.BY_INVITATION), 3)
        self.assertEqual(memberships.get(role=Membership.Role.CHAIR).person.short_name, "M Mutton")

    def test_the_2024_25_membership_has_12_members_and_2_by_invitation_with_capacity(
        self,
    ) -> None:
        memberships = Membership.objects.filter(board__slug=EDUCATION).on(d(2024, 11, 28))
        self.assertEqual(memberships.voting().count(), 12)
        invited = memberships.filter(role=Membership.Role.BY_INVITATION)
        self.assertEqual(
            {(m.person.short_name, m.capacity) for m in invited},
            {
                ("K Sandhu", "Cabinet Member for Education and Skills"),
                ("P Seaman", "Cabinet Member for Children and Young People"),
            },
        )
        self.assertEqual(person("Vohra", "G").formal_name, "Mr G Vohra")

    def test_the_2015_16_membership_is_what_the_14_april_2016_attendance_shows(self) -> None:
        memberships = Membership.objects.filter(board__slug=EDUCATION).on(d(2016, 4, 14))
        self.assertEqual(memberships.count(), 15)
        self.assertEqual(memberships.filter(role=Membership.Role.CO_OPTED).count(), 3)

    # Meetings --------------------------------------------------------------------

    def test_the_2016_17_calendar_has_ten_meetings(self) -> None:
        year = MunicipalYear.objects.get(label="2016/17")
        dates = list(
            Meeting.objects.filter(board__slug=EDUCATION, municipal_year=year).values_list(
                "date", flat=True
            )
        )
        self.assertEqual(len(dates), 10)
        self.assertEqual(dates[-1], d(2017, 4, 6))
        self.assertEqual(meeting(d(2016, 6, 16)).start_time, datetime.time(15, 30))

    def test_the_12_september_2024_meeting_was_cancelled(self) -> None:
        self.assertEqual(meeting(d(2024, 9, 12)).status, Meeting.Status.CANCELLED)

    def test_the_13_march_2025_meeting_was_moved_from_27_march_2025(self) -> None:
        moved = meeting(d(2025, 3, 13))
        self.assertEqual(moved.status, Meeting.Status.MOVED)
        self.assertEqual(moved.moved_from_date, d(2025, 3, 27))
        self.assertEqual(moved.session_label, "PM")

    def test_each_seed_agenda_was_published_five_clear_working_days_ahead(self) -> None:
        for day, published in [
            (d(2016, 6, 16), d(2016, 6, 8)),
            (d(2016, 9, 15), d(2016, 9, 7)),
            (d(2024, 11, 28), d(2024, 11, 20)),
        ]:
            with self.subTest(meeting=day):
                record = meeting(day)
                self.assertEqual(timezone.localdate(record.agenda_published_at), published)
                self.assertEqual(record.clear_working_days_given(published), 5)

    def test_every_published_agenda_gave_at_least_five_clear_working_days(self) -> None:
        for record in Meeting.objects.published():
            with self.subTest(meeting=record):
                published = timezone.localdate(record.agenda_published_at)
                self.assertGreaterEqual(record.clear_working_days_given(published), 5)

    def test_later_meetings_are_left_unpublished(self) -> None:
        self.assertFalse(meeting(d(2025, 1, 16)).is_published)
        self.assertFalse(meeting(d(2025, 2, 5), board=FINANCE).is_published)

    def test_the_signatories_are_as_the_packs_print_them(self) -> None:
        self.assertEqual(meeting(d(2016, 6, 16)).signatory.holder.full_name, "Chris West")
        self.assertIsNone(meeting(d(2016, 9, 15)).signatory)
        self.assertEqual(meeting(d(2024, 11, 28)).signatory.title, "Chief Legal Officer")
        self.assertEqual(meeting(d(2024, 11, 28)).contact_officer.full_name, "Tom Robinson")

    def test_minutes_are_approved_at_the_next_held_meeting(self) -> None:
        for minutes_of, agreed_at in [
            (d(2016, 4, 14), d(2016, 6, 16)),
            (d(2016, 6, 16), d(2016, 7, 21)),
            (d(2024, 7, 11), d(2024, 10, 17)),
        ]:
            with self.subTest(minutes_of=minutes_of):
                self.assertEqual(meeting(minutes_of).minutes_approved_at, meeting(agreed_at))
        self.assertEqual(meeting(d(2024, 10, 17)).previous_held_meeting(), meeting(d(2024, 7, 11)))
        self.assertEqual(meeting(d(2024, 10, 17)).minutes_status, "published")

    # Agendas ---------------------------------------------------------------------

    def test_the_28_november_2024_agenda_has_ten_items_and_item_10_is_private(self) -> None:
        items = list(meeting(d(2024, 11, 28)).items.all())
        self.assertEqual([item.number for item in items], list(range(1, 11)))
        private = items[9]
        self.assertEqual(private.section, AgendaItem.Section.PRIVATE)
        self.assertEqual(private.exempt_paragraphs, (1, 3))
        self.assertEqual(private.public_counterpart, items[6])
        self.assertEqual(private.title, items[6].title)
        self.assertEqual(
            private.report_of_line, "Briefing Note of the Director of Children and Education"
        )

    def test_item_3_of_28_november_2024_is_the_exclusion_of_press_and_public(self) -> None:
        exclusion = meeting(d(2024, 11, 28)).items.get(number=3)
        self.assertEqual(exclusion.kind, AgendaItem.Kind.EXCLUSION)
        self.assertEqual(exclusion.title, "Exclusion of Press and Public")

    def test_the_2016_agendas_have_their_items_and_no_private_business(self) -> None:
        self.assertEqual(meeting(d(2016, 6, 16)).items.count(), 8)
        self.assertEqual(meeting(d(2016, 9, 15)).items.count(), 9)
        self.assertFalse(meeting(d(2016, 9, 15)).has_private_business)
        evaluation = meeting(d(2016, 6, 16)).items.get(number=8)
        self.assertEqual(evaluation.kind, AgendaItem.Kind.MEETING_EVALUATION)

    def test_the_minutes_item_names_the_meeting_whose_minutes_are_agreed(self) -> None:
        minutes_item = meeting(d(2016, 9, 15)).items.get(number=3)
        self.assertEqual(
            [f"{sub.label} {sub.text}" for sub in minutes_item.sub_items.all()],
            [
                "a) To agree the minutes of the meeting held on 21st July, 2016",
                "b) Matters Arising",
            ],
        )

    def test_report_of_lines_name_a_post_and_a_document_type(self) -> None:
        june = meeting(d(2016, 6, 16))
        self.assertEqual(
            june.items.get(number=4).report_of_line,
            "Briefing Note of the Executive Director for People",
        )
        self.assertEqual(
            june.items.get(number=5).report_of_line, "Report of the Scrutiny Co-ordinator"
        )
        self.assertEqual(
            june.items.get(number=6).report_of_line,
            "Briefing Note of the Scrutiny Co-ordinator (attached)",
        )

    def test_the_agendas_are_already_in_the_order_agenda_renumber_gives(self) -> None:
        for record in Meeting.objects.filter(items__isnull=False).distinct():
            with self.subTest(meeting=record):
                before = list(record.items.values_list("pk", "number"))
                agenda_renumber(meeting=record)
                self.assertEqual(list(record.items.values_list("pk", "number")), before)

    def test_work_programme_items_link_agenda_items_across_title_changes(self) -> None:
        item = meeting(d(2024, 11, 28)).items.get(number=7)
        self.assertEqual(
            item.work_programme_item.title, "Cost of Children's Placements (Update Report)"
        )

    # Documents -------------------------------------------------------------------

    def test_each_report_has_a_briefing_note_with_numbered_sections(self) -> None:
        note = meeting(d(2016, 9, 15)).items.get(number=4).documents.get(parent=None)
        self.assertEqual(note.title, "Progress on Stepping Up and Stepping Down social care cases")
        self.assertEqual(note.heading, "Briefing note")
        self.assertIn("1 Purpose of the Note", note.body_html)
        self.assertIn("2 Recommendations", note.body_html)
        self.assertEqual(note.appendices.get().title, "Flow Chart")

    def test_the_stepping_up_note_of_15_september_2016_has_three_authors_in_order(
        self,
    ) -> None:
        note = meeting(d(2016, 9, 15)).items.get(number=4).documents.get(parent=None)
        self.assertEqual(
            [(author.name, author.job_title) for author in note.authors.all()],
            [
                ("Nancy Meehan", "Head of Children's Social Care"),
                ("Fran Doyle", "Head of Early Help and Prevention"),
                ("John Gregg", "Director of Children's Services"),
            ],
        )
        gregg = note.authors.get(position=3)
        self.assertEqual(gregg.person, Person.objects.get(forenames="John", surname="Gregg"))
        self.assertEqual(note.appendices.get().authors.count(), 0)

    def test_authors_known_to_the_demo_are_linked_to_their_person(self) -> None:
        for author in DocumentAuthor.objects.filter(person__isnull=False):
            with self.subTest(author=author):
                self.assertEqual(author.person.full_name, author.name)
        holmes = Person.objects.get(forenames="Gennie", surname="Holmes")
        self.assertEqual(DocumentAuthor.objects.filter(person=holmes).count(), 2)
        sen = DocumentAuthor.objects.get(name="Sukriti Sen")
        self.assertEqual(sen.person, Person.objects.get(forenames="Sukriti", surname="Sen"))

    def test_the_2024_haf_note_names_adrian_coles_with_his_e_mail(self) -> None:
        note = meeting(d(2024, 11, 28)).items.get(number=5).documents.get(parent=None)
        coles = note.authors.get()
        self.assertEqual(
            (coles.name, coles.job_title, coles.contact),
            ("Adrian Coles", "Education Programme Manager", "Adrian.Coles@coventry.gov.uk"),
        )
        self.assertEqual(coles.person.surname, "Coles")

    def test_no_paper_writes_an_authors_section_into_its_body(self) -> None:
        for document in Document.objects.all():
            with self.subTest(document=document):
                self.assertNotIn("Authors", document.body_html)

    def test_every_demo_document_has_a_document_date(self) -> None:
        documents = Document.objects.select_related("agenda_item__meeting")
        self.assertTrue(documents.exists())
        for document in documents:
            with self.subTest(document=document):
                self.assertIsNotNone(document.document_date)
                self.assertEqual(document.document_date, document.agenda_item.meeting.date)

    def test_item_10_has_three_restricted_documents_under_paragraphs_1_and_3(self) -> None:
        documents = meeting(d(2024, 11, 28)).items.get(number=10).documents.all()
        self.assertEqual(len(documents), 3)
        for document in documents:
            self.assertTrue(document.is_restricted)
            self.assertEqual(document.exempt_paragraphs, (1, 3))

    def test_restricted_papers_are_seen_by_members_of_their_board_only(self) -> None:
        exempt = Document.objects.filter(is_restricted=True)
        education = exempt.filter(agenda_item__meeting__board__slug=EDUCATION)
        finance = exempt.filter(agenda_item__meeting__board__slug=FINANCE)
        member = User.objects.get(username="member")
        other_member = User.objects.get(username="other-member")
        officer = User.objects.get(username="officer")
        self.assertEqual(set(education.visible_to(member)), set(education))
        self.assertFalse(finance.visible_to(member).exists())
        self.assertEqual(set(finance.visible_to(other_member)), set(finance))
        self.assertFalse(education.visible_to(other_member).exists())
        self.assertFalse(exempt.visible_to(None).exists())
        self.assertEqual(exempt.visible_to(officer).count(), 4)

    # Attendance and declarations ---------------------------------------------------

    def test_lancaster_substituted_for_lucas_on_21_july_2016(self) -> None:
        attendance = meeting(d(2016, 7, 21)).attendances.get(person__surname="Lancaster")
        self.assertEqual(attendance.substitute_for, person("Lucas", "A"))
        self.assertTrue(
            meeting(d(2016, 7, 21)).attendances.apologies().filter(person__surname="Lucas").exists()
        )

    def test_lepoidevin_substituted_for_gardiner_on_17_october_2024(self) -> None:
        attendance = meeting(d(2024, 10, 17)).attendances.get(person__surname="Lepoidevin")
        self.assertEqual(attendance.substitute_for, person("Gardiner", "J"))

    def test_every_member_was_present_or_sent_apologies(self) -> None:
        for day in [d(2016, 7, 21), d(2024, 10, 17)]:
            with self.subTest(meeting=day):
                record = meeting(day)
                members = set(
                    Membership.objects.filter(board=record.board)
                    .on(day)
                    .voting()
                    .values_list("person", flat=True)
                )
                present = set(
                    record.attendances.present()
                    .filter(category__in=["member", "co_opted"], substitute_for__isnull=True)
                    .values_list("person", flat=True)
                )
                absent = set(record.attendances.apologies().values_list("person", flat=True))
                self.assertEqual(present | absent, members)
                self.assertFalse(present & absent)

    def test_the_21_july_2016_attendance_lists_guests_and_officers(self) -> None:
        attendances = meeting(d(2016, 7, 21)).attendances
        self.assertEqual(attendances.filter(category=Attendance.Category.INVITED).count(), 3)
        self.assertEqual(attendances.filter(category=Attendance.Category.OFFICER).count(), 7)
        leader = attendances.get(person__surname="Duggins")
        self.assertEqual(leader.description, "Leader Coventry City Council")
        holmes = attendances.get(person__surname="Holmes")
        self.assertEqual(holmes.org_unit.name, "Resources Directorate")

    def test_mr_vohra_noted_a_non_registrable_interest_on_17_october_2024(self) -> None:
        declaration = Declaration.objects.get(meeting=meeting(d(2024, 10, 17)))
        self.assertEqual(declaration.person, person("Vohra", "G"))
        self.assertEqual(declaration.kind, Declaration.Kind.NON_REGISTRABLE)
        self.assertEqual(declaration.agenda_item.title, "Child Friendly Cov")

    # Minutes and resolutions -------------------------------------------------------

    def test_the_minutes_of_each_meeting_are_numbered_as_printed(self) -> None:
        for day, numbers in [
            (d(2016, 4, 14), range(69, 77)),
            (d(2016, 6, 16), range(1, 7)),
            (d(2016, 7, 21), range(7, 15)),
            (d(2024, 10, 17), range(43, 49)),
        ]:
            with self.subTest(meeting=day):
                minutes = meeting(day).minutes.all()
                self.assertEqual([m.number for m in minutes], list(numbers))
                for record in minutes:
                    self.assertEqual(record.board_id, record.meeting.board_id)
                    self.assertEqual(record.municipal_year_id, record.meeting.municipal_year_id)

    def test_the_17_october_2024_minutes_are_numbered_43_to_48(self) -> None:
        numbers = list(meeting(d(2024, 10, 17)).minutes.values_list("number", flat=True))
        self.assertEqual(numbers, [43, 44, 45, 46, 47, 48])

    def test_the_21_july_2016_minutes_are_numbered_7_to_14_and_cite_as_n_16(self) -> None:
        minutes = list(meeting(d(2016, 7, 21)).minutes.all())
        self.assertEqual([m.number for m in minutes], list(range(7, 15)))
        self.assertEqual(minutes[2].title, "Serious Case Review")
        self.assertEqual(minutes[2].reference, "9/16")
        self.assertEqual(minutes[2].agenda_item.number, 4)

    def test_ten_minutes_carry_a_resolution(self) -> None:
        self.assertEqual(Resolution.objects.count(), 10)

    def test_resolution_labels_keep_each_minutes_style(self) -> None:
        def labels(day: datetime.date, number: int) -> list[str]:
            record = meeting(day).minutes.get(number=number)
            return list(record.resolution.parts.values_list("label", flat=True))

        self.assertEqual(labels(d(2016, 7, 21), 9), ["1.", "2."])
        self.assertEqual(labels(d(2016, 7, 21), 11), ["a)", "b)"])
        self.assertEqual(labels(d(2016, 4, 14), 71), ["1)", "2)", "3)"])
        self.assertEqual(labels(d(2024, 10, 17), 45), ["1)", "2)", "3)", "4)", "5)", "6)"])
        eleven = meeting(d(2016, 7, 21)).minutes.get(number=11).resolution
        self.assertEqual(eleven.preamble, "RESOLVED that the Board requested")

    def test_minute_45_part_4_has_3_bullets_and_minute_46_part_2_has_7(self) -> None:
        october = meeting(d(2024, 10, 17))
        part_45_4 = ResolutionPart.objects.get(
            resolution__minute__meeting=october, resolution__minute__number=45, position=4
        )
        part_46_2 = ResolutionPart.objects.get(
            resolution__minute__meeting=october, resolution__minute__number=46, position=2
        )
        self.assertEqual(part_45_4.bullets.count(), 3)
        self.assertEqual(part_46_2.bullets.count(), 7)

    def test_minutes_record_what_the_board_discussed(self) -> None:
        serious_case_review = meeting(d(2016, 7, 21)).minutes.get(number=9)
        self.assertEqual(serious_case_review.discussion_points.count(), 6)
        family_valued = meeting(d(2024, 10, 17)).minutes.get(number=45)
        self.assertEqual(family_valued.discussion_points.count(), 14)

    def test_the_14_april_2016_minute_72_has_five_officer_undertakings(self) -> None:
        record = meeting(d(2016, 4, 14)).minutes.get(number=72)
        self.assertEqual(
            record.requests_intro,
            "Officers agreed to provide further information to Members on the following:",
        )
        requests = list(record.requests.all())
        self.assertEqual(
            {request.kind for request in requests}, {MinuteRequest.Kind.OFFICER_UNDERTAKING}
        )
        self.assertEqual([request.label for request in requests], ["1.", "2.", "3.", "4.", "5."])
        self.assertEqual(requests[0].text, "Analysis of Barnardos return home interviews")
        self.assertEqual(
            requests[4].text,
            "The age breakdown for children entering care without an order (section 20)",
        )
        self.assertNotIn("Officers agreed", record.body_html)
        self.assertFalse(hasattr(record, "resolution"))

    def test_the_17_october_2024_minute_46_has_four_board_requests(self) -> None:
        record = meeting(d(2024, 10, 17)).minutes.get(number=46)
        self.assertEqual(record.requests_intro, "The Scrutiny Board requested:-")
        requests = list(record.requests.all())
        self.assertEqual(len(requests), 4)
        for request in requests:
            self.assertEqual(request.kind, MinuteRequest.Kind.BOARD_REQUEST)
            self.assertEqual(request.label, "")
        self.assertEqual(
            requests[0].text, "That all Members be offered Child Friendly Cov badges and stickers"
        )
        self.assertEqual(
            requests[3].text,
            "That the link with details of all of the Safe Spaces be circulated to Members of "
            "the Scrutiny Board",
        )
        self.assertNotIn("requested:-", record.body_html)
        self.assertEqual(record.resolution.parts.count(), 3)

    def test_only_minutes_72_of_2016_and_46_of_2024_record_requests(self) -> None:
        self.assertEqual(MinuteRequest.objects.count(), 9)
        self.assertEqual(
            set(MinuteRequest.objects.values_list("minute__number", "minute__meeting__date")),
            {(72, d(2016, 4, 14)), (46, d(2024, 10, 17))},
        )

    # Tracker -----------------------------------------------------------------------

    def test_the_21_july_2016_meeting_produced_8_tracker_items_1_r_5_a_2_i(self) -> None:
        items = TrackerItem.objects.filter(source_meeting=meeting(d(2016, 7, 21)))
        kinds = list(items.values_list("kind", flat=True))
        self.assertEqual(len(kinds), 8)
        self.assertEqual((kinds.count("R"), kinds.count("A"), kinds.count("I")), (1, 5, 2))
        statuses = list(items.values_list("status", flat=True))
        self.assertEqual(statuses.count(TrackerItem.Status.COMPLETE), 4)
        self.assertEqual(statuses.count(TrackerItem.Status.IN_PROGRESS), 2)
        self.assertEqual(statuses.count(TrackerItem.Status.OPEN), 2)

    def test_tracker_items_link_the_resolution_parts_they_came_from(self) -> None:
        items = list(TrackerItem.objects.filter(source_meeting=meeting(d(2016, 7, 21))))
        self.assertEqual([item.position for item in items], list(range(1, 9)))
        from_narrative = [item.position for item in items if item.resolution_part is None]
        self.assertEqual(from_narrative, [2, 4])
        for item in items:
            if item.resolution_part:
                self.assertEqual(item.resolution_part.tracker_kind, item.kind)
                self.assertEqual(item.resolution_part.resolution.minute, item.minute)
        self.assertEqual(items[4].resolution_part.label, "2.")
        self.assertEqual(items[6].officer_contacts.count(), 2)
        self.assertEqual(items[0].responses.count(), 2)
        self.assertEqual(items[0].completed_on, d(2016, 7, 26))
        self.assertEqual([item for item in items if item.minute_request_id], [])

    def test_the_15_september_2016_report_showed_all_eight_items(self) -> None:
        september = meeting(d(2016, 9, 15))
        shown = TrackerItemReport.objects.filter(meeting=september)
        self.assertEqual(shown.count(), 8)
        for report in shown:
            self.assertEqual(report.status_shown, report.tracker_item.status)
        self.assertEqual(TrackerItem.objects.for_report(september).count(), 8)

    # Work programmes -----------------------------------------------------------------

    def test_the_work_programme_2024_25_has_19_items(self) -> None:
        programme = WorkProgramme.objects.get(
            board__slug=EDUCATION, municipal_year__label="2024/25"
        )
        self.assertEqual(programme.items.count(), 19)
        self.assertEqual(programme.last_updated, d(2024, 11, 20))
        sections = list(programme.items.values_list("section", flat=True))
        self.assertEqual(sections.count(WorkProgrammeItem.Section.MEETING), 12)
        self.assertEqual(sections.count(WorkProgrammeItem.Section.THIS_YEAR), 4)
        self.assertEqual(sections.count(WorkProgrammeItem.Section.NEXT_YEAR), 1)
        self.assertEqual(sections.count(WorkProgrammeItem.Section.FOR_INFORMATION), 2)

    def test_the_work_programme_2016_17_has_17_dated_8_progress_and_11_proposed_items(
        self,
    ) -> None:
        programme = WorkProgramme.objects.get(
            board__slug=EDUCATION, municipal_year__label="2016/17"
        )
        sections = list(programme.items.values_list("section", flat=True))
        self.assertEqual(sections.count(WorkProgrammeItem.Section.MEETING), 17)
        self.assertEqual(sections.count(WorkProgrammeItem.Section.PROGRESS_REPORTS), 8)
        self.assertEqual(sections.count(WorkProgrammeItem.Section.PROPOSED), 11)
        staying_put = programme.items.get(title="Staying Put Arrangements and Policy")
        self.assertEqual(staying_put.meeting, meeting(d(2016, 9, 15)))
        self.assertEqual(staying_put.lead_text, "John Gregg Jivan Sembi Cllr Ruane")

    # Accounts and idempotence ----------------------------------------------------------

    def test_the_demo_accounts_have_one_role_each(self) -> None:
        users = {user.username: user for user in User.objects.all()}
        self.assertEqual(set(users), {"officer", "coordinator", "admin", "member", "other-member"})
        self.assertFalse(users["member"].is_staff)
        self.assertEqual(users["member"].person.formal_name, "Councillor CE Thomas")
        self.assertTrue(users["admin"].is_superuser)
        self.assertTrue(users["officer"].has_perm("meetings.change_meeting"))
        self.assertTrue(users["coordinator"].has_perm("recommendations.change_trackeritem"))
        self.assertFalse(users["coordinator"].has_perm("meetings.change_meeting"))
        self.assertTrue(users["officer"].check_password("demo-officer-2024"))
        self.assertIn("demo-officer-2024", self.output)
        self.assertEqual(Group.objects.count(), 2)

    def test_accounts_are_refused_when_debug_is_off(self) -> None:
        with override_settings(DEBUG=False), self.assertRaises(CommandError):
            call_command("load_demo", "--accounts", stdout=io.StringIO())

    def test_running_load_demo_again_changes_nothing(self) -> None:
        before = snapshot()
        for label in ["meetings.DocumentAuthor", "meetings.MinuteRequest"]:
            with self.subTest(model=label):
                self.assertTrue(before[label], f"{label} is loaded and in the snapshot")
        load_demo()
        after = snapshot()
        self.assertEqual(
            {label: len(rows) for label, rows in after.items()},
            {label: len(rows) for label, rows in before.items()},
        )
        self.assertEqual(after, before)

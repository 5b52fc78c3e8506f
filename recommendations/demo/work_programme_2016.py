"""Scrutiny Work Programme 2016/17 as the 15 September 2016 pack prints it, with the moves
since the draft of 16 June 2016. Titles, details and lead cells are as printed."""

import datetime

from meetings.models import WorkProgrammeItem
from recommendations.demo.education_board import SLUG
from recommendations.demo.loading import Loaded, load_moves, load_work_programme, wp

d = datetime.date
Origin = WorkProgrammeItem.Origin
Status = WorkProgrammeItem.Status

STANDING = (
    "A standing item as agreed by Council reporting progress against the areas identified in "
    "the improvement notice."
)


def improvement_board(key: str, title: str, lead: str = "") -> dict:
    return wp(key, title, STANDING, lead, origin=Origin.STANDING_ITEM, standing=True)


SECTIONS = [
    (
        d(2016, 6, 16),
        Status.CONSIDERED,
        [
            wp(
                "2016-recruitment-retention",
                "Recruitment and Retention of Social Work Staff (task and finish group)",
                "Members wanted to look in depth at the recruitment of social workers including "
                "consideration of reasons for lack of interest in previous recruitment campaigns "
                "and remuneration and responsibility levels of social workers. To include "
                "reputational factors as well.",
                "John Gregg Cllr Ruane",
                origin=Origin.RESOLUTION,
                requested_at=d(2016, 4, 14),
            ),
            improvement_board(
                "2016-ib-11-may", "Improvement Board - 11 May 2016", "John Gregg Cllr Ruane"
            ),
        ],
    ),
    (
        d(2016, 7, 21),
        Status.CONSIDERED,
        [
            wp(
                "2016-scr",
                "SCR",
                "The Board will consider recommendations from a serious case review.",
                "Janet Mokades Cllr Ruane",
            ),
            wp(
                "2016-early-help",
                "Early Help Strategy",
                "To receive a progress report on the Early Help Strategy including the "
                "Strengthening Families. Also to include hard to engage families (see SCR "
                "recommendations)",
                "John Gregg Fran Doyle Cllr Ruane",
            ),
            improvement_board(
                "2016-ib-22-june", "Improvement Board - 22 June 16", "John Gregg Cllr Ruane"
            ),
        ],
    ),
    (
        d(2016, 9, 15),
        Status.SCHEDULED,
        [
            wp(
                "2016-stepping-up",
                "'Stepping Up' and 'Stepping Down' Process for Social Care cases.",
                "Following the Boards consideration of the SCR on Baby C Members requested more "
                "information on the new processes implemented as a result of the recommendations",
                "John Gregg Fran Doyle Nancy Meehan Cllr Ruane",
                origin=Origin.MEMBER_REQUEST,
            ),
            wp(
                "2016-quality-assurance",
                "Quality Assurance Auditing",
                "Following the Boards consideration of the SCR on Baby C Members requested more "
                "information on the auditing of case work to ensure consistency and quality of "
                "practice",
                "John Gregg Terri Cartwright Cllr Ruane",
                origin=Origin.MEMBER_REQUEST,
            ),
            wp(
                "2016-staying-put",
                "Staying Put Arrangements and Policy",
                "To look in more detail at the Staying Put Policy, involving representation from "
                "the Foster Carers Association. The report should cover promotion of the policy "
                "with young people, children social work support at 18, financial support to "
                "Foster Carers. The Voice of the Child Task and Finish Group raised the issue of "
                "independence training and the Chair suggested that it be looked at separately.",
                "John Gregg Jivan Sembi Cllr Ruane",
            ),
        ],
    ),
    (
        d(2016, 10, 13),
        Status.SCHEDULED,
        [
            wp(
                "2016-supervision",
                "Supervision of Social Care Staff recommendations",
                "A progress report on the recommendations accepted by the Cabinet Member on "
                "14/4/16",
                "John Gregg Cllr Ruane",
                origin=Origin.RESOLUTION,
                requested_at=d(2016, 4, 14),
            ),
            wp(
                "2016-teen-pregnancy",
                "Teen pregnancy and PSHE in schools",
                "To consider what schools are doing to support the Teenage Pregnancy Strategy and "
                "how the Council is supporting them",
                "Kirston Nelson, Nadia Ingliss Judith Simmonds Cllr Maton",
            ),
            wp(
                "2016-health-visiting",
                "Health Visiting Contract",
                "Members wanted to know more about the current health visiting contract "
                "particularly Health Visitors involvement in CAF's.",
                "Cllr Ruane Jane Moore",
                origin=Origin.MEMBER_REQUEST,
            ),
            improvement_board("2016-ib-14-september", "Improvement Board Report – 14 September 16"),
        ],
    ),
    (
        d(2016, 12, 8),
        Status.SCHEDULED,
        [improvement_board("2016-ib-2-november", "Improvement Board Report – 2 November 16")],
    ),
    (
        d(2017, 1, 12),
        Status.SCHEDULED,
        [
            wp(
                "2016-education-performance",
                "Education Performance Report",
                "An annual report with the headline performance data from schools, including "
                "vulnerable groups including children educated out of school and excluded pupils.",
                origin=Origin.ANNUAL_REPORT,
            ),
            improvement_board("2016-ib-14-december", "Improvement Board Report – 14 December 16"),
        ],
    ),
    (
        d(2017, 2, 9),
        Status.SCHEDULED,
        [improvement_board("2016-ib-25-january", "Improvement Board Report – 25 January 17")],
    ),
    (
        d(2017, 3, 9),
        Status.SCHEDULED,
        [
            wp(
                "2016-scr-monitoring",
                "Monitoring of SCR recommendations from 15/16",
                "The Board wanted to know how the outcomes of recommendations from SCR's are "
                "monitored and whether implemented recommendations have been effective in "
                "protecting children",
                "Cat Parker",
                origin=Origin.MEMBER_REQUEST,
            ),
        ],
    ),
    (
        WorkProgrammeItem.Section.PROGRESS_REPORTS,
        Status.FOR_INFORMATION,
        [
            wp(
                "2016-adoption-agency",
                "Changes to adoption agency – progress report",
                "A regional adoption agency has been established. Members wanted a progress "
                "report and information on performance",
                "John Gregg Cllr Ruane",
                origin=Origin.MEMBER_REQUEST,
            ),
            wp(
                "2016-uasc",
                "Unaccompanied Asylum Seeking Children - briefing note",
                "Members requested to be kept up to date on numbers of UASC in the city and "
                "services to support them",
                "John Gregg",
                origin=Origin.MEMBER_REQUEST,
                requested_at=d(2016, 4, 14),
            ),
            wp(
                "2016-lscb-annual-report",
                "LSCB Annual report",
                "The annual report of the local safeguarding children's board",
                origin=Origin.ANNUAL_REPORT,
            ),
            wp(
                "2016-yos",
                "Youth Offending Service – progress report",
                "An update on progress of the Youth Offending Service",
                "Angie Parks Cllr Ruane",
            ),
            wp(
                "2016-fdac",
                "Family Drugs and Alcohol Court – progress report",
                "Progress on the work of the FDAC",
                "John Gregg",
            ),
            wp(
                "2016-mash",
                "MASH update - progress report 12 Jan 17",
                "Following the meeting in January 2016, Members requested a further progress "
                "update, particularly in relation to the recommendations made.",
                origin=Origin.MEMBER_REQUEST,
            ),
            wp(
                "2016-workforce-strategy",
                "Children's Social Care Workforce Strategy – progress report 9 Feb17",
                "Following the introduction of the Workforce Strategy at their meeting on 25 "
                "February, Members requested a further progress report",
                "John Gregg Cllr Ruane",
                origin=Origin.MEMBER_REQUEST,
            ),
            wp(
                "2016-early-help-progress",
                "Early Help Strategy",
                "Members requested further progress reports following their meeting on 21st July "
                "2016",
                "John Gregg Cllr Ruane",
                origin=Origin.RESOLUTION,
                requested_at=d(2016, 7, 21),
            ),
        ],
    ),
    (
        WorkProgrammeItem.Section.PROPOSED,
        Status.PROPOSED,
        [
            wp(
                "2016-voices-of-care",
                "Voices of Care",
                "Members requested regular updates on the work and benefits of the Voices of Care "
                "Council, including the results of surveys with LAC",
                "Sheila Bates",
                origin=Origin.MEMBER_REQUEST,
            ),
            wp(
                "2016-school-transport",
                "Consultation on proposed changes to the school transport service.",
                "Following the change in timescales to implementation of changes Members "
                "requested that the Board considers the new proposals as part of the new "
                "consultation process.",
                "Jeanette Essex Cllr Maton",
                origin=Origin.MEMBER_REQUEST,
            ),
            wp(
                "2016-young-carers",
                "Young Carers",
                "Referred from the Corporate Parenting Board, to look at support offered to "
                "children and young people who are carers, especially those that are children in "
                "need, child protection or who come into care because of the health of their "
                "parents.",
                "Suzanne Lawlor – Carers Strategy",
                origin=Origin.REFERRAL,
            ),
            wp(
                "2016-serious-case-reviews",
                "Serious Case reviews",
                "The Board will consider recommendations from serious case reviews when they are "
                "published. To also include Wisteria Lodge investigation.",
                "Cat Parker/Hardeep Walker Cllr Ruane/Janet Mokades",
            ),
            wp(
                "2016-commissioned-services",
                "Commissioned Services including Residential Care",
                "Members requested further information about commissioned services and how "
                "contracts are awarded and monitored, including Barnardo's. Members requested "
                "information on residential care provided by both the local authority and "
                "commissioned services",
                "John Gregg/Sally Giles Cllr Ruane",
                origin=Origin.RESOLUTION,
                requested_at=d(2016, 4, 14),
            ),
            wp(
                "2016-camhs",
                "CAMHS",
                "A follow up and progress report on work done with SB5 last year, especially in "
                "terms of prescription drug use. Also a task and finish group to investigate why "
                "there significantly high number of referrals through CAMHS on the ASD pathway.",
                "Jacqueline Barnes",
                origin=Origin.RESOLUTION,
                requested_at=d(2016, 4, 14),
            ),
            wp(
                "2016-academisation",
                "Academisation Programme",
                "The Board wanted to consider the implications of the Government white paper and "
                "the proposals for all schools to become academies by 2020.",
                "Kirston Nelson Cllr Maton",
                origin=Origin.RESOLUTION,
                requested_at=d(2016, 4, 14),
            ),
            wp(
                "2016-short-breaks",
                "Short Breaks Review",
                "To look in more detail at the provision of short breaks for disabled children",
                "John Gregg Cllr Ruane",
            ),
            wp(
                "2016-police-panels",
                "School based police panels",
                "A report on how the police are supporting improving behaviour in schools and "
                "tackling anti-social behaviour in partnership",
                "Kirston Nelson Cllr Maton",
            ),
            wp(
                "2016-prevent",
                "Prevent in schools",
                "To look in more detail how the Prevent agenda is being delivered in schools",
                "Kirston Nelson Cllr Maton",
            ),
            # On the summary page only; the detail table has no row for it.
            wp("2016-scr-child-f", "SCR – Child F"),
        ],
    ),
]

# Differences between the draft of 16 June 2016 and the programme of 15 September 2016,
# dated by the pack that first shows them (published 7 September 2016).
SHOWN_ON = d(2016, 9, 7)
PROPOSED = WorkProgrammeItem.Section.PROPOSED
PROGRESS_REPORTS = WorkProgrammeItem.Section.PROGRESS_REPORTS
MOVES = [
    {
        "item": "2016-recruitment-retention",
        "from": d(2016, 7, 21),
        "to": d(2016, 6, 16),
        "note": "Taken on 16 June 2016 as agenda item 5, not on 21 July as the draft had it.",
    },
    {
        "item": "2016-staying-put",
        "from": PROPOSED,
        "to": d(2016, 9, 15),
        "note": "Scheduled; the draft called it Staying Put Policy and Preparation for "
        "Leaving Care.",
    },
    {"item": "2016-teen-pregnancy", "from": PROPOSED, "to": d(2016, 10, 13), "note": "Scheduled."},
    {"item": "2016-health-visiting", "from": PROPOSED, "to": d(2016, 10, 13), "note": "Scheduled."},
    {
        "item": "2016-mash",
        "from": d(2017, 1, 12),
        "to": PROGRESS_REPORTS,
        "note": "To be reported by exception.",
    },
    {
        "item": "2016-workforce-strategy",
        "from": d(2017, 2, 9),
        "to": PROGRESS_REPORTS,
        "note": "To be reported by exception.",
    },
]


def load(ctx: Loaded) -> None:
    load_work_programme(
        ctx,
        SLUG,
        "2016/17",
        title="Scrutiny Work Programme 2016/17",
        sections=SECTIONS,
    )
    load_moves(ctx, SLUG, MOVES, moved_on=SHOWN_ON)

"""Work Programme 2024-25 as the 28 November 2024 pack prints it (last updated
20 November 2024). Titles, details and lead cells are as printed."""

import datetime

from meetings.models import WorkProgrammeItem
from recommendations.demo.education_board import SLUG
from recommendations.demo.loading import Loaded, load_work_programme, wp

d = datetime.date
Origin = WorkProgrammeItem.Origin
Status = WorkProgrammeItem.Status
Section = WorkProgrammeItem.Section

SECTIONS = [
    (
        d(2024, 7, 11),
        Status.CONSIDERED,
        [
            wp(
                "2024-early-years",
                "Early Years Strategy",
                "Following a report on the Early Years Strategy, Members requested a further "
                "item including progress on and more detail on the Saplings Programme, as well "
                "as strategies to support reading in the early years. To invite Chair of SB5",
                "Rachael Sugars Cllr Sandhu",
                origin=Origin.MEMBER_REQUEST,
            ),
        ],
    ),
    (
        d(2024, 10, 17),
        Status.CONSIDERED,
        [
            wp(
                "2024-family-valued",
                "Family Valued and Reunification Project",
                "A progress and impact report",
                "Cllr Seaman Sukriti Sen",
            ),
            wp(
                "2024-child-friendly-cov",
                "Child-friendly Cov",
                "A progress and impact report on the Child Friendly Coventry project",
                "Cllr Seaman Sukriti Sen",
            ),
        ],
    ),
    (
        d(2024, 11, 28),
        Status.SCHEDULED,
        [
            wp(
                "2024-placements",
                "Cost of Children's Placements (Update Report)",
                "At their meeting on 23rd November 2023, Member requested an update item to "
                "report on progress in addressing the cost of placements",
                "Sukriti Sen Cllr Seaman",
                origin=Origin.MEMBER_REQUEST,
            ),
            wp(
                "2024-haf",
                "HAF Update",
                "To consider progress on delivering the HAF programme",
                "Adrian Coles Cllr Sandhu",
            ),
            wp(
                "2024-social-workers",
                "Social Worker Recruitment and Retention",
                "A progress update following the previous item in November 2024 – to consider "
                "how the use of agency staff has been reduced. To also include work being done "
                "to reduce sickness and support the well-being of staff.",
                "Sukriti Sen Cllr Seaman",
                origin=Origin.RESOLUTION,
                requested_at=d(2024, 10, 17),
            ),
        ],
    ),
    (
        d(2025, 1, 16),
        Status.SCHEDULED,
        [
            wp(
                "2024-safeguarding-report",
                "Safeguarding Board Annual Report",
                origin=Origin.ANNUAL_REPORT,
            ),
            wp(
                "2024-peer-challenge",
                "Children's LGA Peer Challenge",
                "To consider the recommendations from the LGA Peer Challenge on Children's "
                "Services",
                "Cllr Seaman Sukriti Sen",
            ),
        ],
    ),
    (
        d(2025, 2, 13),
        Status.SCHEDULED,
        [
            wp("2024-school-performance", "School Performance"),
            wp(
                "2024-attendance",
                "Attendance – changes to statutory guidance",
                "",
                "Rachael Sugars Cllr Sandhu",
            ),
        ],
    ),
    (
        d(2025, 3, 13),
        Status.SCHEDULED,
        [
            wp(
                "2024-send",
                "SEND Strategy",
                "Following on from an item on 18th April 2024 the Board requested an update to be "
                "circulated to the Board",
                "Cllr Sandhu Jeannette Essex",
                origin=Origin.MEMBER_REQUEST,
            ),
            wp(
                "2024-sufficiency",
                "Sufficiency – Early Years, Mainstream and SEND",
                "To tie in with the Cabinet Report due in February. To provide previous report as "
                "background from 18/4/24",
                "Rachael Sugars Cllr Sandhu",
                origin=Origin.EXECUTIVE,
            ),
        ],
    ),
    (
        Section.THIS_YEAR,
        Status.PROPOSED,
        [
            wp(
                "2024-family-health",
                "Family Health and Lifestyles Service – health inequalities",
                "To looking in more detail at how the service is tackling health inequalities "
                "and targeting services at those in need on a localised basis. School nurse "
                "provision.",
                "Harbir Nagra Cllr Caan",
            ),
            wp(
                "2024-youth-provision",
                "Youth Provision in Coventry",
                "How and where we work with outside partners (and specifically the third sector) "
                "to deliver it",
                "Sukriti Sen Cllr Seaman",
            ),
            wp(
                "2024-health-wellbeing-schools",
                "Health and Wellbeing in Schools",
                "To look at what is being done to promote health and well-being in schools and "
                "universities – including the school nursing service",
            ),
            wp(
                "2024-early-help",
                "Early Help",
                "To include workforce plans and placements for apprenticeships etc",
                "Sukriti Sen Cllr Seaman",
            ),
        ],
    ),
    (
        Section.NEXT_YEAR,
        Status.DEFERRED,
        [
            # "17/7/24" is printed; the meeting that asked was on 11 July 2024.
            wp(
                "2024-early-years-next-year",
                "Early Years Strategy",
                "To come in 2025 and to include progress on actions requested on 17/7/24 re: oral "
                "and dental health",
                "R Sugars Cllr Sandhu",
                origin=Origin.MEMBER_REQUEST,
                requested_at=d(2024, 7, 11),
            ),
        ],
    ),
    (
        Section.FOR_INFORMATION,
        Status.FOR_INFORMATION,
        [
            wp(
                "2024-adoption-report",
                "Adoption Service Annual Reports – November",
                "Annual report – including information about the diversity of the adoption panel "
                "and adopters as well as support to birth mothers after their children have been "
                "adopted",
                "Cllr Seaman",
                origin=Origin.ANNUAL_REPORT,
            ),
            wp(
                "2024-fostering-report",
                "Fostering Annual Report - November",
                "For Members to consider whether a full item is required",
                "Cllr Seaman",
                origin=Origin.ANNUAL_REPORT,
            ),
        ],
    ),
]


def load(ctx: Loaded) -> None:
    load_work_programme(
        ctx,
        SLUG,
        "2024/25",
        title="Education and Children's Services Scrutiny Board (2) Work Programme 2024-25",
        last_updated=d(2024, 11, 20),
        intro="Please see page 2 onwards for background to items",
        sections=SECTIONS,
    )

"""The board in 2024/25: meetings, agendas, attendance and minutes.

Source: the pack for 28 November 2024, with the minutes of 17 October 2024 (43-48). The
agenda of 17 October 2024 is rebuilt from its minutes' headings, and that of 11 July 2024
from the work programme.
"""

import datetime

from meetings.models import AgendaItem, Declaration, Meeting
from recommendations.demo import documents_2024 as docs
from recommendations.demo import tracker_2024, work_programme_2024
from recommendations.demo.education_board import AOB, SLUG
from recommendations.demo.loading import (
    Loaded,
    apologies,
    approve_minutes,
    board_requests,
    item,
    load_agenda,
    load_attendance,
    load_declarations,
    load_meetings,
    load_minutes,
    minute,
    part,
    present,
    resolved,
)
from recommendations.demo.text import paragraphs

d = datetime.date
t = datetime.time
Kind = AgendaItem.Kind
ROOM = "diamond-room"
CHILDREN_AND_EDUCATION = ("briefing_note", "Director of Children and Education")


def meeting(day: datetime.date, **details: object) -> dict:
    return {
        "date": day,
        "time": t(10),
        "venue": ROOM,
        "contact": "robinson",
        "signatory": "Chief Legal Officer",
        **details,
    }


MEETINGS = [
    meeting(
        d(2024, 7, 11),
        status=Meeting.Status.HELD,
        published=d(2024, 7, 3),
        minutes_published=d(2024, 10, 9),
    ),
    meeting(d(2024, 9, 12), status=Meeting.Status.CANCELLED),
    meeting(
        d(2024, 10, 17),
        status=Meeting.Status.HELD,
        published=d(2024, 10, 9),
        closed_at=t(12, 20),
        minutes_published=d(2024, 11, 20),
    ),
    meeting(d(2024, 11, 28), published=d(2024, 11, 20)),
    meeting(d(2025, 1, 16)),
    meeting(d(2025, 2, 13)),
    # "13th March 25 PM (moved from 27th March 25)": the afternoon start time is assumed.
    meeting(
        d(2025, 3, 13),
        time=t(14),
        session_label="PM",
        status=Meeting.Status.MOVED,
        moved_from=d(2025, 3, 27),
    ),
    meeting(d(2025, 4, 17)),
]

# 12 September 2024 was cancelled, so 17 October agreed the minutes of 11 July.
APPROVALS = {d(2024, 7, 11): d(2024, 10, 17)}

APOLOGIES_ITEM = item(1, Kind.APOLOGIES, "Apologies and Substitutions")
DECLARATIONS_ITEM = item(2, Kind.DECLARATIONS, "Declarations of Interests")
WORK_PROGRAMME_BY = ("briefing_note", "Director of Law and Governance")


def minutes_item(number: int, held_on: str) -> dict:
    return item(
        number,
        Kind.MINUTES,
        "Minutes",
        sub=(f"a) To agree the minutes of the meeting held on {held_on}.", "b) Matters Arising"),
    )


AGENDAS = {
    d(2024, 7, 11): [
        APOLOGIES_ITEM,
        DECLARATIONS_ITEM,
        minutes_item(3, "18th April 2024"),
        item(4, Kind.REPORT, "Early Years Strategy", wp="2024-early-years"),
        item(5, Kind.WORK_PROGRAMME, "Work Programme", by=WORK_PROGRAMME_BY),
        item(6, Kind.AOB, "Any Other Business", description=AOB),
    ],
    d(2024, 10, 17): [
        APOLOGIES_ITEM,
        DECLARATIONS_ITEM,
        minutes_item(3, "11th July 2024"),
        item(
            4,
            Kind.REPORT,
            "Family Valued and Reunification Project",
            by=CHILDREN_AND_EDUCATION,
            wp="2024-family-valued",
        ),
        item(
            5,
            Kind.REPORT,
            "Child Friendly Cov",
            by=CHILDREN_AND_EDUCATION,
            wp="2024-child-friendly-cov",
        ),
        # Minute 47: "a report of the Director of Law and Governance".
        item(
            6,
            Kind.WORK_PROGRAMME,
            "Work Programme",
            by=("report", "Director of Law and Governance"),
        ),
        item(7, Kind.AOB, "Any Other Business", description=AOB),
    ],
    d(2024, 11, 28): [
        APOLOGIES_ITEM,
        DECLARATIONS_ITEM,
        item(
            3,
            Kind.EXCLUSION,
            "Exclusion of Press and Public",
            description="To consider whether to exclude the press and public for the item(s) "
            "of private business for the reasons shown in the report.",
        ),
        minutes_item(4, "17th October 2024"),
        item(
            5,
            Kind.REPORT,
            "Coventry Holiday Activities and Food Programme",
            by=CHILDREN_AND_EDUCATION,
            wp="2024-haf",
            documents=(docs.HOLIDAY_ACTIVITIES,),
        ),
        item(
            6,
            Kind.REPORT,
            "Social Worker Recruitment and Retention - Workforce Update",
            by=CHILDREN_AND_EDUCATION,
            wp="2024-social-workers",
            documents=(docs.SOCIAL_WORKERS,),
        ),
        item(
            7,
            Kind.REPORT,
            "Homes for Children in Care - Update Report",
            by=CHILDREN_AND_EDUCATION,
            wp="2024-placements",
            documents=(docs.HOMES,),
        ),
        item(8, Kind.WORK_PROGRAMME, "Work Programme", by=WORK_PROGRAMME_BY),
        item(9, Kind.AOB, "Any Other Business", description=AOB),
        item(
            10,
            Kind.REPORT,
            "Homes for Children in Care - Update Report",
            by=CHILDREN_AND_EDUCATION,
            private=(1, 3),
            counterpart=7,
            wp="2024-placements",
            documents=(docs.EXEMPT_NOTE,),
        ),
    ],
}

CHILDRENS = {"org_unit": "Children's Services"}
LAW = {"org_unit": "Law and Governance"}

ATTENDANCE = {
    d(2024, 10, 17): [
        present("thomas-ce", "member", chair=True),
        present("birdi", "member"),
        present("christopher", "member"),
        present("lancaster", "member"),
        present("lepoidevin", "member", substitute_for="gardiner"),
        present("nazir", "member"),
        present("reeves", "member"),
        present("thay", "member"),
        present("hanson", "co_opted"),
        present("jackson", "co_opted"),
        present("vohra", "co_opted"),
        present(
            "seaman", "other_member", description="Cabinet Member for Children and Young People"
        ),
        present("bedford", "officer", **CHILDRENS),
        present("clayton", "officer", **CHILDRENS),
        present("stirling", "officer", **CHILDRENS),
        present("bennett", "officer", **LAW),
        present("holmes", "officer", **LAW),
        present("veness", "officer", **LAW),
        apologies("gardiner"),
        apologies("tucker"),
    ],
}

DECLARATIONS = {
    d(2024, 10, 17): [
        {
            "person": "vohra",
            "kind": Declaration.Kind.NON_REGISTRABLE,
            "item": 5,
            "interest": "Member of the Safe Spaces Stakeholder Group.",
        }
    ],
}

ISSUES = (
    "The Scrutiny Board asked questions, received answers, sought assurance and made comments "
    "on a number of issues including:-"
)
TO_THE_BOARD = "RESOLVED that the Scrutiny Board:-"

MINUTES = {
    d(2024, 10, 17): [
        minute(
            43,
            "Declarations of Interests",
            paragraphs(
                "There were no disclosable pecuniary interests.",
                "Further to Minute 46 below, the Scrutiny Board noted that Mr Vohra is a member "
                "of the Safe Spaces Stakeholder Group.",
            ),
            item=2,
        ),
        minute(
            44,
            "Minutes",
            paragraphs(
                "The Minutes of the meeting held on 11 July, 2024 were agreed and signed as a "
                "true record.",
                "The information on dental health requested at that meeting had been circulated.",
            ),
            item=3,
        ),
        minute(
            45,
            "Family Valued and Reunification Project",
            paragraphs(
                "The Board considered a Briefing Note of the Director of Children and Education, "
                "with a presentation, on the impact of Coventry Family Valued since April 2021, "
                "including the Reunification Project, and on next steps now that the national "
                "programme's grant has ended.",
                "Fewer children have needed to be in care year on year, but rising placement "
                "costs meant the expected savings did not come and several funded posts were "
                "cut. The Board thanked officers for their work.",
            ),
            item=4,
            intro=ISSUES,
            points=(
                "Weekly placement costs, and the savings from placements in the council's own "
                "homes; more on placement costs would come to the next meeting",
                "The effect of losing funded posts on the service and on the staff who remain",
                "Checks and monitoring before and after a child goes home to their family",
                "Sharing good practice with the Leeds Relational Practice Centre",
                "What happens when a reunited family moves away from the city",
                "How staff took to the new way of working, and the training behind it",
                "Understanding the city's diversity, and hearing every child apart from their "
                "family",
                "The work done to understand each family",
                "The costs of intervention",
                "Safeguarding work with schools",
                "The effect on the service when children change school after an appeal",
                "Court costs",
                "How a reunification begins, with the child's needs first",
                "The wellbeing of staff in teams that have shrunk",
            ),
            resolution=resolved(
                TO_THE_BOARD,
                "numeric_paren",
                part(
                    "Notes the Briefing Note in conjunction with the “Coventry Family Valued "
                    "Impact Report and Next-Steps”."
                ),
                part(
                    "Notes, welcomes and supports the current progress and impact for children, "
                    "young people and their families."
                ),
                part(
                    "Notes the challenges highlighted in relation to financial sustainability "
                    "post funding and how this has been addressed."
                ),
                part(
                    "Requests that the following information be circulated to the Scrutiny Board:-",
                    bullets=(
                        "The ethnic profile of children involved in the Reunification Project",
                        "Costs of different levels of intervention per child if not included in "
                        "the Peer Challenge report",
                        "Information in relation to the impact on the service of children "
                        "changing schools following successful school appeals and the service "
                        "then having to build new relationships with professionals at the new "
                        "school",
                    ),
                ),
                part(
                    "Requests that sickness levels of staff be included when the Scrutiny Board "
                    "considers Social Worker Recruitment and Retention at a future meeting."
                ),
                part(
                    "Requests that the Scrutiny Board's thanks and appreciation for all of the "
                    "work in this regard be forward to all appropriate officers via a letter to "
                    "the Cabinet Member for Children and Young People."
                ),
            ),
        ),
        minute(
            46,
            "Child Friendly Cov",
            paragraphs(
                "The Board considered a Briefing Note of the Director of Children and Education "
                "on Child Friendly Cov, launched in February 2023 with five pledges for the "
                "city's children and young people. The One Big Voice survey of 2024 shaped seven "
                "priorities for 2024/2025."
            ),
            item=5,
            intro="The Scrutiny Board asked questions, received answers, sought assurances and "
            "made comments on a number of issues including:-",
            points=(
                "Where Safe Spaces are, including fast food outlets, and adding more",
                "Whether licensed premises could be Safe Spaces",
                "The survey, and encouraging secondary schools to take part next time",
                "Including children who are not in school or are educated at home",
                "The work and membership of the Child Friendly Cov stakeholder group",
                "Using the Child Friendly Cov logo as a “Kitemark” in schools",
                "Working with primary and secondary headteachers",
                "Taking part in Local Democracy Week",
            ),
            requests_intro="The Scrutiny Board requested:-",
            # Verbatim, "when its available" included.
            requests=board_requests(
                "That all Members be offered Child Friendly Cov badges and stickers",
                "That the link to the new Child Friendly Cov video be circulated to all Members "
                "and co-opted Members of the Scrutiny Board when its available",
                "That the Chair of the Scrutiny Board be invited to future Safe Spaces "
                "Stakeholders meetings",
                "That the link with details of all of the Safe Spaces be circulated to Members "
                "of the Scrutiny Board",
            ),
            resolution=resolved(
                TO_THE_BOARD,
                "numeric_paren",
                part(
                    "Notes the Briefing Note in conjunction with the “Child Friendly Cov Impact "
                    "Report 2023/24” and welcomes and supports the current progress and impact "
                    "for children and young people"
                ),
                part(
                    "Requests that the following Recommendations be forward to the Cabinet "
                    "Member for Children and Young People :-",
                    bullets=(
                        "That consideration be given to other types of food outlets, including "
                        "food hubs, and community centres and libraries being included in Safe "
                        "Spaces",
                        "That Home Educators be included and involved in all future work in this "
                        "regard, particularly the survey",
                        "That Secondary schools be further encouraged to participate in future "
                        "survey and consideration be given to providing incentives to "
                        "participate",
                        "That consideration be given to licensed premises being included in Safe "
                        "Spaces",
                        "That the possibility of using the Child Friendly Cov logo as a "
                        "“Kitemark” in schools be investigated",
                        "That the engagement with Primary and Secondary Heads be welcomed and "
                        "continued",
                        "That consideration be given to participation in Local Democracy Week "
                        "particularly visiting Parliament by members of the Pupil Parliament.",
                    ),
                ),
                part(
                    "That the Scrutiny Board’s thanks and appreciation for all of the work "
                    "undertaken in this regard be forward to all appropriate officers via a "
                    "letter to the Cabinet Member for Children and Young People."
                ),
            ),
        ),
        minute(
            47,
            "Work Programme",
            paragraphs(
                "The Board noted the report of the Director of Law and Governance with the work "
                "programme for the rest of the municipal year."
            ),
            item=6,
        ),
        minute(
            48,
            "Any Other Items of Public Business",
            paragraphs("There were no items of urgent public business."),
            item=7,
        ),
    ],
}


def load(ctx: Loaded) -> None:
    load_meetings(ctx, SLUG, MEETINGS)
    work_programme_2024.load(ctx)
    for day, items in AGENDAS.items():
        record = ctx.meeting(SLUG, day)
        agenda = load_agenda(ctx, record, items)
        load_attendance(ctx, record, ATTENDANCE.get(day, []))
        load_declarations(ctx, record, agenda, DECLARATIONS.get(day, []))
        load_minutes(record, agenda, MINUTES.get(day, []))
    approve_minutes(ctx, SLUG, APPROVALS)
    tracker_2024.load(ctx)

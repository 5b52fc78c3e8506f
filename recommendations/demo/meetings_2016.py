"""The board in 2015/16 and 2016/17: meetings, agendas, attendance and minutes.

Sources: the packs for 16 June 2016 (with the minutes of 14 April 2016) and 15 September
2016 (with the minutes of 21 July 2016). The agendas of 14 April and 21 July 2016 are
rebuilt from their minutes' headings; the minutes of 16 June 2016 (1-6) are inferred from
its agenda and from later references ("Minute 3/16", "Minute 4/16").
"""

import datetime

from meetings.models import AgendaItem, Meeting
from recommendations.demo import documents_2016 as docs
from recommendations.demo import tracker_2016, work_programme_2016
from recommendations.demo.education_board import AOB, SLUG
from recommendations.demo.loading import (
    Loaded,
    apologies,
    approve_minutes,
    item,
    load_agenda,
    load_attendance,
    load_meetings,
    load_minutes,
    minute,
    part,
    present,
    resolved,
    single,
    undertakings,
)
from recommendations.demo.text import paragraphs

d = datetime.date
t = datetime.time
Kind = AgendaItem.Kind
HELD = Meeting.Status.HELD
ROOMS = "committee-rooms"
SIGNED_BY = "Executive Director, Resources"
SCR_POST = "Serious Case Review (SCR) Co-ordinator for Adult and Children's Safeguarding Boards"


def later(day: datetime.date) -> dict:
    """A meeting of the 2016/17 calendar with no pack in the seeds."""
    return {"date": day, "time": t(14), "venue": ROOMS, "contact": "rose"}


MEETINGS = [
    {
        "date": d(2016, 4, 14),
        "time": t(14),
        "venue": ROOMS,
        "status": HELD,
        "contact": "rose",
        "signatory": SIGNED_BY,
        "published": d(2016, 4, 6),
        "closed_at": t(16),
        "minutes_published": d(2016, 6, 8),
    },
    {
        "date": d(2016, 6, 16),
        "time": t(15, 30),
        "venue": ROOMS,
        "status": HELD,
        "contact": "rose",
        "signatory": SIGNED_BY,
        "published": d(2016, 6, 8),
        "minutes_published": d(2016, 7, 13),
    },
    {
        "date": d(2016, 7, 21),
        "time": t(14),
        "venue": ROOMS,
        "status": HELD,
        "contact": "rose",
        "signatory": SIGNED_BY,
        "published": d(2016, 7, 13),
        "closed_at": t(16),
        "minutes_published": d(2016, 9, 7),
    },
    # The pack of 15 September 2016 prints no signatory.
    {
        "date": d(2016, 9, 15),
        "time": t(14),
        "venue": ROOMS,
        "contact": "rose",
        "published": d(2016, 9, 7),
    },
    later(d(2016, 10, 13)),
    later(d(2016, 11, 10)),
    later(d(2016, 12, 8)),
    later(d(2017, 1, 12)),
    later(d(2017, 2, 9)),
    later(d(2017, 3, 9)),
    later(d(2017, 4, 6)),
]

# Minutes of (key) agreed as a true record at (value).
APPROVALS = {d(2016, 4, 14): d(2016, 6, 16), d(2016, 6, 16): d(2016, 7, 21)}

APOLOGIES_ITEM = item(1, Kind.APOLOGIES, "Apologies and Substitutions")
DECLARATIONS_ITEM = item(2, Kind.DECLARATIONS, "Declarations of Interests")


def minutes_item(held_on: str) -> dict:
    return item(
        3,
        Kind.MINUTES,
        "Minutes",
        sub=(f"a) To agree the minutes of the meeting held on {held_on}", "b) Matters Arising"),
    )


def aob_item(number: int) -> dict:
    return item(number, Kind.AOB, "Any Other Business", description=AOB)


AGENDAS = {
    d(2016, 4, 14): [
        APOLOGIES_ITEM,
        DECLARATIONS_ITEM,
        minutes_item("17th March, 2016"),
        item(4, Kind.REPORT, "Serious Case Review - Child E", by=("briefing_note", SCR_POST)),
        item(
            5,
            Kind.REPORT,
            "Children's Social Care Performance Report Two Year Comparison 2014/5 and 2015/6",
        ),
        item(
            6,
            Kind.REPORT,
            "Recommendations from the Scrutiny Task and Finish Group on Supervision of Social "
            "Work Staff",
        ),
        item(7, Kind.REPORT, "Improvement Board Progress Report from 30 March, 2016"),
        item(8, Kind.WORK_PROGRAMME, "Work Programme and Review of 2015/16 Scrutiny Activity"),
        aob_item(9),
    ],
    d(2016, 6, 16): [
        APOLOGIES_ITEM,
        DECLARATIONS_ITEM,
        minutes_item("14th April, 2016"),
        item(
            4,
            Kind.REPORT,
            "Improvement Board Progress Review from 11th May, 2016",
            by=("briefing_note", "Executive Director for People"),
            wp="2016-ib-11-may",
            documents=(docs.IMPROVEMENT_PLAN,),
        ),
        item(
            5,
            Kind.REPORT,
            "Establish a Task and Finish Group to Consider the Recruitment and Retention of "
            "Social Work Staff",
            by=("report", "Scrutiny Co-ordinator"),
            wp="2016-recruitment-retention",
            documents=(docs.TASK_AND_FINISH,),
        ),
        item(
            6,
            Kind.WORK_PROGRAMME,
            "Draft Work Programme",
            by=("briefing_note", "Scrutiny Co-ordinator"),
            suffix="(attached)",
        ),
        aob_item(7),
        item(
            8,
            Kind.MEETING_EVALUATION,
            "Meeting Evaluation",
            description="To discuss and evaluate the effectiveness of the meeting.",
        ),
    ],
    d(2016, 7, 21): [
        APOLOGIES_ITEM,
        DECLARATIONS_ITEM,
        minutes_item("16th June, 2016"),
        item(4, Kind.REPORT, "Serious Case Review", by=("briefing_note", SCR_POST), wp="2016-scr"),
        item(
            5,
            Kind.REPORT,
            "Early Help Strategy Progress Report",
            by=("report", "Executive Director for People"),
            wp="2016-early-help",
        ),
        item(6, Kind.REPORT, "Improvement Board Progress Review", wp="2016-ib-22-june"),
        item(
            7,
            Kind.OUTSTANDING_ISSUES,
            "Outstanding Issues",
            by=("briefing_note", "Scrutiny Co-ordinator"),
        ),
        item(8, Kind.WORK_PROGRAMME, "Work Programme"),
        aob_item(9),
    ],
    d(2016, 9, 15): [
        APOLOGIES_ITEM,
        DECLARATIONS_ITEM,
        minutes_item("21st July, 2016"),
        item(
            4,
            Kind.REPORT,
            "'Stepping Up' and 'Stepping Down' Process for Social Care Cases",
            by=("briefing_note", "Director of Children's Services"),
            wp="2016-stepping-up",
            documents=(docs.STEPPING_UP,),
        ),
        # The pack prints "Director for Children's Services" here; the post is the same.
        item(
            5,
            Kind.REPORT,
            "Quality Assurance Auditing",
            by=("briefing_note", "Director of Children's Services"),
            wp="2016-quality-assurance",
            documents=(docs.QUALITY_ASSURANCE,),
        ),
        item(
            6,
            Kind.REPORT,
            "Staying Put Arrangements and Policy",
            by=("briefing_note", "Director of Children's Services"),
            wp="2016-staying-put",
            documents=(docs.STAYING_PUT,),
        ),
        item(
            7,
            Kind.OUTSTANDING_ISSUES,
            "Outstanding Issues",
            by=("briefing_note", "Scrutiny Co-ordinator"),
            documents=(docs.OUTSTANDING_ISSUES,),
        ),
        item(
            8,
            Kind.WORK_PROGRAMME,
            "Work Programme",
            by=("briefing_note", "Scrutiny Co-ordinator"),
        ),
        aob_item(9),
    ],
}

RESOURCES = {"org_unit": "Resources Directorate"}
PEOPLE_DIR = {"org_unit": "People Directorate"}
CHIEF_EXEC = {"org_unit": "Chief Executive's Directorate"}

ATTENDANCE = {
    d(2016, 4, 14): [
        present("mutton", "member", chair=True),
        *(
            present(key, "member")
            for key in (
                "bains",
                "bigham",
                "kershaw",
                "lepoidevin",
                "miks",
                "noonan",
                "ruane",
                "seaman",
                "thomas-s",
            )
        ),
        present("hanson", "co_opted"),
        # Listed under Members and again under Cabinet Members and Deputy Cabinet Members.
        present("kershaw", "cabinet_member"),
        present("ruane", "cabinet_member"),
        present("thomas-s", "cabinet_member"),
        present("gregg", "officer", **PEOPLE_DIR),
        present("holmes", "officer", **RESOURCES),
        present("lewis", "officer", **CHIEF_EXEC),
        present("rose", "officer", **RESOURCES),
        present("walker", "officer", **PEOPLE_DIR),  # printed "Walker", without an initial
        present("watson", "officer", **PEOPLE_DIR),
        apologies("akhtar"),
        apologies("oboyle"),
        apologies("jones", "co_opted"),
        apologies("potter", "co_opted"),
    ],
    d(2016, 7, 21): [
        present("mutton", "member", chair=True),
        present("bains", "member"),
        present("gannon", "member"),
        present("kershaw", "member"),
        present("lancaster", "member", substitute_for="lucas"),
        present("lapsa", "member"),
        present("male", "member"),
        present("hanson", "co_opted"),
        present("maton", "cabinet_member"),
        present("ruane", "cabinet_member"),
        present("seaman", "cabinet_member"),
        present("duggins", "invited", description="Leader Coventry City Council"),
        present("mokades", "invited", description="Local Safeguarding Children's Board (LSCB)"),
        present("green", "invited", description="Police Representative"),
        present("coulson-haggins", "officer", **RESOURCES),
        present("gregg", "officer", **PEOPLE_DIR),
        present("holmes", "officer", **RESOURCES),
        present("moynihan", "officer", **CHIEF_EXEC),
        present("newman", "officer", **RESOURCES),
        present("rose", "officer", **RESOURCES),
        present("walker", "officer", **PEOPLE_DIR),
        apologies("akhtar"),
        apologies("lucas"),
        apologies("miks"),
        apologies("jones", "co_opted"),
        apologies("potter", "co_opted"),
    ],
}

NO_INTERESTS = paragraphs("There were no disclosable pecuniary interests.")
QUESTIONED = (
    "Having considered the report the Scrutiny Board questioned those present on the following:"
)

MINUTES = {
    d(2016, 4, 14): [
        minute(69, "Declarations of Interests", NO_INTERESTS, item=2),
        minute(
            70,
            "Minutes",
            paragraphs(
                "The minutes of the meeting held on 17th March, 2016 were approved.",
                "Matters arising: members would hear more about governor appointments after the "
                "election (Minute 51/15), and had received what they asked for on the Serious "
                "Case Review – Child C (Minute 63/15).",
            ),
            item=3,
        ),
        minute(
            71,
            "Serious Case Review - Child E",
            paragraphs(
                "Janet Mokades, Independent Chair of the LSCB, and Hardeep Walker, the Serious "
                "Case Review Co-ordinator, presented the review into the death of Child E, its "
                "five recommendations to the LSCB and the action plan.",
                "The Chair reminded members that their role was to scrutinise the "
                "recommendations, not to hear the case again.",
            ),
            item=4,
            intro="The Scrutiny Board discussed the following concerns with the Chair of the LSCB:",
            points=(
                "How the press reported the case, and the parts played by the police and the "
                "Crown Prosecution Service",
                "How schools follow up absence",
                "Recommendations that recur across reviews, and how they are monitored",
                "Telling parents about the risks of co-sleeping",
                "Differences between partners' policies, messages and priorities",
                "Professional curiosity, judgement and tolerance of risk",
            ),
            resolution=resolved(
                "RESOLVED that :",
                "numeric_paren",
                part(
                    "The Scrutiny Board recommend that the Cabinet Member for Education audit "
                    "attendance policies and procedures in schools and how absences are followed up"
                ),
                part(
                    "A letter be written to West Midlands Police to provide reassurance that "
                    "measures are in place to address the technical errors reported"
                ),
                part(
                    "Sleep safe application launch information be shared with Members of the "
                    "Scrutiny Board"
                ),
            ),
        ),
        minute(
            72,
            "Children's Social Care Performance Report Two Year Comparison 2014/5 and 2015/6",
            paragraphs(
                "The Board noted a two-year comparison of children's social care performance "
                "across 23 areas, from early help assessments to caseloads, fostering and "
                "adoption. A note on re-referrals was tabled."
            ),
            item=5,
            intro="The Scrutiny Board discussed the following issues with the Cabinet Members "
            "and officers:",
            points=(
                "Children who have moved placement more than three times",
                "What return home interviews show after a child has gone missing",
                "Young people coming into care at 17 or older",
                "Unaccompanied asylum-seeking children",
                "What a Regional Adoption Board would mean",
                "Children coming into care without a court order",
            ),
            requests_intro="Officers agreed to provide further information to Members on the "
            "following:",
            requests=undertakings(
                "Analysis of Barnardos return home interviews",
                "An update of the number of unaccompanied children seeking asylum to be "
                "supported by Coventry",
                "The increasing number of children who have had 3 or more placements",
                "The Regional Adoption Board",
                "The age breakdown for children entering care without an order (section 20)",
            ),
        ),
        minute(
            73,
            "Recommendations from the Scrutiny Task and Finish Group on Supervision of Social "
            "Work Staff",
            paragraphs(
                "Further to Minute 2/15 the Board considered the nine recommendations of its task "
                "and finish group on supervision of social work staff, which met four times. Its "
                "members were Councillors Bains, Bigham, Lepoidevin, Mutton (Chair) and Seaman.",
                "The recommendations go to the Cabinet Member for Children and Young People.",
            ),
            item=6,
            resolution=single(
                "the recommendations be endorsed and that Scrutiny maintain oversight on progress "
                "against the recommendations, with a report in 6 months and 12 months, including "
                "any changes in performance."
            ),
        ),
        minute(
            74,
            "Improvement Board Progress Report from 30 March, 2016",
            paragraphs(
                "Further to Minute 66/15 the Board noted progress on the Children's Services "
                "Improvement Plan as reported to the Improvement Board on 30 March 2016. The "
                "Director said the main challenges were recruiting social workers and improving "
                "the quality of practice."
            ),
            item=7,
            intro="The Scrutiny Board questioned the Cabinet Member for Children and Young People "
            "and officers on the following:",
            points=(
                "Using return home interviews to see patterns in children going missing",
                "The Minister's letter on the 18-month review in February 2016",
                "Recruiting and keeping social workers",
                "Using fewer agency staff and offering a supportive place to work",
                "Telling people what the council does well",
                "Keeping members informed",
            ),
            resolution=single(
                "the report be noted and a Task and Finish Group be established to investigate "
                "recruitment and retention of Social Workers, to try to improve the stability of "
                "the workforce."
            ),
        ),
        minute(
            75,
            "Work Programme and Review of 2015/16 Scrutiny Activity",
            paragraphs(
                "Looking back on 2015/16, the Board counted as successes its supervision task "
                "and finish group, the Improvement Board updates, its work on local authority "
                "governors and the President Kennedy visit.",
                "For 2016/17 it suggested academisation, CAMHS and drug use, commissioned "
                "services, residential care and the Wisteria Lodge review.",
            ),
            item=8,
            resolution=single(
                "the successes be recorded in the Annual Scrutiny Report and the suggestions for "
                "next municipal year be considered on the work programme, by the Scrutiny Board "
                "in the new municipal year."
            ),
        ),
        minute(
            76,
            "Any Other Business",
            paragraphs(
                "The Chair thanked members for their work over the year, and Councillor Bigham "
                "thanked the Chair on the Board's behalf."
            ),
            item=9,
        ),
    ],
    # Inferred: the seeds hold no minutes of this meeting (see the module docstring).
    d(2016, 6, 16): [
        minute(1, "Declarations of Interests", NO_INTERESTS, item=2),
        minute(
            2,
            "Minutes",
            paragraphs("The minutes of the meeting held on 14th April, 2016 were agreed."),
            item=3,
        ),
        minute(
            3,
            "Improvement Board Progress Review from 11th May, 2016",
            paragraphs(
                "The Board noted progress on the Children's Services Improvement Plan as "
                "reported to the Improvement Board on 11 May 2016."
            ),
            item=4,
        ),
        minute(
            4,
            "Establish a Task and Finish Group to Consider the Recruitment and Retention of "
            "Social Work Staff",
            paragraphs(
                "Further to Minute 74/15 the Board set up a task and finish group on the "
                "recruitment and retention of social work staff."
            ),
            item=5,
        ),
        minute(
            5,
            "Draft Work Programme",
            paragraphs("The Board considered its draft work programme for 2016/17."),
            item=6,
        ),
        minute(
            6,
            "Any Other Business",
            paragraphs("There were no other items of business."),
            item=7,
        ),
    ],
    d(2016, 7, 21): [
        minute(
            7,
            "Declarations of Interests",
            paragraphs("There were no Disclosable Pecuniary Interests."),
            item=2,
        ),
        minute(
            8,
            "Minutes",
            paragraphs(
                "The minutes of the meeting held on 16th June, 2016 were agreed as a true record.",
                "Further to Minute 4/16, three members had said they would like to join the task "
                "and finish group on recruitment and retention of social work staff.",
            ),
            item=3,
            resolution=single(
                "if any other Scrutiny Member would like to join the Task and Finish Group they "
                "would contact the Chair"
            ),
        ),
        minute(
            9,
            "Serious Case Review",
            paragraphs(
                "The Board considered a briefing note of the Serious Case Review Co-ordinator on "
                "the review of child sexual exploitation that the LSCB published on 11 July "
                "2016, and its six recommendations. Janet Mokades, Independent Chair of the "
                "LSCB, and DCI Ian Green for the police attended.",
                "Janet Mokades said the action plan and progress on the recommendations would "
                "be available to members on request. The Board thanked her for representing the "
                "LSCB over several years, this being her last meeting as its Chair.",
            ),
            item=4,
            intro=QUESTIONED,
            points=(
                "Whether victims now feel safer giving information",
                "How partners, from licensing and housing to health, police, schools and social "
                "care, and businesses such as hotels share information",
                "Targeted youth services",
                "Piecing together small pieces of intelligence",
                "Better recording in Children's Services",
                "How scrutiny could help",
            ),
            resolution=resolved(
                "RESOLVED that",
                "numeric_dot",
                part(
                    "The Scrutiny Board note the recommendations and request that the Cabinet "
                    "Member for Children and Young People write to Government regarding Funding "
                    "for long-term support to victims of Child Sexual Exploitation (CSE) into "
                    "adulthood and also to support local targeted youth work to the most "
                    "vulnerable to enable preventative work and the collection of soft "
                    "intelligence on CSE",
                    tracker="R",
                ),
                part(
                    "The Board requested that the individuals noted in the report as evidencing "
                    "good, determined practice be congratulated",
                    tracker="A",
                ),
            ),
        ),
        minute(
            10,
            "Early Help Strategy Progress Report",
            paragraphs(
                "Further to Minute 37/15 the Board noted a progress report of the Executive "
                "Director for People on the Early Help Strategy and action plan, including "
                "phase 2 of Strengthening Families and the new 'Steps to Change' outcome tool.",
                "Officers said family group conferencing is now part of Early Help.",
            ),
            item=5,
            intro="The Scrutiny Board questioned the officers and the Cabinet Member for "
            "Children and Young People on aspects of the reports which included:",
            points=(
                "How effectiveness is measured",
                "The challenges the service faces",
                "What 'school readiness' means, and the effect of changes to it",
                "Aversion to risk",
                "Funding",
                "Family group conferencing",
            ),
            resolution=resolved(
                "RESOLVED that",
                "numeric_dot",
                part(
                    "the Board noted the report and requested a briefing note in 6 months to "
                    "update members on Early Help",
                    tracker="A",
                ),
                part(
                    "the Board requested that officers investigate whether there is a standard "
                    "definition of 'school ready' so that the expectation can be shared with all "
                    "providers",
                    tracker="I",
                ),
            ),
        ),
        minute(
            11,
            "Improvement Board Progress Review",
            paragraphs(
                "Further to Minute 3/16 the Board noted a joint briefing note on progress "
                "against the six improvement themes, as reported to the Improvement Board on "
                "22 June 2016."
            ),
            item=6,
            intro="The Scrutiny Board questioned officers on the following:",
            points=(
                "Who will chair the Improvement Board",
                "Who will chair the Local Safeguarding Children's Board",
                "Recruitment",
                "The number of child protection plans",
                "Progress on the improvement journey",
            ),
            resolution=resolved(
                "RESOLVED that the Board requested",
                "alpha_paren",
                part(
                    "The new Chair of the Improvement Board be invited to the Scrutiny Board",
                    tracker="A",
                ),
                part(
                    "A letter of thanks be sent to Mark Rogers for his support to the Improvement "
                    "Board",
                    tracker="A",
                ),
            ),
        ),
        minute(
            12,
            "Outstanding Issues",
            paragraphs(
                "The Board noted a briefing note of the Scrutiny Co-ordinator introducing a "
                "recommendations tracker. After each meeting its recommendations and actions "
                "will go to the Cabinet Member and officer concerned; the Board will see the "
                "responses, and an item that has been dealt with leaves the report but stays in "
                "the full tracker, which the Scrutiny Team can provide."
            ),
            item=7,
        ),
        minute(13, "Work Programme", paragraphs("The Board noted the work programme."), item=8),
        minute(
            14,
            "Any Other Business",
            paragraphs("There were no other items of business."),
            item=9,
        ),
    ],
}


def load(ctx: Loaded) -> None:
    load_meetings(ctx, SLUG, MEETINGS)
    work_programme_2016.load(ctx)
    minutes = {}
    for day, items in AGENDAS.items():
        meeting = ctx.meeting(SLUG, day)
        agenda = load_agenda(ctx, meeting, items)
        load_attendance(ctx, meeting, ATTENDANCE.get(day, []))
        minutes[day] = load_minutes(meeting, agenda, MINUTES.get(day, []))
    approve_minutes(ctx, SLUG, APPROVALS)
    tracker_2016.load(ctx, minutes[tracker_2016.SOURCE_MEETING])

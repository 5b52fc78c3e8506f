"""Papers of the 16 June and 15 September 2016 agendas.

Subjects, "To:" lines (with their variants), dates, section headings and authors are as
the packs print them; the paragraphs are short summaries written for the demo. Every paper
is dated the day of its meeting, as the packs date them.
"""

from meetings.models import Document
from recommendations.demo.loading import appendix, author, document
from recommendations.demo.text import briefing_note, paragraphs, table
from recommendations.demo.tracker_2016 import REPORT_HEADERS, report_rows

# The signature block of both 2016 packs prints her e-mail and telephone on two lines;
# an author has one contact line, so it holds both.
HOLMES = author(
    "Gennie Holmes",
    "Scrutiny Co-ordinator",
    "gennie.holmes@coventry.gov.uk, 024 7683 1172",
    person="holmes",
)
GREGG = author("John Gregg", "Director of Children's Services", person="gregg")
WATSON = author("Sonia Watson", "Children's Improvement Plan Project Manager", person="watson")

BOARD_2 = "Education and Children's Services Scrutiny Board (2)"
CONSIDER = "Consider the content of the report and note the progress made to date"
IDENTIFY = "Identify any recommendations for the appropriate Cabinet Member"

IMPROVEMENT_PLAN = document(
    "Progress on Children's Services Improvement Plan in response to Ofsted Single Inspection "
    "and the Review of the Local Safeguarding Children's Board",
    briefing_note(
        purpose="To update the Board on the Children's Services Improvement Plan as reported to "
        "the Improvement Board on 11 May 2016, using March 2016 data unless stated.",
        stem="It is recommended that Scrutiny Board 2:",
        recommendations=[CONSIDER, IDENTIFY],
        sections=[
            (
                "Information/Background",
                [
                    "The plan answers the Ofsted single inspection and the review of the Local "
                    "Safeguarding Children's Board, and an independent Improvement Board "
                    "oversees it.",
                    "The next Improvement Board meets on 22 June 2016.",
                ],
            ),
            (
                "Improvement Plan Themes",
                [
                    "Six themes follow the Department for Education's improvement notice, with "
                    "more weight on the quality of practice and on the workforce."
                ],
            ),
            (
                "Progress to date",
                ["Progress is shown against ten key priorities, theme by theme, with tables."],
            ),
            (
                "Communication",
                ["Staff, partners and members hear of progress through regular briefings."],
            ),
        ],
    ),
    to_line=f"{BOARD_2} 16 June 2016",
    # The pack numbers this block "6.2 Authors:", a paragraph of section 6.
    authors=(
        WATSON,
        GREGG,
    ),
    appendices=(
        appendix(
            "A One Page Summary of the Children's Services Improvement Plan March 2015",
            paragraphs(
                "A one-page diagram of the plan's six themes. The key challenges it names are "
                "sustainability and evidencing impact."
            ),
        ),
    ),
)

TASK_AND_FINISH = document(
    "Establishment of a task and finish group to consider the recruitment and retention of "
    "social work staff",
    briefing_note(
        purpose="To propose a task and finish group on recruiting and keeping social work "
        "staff, as the Board resolved on 14 April 2016 (Minute 74/15).",
        stem="Members are recommended to:",
        recommendations=[
            "Agree to set up the task and finish group",
            "Agree what the group will look at",
            "Put forward members to sit on the group",
        ],
        sections=[
            (
                "Information/Background",
                [
                    "A stable social work workforce underpins the improvement of children's "
                    "services.",
                    "The group would look at why past recruitment campaigns drew little "
                    "interest, at pay and responsibility levels, and at the council's reputation "
                    "as an employer.",
                ],
            )
        ],
    ),
    to_line="Education and Children's Services Scrutiny Board",
    authors=(HOLMES,),
)

FLOW_CHART_KEY = [
    ["TM", "Team Manager"],
    ["NSC", "Neighbourhood social care team"],
    ["CFF", "Children and Families First"],
    ["CIN", "Child in Need"],
    ["CAF", "Common Assessment Framework"],
    ["CAF-Co", "CAF Co-ordinator"],
    ["CF15", "Management decision record on the child's file (name of the form)"],
]

STEPPING_UP = document(
    "Progress on Stepping Up and Stepping Down social care cases",
    briefing_note(
        purpose="To update the Board on how cases step up to statutory social care, and step "
        "down to early help, as a family's needs change.",
        recommendations=[CONSIDER, IDENTIFY],
        sections=[
            (
                "Information/Background",
                [
                    "An audit found that cases were not moving well between early help and "
                    "social care, so a revised step up/step down model began in April 2016."
                ],
            ),
            (
                "The Process",
                [
                    "A case moves between the services with a 'warm handover' from one worker "
                    "to the next, so the family meets their new worker.",
                    "Both services work to the same thresholds for intervention.",
                    "Managers from both services mapped the new process; Appendix 1 shows it.",
                    "Work to transform children's services will simplify it further.",
                ],
            ),
            (
                "Performance",
                [
                    "Since June 2016 there have been 807 diversions from contacts and 205 step "
                    "downs, 1,012 in all. A quarterly review will check the practice sticks."
                ],
            ),
            (
                "The Policy",
                [
                    "The policy dates from 2012; a new one will be written in November 2016.",
                    "It will be reviewed within six months as early help moves to a family hub "
                    "model.",
                ],
            ),
            ("Appendices", ["Appendix 1 Flow Chart"]),
        ],
    ),
    to_line=BOARD_2,
    authors=(
        author("Nancy Meehan", "Head of Children's Social Care", person="meehan"),
        author("Fran Doyle", "Head of Early Help and Prevention", person="doyle"),
        GREGG,
    ),
    appendices=(
        appendix(
            "Flow Chart",
            paragraphs("The flow chart is a diagram in the printed pack. Its key:")
            + table(["Key", "Meaning"], FLOW_CHART_KEY),
        ),
    ),
)

QUALITY_ASSURANCE = document(
    "Quality Assurance Audits",
    briefing_note(
        purpose="To report on the quality assurance and auditing of children's casework over "
        "the last six months.",
        recommendations=[
            "Consider the information presented and note the progress made to date.",
            "Identify any recommendations to the appropriate Cabinet Member.",
        ],
        sections=[
            (
                "Background/Information",
                [
                    "The Quality Assurance and Continuous Improvement Framework, revised in "
                    "December 2015, sets a monthly audit schedule.",
                    "What audits find is fed back through supervision, team meetings and "
                    "practice forums.",
                ],
            ),
            (
                "Improvement",
                [
                    "Children are seen and listened to and staff are committed; care planning, "
                    "life story work, placement stability and recording are still uneven.",
                    "Each finding has an action plan, and repeat audits will show whether "
                    "practice improves.",
                ],
            ),
            ("Next steps", ["Managers are coached as 'audit champions' who audit for impact."]),
        ],
    ),
    to_line="Education and Children's Services Scrutiny Board",
    authors=(
        WATSON,
        GREGG,
    ),
)

STAYING_PUT = document(
    "Staying Put Arrangements and Policy",
    briefing_note(
        purpose="To explain how young people in foster care are helped to stay with their "
        "carers after 18, and the policy behind it.",
        recommendations=["Note the Staying Put arrangements and policy", IDENTIFY],
        sections=[
            (
                "Background",
                [
                    "Councils must support a young person to stay with their former foster "
                    "carers up to 21 where both want it (Children and Families Act 2014)."
                ],
            ),
            (
                "Arrangements in Coventry",
                [
                    "The note covers how many young people stay put, what carers are paid, and "
                    "how the policy is promoted to young people and carers."
                ],
            ),
        ],
    ),
    # Sic: the pack's "To:" line.
    to_line="Education and Children's Service Scrutiny Board",
    # A bare signature block: name, post and extension.
    authors=(
        author(
            "Jivan Sembi", "Head of Children's Regulatory Services", "7683 2895", person="sembi"
        ),
    ),
)

OUTSTANDING_ISSUES = document(
    "Outstanding Issues Report",
    briefing_note(
        purpose="To show the Board the responses to the recommendations and actions it made "
        "on 21 July 2016.",
        stem="Members are recommended to:",
        recommendations=["Note the outstanding issues at Appendix 1"],
        sections=[
            (
                "Background",
                [
                    "After each meeting the Board's recommendations and actions go to the "
                    "Cabinet Member and officer concerned and are logged on a tracker.",
                    "Once answered or done, an item leaves this report but stays in the full "
                    "tracker, which the Scrutiny Team can provide.",
                ],
            )
        ],
    ),
    kind=Document.Kind.OUTSTANDING_ISSUES,
    to_line="Education and Children's Scrutiny Board",
    authors=(HOLMES,),
    appendices=(appendix("Outstanding Issues", table(REPORT_HEADERS, report_rows())),),
)

"""Papers of the 28 November 2024 agenda.

Subjects, "To:" lines, dates, section headings and authors are as the pack prints them;
the paragraphs are short summaries written for the demo. Every paper is dated the day of
its meeting. The three exempt papers of item 10 appear in the public pack only as
"Document is Restricted" pages, so their text here is invented to stand in for them.
"""

from recommendations.demo.loading import appendix, author, document
from recommendations.demo.text import briefing_note, paragraphs

BOARD_2 = "Education and Children's Services Scrutiny Board (2)"
IDENTIFY = "Identify any recommendations for the appropriate Cabinet Member"
EXEMPT = (1, 3)

HOLIDAY_ACTIVITIES = document(
    "Coventry Holiday Activities and Food programme",
    briefing_note(
        purpose="To update the Board on Coventry's Holiday Activities and Food (HAF) programme "
        "and its summer 2024 delivery.",
        recommendations=[
            "Note the delivery of the programme in summer 2024 and the plans for 2025/26",
            IDENTIFY,
        ],
        sections=[
            (
                "Overview of the Holiday Activities and Food Programme",
                [
                    "HAF, funded by the Department for Education, offers free activities and a "
                    "healthy meal in the school holidays to children who receive benefits-related "
                    "free school meals."
                ],
            ),
            (
                "Summer 2024 delivery",
                [
                    "43 providers were funded directly (Appendix 1), working with a further 50 "
                    "partner organisations.",
                    "Sessions ran in schools, community centres, leisure centres, arts venues and "
                    "parks (Appendix 2), with a wider range of activities than before "
                    "(Appendix 3).",
                ],
            ),
            ("Winter 2025 programme", ["A smaller programme runs over the Christmas holidays."]),
            (
                "Areas of focus for Coventry HAF 25/26",
                [
                    "If funding continues, the focus will be the offer for young people and for "
                    "children with SEND, food and nutrition, and reaching more families."
                ],
            ),
            (
                "Health Inequalities Impact",
                ["The programme reaches the children most likely to miss out on food and play."],
            ),
        ],
    ),
    to_line=BOARD_2,
    # Printed as labelled lines: "Name of Author:", "Job Title:", "Organisation: Coventry
    # City Council", "Contact details:".
    authors=(
        author(
            "Adrian Coles",
            "Education Programme Manager",
            "Adrian.Coles@coventry.gov.uk",
            person="coles",
        ),
    ),
    appendices=(
        appendix(
            "Summer Holiday Providers",
            paragraphs("The 43 providers funded directly for the summer 2024 programme."),
        ),
        appendix(
            "Locations and Venues",
            paragraphs("The schools, community centres and other venues used in summer 2024."),
            heading="Appendix 2",
        ),
        appendix(
            "Types of Activities Included in the Summer Programme",
            paragraphs("Sport, arts, cooking, trips and skills sessions offered in summer 2024."),
            heading="Appendix 3",
        ),
    ),
)

SOCIAL_WORKERS = document(
    "Social Worker Recruitment and Retention – Workforce Update",
    briefing_note(
        purpose="To update the Board on recruiting and keeping social workers, and on the use "
        "of agency staff.",
        stem="The Education and Children's Scrutiny Board (2) are recommended to:",
        recommendations=[
            "Note the progress in recruiting and keeping permanent social workers",
            "Note the work to reduce sickness absence and support staff wellbeing",
            IDENTIFY,
        ],
        sections=[
            (
                "Recruitment",
                [
                    "The social work academy brings newly qualified social workers in and "
                    "supports them through their first year in practice."
                ],
            ),
            (
                "Retention and progression",
                [
                    "A progression pathway launched in September 2024 lets newly qualified "
                    "social workers progress six months earlier if they meet the competences."
                ],
            ),
            (
                "Agency staff",
                ["Fewer posts are now filled by agency social workers, which also saves money."],
            ),
            (
                "Sickness and wellbeing",
                [
                    "As the Board asked on 17 October 2024 (Minute 45), the note reports "
                    "sickness levels and the support offered to staff."
                ],
            ),
        ],
    ),
    to_line=BOARD_2,
    authors=(
        author("Sukriti Sen", "Director for Children and Education Services", person="sen"),
        author(
            "Sonia Watson", "Children and Education Services Improvement Manager", person="watson"
        ),
        author(
            "Neil Macdonald",
            "Strategic Lead, Safeguarding, Practice and Workforce",
            person="macdonald",
        ),
    ),
)

HOMES = document(
    "Homes for children in care - update report",
    briefing_note(
        purpose="To update the Board on the cost of homes for children in care and the work to "
        "control it.",
        stem="The Education and Children's Services Scrutiny Board are recommended to:",
        recommendations=[
            "Note the financial pressures from the cost of placements",
            "Note the work to open more of the council's own children's homes",
            "Note the other work to reduce costs while improving children's homes",
            IDENTIFY,
        ],
        sections=[
            (
                "Background and Information",
                [
                    "More children with complex needs and a national shortage of places have "
                    "driven placement costs up."
                ],
            ),
            (
                "Financial Context",
                ["Placements are one of the largest pressures on the council's budget."],
            ),
            (
                "Mitigating activity",
                [
                    "Two more council children's homes for children with the most complex needs "
                    "bring the planned total to 12.",
                    "Budgets are reviewed each month by the service's leadership team.",
                ],
            ),
            (
                "Health Inequalities Impact",
                [
                    "Homes near Coventry keep children close to their schools, health services "
                    "and families."
                ],
            ),
        ],
    ),
    to_line="Education & Children's Services Scrutiny Board (2)",
    # Signed with name, post and service area ("Children's Services."); the seeds do not
    # give the e-mail printed under them.
    authors=(
        author(
            "Angela Whitrick",
            "Strategic Lead for Corporate Parenting & Sufficiency",
            person="whitrick",
        ),
    ),
)

EXEMPT_NOTE = document(
    "Homes for Children in Care - Update Report (exempt information)",
    paragraphs(
        "Demonstration text standing in for an exempt paper.",
        "This paper would give the weekly cost of each external placement and the providers' "
        "commercial terms, and describe the circumstances of individual children whose "
        "placements cost the most.",
    ),
    to_line=BOARD_2,
    restricted=EXEMPT,
    appendices=(
        appendix(
            "Placement costs by provider",
            paragraphs(
                "Demonstration text standing in for an exempt appendix: a table of providers, "
                "the number of children each cares for and the weekly fees agreed."
            ),
            restricted=EXEMPT,
        ),
        appendix(
            "Case summaries of the highest-cost placements",
            paragraphs(
                "Demonstration text standing in for an exempt appendix: short anonymised "
                "summaries of the children in the highest-cost placements and their plans."
            ),
            heading="Appendix 2",
            restricted=EXEMPT,
        ),
    ),
)

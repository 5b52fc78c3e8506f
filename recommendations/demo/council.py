"""Coventry City Council: settings, municipal years, directorates, rooms, people and posts.

Names, roles and contact details are as Coventry's published agenda packs of 2016 and
2024 print them (Education and Children's Services Scrutiny Board (2)).
"""

import datetime

from boards.models import Council, MunicipalYear, OrgUnit, Person, Portfolio, Post, Venue
from recommendations.demo.loading import Loaded, upsert

COUNCIL = {
    "name": "Coventry City Council",
    "address": "Council House, Coventry",
    "website_url": "https://www.coventry.gov.uk",
    "public_attendance_url": "https://www.coventry.gov.uk/publicAttendanceMeetings",
    "contact_email": "tom.robinson@coventry.gov.uk",
    # The council's current house style is the 2024 one (seed 004), and the Council
    # settings hold one style for every meeting: the front sheet prints a single note
    # ("Note: The person to contact ... is Tom Robinson Email: ..."), a "Public Access"
    # section, and "To agree the minutes of the meeting held on 17th October 2024.".
    #
    # The 2016 packs (seeds 000, 001) were published under an earlier style: three
    # numbered notes (contact, apology deadline, speaking at the meeting), a British Sign
    # Language sentence, "21st July, 2016" in the minutes item. That wording is house
    # style, not a fact of those meetings, so it stays out of the settings: an officer
    # sets the style once and every pack rebuilt from now on prints it, as the council's
    # own system does. What was particular to a 2016 meeting is kept with its data:
    # - the minutes sub-item text ("held on 21st July, 2016") is stored on the agenda
    #   item as published (meetings_2016.py), so it prints as it was;
    # - the hearing-loop notice is a fact of the room: it is the venue's accessibility
    #   note (VENUES below), printed on the front sheet of every meeting held there, so
    #   the 2016 meetings in Committee Rooms 2 and 3 keep it and Diamond Room 2 has none.
    # A rebuilt 2016 pack therefore prints the 2024 notes; the published 2016 PDFs are
    # the record of the old wording. (Council.text_agenda_notes still takes {contact}
    # and {apology_deadline}, so a council whose style has numbered notes can set them.)
    "text_agenda_notes": (
        "The person to contact about the agenda and documents for this meeting is {contact}"
    ),
    "text_accessibility": "",
    "text_public_access": (
        "Any member of the public who would like to attend the meeting in person is encouraged "
        "to contact the officer below in advance of the meeting regarding arrangements for "
        "public attendance. A guide to attending public meeting can be found here: "
        "https://www.coventry.gov.uk/publicAttendanceMeetings"
    ),
    # "To agree the minutes of the meeting held on 17th October 2024." (2024), where the
    # model's default gives the 2016 "21st July, 2016".
    "date_format_minutes_item": "{day_ord} {month} {year}",
}

# May to May; 2025/26 holds the "Items for 2025-26" the 2024/25 work programme defers.
YEARS = [
    datetime.date(2015, 5, 1),
    datetime.date(2016, 5, 1),
    datetime.date(2024, 5, 1),
    datetime.date(2025, 5, 1),
]

ORG_UNITS = {
    "Resources Directorate": OrgUnit.Kind.DIRECTORATE,
    "People Directorate": OrgUnit.Kind.DIRECTORATE,
    "Chief Executive's Directorate": OrgUnit.Kind.DIRECTORATE,
    "Children's Services": OrgUnit.Kind.SERVICE_AREA,
    "Law and Governance": OrgUnit.Kind.SERVICE_AREA,
    "Governance Services": OrgUnit.Kind.TEAM,
}

VENUES = {
    # Printed on the front sheet of each meeting held in the room (the 2016 packs).
    "committee-rooms": (
        "Committee Rooms 2 and 3",
        "Council House",
        "Please note: a hearing loop is available in the committee rooms",
    ),
    "diamond-room": ("Diamond Room 2", "Council House", ""),
}


def councillor(initials: str, surname: str, **details: str) -> dict:
    return {"initials": initials, "surname": surname, "is_councillor": True, **details}


def co_optee(honorific: str, initials: str, surname: str) -> dict:
    return {"honorific": honorific, "initials": initials, "surname": surname}


def officer(name: str, org_unit: str | None = None, **details: str) -> dict:
    """An officer by forename ("Gennie Holmes") or, where the packs give only an
    initial, by initial ("H Bedford")."""
    first, surname = name.split(" ", 1)
    names = {"initials": first} if len(first) == 1 else {"forenames": first}
    return {**names, "surname": surname, "org_unit": org_unit, **details}


PEOPLE = {
    # Councillors, 2015/16 to 2016/17.
    "akhtar": councillor("N", "Akhtar"),
    "bains": councillor("S", "Bains"),
    "bigham": councillor("L", "Bigham", honorific="Mrs"),
    "duggins": councillor("", "Duggins"),  # "Councillor Duggins": no initial printed
    "gannon": councillor("D", "Gannon"),
    "kershaw": councillor("D", "Kershaw"),
    "lancaster": councillor("R", "Lancaster"),
    "lapsa": councillor("M", "Lapsa"),
    "lepoidevin": councillor("J", "Lepoidevin"),
    "lucas": councillor("A", "Lucas"),
    "male": councillor("P", "Male"),
    "maton": councillor("K", "Maton"),
    "miks": councillor("C", "Miks"),
    "mutton": councillor("M", "Mutton", forenames="Mal"),
    "noonan": councillor("H", "Noonan"),
    "oboyle": councillor("J", "O'Boyle"),
    "ruane": councillor("E", "Ruane"),
    "seaman": councillor("P", "Seaman"),
    "thomas-s": councillor("S", "Thomas"),
    # Councillors, 2024/25.
    "birdi": councillor("J", "Birdi"),
    "christopher": councillor("B", "Christopher"),
    "gardiner": councillor("J", "Gardiner"),
    "nazir": councillor("S", "Nazir"),
    "reeves": councillor("E M", "Reeves"),
    "sandhu": councillor("K", "Sandhu"),
    "thay": councillor("R", "Thay"),
    "thomas-ce": councillor("CE", "Thomas"),
    "tucker": councillor("A", "Tucker"),
    # Co-opted members: the 2024 packs give their honorifics, the 2016 ones do not.
    "hanson": co_optee("Mrs", "S", "Hanson"),
    "jackson": co_optee("Mr", "D", "Jackson"),
    "jones": co_optee("", "K", "Jones"),
    "potter": co_optee("", "R", "Potter"),
    "vohra": co_optee("Mr", "G", "Vohra"),
    # Invited guests.
    "mokades": {
        "forenames": "Janet",
        "surname": "Mokades",
        "organisation": "Local Safeguarding Children's Board (LSCB)",
    },
    "green": {"honorific": "DCI", "forenames": "Ian", "surname": "Green", "organisation": "Police"},
    # Officers.
    "holmes": officer(
        "Gennie Holmes",
        "Law and Governance",
        email="gennie.holmes@coventry.gov.uk",
        phone="024 7683 1172",
    ),
    "rose": officer(
        "Michelle Rose",
        "Governance Services",
        email="michelle.rose@coventry.gov.uk",
        phone="(024) 7683 3111",
    ),
    "knight": officer(
        "Lara Knight",
        "Governance Services",
        email="lara.knight@coventry.gov.uk",
        phone="(024) 7683 3237",
    ),
    "robinson": officer("Tom Robinson", "Law and Governance", email="tom.robinson@coventry.gov.uk"),
    "newman": officer("Julie Newman", "Law and Governance"),
    "west": officer("Chris West", "Resources Directorate"),
    "coulson-haggins": officer("C Coulson-Haggins", "Resources Directorate"),
    "moynihan": officer("J Moynihan", "Chief Executive's Directorate"),
    "lewis": officer("G Lewis", "Chief Executive's Directorate"),
    "gregg": officer(
        "John Gregg",
        "People Directorate",
        email="john.gregg@coventry.gov.uk",
        phone="(024) 7683 3402",
    ),
    "walker": officer("Hardeep Walker", "People Directorate"),
    "meehan": officer(
        "Nancy Meehan",
        "People Directorate",
        email="nancy.meehan@coventry.gov.uk",
        phone="(024) 7683 3403",
    ),
    "doyle": officer(
        "Fran Doyle",
        "People Directorate",
        email="fran.doyle@coventry.gov.uk",
        phone="(024) 7683 1449",
    ),
    "sembi": officer("Jivan Sembi", "People Directorate", phone="7683 2895"),
    "watson": officer("Sonia Watson", "Children's Services"),
    "sen": officer("Sukriti Sen", "Children's Services"),
    "macdonald": officer("Neil Macdonald", "Children's Services"),
    "whitrick": officer("Angela Whitrick", "Children's Services"),
    "coles": officer("Adrian Coles", email="adrian.coles@coventry.gov.uk"),
    "bedford": officer("H Bedford", "Children's Services"),
    "clayton": officer("M Clayton", "Children's Services"),
    "stirling": officer("N Stirling", "Children's Services"),
    "bennett": officer("S Bennett", "Law and Governance"),
    "veness": officer("A Veness", "Law and Governance"),
}

# Posts that agendas name in their "Briefing Note of the …" lines, sign agendas, or
# sign papers. Title → (directorate or service area, holder).
POSTS = {
    "Scrutiny Co-ordinator": (None, "holmes"),
    "Director of Children's Services": ("People Directorate", "gregg"),
    "Executive Director for People": ("People Directorate", None),
    "Executive Director, Resources": ("Resources Directorate", "west"),
    "Chief Legal Officer": ("Law and Governance", "newman"),
    "Director of Law and Governance": ("Law and Governance", None),
    "Director of Children and Education": ("Children's Services", "sen"),
    "Director for Children and Education Services": ("Children's Services", "sen"),
    "Serious Case Review (SCR) Co-ordinator for Adult and Children's Safeguarding Boards": (
        "People Directorate",
        "walker",
    ),
    "Head of Children's Social Care": ("People Directorate", "meehan"),
    "Head of Early Help and Prevention": ("People Directorate", "doyle"),
    "Children's Improvement Plan Project Manager": ("People Directorate", "watson"),
    "Children and Education Services Improvement Manager": ("Children's Services", "watson"),
    "Head of Children's Regulatory Services": ("People Directorate", "sembi"),
    "Education Programme Manager": (None, "coles"),
    "Strategic Lead, Safeguarding, Practice and Workforce": ("Children's Services", "macdonald"),
    "Strategic Lead for Corporate Parenting & Sufficiency": ("Children's Services", "whitrick"),
}

# Cabinet portfolios, held for the municipal year. The 2024 titles are printed on the
# agenda; the 2016 ones are inferred: the work programme's leads put Councillor Ruane on
# children's social care and Councillor Maton on schools, which leaves Councillor Seaman
# as the "Deputy Cabinet Member" of the 21 July 2016 attendance list.
PORTFOLIOS = [
    ("Leader", "duggins", False, datetime.date(2016, 5, 1)),
    ("Cabinet Member for Children and Young People", "ruane", False, datetime.date(2016, 5, 1)),
    ("Cabinet Member for Education", "maton", False, datetime.date(2016, 5, 1)),
    ("Deputy Cabinet Member", "seaman", True, datetime.date(2016, 5, 1)),
    ("Cabinet Member for Children and Young People", "seaman", False, datetime.date(2024, 5, 1)),
    ("Cabinet Member for Education and Skills", "sandhu", False, datetime.date(2024, 5, 1)),
]


def load(ctx: Loaded) -> None:
    council = Council.load()
    upsert(Council, {"pk": council.pk}, **COUNCIL)

    for day in YEARS:
        start, end, label = MunicipalYear.default_bounds(day)
        ctx.years[label] = upsert(MunicipalYear, {"label": label}, start_date=start, end_date=end)

    for name, kind in ORG_UNITS.items():
        ctx.org_units[name] = upsert(OrgUnit, {"name": name}, kind=kind)

    for key, (room, building, notes) in VENUES.items():
        ctx.venues[key] = upsert(
            Venue, {"room": room, "building": building}, accessibility_notes=notes
        )

    load_people(ctx, PEOPLE)

    for title, (org_unit, holder) in POSTS.items():
        ctx.posts[title] = upsert(
            Post,
            {"title": title},
            org_unit=ctx.org_units[org_unit] if org_unit else None,
            holder=ctx.people[holder] if holder else None,
        )

    for title, holder, is_deputy, valid_from in PORTFOLIOS:
        _, valid_to, _ = MunicipalYear.default_bounds(valid_from)
        upsert(
            Portfolio,
            {"title": title, "holder": ctx.people[holder], "valid_from": valid_from},
            is_deputy=is_deputy,
            valid_to=valid_to,
        )


def load_people(ctx: Loaded, people: dict[str, dict]) -> None:
    """People by (surname, initials, forenames), which the demo keeps unique."""
    for key, spec in people.items():
        details = dict(spec)
        org_unit = details.pop("org_unit", None)
        lookup = {
            "surname": details.pop("surname"),
            "initials": details.pop("initials", ""),
            "forenames": details.pop("forenames", ""),
        }
        ctx.people[key] = upsert(
            Person,
            lookup,
            honorific=details.pop("honorific", ""),
            is_councillor=details.pop("is_councillor", False),
            email=details.pop("email", ""),
            phone=details.pop("phone", ""),
            organisation=details.pop("organisation", ""),
            org_unit=ctx.org_units[org_unit] if org_unit else None,
        )
        if details:
            raise ValueError(f"Unknown details for {key}: {details}")

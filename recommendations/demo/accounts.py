"""Demo logins, one per role, with fixed development passwords (DEBUG only).

Officers may change everything in the three apps; the co-ordinator keeps the tracker
and the work programme and reads the rest; councillors are never staff (security.md).
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from boards.models import User
from recommendations.demo.loading import Loaded

APPS = ["boards", "meetings", "recommendations"]
WORK_PROGRAMME_MODELS = ["workprogramme", "workprogrammeitem", "workprogrammemove"]

OFFICERS = "Governance officers"
COORDINATORS = "Scrutiny co-ordinators"

# User name → role, password, person key, staff, superuser, group. "member" sits on the
# Education board in 2024/25; "other-member" only on the Finance board.
ACCOUNTS = [
    ("officer", User.Role.OFFICER, "demo-officer-2024", None, True, False, OFFICERS),
    (
        "coordinator",
        User.Role.COORDINATOR,
        "demo-coordinator-2024",
        "holmes",
        True,
        False,
        COORDINATORS,
    ),
    ("admin", User.Role.ADMIN, "demo-admin-2024", None, True, True, None),
    ("member", User.Role.MEMBER, "demo-member-2024", "thomas-ce", False, False, None),
    ("other-member", User.Role.MEMBER, "demo-other-member-2024", "ashworth", False, False, None),
]


def load_groups() -> dict[str, Group]:
    officers, _ = Group.objects.get_or_create(name=OFFICERS)
    officers.permissions.set(Permission.objects.filter(content_type__app_label__in=APPS))
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    coordinators.permissions.set(
        Permission.objects.filter(
            Q(content_type__app_label="recommendations")
            | Q(content_type__app_label="meetings", content_type__model__in=WORK_PROGRAMME_MODELS)
            | Q(content_type__app_label__in=APPS, codename__startswith="view_")
        )
    )
    return {OFFICERS: officers, COORDINATORS: coordinators}


def load(ctx: Loaded) -> list[tuple[str, str, str]]:
    """Create or refresh the accounts; returns (user name, role, password) rows."""
    groups = load_groups()
    rows = []
    for username, role, password, person, staff, superuser, group in ACCOUNTS:
        wanted = {
            "role": role,
            "person": ctx.people[person] if person else None,
            "is_staff": staff,
            "is_superuser": superuser,
            "is_active": True,
        }
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, **wanted)
            user.set_password(password)
            user.save()
        else:
            changed = [name for name, value in wanted.items() if getattr(user, name) != value]
            if not user.check_password(password):
                user.set_password(password)
                changed.append("password")
            if changed:
                for name in changed:
                    if name != "password":
                        setattr(user, name, wanted[name])
                user.save(update_fields=changed)
        user.groups.set([groups[group]] if group else [])
        rows.append((username, user.get_role_display(), password))
    return rows

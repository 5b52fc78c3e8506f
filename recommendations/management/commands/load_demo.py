"""manage.py load_demo [--accounts]: load Coventry's demo board, meetings and tracker."""

from argparse import BooleanOptionalAction

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from recommendations import demo

SUMMARY_MODELS = [
    "boards.Person",
    "boards.Board",
    "boards.Membership",
    "meetings.Meeting",
    "meetings.AgendaItem",
    "meetings.Document",
    "meetings.DocumentAuthor",
    "meetings.Attendance",
    "meetings.Minute",
    "meetings.MinuteRequest",
    "meetings.ResolutionPart",
    "meetings.WorkProgrammeItem",
    "recommendations.TrackerItem",
]


class Command(BaseCommand):
    help = (
        "Load demo data from Coventry's published agenda packs: the Education and Children's "
        "Services Scrutiny Board (2) in 2015-17 and 2024/25, and a small second board. "
        "Safe to run again: it changes nothing that is already in place."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--accounts",
            action="store_true",
            help="Also create one login per role with a known password (only when DEBUG is on).",
        )
        parser.add_argument(
            "--packs",
            action=BooleanOptionalAction,
            default=None,
            help="Build the agenda packs of the published demo meetings (in the background "
            "with the database task backend). Default: the DEMO_BUILD_PACKS setting (on).",
        )

    def handle(self, *args, **options) -> None:
        if options["accounts"] and not settings.DEBUG:
            raise CommandError(
                "Refusing to create demo accounts with known passwords while DEBUG is off. "
                "Set DJANGO_DEBUG=1 on a development machine, or run load_demo without --accounts."
            )
        with transaction.atomic():
            accounts = demo.load(with_accounts=options["accounts"])

        build_packs = options["packs"]
        if build_packs is None:
            build_packs = settings.DEMO_BUILD_PACKS
        if build_packs:
            self._request_packs()

        counts = ", ".join(
            f"{apps.get_model(label)._default_manager.count()} "
            f"{apps.get_model(label)._meta.verbose_name_plural}"
            for label in SUMMARY_MODELS
        )
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {counts}."))
        if accounts:
            width = max(len(username) for username, _, _ in accounts)
            self.stdout.write("\nDemo accounts (development only):\n")
            self.stdout.write(f"  {'user name'.ljust(width)}  password                 role")
            for username, role, password in accounts:
                self.stdout.write(f"  {username.ljust(width)}  {password.ljust(23)}  {role}")

    def _request_packs(self) -> None:
        """Queue the packs of the published demo meetings, newest first; a pack already
        built from the same sources is kept, so a second run builds nothing."""
        from meetings.models import Meeting
        from meetings.services import pack_build_request

        meetings = Meeting.objects.published().filter(
            board__slug__in=[demo.education_board.SLUG, demo.finance_board.SLUG]
        )
        for meeting in meetings.order_by("-date"):
            pack_build_request(meeting=meeting)
        self.stdout.write(f"Agenda packs requested for {meetings.count()} published meetings.")

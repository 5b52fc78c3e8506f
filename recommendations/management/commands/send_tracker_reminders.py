"""manage.py send_tracker_reminders [--date YYYY-MM-DD]: the daily tracker reminders, for cron."""

import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from recommendations.services import tracker_reminders_send


class Command(BaseCommand):
    help = (
        "E-mail each officer contact a digest of their tracker items due soon or overdue, and "
        "each board's scrutiny co-ordinator a summary. Safe to run again on the same day: "
        "nobody is sent the same reminder twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date",
            help="The day to send for, as YYYY-MM-DD (default: today in Europe/London).",
        )
        parser.add_argument(
            "--due-soon-days",
            type=int,
            default=14,
            help="Items due within this many days count as due soon (default: 14).",
        )

    def handle(self, *args, **options) -> None:
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError(
                    f"Enter the date as YYYY-MM-DD, for example 2016-09-15 ({error})."
                ) from error
        else:
            today = timezone.localdate()
        sent = tracker_reminders_send(today=today, due_soon_days=options["due_soon_days"])
        self.stdout.write(self.style.SUCCESS(f"Tracker reminders for {today}: {sent} sent."))

"""manage.py build_packs MEETING_ID [--out DIR]: build a meeting's packs now."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from meetings.models import AgendaPack, Meeting


class Command(BaseCommand):
    help = (
        "Build the full and public agenda packs of a meeting now (not in the background), "
        "store them, and optionally write them to a folder."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("meeting", type=int, help="The meeting's id (as in /meetings/<id>/).")
        parser.add_argument("--out", type=Path, help="Also write full.pdf and public.pdf here.")

    def handle(self, *args, **options) -> None:
        from meetings.packs.build import pack_build

        meeting = Meeting.objects.select_related("board").filter(pk=options["meeting"]).first()
        if meeting is None:
            raise CommandError(f"There is no meeting with id {options['meeting']}.")
        started = time.perf_counter()
        rows = pack_build(meeting=meeting)
        seconds = time.perf_counter() - started
        for row in rows:
            line = f"{row.get_audience_display()}: {row.page_count} pages"
            if options["out"]:
                options["out"].mkdir(parents=True, exist_ok=True)
                target = options["out"] / f"{row.audience}.pdf"
                with row.file.open("rb") as handle:
                    target.write_bytes(handle.read())
                line += f" → {target}"
            self.stdout.write(line)
        ranges = next(r.page_ranges for r in rows if r.audience == AgendaPack.Audience.FULL)
        for number, (start, end) in sorted(ranges.items(), key=lambda pair: int(pair[0])):
            self.stdout.write(f"  Item {number}: Pages {start} - {end}")
        self.stdout.write(self.style.SUCCESS(f"Built in {seconds:.1f} s."))

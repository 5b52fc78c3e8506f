"""manage.py prune_pack_cache [--days N]: delete cached renders no pack uses any more."""

import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = (
        "Delete the cached document renders (MEDIA_ROOT/pack-cache/) that no agenda pack was "
        "last built from and that are older than --days. Safe to run while packs build."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=7,
            help="Keep every render made in the last this many days (default 7): builds "
            "in progress and minutes PDFs rendered lately use them.",
        )

    def handle(self, *args, **options) -> None:
        from meetings.packs.build import prune_render_cache

        if options["days"] < 0:
            raise CommandError("--days cannot be negative.")
        deleted, kept = prune_render_cache(datetime.timedelta(days=options["days"]))
        self.stdout.write(f"Deleted {deleted} cached renders; kept {kept}.")

"""The outstanding-issues report as a paper of the agenda pack, registered with
meetings.packs from RecommendationsConfig.ready() (meetings never imports this app)."""

from boards.models import Council
from meetings.models import AgendaItem, taken_in_private
from meetings.packs import GeneratedDocument
from meetings.packs.html import pdf_html
from recommendations import services
from recommendations.models import TrackerItem


def outstanding_issues_document(*, item: AgendaItem) -> list[GeneratedDocument]:
    """The report for the item's meeting, with the seeds' seven columns; none for a board
    that keeps no tracker."""
    meeting = item.meeting
    if not meeting.board.keeps_tracker:
        return []
    council = Council.load()
    entries = services.outstanding_issues_report(meeting=meeting)
    rows = [
        {"item": entry, "meeting_date": council.format("tracker", entry.source_meeting.date)}
        for entry in entries
    ]
    # Items from the minute of a private item are exempt (TrackerItem.objects.visible_to):
    # the public pack prints the report without them.
    private = set(
        TrackerItem.objects.filter(pk__in=[entry.pk for entry in entries])
        .filter(taken_in_private("minute__"))
        .values_list("pk", flat=True)
    )

    def report(rows: list[dict], withheld: int = 0) -> str:
        return pdf_html(
            "pdf/outstanding_issues.html",
            {
                "council": council,
                "meeting": meeting,
                "rows": rows,
                "withheld": withheld,
                "document_date": council.format("document", meeting.date),
            },
            title="Outstanding Issues Report",
        )

    public_html = ""
    if private:
        public_rows = [row for row in rows if row["item"].pk not in private]
        public_html = report(public_rows, withheld=len(private))
    return [
        GeneratedDocument(
            title="Outstanding Issues Report", html=report(rows), public_html=public_html
        )
    ]

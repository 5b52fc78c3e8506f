"""What the tracker does when the meetings app announces a milestone (meetings.signals).

Connected in RecommendationsConfig.ready(): meetings never imports the tracker.
"""

from recommendations import services


def minutes_published(sender, *, meeting, user, **kwargs) -> None:
    """Published minutes put their flagged parts and requests on the tracker, once."""
    services.tracker_items_create_from_minutes(meeting=meeting, user=user)


def agenda_published(sender, *, meeting, **kwargs) -> None:
    """A published agenda records which items its outstanding-issues report showed
    (boards that keep a tracker only)."""
    if meeting.board.keeps_tracker:
        services.outstanding_issues_report_record(meeting=meeting)

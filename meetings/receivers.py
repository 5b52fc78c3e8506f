"""What the meetings app does on its own milestones (meetings.signals): keep the agenda
packs of published meetings current. Connected in MeetingsConfig.ready()."""

from meetings.services.packs import pack_build_request


def document_changed(sender, *, document, **kwargs) -> None:
    """A paper of a published agenda changed: its meeting's packs are rebuilt."""
    meeting = document.agenda_item.meeting
    if meeting.is_published:
        pack_build_request(meeting=meeting)


def minutes_published(sender, *, meeting, **kwargs) -> None:
    """Published minutes go into the pack of the board's next meeting (its "Minutes of
    the previous meeting" item), once that meeting's agenda is published."""
    following = meeting.next_held_meeting()
    if following is not None and following.is_published:
        pack_build_request(meeting=following)

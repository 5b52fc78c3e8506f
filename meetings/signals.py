"""Signals the meetings app sends for the apps above it.

Apps import downwards only (recommendations → meetings → boards), so the tracker
learns of meetings' milestones by listening here, connected in its AppConfig.ready().
Both are sent once the database transaction that made the change has committed.
"""

from django.dispatch import Signal

# A meeting's agenda was published or republished. Arguments: meeting, user.
agenda_published = Signal()

# A meeting's minutes were published (as draft minutes). Arguments: meeting, user.
minutes_published = Signal()

# A paper was added, edited, replaced, moved or withdrawn (meetings.services.documents),
# so its meeting's agenda pack is out of date. Arguments: document, user.
document_changed = Signal()

from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Meetings, agendas and minutes"

    def ready(self) -> None:
        # The pack's own generated papers (minutes, work programme) register on import.
        import meetings.packs.content  # noqa: F401
        from meetings import receivers, signals

        signals.document_changed.connect(
            receivers.document_changed, dispatch_uid="meetings.document_changed"
        )
        signals.minutes_published.connect(
            receivers.minutes_published, dispatch_uid="meetings.minutes_published"
        )

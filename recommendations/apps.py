from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = "Recommendations tracker"

    def ready(self) -> None:
        from meetings import signals
        from recommendations import receivers

        signals.agenda_published.connect(
            receivers.agenda_published, dispatch_uid="recommendations.agenda_published"
        )
        signals.minutes_published.connect(
            receivers.minutes_published, dispatch_uid="recommendations.minutes_published"
        )

        # The agenda pack prints the outstanding-issues report under its agenda item.
        from meetings.models import AgendaItem
        from meetings.packs import register_generated_document
        from recommendations.pack import outstanding_issues_document

        register_generated_document(AgendaItem.Kind.OUTSTANDING_ISSUES, outstanding_issues_document)

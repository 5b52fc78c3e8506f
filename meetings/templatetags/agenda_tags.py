"""The published versions of an agenda on the public meeting page."""

from django import template

from meetings.models import AgendaPublication, Document

register = template.Library()


@register.simple_tag(takes_context=True)
def agenda_publications(context, meeting) -> list[AgendaPublication]:
    """A meeting's publications, each supplementary agenda with the papers it added that
    the user may see (two queries, whatever the number of publications)."""
    user = context["request"].user
    publications = list(AgendaPublication.objects.filter(meeting=meeting).order_by("version"))
    wanted = {
        document["id"]
        for publication in publications
        if publication.kind == AgendaPublication.Kind.SUPPLEMENTARY
        for item in publication.snapshot.get("items", [])
        for document in item.get("documents", [])
    }
    visible = (
        {
            document.pk: document
            for document in Document.objects.visible_to(user).filter(pk__in=wanted)
        }
        if wanted
        else {}
    )
    for index, publication in enumerate(publications):
        publication.added_documents = []
        if publication.kind != AgendaPublication.Kind.SUPPLEMENTARY or index == 0:
            continue
        before = {
            document["id"]
            for item in publications[index - 1].snapshot.get("items", [])
            for document in item.get("documents", [])
        }
        for item in publication.snapshot.get("items", []):
            for document in item.get("documents", []):
                if document["id"] not in before and document["id"] in visible:
                    publication.added_documents.append(
                        {"item": item["number"], "document": visible[document["id"]]}
                    )
    return publications

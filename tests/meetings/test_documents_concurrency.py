"""Two officers saving one paper at the same moment, from the same version: exactly one
save wins and the other is told of the conflict (security.md, "Lost updates").

Real concurrent transactions need PostgreSQL's row locks (SELECT … FOR UPDATE); SQLite
serialises writers on its own, so the test runs on PostgreSQL (as CI does).
"""

import threading

import pytest
from django.db import connection

from meetings import services
from tests.factories import DocumentFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's row locks (CI runs it)"
    ),
]


def test_concurrent_saves_of_one_version_lose_nothing():
    document = DocumentFactory(body_html="<p>Original</p>")
    officers = [UserFactory(username=f"officer{n}", role="officer") for n in range(8)]
    barrier = threading.Barrier(len(officers))
    outcomes: list[str] = []

    def save(officer, text):
        from django.db import connections

        try:
            barrier.wait()
            services.document_update(
                document=document, version=1, user=officer, body_html=f"<p>{text}</p>"
            )
            outcomes.append(f"saved {text}")
        except services.DocumentConflict:
            outcomes.append("conflict")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=save, args=(officer, f"Text {n}"))
        for n, officer in enumerate(officers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    saved = [outcome for outcome in outcomes if outcome.startswith("saved")]
    assert len(outcomes) == len(officers)
    assert len(saved) == 1 and outcomes.count("conflict") == len(officers) - 1
    document.refresh_from_db()
    assert document.version == 2
    assert f"<p>{saved[0].removeprefix('saved ')}</p>" == document.body_html

"""No lost work: 20 people updating one tracker item at once (security.md, "Lost updates").

Each round, 20 threads read the item's version at the same moment (a barrier), then all
save through the service with that version: exactly one wins, every other is told of the
conflict, and nothing is silently overwritten. Runs on PostgreSQL, whose row locks the
service relies on; SQLite serialises whole-database writes and has no SELECT … FOR UPDATE.
"""

import datetime
import threading

import pytest
from django.db import connection

from recommendations.models import TrackerItem
from recommendations.services import (
    TrackerItemConflict,
    tracker_item_create,
    tracker_item_respond,
    tracker_item_update,
)
from tests.factories import MeetingFactory

THREADS = 20
ROUNDS = 5

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locking under concurrent writers is tested on PostgreSQL only",
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def item(board, coordinator, council) -> TrackerItem:
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 7, 21))
    return tracker_item_create(
        board=board,
        source_meeting=meeting,
        kind=TrackerItem.Kind.RECOMMENDATION,
        text="Write to Government regarding funding.",
        agenda_item_title="Serious Case Review",
        user=coordinator,
    )


def _race(item: TrackerItem, save) -> list[list[str]]:
    """Run ROUNDS rounds of THREADS simultaneous saves; per round, each thread's outcome."""
    barrier = threading.Barrier(THREADS)
    outcomes = [[""] * THREADS for _ in range(ROUNDS)]

    def worker(index: int) -> None:
        try:
            for round_ in range(ROUNDS):
                barrier.wait()
                version = TrackerItem.objects.values_list("version", flat=True).get(pk=item.pk)
                barrier.wait()  # everyone has read the same version before anyone saves
                try:
                    save(version, f"round {round_} thread {index}")
                    outcomes[round_][index] = "saved"
                except TrackerItemConflict as conflict:
                    assert conflict.current.version > version
                    outcomes[round_][index] = "conflict"
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


def _assert_one_winner_per_round(outcomes: list[list[str]]) -> int:
    for round_outcomes in outcomes:
        assert round_outcomes.count("saved") == 1
        assert round_outcomes.count("conflict") == THREADS - 1
    attempts = sum(len(round_outcomes) for round_outcomes in outcomes)
    saved = sum(round_outcomes.count("saved") for round_outcomes in outcomes)
    conflicts = sum(round_outcomes.count("conflict") for round_outcomes in outcomes)
    assert saved + conflicts == attempts == THREADS * ROUNDS
    return saved


def test_twenty_people_responding_at_once_lose_no_response(item, officer):
    def save(version: int, text: str) -> None:
        tracker_item_respond(
            item=item, version=version, user=officer, date=datetime.date(2016, 7, 26), text=text
        )

    saved = _assert_one_winner_per_round(_race(item, save))
    item.refresh_from_db()
    assert item.version == 1 + saved == 1 + ROUNDS
    assert item.responses.count() == saved
    assert item.status == TrackerItem.Status.IN_PROGRESS


def test_twenty_people_editing_at_once_overwrite_nothing_silently(item, officer):
    def save(version: int, text: str) -> None:
        tracker_item_update(item=item, version=version, user=officer, text=text)

    outcomes = _race(item, save)
    saved = _assert_one_winner_per_round(outcomes)
    item.refresh_from_db()
    assert item.version == 1 + saved
    # The saved text is the last round's winner's, and every winning save is in the history.
    winner = outcomes[-1].index("saved")
    assert item.text == f"round {ROUNDS - 1} thread {winner}"
    assert item.history.count() == 1 + saved
    assert item.history.latest().history_user == officer

"""Demo data: Coventry's Education and Children's Services Scrutiny Board (2) as its
published agenda packs of 2016 and 2024 show it, plus a small illustrative second board.

`load()` is idempotent: rows are found by natural keys and saved only when they differ.
"""

from recommendations.demo import (
    accounts,
    council,
    education_board,
    finance_board,
    meetings_2016,
    meetings_2024,
)
from recommendations.demo.loading import Loaded


def load(*, with_accounts: bool = False) -> list[tuple[str, str, str]]:
    """Load everything; returns the demo accounts as (user name, role, password) rows."""
    ctx = Loaded()
    council.load(ctx)
    education_board.load(ctx)
    meetings_2016.load(ctx)
    meetings_2024.load(ctx)
    finance_board.load(ctx)
    return accounts.load(ctx) if with_accounts else []

"""The station's calendar, from the store's clock (GEN-4): one definition for every use case."""

from __future__ import annotations

from datetime import date

from app.ports import UnitOfWork


def local_today(tx: UnitOfWork) -> date:
    """The station's calendar date, from the store's clock (server time on a shared database)."""
    return tx.now().astimezone().date()

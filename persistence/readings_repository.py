"""Repository for environment readings and excursions: readings go in as one bulk insert inside the unit of
work's transaction (a million rows cannot be ORM objects); the import that brought them is an audited record."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.readings import Excursion
from persistence import process_tables as pt
from persistence.bulk import insert_rows


class SqlReadings:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._bound: dict[str, dict[Any, Any]] = {}  # times and values bound once per import, not per sensor

    def add(self, obj: object) -> None:
        self.session.add(obj)

    def stored(self, sensor_code: str, start: datetime, end: datetime) -> dict[datetime, Decimal]:
        c = pt.readings.c
        rows = self.session.execute(select(c.at, c.value).where(
            c.sensor_code == sensor_code, c.at >= start, c.at <= end))
        return {at: value for at, value in rows}

    def insert(self, import_id: int, rows: Sequence[tuple[str, datetime, Decimal]]) -> None:
        insert_rows(self.session.connection(), pt.readings, [
            {"sensor_code": s, "at": at, "value": v, "import_id": import_id} for s, at, v in rows], bound=self._bound)

    def series(self, sensor_code: str, start: datetime, end: datetime) -> list[tuple[datetime, float]]:
        c = pt.readings.c
        rows = self.session.execute(select(c.at, c.value).where(
            c.sensor_code == sensor_code, c.at >= start, c.at <= end).order_by(c.at))
        return [(at, float(value)) for at, value in rows]

    def coverage(self, sensor_code: str, start: datetime, end: datetime) -> tuple[datetime, datetime] | None:
        """The first and last reading of a sensor between two times, or None when there is none."""
        c = pt.readings.c
        first, last = self.session.execute(select(func.min(c.at), func.max(c.at)).where(
            c.sensor_code == sensor_code, c.at >= start, c.at <= end)).one()
        return None if first is None else (first, last)  # min/max keep the column's UTC type

    def excursions_by_key(self, keys: Sequence[str]) -> dict[str, Excursion]:
        found: dict[str, Excursion] = {}
        for i in range(0, len(keys), 500):
            stmt = select(Excursion).where(pt.excursions.c.key.in_(keys[i:i + 500]))
            found.update((e.key, e) for e in self.session.scalars(stmt))
        return found

    def excursions(self, *, room_code: str | None = None, start: datetime | None = None,
                   end: datetime | None = None) -> Sequence[Excursion]:
        c = pt.excursions.c
        stmt = select(Excursion).order_by(c.started_at, c.id)
        if room_code:
            stmt = stmt.where(c.room_code == room_code)
        if start is not None:
            stmt = stmt.where(c.ended_at >= start)
        if end is not None:
            stmt = stmt.where(c.started_at <= end)
        return self.session.scalars(stmt).all()


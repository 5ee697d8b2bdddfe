"""Queries of CAPA (DEV-2): one by number, the list, actions, and open actions past their due date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.capa import Capa, CapaAction, CapaStatus
from persistence import capa_tables as ct


class SqlCapas:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj: object) -> None:
        self.session.add(obj)

    def get(self, number: str, *, for_update: bool = False) -> Capa | None:
        stmt = select(Capa).where(ct.capas.c.number == number)
        return self.session.scalars(stmt.with_for_update() if for_update else stmt).one_or_none()

    def find(self, *, open_only: bool = False, deviation: str | None = None, limit: int = 500) -> Sequence[Capa]:
        c = ct.capas.c
        stmt = select(Capa).order_by(c.id.desc()).limit(limit)
        if open_only:
            stmt = stmt.where(c.status == CapaStatus.OPEN)
        if deviation:
            stmt = stmt.where(c.deviation == deviation)
        return self.session.scalars(stmt).all()

    def actions(self, capa_ids: Sequence[int], *, for_update: bool = False) -> dict[int, list[CapaAction]]:
        found: dict[int, list[CapaAction]] = {i: [] for i in capa_ids}
        if not capa_ids:
            return found
        c = ct.capa_actions.c
        stmt = select(CapaAction).where(c.capa_id.in_(capa_ids)).order_by(c.capa_id, c.action_no)
        for action in self.session.scalars(stmt.with_for_update() if for_update else stmt):
            found[action.capa_id].append(action)
        return found

    def overdue_actions(self, today: date, owner: str | None = None) -> Sequence[tuple[Capa, CapaAction]]:
        """Open actions whose due date has passed, the oldest due first; `owner` narrows to one person's."""
        a, c = ct.capa_actions.c, ct.capas.c
        stmt = (select(Capa, CapaAction).join(ct.capa_actions, a.capa_id == c.id)
                .where(a.done_at.is_(None), a.due_on < today, c.status == CapaStatus.OPEN)
                .order_by(a.due_on, c.number, a.action_no))
        if owner:
            stmt = stmt.where(a.owner == owner)
        return [(capa, action) for capa, action in self.session.execute(stmt)]

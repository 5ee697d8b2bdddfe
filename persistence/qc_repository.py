"""Queries of the QC lab: specifications, QC plans (the worklist), results, deviations and their links."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select, tuple_
from sqlalchemy.orm import Session

from domain.deviations import Deviation, DeviationLink, DeviationStatus
from domain.quality import PlanStatus, QcPlan, QcResult, Specification, SpecStatus
from persistence import qc_tables as q


def _plan_filters(stmt: Select[Any], status: PlanStatus | None, item_code: str | None, due_by: date | None,
                  text: str | None) -> Select[Any]:
    c = q.qc_plans.c
    if status is not None:
        stmt = stmt.where(c.status == status)
    if item_code:
        stmt = stmt.where(c.item_code == item_code)
    if due_by is not None:
        stmt = stmt.where(c.due_on <= due_by)
    if text:
        stmt = stmt.where(c.record_id.like(f"{text}%"))
    return stmt


class SqlQuality:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj: object) -> None:
        self.session.add(obj)

    # --- specifications -----------------------------------------------------------------------------------
    def spec(self, spec_id: int) -> Specification | None:
        return self.session.get(Specification, spec_id)

    def spec_version(self, item_code: str, version: int, *, for_update: bool = False) -> Specification | None:
        c = q.specifications.c
        stmt = select(Specification).where(c.item_code == item_code, c.version == version)
        return self.session.scalars(stmt.with_for_update() if for_update else stmt).one_or_none()

    def effective_spec(self, item_code: str) -> Specification | None:
        c = q.specifications.c
        return self.session.scalars(select(Specification).where(
            c.item_code == item_code, c.status == SpecStatus.EFFECTIVE)).one_or_none()

    def latest_spec_version(self, item_code: str) -> int:
        c = q.specifications.c
        return int(self.session.scalar(select(func.max(c.version)).where(c.item_code == item_code)) or 0)

    def specs(self, item_code: str | None = None) -> Sequence[Specification]:
        c = q.specifications.c
        stmt = select(Specification).order_by(c.item_code, c.version)
        if item_code:
            stmt = stmt.where(c.item_code == item_code)
        return self.session.scalars(stmt).all()

    # --- QC plans and results -----------------------------------------------------------------------------
    def plan(self, record_type: str, record_id: str) -> QcPlan | None:
        c = q.qc_plans.c
        return self.session.scalars(select(QcPlan).where(c.record_type == record_type,
                                                         c.record_id == record_id)).one_or_none()

    def plans(self, *, status: PlanStatus | None = PlanStatus.OPEN, item_code: str | None = None,
              due_by: date | None = None, text: str | None = None, limit: int = 5000, offset: int = 0
              ) -> Sequence[QcPlan]:
        c = q.qc_plans.c
        stmt = _plan_filters(select(QcPlan), status, item_code, due_by, text)
        return self.session.scalars(stmt.order_by(c.due_on, c.id).limit(limit).offset(offset)).all()

    def count_plans(self, *, status: PlanStatus | None = PlanStatus.OPEN, item_code: str | None = None,
                    due_by: date | None = None, text: str | None = None) -> int:
        stmt = _plan_filters(select(func.count()).select_from(q.qc_plans), status, item_code, due_by, text)
        return int(self.session.scalar(stmt) or 0)

    def results(self, plan_ids: Sequence[int]) -> dict[int, list[QcResult]]:
        found: dict[int, list[QcResult]] = {i: [] for i in plan_ids}
        if not plan_ids:
            return found
        c = q.qc_results.c
        for r in self.session.scalars(select(QcResult).where(c.plan_id.in_(list(plan_ids))).order_by(c.id)):
            found[r.plan_id].append(r)
        return found

    def result(self, result_id: int, *, for_update: bool = False) -> QcResult | None:
        stmt = select(QcResult).where(q.qc_results.c.id == result_id)
        return self.session.scalars(stmt.with_for_update() if for_update else stmt).one_or_none()

    # --- deviations ---------------------------------------------------------------------------------------
    def deviation(self, number: str, *, for_update: bool = False) -> Deviation | None:
        stmt = select(Deviation).where(q.deviations.c.number == number)
        return self.session.scalars(stmt.with_for_update() if for_update else stmt).one_or_none()

    def deviations(self, *, open_only: bool = False, limit: int = 500) -> Sequence[Deviation]:
        c = q.deviations.c
        stmt = select(Deviation).order_by(c.id.desc()).limit(limit)
        if open_only:
            stmt = stmt.where(c.status != DeviationStatus.CLOSED)
        return self.session.scalars(stmt).all()

    def links(self, deviation_ids: Sequence[int]) -> dict[int, list[DeviationLink]]:
        found: dict[int, list[DeviationLink]] = {i: [] for i in deviation_ids}
        if not deviation_ids:
            return found
        c = q.deviation_links.c
        for link in self.session.scalars(select(DeviationLink).where(c.deviation_id.in_(list(deviation_ids)))
                                         .order_by(c.id)):
            found[link.deviation_id].append(link)
        return found

    def linked_to(self, refs: Sequence[tuple[str, str]], *, open_only: bool = False) -> Sequence[Deviation]:
        """Deviations linked to any of these (kind, ref) records, oldest first, each once."""
        if not refs:
            return []
        lk, d = q.deviation_links.c, q.deviations.c
        ids = select(lk.deviation_id).where(tuple_(lk.kind, lk.ref).in_(list(refs)))
        stmt = select(Deviation).where(d.id.in_(ids)).order_by(d.id)
        if open_only:
            stmt = stmt.where(d.status != DeviationStatus.CLOSED)
        return self.session.scalars(stmt).all()

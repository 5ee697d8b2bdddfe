"""Exact quantities on both engines (issue 9 finding 6; LOT-5, TRC-4, GEN-7): persistence.types.Quantity keeps
every value of 12 digits before the point and 6 after exactly (NUMERIC on PostgreSQL, whole millionths on
SQLite), SQL sums them exactly, the record and its audit entry agree, and migration 0017 converts what SQLite
kept as floats."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, Engine, Integer, MetaData, Table, delete, func, insert, select, text

from app import audit
from app.ports import AuditFilter
from persistence import schema
from persistence.engine import make_engine, parse_url
from persistence.types import Quantity, raw_quantity
from tests.app.lots_support import Site, lot, receive, site_fixture
from tests.cli.support import sql

__all__ = ["site_fixture"]
pytestmark = pytest.mark.req("LOT-5", "TRC-4")

BOUND = Decimal("999999999999.999999")  # 12 digits before the point, 6 after: the site-wide bound
QUANTITIES = st.decimals(min_value=-BOUND, max_value=BOUND, places=6, allow_nan=False, allow_infinity=False)
probe = Table("quantity_probe", MetaData(), Column("id", Integer, primary_key=True), Column("q", Quantity()))


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(parse_url(db_url))
    probe.create(engine)
    try:
        yield engine
    finally:
        probe.drop(engine)
        engine.dispose()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(QUANTITIES, min_size=1, max_size=5))
def test_every_quantity_within_the_bound_comes_back_exactly_and_sums_exactly(engine: Engine,
                                                                              values: list[Decimal]) -> None:
    with engine.begin() as c:
        c.execute(delete(probe))
        c.execute(insert(probe), [{"id": i, "q": v} for i, v in enumerate(values)])
    with engine.connect() as c:
        assert c.execute(select(probe.c.q).order_by(probe.c.id)).scalars().all() == values
        assert c.execute(select(func.sum(probe.c.q))).scalar_one() == sum(values)
        # the raw SQL of the trace (persistence/trace_queries.py) reads the bare cursor and decodes it so
        raw = c.exec_driver_sql("SELECT SUM(q) FROM quantity_probe").scalar_one()
        assert raw_quantity(engine.dialect)(raw) == sum(values)


def test_sqlite_keeps_whole_millionths_and_postgresql_numeric(engine: Engine) -> None:
    with engine.begin() as c:
        c.execute(insert(probe), [{"id": 1, "q": BOUND}, {"id": 2, "q": Decimal("0.1")}])
        stored = c.exec_driver_sql("SELECT q FROM quantity_probe ORDER BY id").scalars().all()
    if engine.dialect.name == "sqlite":
        assert stored == [999999999999999999, 100000]
    else:
        assert stored == [BOUND, Decimal("0.100000")]


def test_more_than_six_decimal_places_are_refused_not_rounded(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's NUMERIC(18, 6) rounds; the domain refuses such input before (GEN-7)")
    with pytest.raises(Exception, match="more than 6 decimal places"), engine.begin() as c:
        c.execute(insert(probe), [{"id": 1, "q": Decimal("0.0000001")}])


def test_the_largest_quantity_is_kept_in_the_lot_and_in_its_audit_entry(site: Site) -> None:
    """Finding 6: 999999999999.999999 kg was stored as 1000000000000 on SQLite while its audit entry said
    999999999999.999999. Now the lot, its audit entry and the record check agree."""
    number = receive(site, "RES", "999999999999.999999").lot_number
    assert lot(site, number).quantity == BOUND
    entry = audit.audit_page(site.ctx.read_uow(), site.admin,
                             AuditFilter(record_type="lot", record_id=number, action="CREATE"), limit=1)[0]
    assert Decimal(str(entry.change_map()["quantity"][1])) == BOUND
    assert audit.check_audit_records(site.ctx.read_uow(), site.admin) == []


def test_migration_0017_converts_what_sqlite_kept_as_floats(site: Site) -> None:
    if not site.db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL kept NUMERIC(18, 6): 0017 changes nothing there")
    numbers = [receive(site, "RES", q).lot_number for q in ("12.345678", "0.1", "250")]
    site.ctx.dispose()
    engine = make_engine(parse_url(site.db_url))
    try:
        schema.downgrade(engine, "0016")  # back to floats, as SQLite kept them before
        before = [sql(site.db_url, f"SELECT quantity FROM lots WHERE lot_number = '{n}'")[0][0] for n in numbers]
        assert before == [12.345678, 0.1, 250]
        schema.upgrade(engine)
        with engine.connect() as c:
            after = [c.execute(text("SELECT quantity FROM lots WHERE lot_number = :n"), {"n": n}).scalar_one()
                     for n in numbers]
    finally:
        engine.dispose()
    assert after == [12345678, 100000, 250000000]

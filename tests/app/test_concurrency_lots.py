"""Several stations at once on the shared PostgreSQL store (LOT-3, LOT-7, GEN-2): lot numbers without
collisions or gaps, and two issues from one lot that cannot both fit. Each thread is a station with its own
units of work (a Session never crosses threads); a barrier starts them together."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import TypeVar

import pytest

from app import batches, lots
from domain.batches import IssueRefused
from domain.errors import ConcurrentChange, DomainError
from tests.app.lots_support import (  # noqa: F401
    Site,
    chain,
    count_rows,
    effective_mbr,
    lot,
    open_alerts,
    released_lot,
    running_batch,
    site_fixture,
    trail,
)

T = TypeVar("T")
POSTGRESQL_ONLY = pytest.mark.parametrize("engine_name", [pytest.param("postgresql", marks=pytest.mark.pg)])


def all_at_once(count: int, work: Callable[[int], T]) -> list[T | BaseException]:
    """Run work(0..count-1) on `count` threads released together; each result or the exception raised."""
    barrier = threading.Barrier(count)

    def station(index: int) -> T | BaseException:
        barrier.wait(timeout=30)
        try:
            return work(index)
        except Exception as error:  # collected: the test decides which errors are acceptable
            return error

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(station, range(count)))


@POSTGRESQL_ONLY
@pytest.mark.req("LOT-3", "GEN-2")
def test_eight_stations_receiving_at_once_get_distinct_numbers_without_gaps(site: Site) -> None:
    stations, receipts = 8, 20

    def receive_many(index: int) -> list[str]:
        numbers = []
        for k in range(receipts):
            receipt = lots.Receipt("RES", "ACME", f"ST{index}-{k}", "1", "kg",
                                   manufactured_on=site.today())
            numbers.append(lots.receive_lot(site.ctx.uow(), site.warehouse, receipt).lot_number)
        return numbers

    results = all_at_once(stations, receive_many)
    errors = [r for r in results if isinstance(r, BaseException)]
    assert errors == []
    numbers = [n for r in results if isinstance(r, list) for n in r]
    assert len(numbers) == len(set(numbers)) == stations * receipts
    by_prefix: dict[str, list[int]] = defaultdict(list)
    for number in numbers:
        prefix, seq = number.rsplit("-", 1)
        by_prefix[prefix].append(int(seq))
    for seqs in by_prefix.values():  # one prefix unless the test ran over midnight
        assert sorted(seqs) == list(range(1, len(seqs) + 1))
    assert count_rows(site.db_url, "lots") == stations * receipts
    created = trail(site, record_type="lot", action="CREATE")
    assert sorted(e.record_id for e in created) == sorted(numbers)
    assert chain(site).intact


@pytest.mark.req("LOT-7", "GEN-2")
def test_two_stations_issuing_from_one_lot_cannot_both_take_more_than_it_has(site: Site) -> None:
    """Each issue fits the lot alone, not both. Runs on both engines: the same answer on each (GEN-2)."""
    effective_mbr(site, "SYR", [("RES", "0.006", "10")])  # 1000 pcs need 6 kg, at most 6.6
    for attempt in range(3):
        source = released_lot(site, "RES", "10", supplier_lot=f"RACE-{attempt}").lot_number
        targets = [running_batch(site, "SYR", "1000").batch_number for _ in range(2)]
        alerts_before = len(open_alerts(site))

        def issue(index: int, source: str = source, targets: list[str] = targets) -> batches.IssueView:
            return batches.issue_material(site.ctx.uow(), site.warehouse, targets[index], source, "6")

        results = all_at_once(2, issue)
        done = [r for r in results if isinstance(r, batches.IssueView)]
        refused = [r for r in results if isinstance(r, BaseException)]
        assert len(done) == 1, results
        assert len(refused) == 1, results
        error = refused[0]
        assert isinstance(error, (IssueRefused, ConcurrentChange)), repr(error)
        assert isinstance(error, DomainError)
        if isinstance(error, IssueRefused):
            assert str(error) == f"lot {source} has only 4 kg available, 6 requested"
            assert len(open_alerts(site)) == alerts_before + 1
        view = lot(site, source)
        assert (view.on_hand, view.status) == (Decimal(4), "Released")
        issued = [b for b in targets
                  if batches.get_batch(site.ctx.read_uow(), site.admin, b).issues]
        assert len(issued) == 1
    assert chain(site).intact

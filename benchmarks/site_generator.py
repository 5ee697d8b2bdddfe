"""A reproducible ten-year site history for the trace benchmark (TRC-3), loaded in bulk into a migrated database.

The site: raw materials, components and packaging received from approved suppliers; three levels of
intermediates (moulded parts, sub-assemblies, assemblies) and finished devices, each made to a 20-line
master batch record, so a finished device has four BOM levels below it. Production is simulated day by day
over ten years of working days: each batch takes its materials first-in first-out from the lots on hand
(a line may draw on two or more lots when one runs out), completes a day or two later, and its output lot
becomes available to the next level after QC. Finished lots are then shipped to customers.

One bulk resin lot (a silo delivery, issued a few kilograms at a time) is used in more than 2,000 batches:
the forward trace from it is the worst case a recall meets.

Everything comes from one seeded `random.Random`, so the same `--scale` and seed give the same database.
The rows go straight into the tables of a freshly migrated database (`executemany` on SQLite, COPY on
PostgreSQL); the audit trail is left empty apart from the schema upgrade, since no trace reads it.
"""

from __future__ import annotations

import bisect
import random
import sqlite3
import time
from collections import Counter, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from domain.gtin import gtin_check_digit
from domain.numbering import DEFAULT_RULES, NumberContext, NumberRule
from persistence import tables as t
from persistence.types import Quantity, to_millionths

START = date(2016, 11, 28)  # a Monday: ten years of history up to the day before the benchmark date
END = date(2026, 11, 25)
SEED = 20261126
LINES_PER_BOM = 20
MILLI = 1000  # quantities are simulated in thousandths (g for kg, milli-pieces for pcs) to stay exact


@dataclass(frozen=True)
class Spec:
    scale: float = 1.0
    seed: int = SEED

    @property
    def batches(self) -> int:
        return max(200, round(50_000 * self.scale))

    @property
    def shipments(self) -> int:
        return max(200, round(100_000 * self.scale))

    @property
    def hot_resin_uses(self) -> int:
        """Batches the bulk resin lot is sized for (it ends a little above: the last draw may span lots)."""
        return max(20, round(2_150 * self.scale))


@dataclass
class Item:
    code: str
    name: str
    item_type: str
    unit: str
    level: int  # 0 received, 1..3 intermediate, 4 finished device
    shelf_life_days: int | None
    storage: str
    gtin: str | None = None
    bom: list[tuple[str, int]] = field(default_factory=list)  # (item code, milli-units per unit)
    batch_size: tuple[int, int] = (0, 0)  # planned quantity range (pcs) for made items
    lot_uses: float = 0.0  # received items: typical number of batches one lot lasts
    suppliers: list[str] = field(default_factory=list)


# The columns the generator fills, in the order of its rows. Columns added to these tables later must be
# nullable (or have a server default) for the benchmark to load; `check_columns` says so plainly.
COLUMNS: dict[str, tuple[str, ...]] = {
    "items": ("code", "name", "item_type", "unit", "shelf_life_days", "storage_condition", "gtin", "active"),
    "suppliers": ("code", "name", "active"),
    "supplier_approvals": ("id", "item_code", "supplier_code", "status", "since"),
    "customers": ("code", "name", "country", "address", "active"),
    "number_sequences": ("key", "last_value"),
    "mbrs": ("id", "product_code", "version", "status", "title", "created_at", "effective_at"),
    "mbr_lines": ("id", "mbr_id", "line_no", "item_code", "quantity_per_unit", "tolerance_pct"),
    "batches": ("id", "batch_number", "product_code", "mbr_id", "mbr_version", "planned_quantity",
                "produced_quantity", "unit", "status", "held_from", "planned_at", "started_at", "completed_at",
                "version"),
    "lots": ("id", "lot_number", "item_code", "origin", "status", "quantity", "on_hand", "unit", "supplier_code",
             "supplier_lot", "manufactured_on", "expires_on", "created_at", "batch_id", "version"),
    "material_issues": ("id", "batch_id", "lot_id", "item_code", "kind", "quantity", "at", "by_user"),
    "shipments": ("id", "shipment_number", "customer_code", "shipped_on", "created_at"),
    "shipment_lines": ("id", "shipment_id", "lot_id", "quantity"),
    "genealogy": ("src_kind", "src_id", "dst_kind", "dst_id", "quantity"),
}


def check_columns() -> None:
    """Refuse to load into a schema the generator does not fill correctly (a renamed or new required column)."""
    for name, columns in COLUMNS.items():
        table = t.metadata.tables[name]
        unknown = [c for c in columns if c not in table.columns]
        unfilled = [c.name for c in table.columns if c.name not in columns and not c.nullable
                    and c.server_default is None]
        if unknown or unfilled:
            raise RuntimeError(f"benchmarks/site_generator.py is out of date for table {name}: "
                               f"unknown columns {unknown}, required columns not generated {unfilled}")


@dataclass
class Site:
    """The generated rows, per table, in the order of `COLUMNS`."""

    rows: dict[str, list[tuple[Any, ...]]]
    hot_lot_id: int
    counts: dict[str, int]


def _workdays() -> list[date]:
    days, d = [], START
    while d <= END:
        if d.weekday() < 5:
            days.append(d)
        d += timedelta(days=1)
    return days


def _ts(day: date, minute: int) -> str:
    """A UTC timestamp as the app stores it on SQLite (PostgreSQL loads it with TimeZone=UTC)."""
    return f"{day.isoformat()} {minute // 60 % 24:02d}:{minute % 60:02d}:00.000000"


def _qty(milli: int) -> float | int:
    return milli // MILLI if milli % MILLI == 0 else milli / MILLI


# --- master data ------------------------------------------------------------------------------------------
RAW_NAMES = ["PP resin", "PC resin", "ABS resin", "PE-LD granulate", "Silicone LSR A", "Silicone LSR B",
             "TPU granulate", "Colour masterbatch blue", "Colour masterbatch white", "UV adhesive",
             "Cyanoacrylate adhesive", "Isopropanol", "Lubricant (silicone oil)", "PVC compound",
             "Stainless wire 0.3 mm", "Nitinol wire", "Polyimide tubing stock", "PET film"]
COMPONENT_NAMES = ["Luer lock", "Check valve", "O-ring", "Needle cannula", "Spring", "Screw M2",
                   "Membrane filter", "Clamp", "Cap", "Connector", "Tube 3 mm", "Tube 5 mm", "Gasket",
                   "Battery cell", "PCB", "LED", "Plunger stopper", "Seal ring", "Hub", "Stylet"]
PACKAGING_NAMES = ["Blister tray", "Tyvek lid", "Pouch", "Folding box", "Shipper carton", "IFU leaflet",
                   "Label roll", "Desiccant", "Pallet wrap", "Header card"]
LEVEL_NAMES = {1: "Moulded part", 2: "Sub-assembly", 3: "Assembly", 4: "Device"}
DEVICE_NAMES = ["Infusion set", "IV catheter", "Syringe 10 mL", "Extension line", "Blood collection set",
                "Wound drain", "Stopcock", "Biopsy needle", "Urinary catheter", "Suction set"]
COUNTRIES = ["DE", "FR", "IT", "ES", "NL", "BE", "AT", "CH", "PL", "SE", "DK", "GB", "IE", "PT", "CZ"]
STORAGE = ["15-25 °C, dry", "2-8 °C", "below 30 °C", "15-25 °C, protect from light"]


def _master_data(
    rng: random.Random, scale: float
) -> tuple[dict[str, Item], list[tuple[str, str]], list[tuple[str, str]]]:
    items: dict[str, Item] = {}

    def add(item: Item) -> None:
        items[item.code] = item

    add(Item("RM-0001", "PP resin, medical grade (bulk silo)", "Raw material", "kg", 0, 1095, STORAGE[0]))
    for n in range(2, 61):
        add(Item(f"RM-{n:04d}", f"{RAW_NAMES[n % len(RAW_NAMES)]} grade {n}", "Raw material", "kg", 0,
                 rng.choice([730, 1095, 1825]), rng.choice(STORAGE)))
    for n in range(1, 401):
        add(Item(f"CP-{n:04d}", f"{COMPONENT_NAMES[n % len(COMPONENT_NAMES)]} type {n}", "Component", "pcs", 0,
                 None, STORAGE[0]))
    for n in range(1, 121):
        add(Item(f"PK-{n:04d}", f"{PACKAGING_NAMES[n % len(PACKAGING_NAMES)]} {n}", "Packaging", "pcs", 0,
                 None, STORAGE[0]))
    per_level = {1: 40, 2: 30, 3: 20, 4: 60}
    sizes = {1: (16_000, 26_000), 2: (10_000, 16_000), 3: (7_000, 11_000), 4: (2_000, 6_000)}
    for level, count in per_level.items():
        for n in range(1, count + 1):
            if level == 4:
                body = f"0401234{n:06d}"
                add(Item(f"FG-{1000 + n}", f"{DEVICE_NAMES[n % len(DEVICE_NAMES)]} model {n}", "Finished device",
                         "pcs", 4, 1825, rng.choice(STORAGE), gtin=body + str(gtin_check_digit(body))))
            else:
                add(Item(f"IM{level}-{n:03d}", f"{LEVEL_NAMES[level]} {n}", "Intermediate", "pcs", level, 730,
                         STORAGE[0]))
            items[next(reversed(items))].batch_size = sizes[level]

    raws = [c for c in items if c.startswith("RM-") and c != "RM-0001"]
    components = [c for c in items if c.startswith("CP-")]
    packaging = [c for c in items if c.startswith("PK-")]
    weights = [1 / (i + 1) ** 0.6 for i in range(len(components))]  # screws and O-rings go everywhere
    made = {level: [c for c, i in items.items() if i.level == level] for level in (1, 2, 3, 4)}
    for level in (1, 2, 3, 4):
        for code in made[level]:
            lines: list[tuple[str, int]] = []
            chosen: set[str] = set()

            def take(candidates: Sequence[str], k: int, milli: Callable[[], int],
                     w: Sequence[float] | None = None, lines: list[tuple[str, int]] = lines,
                     chosen: set[str] = chosen) -> None:
                while k > 0:
                    c = rng.choices(candidates, w)[0] if w else rng.choice(candidates)
                    if c not in chosen:
                        chosen.add(c)
                        lines.append((c, milli()))
                        k -= 1

            if level > 1:
                take(made[level - 1], 1 if level == 4 else 2, lambda: MILLI)
            if rng.random() < 0.75:  # the bulk resin goes into three products in four, at every level
                take(["RM-0001"], 1, lambda: rng.randint(2, 9))
            take(raws, {1: 4, 2: 2, 3: 2, 4: 1}[level], lambda: rng.randint(1, 40))
            if level == 4:
                take(packaging, rng.randint(4, 6), lambda: MILLI * rng.choice([1, 1, 1, 2]))
            take(components, LINES_PER_BOM - len(lines), lambda: MILLI * rng.choice([1, 1, 1, 2, 4]), weights)
            items[code].bom = lines

    suppliers = [(f"SUP{n:03d}", f"Supplier {n} GmbH") for n in range(1, 41)]
    for item in items.values():
        if item.level == 0:
            item.suppliers = rng.sample([s for s, _ in suppliers], rng.choice([1, 1, 2]))
            # a received lot lasts this many batches on average: a few for parts, hundreds for bulk resin
            item.lot_uses = max(5.0, 300 * scale) if item.code == "RM-0001" else 1.5 * (8 ** rng.random())
    customers = [(f"CU{n:04d}", f"{rng.choice(['Klinikum', 'Hospital', 'Distributor', 'Clinic'])} {n}")
                 for n in range(1, 801)]
    return items, suppliers, customers


# --- simulation -------------------------------------------------------------------------------------------
class _Lots:
    """The lots table, column by column."""

    def __init__(self) -> None:
        self.number: list[str] = []
        self.item: list[str] = []
        self.origin: list[str] = []
        self.quantity: list[int] = []
        self.used: list[int] = []
        self.created: list[int] = []  # working-day index
        self.supplier: list[str | None] = []
        self.supplier_lot: list[str | None] = []
        self.batch: list[int | None] = []
        self.status: list[str] = []

    def add(self, number: str, item: str, origin: str, quantity: int, created: int, supplier: str | None,
            supplier_lot: str | None, batch: int | None, status: str) -> int:
        self.number.append(number)
        self.item.append(item)
        self.origin.append(origin)
        self.quantity.append(quantity)
        self.used.append(0)
        self.created.append(created)
        self.supplier.append(supplier)
        self.supplier_lot.append(supplier_lot)
        self.batch.append(batch)
        self.status.append(status)
        return len(self.number)  # the id


def generate(spec: Spec, log: Callable[[str], None] = print) -> Site:
    check_columns()
    clock = time.perf_counter()
    rng = random.Random(spec.seed)
    items, suppliers, customers = _master_data(rng, spec.scale)
    days = _workdays()
    ndays = len(days)
    lots = _Lots()
    seqs: Counter[tuple[str, date, str]] = Counter()  # number sequences per (scope, day, item)

    def seq_day(scope: str, on: date) -> date:
        # batch numbers count per month and shipment numbers per year: key them on the period's first day
        if scope == "batch":
            return on.replace(day=1)
        if scope == "shipment":
            return on.replace(month=1, day=1)
        return on

    def number(scope: str, on: date, item: str = "") -> str:
        key = (scope, seq_day(scope, on), item)
        seqs[key] += 1
        seq = seqs[key]
        yy, doy = on.year % 100, on.timetuple().tm_yday
        if scope == "batch":
            return f"B{yy:02d}{on.month:02d}-{seq:04d}"
        if scope == "shipment":
            return f"S{on.year:04d}-{seq:05d}"
        if scope in ("lot.INTERMEDIATE", "lot.FINISHED_DEVICE"):
            return f"{item}-{yy:02d}{doy:03d}-{seq:03d}"
        return f"{scope[4]}{yy:02d}{doy:03d}-{seq:04d}"

    supplier_lot_next = {s: rng.randint(100_000, 400_000) for s, _ in suppliers}
    supplier_prefix = {s: f"{chr(65 + i % 26)}{chr(65 + i // 26)}-" for i, (s, _) in enumerate(suppliers)}

    # per-use consumption of each received item (milli-units), to size its lots
    use_sum: Counter[str] = Counter()
    use_n: Counter[str] = Counter()
    for item in items.values():
        if item.level:
            mean_size = sum(item.batch_size) / 2
            for code, milli in item.bom:
                use_sum[code] += int(milli * mean_size)
                use_n[code] += 1

    # received items: the lot in use and what is left of it
    current: dict[str, list[int]] = {}  # code -> [lot id, remaining]
    hot_lot_id = 0
    hot_day = int(ndays * 0.65)  # the silo delivery arrives in the seventh year
    resin_use = [0, 0]  # milli-kg and batches so far

    def receive(code: str, day: int) -> list[int]:
        nonlocal hot_lot_id
        item = items[code]
        hot = code == "RM-0001" and not hot_lot_id and day >= hot_day
        if hot:  # sized from what resin use has been so far
            quantity = resin_use[0] // resin_use[1] * spec.hot_resin_uses // MILLI * MILLI
        else:
            mean_use = use_sum[code] / use_n[code]
            quantity = max(MILLI, int(mean_use * item.lot_uses * rng.uniform(0.8, 1.2)) // MILLI * MILLI)
        received = max(0, day - rng.randint(2, 15))
        scope = {"Raw material": "lot.RAW_MATERIAL", "Component": "lot.COMPONENT", "Packaging": "lot.PACKAGING"}
        supplier = rng.choice(item.suppliers)
        supplier_lot_next[supplier] += rng.randint(1, 40)
        lot_id = lots.add(number(scope[item.item_type], days[received]), code, "Received", quantity, received,
                          supplier, f"{supplier_prefix[supplier]}{supplier_lot_next[supplier]}", None, "Released")
        if hot:
            hot_lot_id = lot_id
        state = [lot_id, quantity]
        current[code] = state
        return state

    # made items: first-in first-out queue of [available day, lot id, remaining]
    stock: dict[str, deque[list[int]]] = {c: deque() for c, i in items.items() if i.level}

    def available(code: str, day: int) -> tuple[int, bool]:
        ready, pending = 0, False
        for avail, _lot, rem in stock[code]:
            if avail <= day:
                ready += rem
            else:
                pending = True
        return ready, pending

    batch_rows: list[tuple[Any, ...]] = []
    issue_rows: list[tuple[Any, ...]] = []
    lb_edges: list[list[Any]] = []  # [lot id, batch id, net quantity]
    bl_edges: list[tuple[int, int, int]] = []
    mbr_of: dict[tuple[str, int], int] = {}
    mbr_rows: list[tuple[Any, ...]] = []
    mbr_line_rows: list[tuple[Any, ...]] = []
    v2_day: dict[str, int] = {}
    for code, item in items.items():
        if not item.level:
            continue
        v2_day[code] = rng.randint(ndays // 5, ndays * 4 // 5)
        for version in (1, 2):
            mbr_id = len(mbr_rows) + 1
            mbr_of[(code, version)] = mbr_id
            created = days[0] if version == 1 else days[v2_day[code] - 10]
            effective = days[0] if version == 1 else days[v2_day[code]]
            mbr_rows.append((mbr_id, code, version, "Superseded" if version == 1 else "Effective",
                             f"{item.name} - MBR v{version}", _ts(created, 480), _ts(effective, 540)))
            for line_no, (component, milli) in enumerate(item.bom, start=1):
                mbr_line_rows.append((len(mbr_line_rows) + 1, mbr_id, line_no, component, _qty(milli),
                                      5 if version == 1 else 3))

    finished = [c for c, i in items.items() if i.level == 4]
    fg_weights = [1 / (i + 1) ** 0.4 for i in range(len(finished))]
    operators = [f"op{n:02d}" for n in range(1, 41)]
    nbatches = spec.batches
    level_count: Counter[int] = Counter()

    def size(code: str) -> int:
        lo, hi = items[code].batch_size
        return rng.randint(lo // 100, hi // 100) * 100

    def missing(code: str, qty: int, day: int) -> tuple[str, bool] | None:
        for component, milli in items[code].bom:
            if items[component].level:
                ready, pending = available(component, day)
                if ready < milli * qty:
                    return component, pending
        return None

    for b in range(nbatches):
        batch_id = b + 1
        day = b * ndays // nbatches
        choice: tuple[str, int] | None = None
        for attempt in range(10):
            # a finished device whose parts are on hand; else make the part it lacks (and so on down). A part
            # already in production is waited for, except on the last try: then more of it is made.
            code = rng.choices(finished, fg_weights)[0]
            while code:
                qty = size(code)
                gap = missing(code, qty, day)
                if gap is None:
                    choice = (code, qty)
                    break
                code = "" if gap[1] and attempt < 9 else gap[0]
            if choice:
                break
        assert choice is not None
        code, qty = choice
        item = items[code]
        level_count[item.level] += 1
        version = 2 if day >= v2_day[code] else 1
        start_min = 360 + (b % 24) * 30
        lead = rng.choice([1, 1, 2])
        done_day = day + lead
        planned = _ts(days[day], start_min - 60)
        started = _ts(days[day], start_min)
        status, produced, completed = "Released", None, None
        if done_day >= ndays:
            status = "In production"
        else:
            produced = qty * rng.randint(950, 1000) // 1000
            completed = _ts(days[done_day], start_min)
            qc = rng.randint(1, 4)
            if done_day + qc >= ndays:
                status = rng.choice(["QC testing", "QA review"])
            elif rng.random() < 0.006:
                status = "Rejected"
        batch_rows.append((batch_id, number("batch", days[day]), code, mbr_of[(code, version)], version,
                           qty, produced, "pcs", status, None, planned, started, completed, 2 if produced else 1))
        # materials, first-in first-out
        minute = start_min
        for component, milli in item.bom:
            need = milli * qty
            if component == "RM-0001":
                resin_use[0] += need
                resin_use[1] += 1
            draws: list[tuple[int, int]] = []
            if items[component].level:
                queue = stock[component]
                for entry in queue:
                    if entry[0] <= day and entry[2] > 0:
                        take = min(entry[2], need)
                        draws.append((entry[1], take))
                        entry[2] -= take
                        need -= take
                        if need == 0:
                            break
                assert need == 0, (component, need)
                if any(entry[2] == 0 for entry in queue):
                    stock[component] = deque(entry for entry in queue if entry[2] > 0)
            else:
                while need > 0:
                    state = current.get(component)
                    if state is None or state[1] == 0:
                        state = receive(component, day)
                    take = min(state[1], need)
                    draws.append((state[0], take))
                    state[1] -= take
                    need -= take
            for lot_id, take in draws:
                minute += 1
                at = _ts(days[day], minute)
                issue_rows.append((len(issue_rows) + 1, batch_id, lot_id, component, "Issue", _qty(take), at,
                                   rng.choice(operators)))
                lots.used[lot_id - 1] += take
                lb_edges.append([lot_id, batch_id, take])
            if not items[component].level and rng.random() < 0.004:  # part of the last lot goes back
                lot_id, take = draws[-1]
                back = take // 10 if items[component].unit == "kg" else take // 10 // MILLI * MILLI
                if back > 0:
                    minute += 1
                    issue_rows.append((len(issue_rows) + 1, batch_id, lot_id, component, "Return", _qty(back),
                                       _ts(days[day], minute), rng.choice(operators)))
                    lots.used[lot_id - 1] -= back
                    lb_edges[-1][2] -= back
                    if current[component][0] == lot_id:
                        current[component][1] += back
        if produced:
            scope = "lot.FINISHED_DEVICE" if item.level == 4 else "lot.INTERMEDIATE"
            lot_status = {"Released": "Released", "Rejected": "Rejected"}.get(status, "Quarantine")
            lot_id = lots.add(number(scope, days[done_day], code), code, "Produced", produced * MILLI, done_day,
                              None, None, batch_id, lot_status)
            bl_edges.append((batch_id, lot_id, produced * MILLI))
            if lot_status == "Released":
                stock[code].append([done_day + qc, lot_id, produced * MILLI])
    log(f"  simulated {nbatches:,} batches (levels {dict(sorted(level_count.items()))}) in "
        f"{time.perf_counter() - clock:.1f} s")

    # --- shipments --------------------------------------------------------------------------------------
    fg_lots = sorted(
        (i for i in range(len(lots.number)) if lots.origin[i] == "Produced" and items[lots.item[i]].level == 4
         and lots.status[i] == "Released"),
        key=lambda i: lots.created[i],
    )
    fg_ready = [lots.created[i] + 3 for i in fg_lots]
    customer_weights = [1 / (i + 1) ** 0.8 for i in range(len(customers))]
    customer_codes = [c for c, _ in customers]
    nship = spec.shipments
    first_day = fg_ready[0] if fg_ready else 0
    shipment_rows: list[tuple[Any, ...]] = []
    line_pairs: list[tuple[int, int]] = []  # (shipment id, lot index)
    for s in range(nship):
        day = first_day + s * (ndays - first_day) // nship
        hi = bisect.bisect_right(fg_ready, day)
        lo = bisect.bisect_left(fg_ready, day - 130)
        k = min(20, 1 + int(rng.expovariate(1 / 7.4)))
        window = range(max(0, min(lo, hi - 1)), hi)
        picks = rng.sample(window, min(k, len(window))) if len(window) else []
        sid = s + 1
        on = days[day]
        shipment_rows.append((sid, number("shipment", on), rng.choices(customer_codes, customer_weights)[0],
                              on.isoformat(), _ts(on, 900 + s % 120)))
        line_pairs.extend((sid, fg_lots[p]) for p in picks)
    lines_per_lot = Counter(lot for _, lot in line_pairs)
    ship_share = {lot: rng.uniform(0.6, 0.98) for lot in lines_per_lot}
    line_rows: list[tuple[Any, ...]] = []
    ls_edges: list[tuple[int, int, int]] = []
    for n, (sid, lot) in enumerate(line_pairs, start=1):
        per = max(1, int(lots.quantity[lot] // MILLI * ship_share[lot]) // lines_per_lot[lot]) * MILLI
        lots.used[lot] += per
        line_rows.append((n, sid, lot + 1, _qty(per)))
        ls_edges.append((lot + 1, sid, per))

    # --- rows -------------------------------------------------------------------------------------------
    lot_rows: list[tuple[Any, ...]] = []
    for i in range(len(lots.number)):
        code = lots.item[i]
        item = items[code]
        quantity = lots.quantity[i]
        on_hand = quantity - lots.used[i]
        assert 0 <= on_hand <= quantity, (lots.number[i], quantity, lots.used[i])
        status = lots.status[i]
        if status == "Released" and on_hand == 0:
            status = "Consumed"
        created = days[min(lots.created[i], ndays - 1)]
        made = created - timedelta(days=rng.randint(20, 200)) if lots.origin[i] == "Received" else created
        expires = None if item.shelf_life_days is None else (made + timedelta(days=item.shelf_life_days)).isoformat()
        lot_rows.append((i + 1, lots.number[i], code, lots.origin[i], status, _qty(quantity), _qty(on_hand),
                         item.unit, lots.supplier[i], lots.supplier_lot[i], made.isoformat(), expires,
                         _ts(created, 420 + i % 600), lots.batch[i], 1 if status == "Released" else 2))

    genealogy_rows = [("L", lot, "B", batch, _qty(q)) for lot, batch, q in lb_edges]
    genealogy_rows += [("B", batch, "L", lot, _qty(q)) for batch, lot, q in bl_edges]
    genealogy_rows += [("L", lot, "S", sid, _qty(q)) for lot, sid, q in ls_edges]
    genealogy_rows.sort(key=lambda r: (r[0], r[1], r[2], r[3]))

    item_rows = [(i.code, i.name, i.item_type, i.unit, i.shelf_life_days, i.storage, i.gtin, 1)
                 for i in items.values()]
    approval_rows: list[tuple[Any, ...]] = []
    for item in items.values():
        for supplier in item.suppliers:
            approval_rows.append((len(approval_rows) + 1, item.code, supplier, "Approved", _ts(days[0], 480)))
    sequence_rows = []
    rules = {scope: NumberRule(scope, pattern) for scope, pattern in DEFAULT_RULES.items()}
    last: dict[str, int] = {}
    for (scope, on, item_code), seq in seqs.items():
        key = rules[scope].prefix_key(NumberContext(on, item=item_code or "ITEM"))
        last[key] = max(seq, last.get(key, 0))
    sequence_rows = sorted(last.items())
    rows: dict[str, list[tuple[Any, ...]]] = {
        "items": item_rows,
        "suppliers": [(code, name, 1) for code, name in suppliers],
        "supplier_approvals": approval_rows,
        "customers": [(code, name, rng.choice(COUNTRIES), f"{n} Hauptstrasse, {name}", 1)
                      for n, (code, name) in enumerate(customers, start=1)],
        "number_sequences": sequence_rows,
        "mbrs": mbr_rows,
        "mbr_lines": mbr_line_rows,
        "batches": batch_rows,
        "lots": lot_rows,
        "material_issues": issue_rows,
        "shipments": shipment_rows,
        "shipment_lines": line_rows,
        "genealogy": genealogy_rows,
    }
    for name, table_rows in rows.items():
        assert all(len(r) == len(COLUMNS[name]) for r in table_rows[:5]), name
    hot_batches = len({batch for lot, batch, _ in lb_edges if lot == hot_lot_id})
    per_raw_lot = Counter(lot for lot, _b, _q in lb_edges if lots.origin[lot - 1] == "Received")
    counts = {
        "items": len(item_rows),
        "lots": len(lot_rows),
        "received lots": sum(1 for o in lots.origin if o == "Received"),
        "produced lots": sum(1 for o in lots.origin if o == "Produced"),
        "batches": len(batch_rows),
        "material issues": len(issue_rows),
        "shipments": len(shipment_rows),
        "shipment lines": len(line_rows),
        "genealogy edges": len(genealogy_rows),
        "max batches per raw lot": max(per_raw_lot.values()),
        "batches using the bulk resin lot": hot_batches,
    }
    log(f"  generated the rows in {time.perf_counter() - clock:.1f} s")
    return Site(rows, hot_lot_id, counts)


# --- loading ------------------------------------------------------------------------------------------
BIG_TABLES = ("batches", "lots", "material_issues", "shipments", "shipment_lines", "genealogy")
DATETIME_TABLES = {"mbrs", "batches", "lots", "material_issues", "shipments", "supplier_approvals"}


def load_sqlite(path: str, site: Site, log: Callable[[str], None] = print) -> None:
    """Bulk insert into the migrated file: no journal and no fsync during the load (benchmark load only),
    secondary indexes rebuilt after, then ANALYZE. The app reopens the file with its own settings."""
    clock = time.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-1000000")
    placeholders = ",".join("?" * len(BIG_TABLES))
    indexes = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({placeholders})", BIG_TABLES).fetchall()
    # The change-control guards (migration 0018) are off during the load, as all triggers are in PostgreSQL's
    # replica mode below: the generated versions are written as they stand after ten years of changes.
    guards = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger' "
                          "AND tbl_name IN ('mbrs', 'mbr_lines')").fetchall()
    conn.execute("BEGIN")
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    for name, _sql in guards:
        conn.execute(f'DROP TRIGGER "{name}"')
    for table, rows in site.rows.items():
        columns = COLUMNS[table]
        sql = f'INSERT INTO {table} ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})'
        conn.executemany(sql, _millionths(table, columns, rows))
    for _name, sql in [*indexes, *guards]:
        conn.execute(sql)
    conn.execute("COMMIT")
    problems = conn.execute("PRAGMA foreign_key_check").fetchmany(5)
    if problems:
        raise RuntimeError(f"generated data breaks foreign keys: {problems}")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    log(f"  loaded SQLite in {time.perf_counter() - clock:.1f} s")


def _millionths(table: str, columns: tuple[str, ...], rows: list[Any]) -> Any:
    """SQLite keeps quantities as whole millionths (persistence.types.Quantity)."""
    at = [i for i, name in enumerate(columns) if isinstance(t.metadata.tables[table].c[name].type, Quantity)]
    if not at:
        return rows
    return ([to_millionths(Decimal(str(v))) if i in at and v is not None else v for i, v in enumerate(row)]
            for row in rows)


def load_postgresql(conninfo: str, site: Site, log: Callable[[str], None] = print) -> None:
    """COPY into the migrated database; foreign-key triggers are off during the load (the generator builds
    consistent data; a final check proves it), then VACUUM ANALYZE as after any bulk load."""
    import psycopg

    clock = time.perf_counter()
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("SET TIME ZONE 'UTC'")
        conn.execute("SET session_replication_role = replica")
        with conn.transaction():
            for table, rows in site.rows.items():
                columns = ", ".join(COLUMNS[table])
                with conn.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        conn.execute("SET session_replication_role = DEFAULT")
        for table in site.rows:
            pk = t.metadata.tables[table].primary_key.columns
            if len(pk) == 1 and next(iter(pk)).name == "id":
                conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                             f"(SELECT COALESCE(MAX(id), 1) FROM {table}))")
        for sql in _FK_CHECKS:
            bad = conn.execute(sql).fetchone()
            if bad and bad[0]:
                raise RuntimeError(f"generated data breaks a foreign key: {sql} -> {bad[0]}")
        log(f"  copied into PostgreSQL in {time.perf_counter() - clock:.1f} s")
        conn.execute("VACUUM ANALYZE")
    log(f"  loaded PostgreSQL (with VACUUM ANALYZE) in {time.perf_counter() - clock:.1f} s")


def _fk_checks() -> list[str]:
    checks = []
    for table in t.metadata.sorted_tables:
        for fk in table.foreign_keys:
            col, ref = fk.parent, fk.column
            checks.append(
                f"SELECT COUNT(*) FROM {table.name} x WHERE x.{col.name} IS NOT NULL AND NOT EXISTS "
                f"(SELECT 1 FROM {ref.table.name} r WHERE r.{ref.name} = x.{col.name})")
    return checks


_FK_CHECKS = _fk_checks()

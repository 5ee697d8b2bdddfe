"""`batchtrace kpi` (KPI-1, INT-2): the dashboard's figures as aligned text or JSON; read-only, so no log-in.

The JSON has the same figures with plain values: counts as numbers, hours and milliseconds as numbers (null when
there is nothing to measure), statuses and bucket names as stored (English), dates as ISO text.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from app import kpi
from app.cli.support import CommandTree, day, local_time, open_context, print_fields, print_table
from app.i18n import status_name
from app.kpi import AgeCounts, Dashboard
from domain.i18n import N_, _
from domain.kpi import duration_text, milliseconds_text
from domain.quantities import fmt
from domain.users import SYSTEM_ACTOR


def add_commands(tree: CommandTree) -> None:
    sub = tree.command(tree.top, "kpi", _kpi, N_("the dashboard: batches by status, release lead time, right first "
                                                 "time, open deviations and CAPA by age, lots near expiry, trace and "
                                                 "recall response"))
    sub.add_argument("--format", choices=("table", "json"), default="table",
                     help=N_("aligned text (default) or JSON"))
    sub.add_argument("--today", type=day, metavar="YYYY-MM-DD",
                     help=N_("the figures as of this day (default: today)"))
    sub.add_argument("--no-trace", action="store_true",
                     help=N_("do not time a trace (the figures only read; a trace reads the genealogy)"))


def _kpi(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        figures = kpi.dashboard(ctx.read_uow(), SYSTEM_ACTOR, today=args.today, time_trace=not args.no_trace)
    if args.format == "json":
        print(json.dumps(as_json(figures), indent=2, ensure_ascii=False))
    else:
        print_dashboard(figures)
    return 0


def _percent(figures: Dashboard) -> str:
    rft = figures.right_first_time
    return "-" if rft.percent is None else _("{percent} %", percent=rft.percent)


def print_dashboard(d: Dashboard) -> None:
    print(_("Dashboard on {today} (release figures over the last {days} days)", today=d.today, days=d.window_days))
    print()
    print(_("Batches by status"))
    print_table((N_("STATUS"), N_("BATCHES")), [(status_name(s), str(n)) for s, n in d.batches_by_status],
                indent="  ")
    print()
    lead = d.lead_time
    print_fields(_("Release lead time (completion to release)"), [
        (N_("batches released"), str(lead.released)),
        (N_("median"), duration_text(lead.median_hours)),
        (N_("90th percentile"), duration_text(lead.p90_hours)),
    ])
    print()
    rft = d.right_first_time
    print_fields(_("Right first time"), [
        (N_("rate"), _percent(d)),
        (N_("released without a deviation"), str(rft.released_clean)),
        (N_("released"), str(rft.released)),
        (N_("rejected"), str(rft.rejected)),
        (N_("release decisions"), str(rft.decided)),
    ])
    print()
    print(_("Open deviations and CAPA by age"))
    print_table((N_("AGE"), N_("DEVIATIONS"), N_("CAPA")), [
        *((_(label), str(dev), str(capa)) for (label, dev), (_l, capa)
          in zip(d.deviations.by_label(), d.capas.by_label(), strict=True)),
        (_("total"), str(d.deviations.total), str(d.capas.total)),
    ], indent="  ")
    print()
    expiry = d.expiry
    print_fields(_("Lots in stock near expiry"), [
        (_("expiring within {days} days", days=d.horizon_days), str(expiry.expiring)),
        (N_("expired, still in stock"), str(expiry.expired)),
    ])
    if expiry.first:
        print_table((N_("LOT"), N_("ITEM"), N_("EXPIRES"), N_("ON HAND"), N_("STATUS")), [
            (lot.lot_number, lot.item_code, str(lot.expires_on), f"{fmt(lot.on_hand)} {lot.unit}",
             status_name(lot.status)) for lot in expiry.first], indent="  ")
    print()
    print(_("Trace and recall response"))
    timing = d.trace
    if timing is None:
        print("  " + _("no trace timed: no finished lot has been released"))
    else:
        print("  " + _("trace of {lot} just now: backward {backward} ({b_records} lines), forward {forward} "
                       "({f_records} lines)", lot=timing.lot_number, backward=milliseconds_text(timing.backward_ms),
                       b_records=timing.backward_records, forward=milliseconds_text(timing.forward_ms),
                       f_records=timing.forward_records))
    print("  " + (_("no recall has been closed yet") if not d.closed_recalls else
                  _("recalls closed: {closed}, median time from opening to closing: {median}",
                    closed=d.closed_recalls, median=duration_text(d.recall_median_hours))))
    if d.open_recalls:
        print_table((N_("OPEN RECALL"), N_("LOT"), N_("OPENED"), N_("AGE (DAYS)"), N_("CUSTOMERS COMPLETED")), [
            (r.recall_number, r.trigger_lot_number, local_time(r.opened_at), str(r.age_days),
             _("{done} of {total}", done=r.completed, total=r.customers)) for r in d.open_recalls], indent="  ")


def _ages(counts: AgeCounts) -> dict[str, int]:
    return {label: count for label, count in counts.by_label()}


def as_json(d: Dashboard) -> dict[str, Any]:
    lead, rft, expiry, timing = d.lead_time, d.right_first_time, d.expiry, d.trace
    return {
        "at": d.at.isoformat(), "today": d.today.isoformat(), "window_days": d.window_days,
        "batches_by_status": dict(d.batches_by_status),
        "release_lead_time_hours": {"released": lead.released, "median": lead.median_hours, "p90": lead.p90_hours},
        "right_first_time": {"percent": None if rft.percent is None else float(rft.percent),
                             "released_without_deviation": rft.released_clean, "released": rft.released,
                             "rejected": rft.rejected, "decided": rft.decided},
        "open_deviations_by_age": _ages(d.deviations), "open_capas_by_age": _ages(d.capas),
        "lots_near_expiry": {
            "horizon_days": d.horizon_days, "expiring": expiry.expiring, "expired": expiry.expired,
            "first": [{"lot": lot.lot_number, "item": lot.item_code, "expires_on": lot.expires_on.isoformat(),
                       "on_hand": fmt(lot.on_hand), "unit": lot.unit, "status": lot.status, "expired": lot.expired}
                      for lot in expiry.first],
        },
        "trace": None if timing is None else {
            "lot": timing.lot_number, "backward_ms": round(timing.backward_ms, 1),
            "forward_ms": round(timing.forward_ms, 1), "backward_lines": timing.backward_records,
            "forward_lines": timing.forward_records},
        "recalls": {
            "closed": d.closed_recalls, "median_hours_to_close": d.recall_median_hours,
            "open": [{"recall": r.recall_number, "lot": r.trigger_lot_number, "opened_at": r.opened_at.isoformat(),
                      "age_days": r.age_days, "customers_completed": r.completed, "customers": r.customers}
                     for r in d.open_recalls],
        },
    }

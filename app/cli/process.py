"""`batchtrace import readings|values FILE [--dry-run]` (INT-1, PRC-2, PRC-3): data-logger and MES files, every
line checked first, each rejected line printed with its number, all or nothing; and `batchtrace excursion list`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import process_steps, readings
from app.cli.support import CommandTree, acting, local_time, log_in, open_context, print_table
from app.ports import Progress
from app.release_evidence import evidence_text
from domain.errors import ValidationError
from domain.i18n import N_, _
from domain.users import SYSTEM_ACTOR


class _Dots:
    """Progress on stderr for a long import: one line per report, nothing when stderr is not a terminal."""

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        if sys.stderr.isatty():
            print(f"\r{text}", end="", file=sys.stderr, flush=True)

    def check(self) -> None:
        pass  # Ctrl+C stops the command; the transaction is rolled back


def add_commands(tree: CommandTree) -> None:
    group = tree.nested("import", N_("import process data from CSV files, all or nothing"))
    sub = tree.command(group, "readings", _import_readings,
                       N_("environment readings from a data-logger file: "
                          "timestamp (ISO 8601 with offset),sensor,value,unit"))
    sub.add_argument("file", type=Path, metavar="FILE")
    sub.add_argument("--dry-run", action="store_true", help=N_("check every line and report, store nothing"))
    acting(sub)
    sub = tree.command(group, "values", _import_values,
                       N_("process parameter values from an MES file: batch,step,parameter,value[,equipment]"))
    sub.add_argument("file", type=Path, metavar="FILE")
    sub.add_argument("--dry-run", action="store_true", help=N_("check every line and report, store nothing"))
    acting(sub)
    group = tree.nested("excursion", N_("excursion events found in environment readings"))
    sub = tree.command(group, "list", _excursion_list, N_("list excursion events, oldest first"))
    sub.add_argument("--room", metavar="ROOM")


def _lines(path: Path) -> list[str]:
    if not path.is_file():
        raise ValidationError(_("no file {path}", path=path))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return handle.readlines()


def _import_readings(args: argparse.Namespace) -> int:
    progress: Progress = _Dots()
    with open_context(args) as ctx:
        actor = log_in(ctx, args.user)
        with args.file.open(encoding="utf-8-sig", newline="") as handle:
            report = readings.import_readings(ctx.uow(), actor, handle, args.file.name, dry_run=args.dry_run,
                                              progress=progress)
    for rejection in report.rejections:
        print(f"{args.file.name}: {rejection}", file=sys.stderr)
    print(report.summary())
    for excursion in report.excursions:
        print(_("  excursion: {describe}", describe=evidence_text(excursion.describe())))
    return 1 if report.rejections else 0


def _import_values(args: argparse.Namespace) -> int:
    lines = _lines(args.file)
    with open_context(args) as ctx:
        result = process_steps.import_values(ctx.uow(), log_in(ctx, args.user), lines, dry_run=args.dry_run)
    for line, reason in result.rejections:
        print(_("{name}: line {line}: {reason}", name=args.file.name, line=line, reason=reason), file=sys.stderr)
    if result.rejections:
        print(_("{name}: {count} of {rows} lines rejected; nothing was stored",
                name=args.file.name, count=len(result.rejections), rows=result.rows))
        return 1
    verb = _("would record") if args.dry_run else _("recorded")
    flagged = [v for v in result.values if v.out_of_limits]
    print(_("{name}: {verb} {count} values, {count2} out of limits",
            name=args.file.name, verb=verb, count=len(result.values), count2=len(flagged)))
    for v in flagged:
        print(_("  out of limits: step {step_no} {parameter} = {normalize:f} {unit}",
                step_no=v.step_no, parameter=v.parameter, normalize=v.value.normalize(), unit=v.unit))
    return 0


def _excursion_list(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        found = readings.list_excursions(ctx.read_uow(), SYSTEM_ACTOR, args.room)
    print_table((N_("SENSOR"), N_("ROOM"), N_("KIND"), N_("FROM"), N_("TO"), N_("WORST"), N_("DEVIATION")),
                [(e.sensor_code, e.room_code, _(e.kind), local_time(e.started_at), local_time(e.ended_at),
                  "" if e.worst is None else f"{e.worst.normalize():f}", e.deviation_number or "")
                 for e in found])
    return 0

"""`batchtrace audit ...` (AUD-3, AUD-5, INT-2): verify the hash chain, export the trail to CSV."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from app import audit
from app.cli.support import CommandTree, acting, log_in, open_context, path
from app.ports import AuditFilter
from app.settings import data_dir
from domain.errors import ValidationError
from domain.i18n import N_, _
from domain.users import SYSTEM_ACTOR

ANCHOR_FILE = "audit-anchors.jsonl"
SHOWN_RECORD_PROBLEMS = 50
RECORDS_CLEAN = N_("record check: every checked row is as its audit entries say (lots, batches, material issues, "
                   "shipments, recalls, users, roles and the security policy, master data, master records, "
                   "specifications, QC plans and results, deviations, CAPAs, change requests, process steps, "
                   "values and excursions, the print journal, issued documents, alerts, signatures, status "
                   "history, genealogy)")


def add_commands(tree: CommandTree) -> None:
    command = tree.command
    trail = tree.nested("audit", N_("the audit trail"))
    verify = command(trail, "verify", _audit_verify,
                     N_("check the hash chain and name the first entry changed outside BatchTrace"))
    verify.add_argument("--anchors", type=Path, metavar="FILE",
                        help=N_("also check the chain against the heads recorded by 'audit anchor'"))
    anchor = command(trail, "anchor", _audit_anchor,
                     N_("append the head of the verified chain to a file outside the database"))
    anchor.add_argument("--file", type=Path, metavar="FILE", default=None,
                        help=_("the anchor file (default: {file} in the data folder); keep it, or a copy, where "
                               "database users cannot write", file=ANCHOR_FILE))
    acting(anchor)
    export = command(trail, "export", _audit_export, N_("export the audit trail (or part of it) to CSV"))
    export.add_argument("--out", required=True, type=path, metavar="FILE.csv",
                        help=N_("the file to write; its folder must exist"))
    export.add_argument("--user-filter", metavar="ID", help=N_("only entries by this user"))
    export.add_argument("--record-type", metavar="TYPE", help=N_("only entries about this kind of record"))
    export.add_argument("--record-id", metavar="ID", help=N_("only entries about this record"))
    export.add_argument("--action", metavar="ACTION", help=N_("only this action, e.g. LOGIN_FAILED"))
    export.add_argument("--since", type=_since, metavar="DATE", help=N_("from this day or time (station time)"))
    export.add_argument("--until", type=_until, metavar="DATE",
                        help=N_("up to and including this day (station time)"))
    acting(export)


def _since(text: str) -> datetime:
    return _parse_time(text, end_of_day=False)


def _until(text: str) -> datetime:
    return _parse_time(text, end_of_day=True)


def _parse_time(text: str, *, end_of_day: bool) -> datetime:
    """A day (YYYY-MM-DD) or a time in the station's time zone, unless it says otherwise; as UTC."""
    try:
        if len(text.strip()) == 10:
            day = date.fromisoformat(text.strip()) + timedelta(days=1 if end_of_day else 0)
            moment = datetime.combine(day, time())
        else:
            moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM", text=text)) from None
    return (moment.astimezone() if moment.tzinfo is None else moment).astimezone(UTC)


def _audit_verify(args: argparse.Namespace) -> int:
    anchors = audit.read_anchors(args.anchors) if args.anchors else []  # a bad file is refused first
    with open_context(args) as ctx:
        report = audit.verify_audit(ctx.read_uow(), SYSTEM_ACTOR)
        anchor_problems = audit.check_audit_anchors(ctx.read_uow(), SYSTEM_ACTOR, anchors) if anchors else []
        record_problems = audit.check_audit_records(ctx.read_uow(), SYSTEM_ACTOR)
    if report.problem is None:
        print(_("audit trail intact: {entries} entries, head {head_seq} {head_hash}",
                entries=report.entries, head_seq=report.head_seq, head_hash=report.head_hash))
    else:
        print(_("audit trail NOT intact: {message} ({entries} entries before it are intact)",
                message=report.problem.message, entries=report.entries))
    if report.keyed_from is not None:
        print(_("keyed by the database from entry {keyed_from} on (HMAC with a key the stations "
                "cannot read); earlier entries verify in their earlier format",
                keyed_from=report.keyed_from))
    for problem in anchor_problems:
        print(_("audit trail NOT as anchored: {message}", message=problem.message))
    if anchors and not anchor_problems:
        print(_("all {count} anchors in {anchors} match", count=len(anchors), anchors=args.anchors))
    for record in record_problems[:SHOWN_RECORD_PROBLEMS]:
        print(_("record NOT as audited: {message}", message=record.message))
    if len(record_problems) > SHOWN_RECORD_PROBLEMS:
        print(_("... and {value} more records not as audited",
                value=len(record_problems) - SHOWN_RECORD_PROBLEMS))
    if not record_problems:
        print(_(RECORDS_CLEAN))
    return 0 if report.problem is None and not anchor_problems and not record_problems else 1


def _audit_anchor(args: argparse.Namespace) -> int:
    path: Path = args.file or data_dir() / ANCHOR_FILE
    if args.file is None:
        path.parent.mkdir(parents=True, exist_ok=True)
    with open_context(args) as ctx:
        anchor = audit.anchor_audit(ctx.uow(), log_in(ctx, args.user), path)
    print(_("anchored entry {seq} {hash} at {at} UTC by {user_id} in {path}",
            seq=anchor.seq, hash=anchor.hash, at=anchor.at, user_id=anchor.user_id, path=path))
    return 0


def _audit_export(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.is_dir():  # checked before the log-in, so a typo leaves no trace in the trail
        raise ValidationError(_("{out} is a folder: give a file name such as audit.csv", out=out))
    if not out.parent.is_dir():
        raise ValidationError(_("folder {parent} does not exist", parent=out.parent))
    flt = AuditFilter(user_id=args.user_filter, record_type=args.record_type, record_id=args.record_id,
                      action=args.action, since=args.since, until=args.until)
    with open_context(args) as ctx:
        result = audit.export_audit_csv(ctx.uow(), log_in(ctx, args.user), flt, out)
    print(_("exported {entries} audit entries to {path}", entries=result.entries, path=result.path))
    return 0

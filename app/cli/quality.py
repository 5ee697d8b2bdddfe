"""`batchtrace qc ...`, `batchtrace deviation ...` and `batchtrace release evaluate` (QC-1..QC-3, DEV-1, INT-2):
specifications, the worklist, results and their review, deviations, and the release evaluation.

Reading needs no log-in; every change needs --user (and a reason where the record already exists).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import deviations, quality, release
from app.bootstrap import AppContext
from app.cli import release as cli_release
from app.cli.support import (
    CommandTree,
    acting,
    identifier,
    local_time,
    log_in,
    log_in_to_sign,
    open_context,
    print_fields,
    print_table,
    text,
    whole_number,
)
from app.deviation_review import sign_closure
from app.i18n import status_name
from app.lims_import import import_lims_results, read_lims_file
from app.release_evidence import evidence_text
from app.result_review import sign_review
from app.signatures import SigningSession
from domain.errors import ValidationError
from domain.i18n import N_, _
from domain.quality import TestInput
from domain.users import SYSTEM_ACTOR

# the field names in the reader's language; the last field's words are typed as they are
_TEST_FORMAT = N_("CODE;name;method;type;unit;lower;upper;decimals;replicates;required|optional")


def _test(value: str) -> TestInput:
    """One test as `CODE;name;method;type;unit;lower;upper;decimals;replicates;required` (empty fields allowed;
    for a text test the expected text goes in `lower`)."""
    parts = [p.strip() for p in value.split(";")]
    if len(parts) != 10:
        raise argparse.ArgumentTypeError(_("a test is {format} (10 fields), not '{value}'",
                                           format=_(_TEST_FORMAT), value=value))
    code, name, method, kind, unit, lower, upper, decimals, replicates, required = parts
    if required not in ("required", "optional"):
        raise argparse.ArgumentTypeError(_("the last field of a test is 'required' or 'optional', not '{required}'",
                                           required=required))
    if not decimals.isdigit() or not replicates.isdigit():
        raise argparse.ArgumentTypeError(_("decimals and replicates are whole numbers in '{value}'", value=value))
    is_text = kind.casefold() == "text"
    return TestInput(code, name, method, kind or "Numeric", unit, None if is_text else lower or None,
                     upper or None, int(decimals), lower if is_text else None, int(replicates),
                     required == "required")


def add_commands(tree: CommandTree) -> None:
    qc = tree.nested("qc", N_("QC specifications, the worklist and results"))
    sub = tree.command(qc, "spec-add", _spec_add, N_("a new draft version of an item's specification "
                                                        "(effective through 'change open --spec ITEM:VERSION')"))
    sub.add_argument("item", type=identifier(N_("item code"), max_length=32), metavar="ITEM")
    sub.add_argument("--title", type=text(N_("title"), max_length=200), default="")
    sub.add_argument("--test", type=_test, action="append", default=[], metavar="TEST", help=_TEST_FORMAT)
    acting(sub)
    sub = tree.command(qc, "spec-show", _spec_show, N_("an item's effective specification, or one version"))
    sub.add_argument("item", type=identifier(N_("item code"), max_length=32), metavar="ITEM")
    sub.add_argument("--version", type=whole_number(N_("version"), 1, 9999))
    sub = tree.command(qc, "worklist", _worklist, N_("lots and batches waiting for QC tests, most urgent first"))
    sub.add_argument("--item", type=identifier(N_("item code"), max_length=32))
    sub = tree.command(qc, "result", _result, N_("enter (or correct, with --reason) one test's result"))
    sub.add_argument("number", type=identifier(N_("lot or batch number")), metavar="NUMBER")
    sub.add_argument("test", type=identifier(N_("test code"), max_length=32), metavar="TEST")
    sub.add_argument("values", type=identifier(N_("result value"), max_length=200), nargs="+", metavar="VALUE")
    sub.add_argument("--unit", type=identifier(N_("unit"), max_length=16))
    sub.add_argument("--instrument", type=identifier(N_("instrument"), max_length=60))
    sub.add_argument("--reason")
    acting(sub)
    sub = tree.command(qc, "review", _review, N_("sign the review of the entered results of a lot or batch (a second "
                          "person, re-authenticated, meaning Reviewed)"))
    sub.add_argument("number", type=identifier(N_("lot or batch number")), metavar="NUMBER")
    acting(sub)
    sub = tree.command(qc, "import", _import, N_("results from a LIMS file (CSV or JSON, UTF-8 or GB18030), all or "
                          "nothing; the same file twice stores nothing new"))
    sub.add_argument("file", type=Path, metavar="FILE", help=N_("CSV record,test,values[,unit][,instrument] or JSON"))
    sub.add_argument("--dry-run", action="store_true", help=N_("check every row and show what would be stored"))
    acting(sub)
    sub = tree.command(qc, "results", _results, N_("the spec that applied and the results of a lot or batch"))
    sub.add_argument("number", type=identifier(N_("lot or batch number")), metavar="NUMBER")

    dev = tree.nested("deviation", N_("deviations: open, investigate, close"))
    sub = tree.command(dev, "open", _dev_open, N_("open a deviation linked to lots, batches, results or alerts"))
    sub.add_argument("--title", type=text(N_("title"), max_length=200), required=True)
    sub.add_argument("--description", type=text(N_("description"), max_length=4000), required=True)
    sub.add_argument("--class", dest="classification", required=True, choices=("Minor", "Major", "Critical"))
    sub.add_argument("--link", type=identifier(N_("link"), max_length=140), action="append", default=[],
                     metavar="KIND:REF", help=N_("e.g. lot:R26339-0001, batch:B2612-0003"))
    acting(sub)
    sub = tree.command(dev, "escalate", _dev_escalate, N_("open a deviation from a refused issue's alert"))
    sub.add_argument("alert", type=whole_number(N_("alert number"), 1, 999_999_999), metavar="ALERT")
    sub.add_argument("--class", dest="classification", required=True, choices=("Minor", "Major", "Critical"))
    sub.add_argument("--description", type=text(N_("description"), max_length=4000), default="")
    acting(sub)
    sub = tree.command(dev, "investigate", _dev_investigate, N_("start the investigation, or record its findings"))
    sub.add_argument("number", type=identifier(N_("deviation number")), metavar="NUMBER")
    sub.add_argument("--findings", type=text(N_("findings"), max_length=4000))
    sub.add_argument("--root-cause-category", type=identifier(N_("root cause category"), max_length=20))
    sub.add_argument("--root-cause", type=text(N_("root cause"), max_length=4000))
    sub.add_argument("--disposition", type=text(N_("disposition"), max_length=4000))
    sub.add_argument("--reason", default="investigation findings recorded")
    acting(sub)
    sub = tree.command(dev, "close", _dev_close, N_("QA signs the closure of an investigated deviation "
                          "(re-authenticated, meaning Approved)"))
    sub.add_argument("number", type=identifier(N_("deviation number")), metavar="NUMBER")
    sub.add_argument("--reason", required=True)
    acting(sub)
    sub = tree.command(dev, "show", _dev_show, N_("one deviation with its links"))
    sub.add_argument("number", type=identifier(N_("deviation number")), metavar="NUMBER")
    sub = tree.command(dev, "list", _dev_list, N_("deviations, newest first"))
    sub.add_argument("--open", action="store_true", help=N_("only those not closed"))

    rel = tree.nested("release", N_("release by exception"))
    sub = tree.command(rel, "evaluate", _evaluate, N_("the release rules for a lot or batch; exit 0 when releasable"))
    sub.add_argument("number", type=identifier(N_("lot or batch number")), metavar="NUMBER")
    cli_release.add_decisions(tree, rel)


def _spec_add(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        view = quality.create_spec(ctx.uow(), log_in(ctx, args.user), args.item, args.title, args.test)
    print(f"{view.item_code} v{view.version}")
    return 0


def _spec_show(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        spec = quality.get_spec(ctx.read_uow(), SYSTEM_ACTOR, args.item, args.version)
    print(f"{spec.item_code} v{spec.version} ({status_name(spec.status)}): {spec.title}")
    print_table((N_("TEST"), N_("NAME"), N_("METHOD"), N_("TYPE"), N_("LIMITS"), N_("REPLICATES"), N_("RELEASE")),
                [(t.code, t.name, t.method, _(t.result_type), t.limits, str(t.replicates),
                  _("required") if t.required_for_release else _("optional")) for t in spec.tests], indent="  ")
    return 0


def _worklist(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        rows = quality.worklist(ctx.read_uow(), SYSTEM_ACTOR, item_code=args.item)
    print_table((N_("RECORD"), N_("NUMBER"), N_("ITEM"), N_("SPEC"), N_("DUE"), N_("ENTERED"), N_("OOS"),
                 N_("REVIEWED")),
                [(_(r.record_type), r.record_id, r.item_code, r.spec or _("(none)"), r.due_on.isoformat(),
                  f"{r.entered}/{r.tests}", str(r.out_of_spec), str(r.reviewed)) for r in rows])
    return 0


def _record(ctx: AppContext, number: str) -> tuple[str, str]:
    found = release.find_record(ctx.read_uow(), SYSTEM_ACTOR, number)
    return found.record_type, found.record_id


def _result(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        record_type, number = _record(ctx, args.number)
        view = quality.enter_result(ctx.uow(), log_in(ctx, args.user), record_type, number, args.test, args.values,
                                    unit=args.unit, instrument=args.instrument or "", reason=args.reason)
    verdict = "within spec" if view.within_spec else "OUT OF SPEC"
    print(f"{view.test_code} {view.reported} {view.unit}: {verdict}".replace("  ", " "))
    if view.deviation:
        print(_("deviation {deviation} opened", deviation=view.deviation))
    return 0


def _review(args: argparse.Namespace) -> int:
    """The second-person review signed as in the desktop (QC-2, SIG-1, ACC-6): the password is asked again as
    the signature's re-authentication; the analyst who entered a result cannot review it."""
    with open_context(args) as ctx:
        record_type, number = _record(ctx, args.number)
        actor, password = log_in_to_sign(ctx, args.user)
        views = sign_review(ctx.uow(), ctx.auth, SigningSession(actor), record_type, number, password,
                            user_id_typed=actor.user_id)
    print(_("{count} result(s) of {record_type} {number} reviewed: signed (Reviewed) as "
            "{printed_name} ({user_id})",
            count=len(views), record_type=record_type, number=number, printed_name=actor.printed_name,
            user_id=actor.user_id))
    return 0


def _import(args: argparse.Namespace) -> int:
    data = read_lims_file(args.file)
    with open_context(args) as ctx:
        report = import_lims_results(ctx.uow(), log_in(ctx, args.user), data, args.file.name,
                                     dry_run=args.dry_run)
    for rejection in report.rejections:
        print(f"{args.file.name}: {rejection}", file=sys.stderr)
    if report.dry_run and not report.rejections:
        print_table((N_("LINE"), N_("RECORD"), N_("NUMBER"), N_("TEST"), N_("RESULT"), N_("VERDICT"), ""),
                    [(str(r.line), r.record_type, r.record_id, r.test_code, f"{r.reported} {r.unit}".strip(),
                      "within spec" if r.within_spec else "OUT OF SPEC", "already stored" if r.already_stored
                      else "new") for r in report.rows])
    print(report.summary())
    for number in report.deviations:
        print(_("deviation {number} opened", number=number))
    return 1 if report.rejections else 0


def _results(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        record_type, number = _record(ctx, args.number)
        view = quality.quality_of(ctx.read_uow(), SYSTEM_ACTOR, record_type, number)
    spec = f"{view.spec.item_code} v{view.spec.version}" if view.spec else "(none)"
    print(_("{record_type} {number}: spec {spec}, due {due_on}, {status}",
            record_type=_(record_type), number=number, spec=spec, due_on=view.due_on,
            status=status_name(view.status)))
    print_table((N_("TEST"), N_("RESULT"), N_("REPLICATES"), N_("VERDICT"), N_("ANALYST"), N_("ENTERED"),
                 N_("REVIEWED BY")),
                [(r.test_code, f"{r.reported} {r.unit}".strip(), "; ".join(r.replicates),
                  _("within spec") if r.within_spec else _("OUT OF SPEC"), r.analyst, local_time(r.entered_at),
                  r.reviewed_by or "") for r in view.results], indent="  ")
    return 0


def _links(values: list[str]) -> list[tuple[str, str]]:
    links = []
    for value in values:
        kind, sep, ref = value.partition(":")
        if not sep:
            raise ValidationError(_("a link is KIND:REF (e.g. lot:R26339-0001), not '{value}'", value=value))
        links.append((kind, ref))
    return links


def _dev_open(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        view = deviations.open_deviation(ctx.uow(), log_in(ctx, args.user), args.title, args.description,
                                         args.classification, _links(args.link))
    print(view.number)
    return 0


def _dev_escalate(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        view = deviations.escalate_alert(ctx.uow(), log_in(ctx, args.user), args.alert, args.classification,
                                         args.description)
    print(view.number)
    return 0


def _dev_investigate(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        actor = log_in(ctx, args.user)
        view = deviations.get_deviation(ctx.read_uow(), SYSTEM_ACTOR, args.number)
        if view.status == "Open":
            view = deviations.start_investigation(ctx.uow(), actor, args.number)
        if any(v is not None for v in (args.findings, args.root_cause_category, args.root_cause, args.disposition)):
            view = deviations.record_investigation(
                ctx.uow(), actor, args.number, investigation=args.findings,
                root_cause_category=args.root_cause_category, root_cause=args.root_cause,
                disposition=args.disposition, reason=args.reason)
    print(_("deviation {number} is {status}", number=view.number, status=status_name(view.status)))
    return 0


def _dev_close(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        actor, password = log_in_to_sign(ctx, args.user)
        view = sign_closure(ctx.uow(), ctx.auth, SigningSession(actor), args.number, password, args.reason,
                            user_id_typed=actor.user_id)
    print(_("deviation {number}: signed the closure (Approved) as {printed_name} ({user_id})",
            number=view.number, printed_name=actor.printed_name, user_id=actor.user_id))
    print(_("deviation {number} is {status}", number=view.number, status=status_name(view.status)))
    return 0


def _dev_show(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        d = deviations.get_deviation(ctx.read_uow(), SYSTEM_ACTOR, args.number)
    print_fields(_("deviation {number}: {title}", number=d.number, title=d.title), [
        (N_("status"), status_name(d.status)), (N_("classification"), _(d.classification)),
        (N_("opened"), _("{time} by {user}", time=local_time(d.opened_at), user=d.opened_by)),
        (N_("description"), d.description), (N_("investigation"), d.investigation or ""),
        (N_("root cause"), f"{d.root_cause_category}: {d.root_cause}" if d.root_cause_category else d.root_cause or ""),
        (N_("disposition"), d.disposition or ""), (N_("closed"), local_time(d.closed_at) if d.closed_at else ""),
        (N_("linked"), ", ".join(f"{k} {r}" for k, r in d.links)),
    ])
    return 0


def _dev_list(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        found = deviations.list_deviations(ctx.read_uow(), SYSTEM_ACTOR, open_only=args.open)
    print_table((N_("DEVIATION"), N_("CLASS"), N_("STATUS"), N_("OPENED"), N_("TITLE")),
                [(d.number, _(d.classification), status_name(d.status), local_time(d.opened_at), d.title)
                 for d in found])
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        view = release.evaluate_release(ctx.read_uow(), SYSTEM_ACTOR, args.number)
    print(_("{record_type} {number} ({item_code}, {status}): {outcome}", record_type=_(view.record_type),
            number=view.record_id, item_code=view.item_code, status=status_name(view.status),
            outcome=cli_release.outcome_text(sum(1 for rule in view.rules if not rule.passed))))
    for rule in view.rules:
        print(cli_release.rule_line(rule.passed, rule.title))
        for line in rule.evidence:
            print(f"        {evidence_text(line)}")
    return 0 if view.releasable else 1

"""`batchtrace version list|show|diff|batches` (CHG-2, CHG-3, INT-2): the versions of a master batch record
(`mbr`, keyed by product code) or of a specification (`spec`, keyed by item code), one version as it was, the
field-by-field compare of two, and the open batches planned from one version. Read-only: no log-in.

`--format text` (default) is for people, in the language of LANG; `csv` and `json` are for scripts and keep
the English names and language-neutral values (numbers as written without trailing zeros, true/false, ISO 8601
times in UTC).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from app import versions
from app.cli.support import (
    CommandTree,
    UsageError,
    acting,
    amount,
    code,
    local_time,
    log_in,
    open_context,
    print_table,
    whole_number,
)
from app.documents.issuing import DocumentRequest, format_of, issue_document
from app.documents.version_compare import compare_subject
from app.documents.words import LANGUAGES
from domain import i18n
from domain.documents import DocumentKind
from domain.i18n import N_, _
from domain.users import SYSTEM_ACTOR
from domain.version_diff import Value, value_text

_FORMATS = ("text", "csv", "json")


def add_commands(tree: CommandTree) -> None:
    group = tree.nested("version", N_("versions of master batch records and specifications: list, show, compare, "
                                      "and the open batches on a version"))
    listing = tree.command(group, "list", _list, N_("every version of a record with its status and dates"))
    _record(listing)
    show = tree.command(group, "show", _show, N_("one version exactly as it was: every line, step, parameter or test"))
    _record(show)
    show.add_argument("version", type=whole_number(N_("VERSION"), 1, 1_000_000), metavar="VERSION")
    diff = tree.command(group, "diff", _diff, N_("compare two versions field by field: added, removed, changed"))
    _record(diff)
    diff.add_argument("old", type=whole_number(N_("OLD"), 1, 1_000_000), metavar="OLD")
    diff.add_argument("new", type=whole_number(N_("NEW"), 1, 1_000_000), metavar="NEW")
    diff.add_argument("--out", type=Path, metavar="FILE.docx|FILE.pdf",
                      help=N_("write the comparison as a controlled document (needs --user; registered and audited)"))
    diff.add_argument("--language", choices=LANGUAGES,
                      help=N_("the document's language (default: the command line's, from LANG)"))
    acting(diff, required=False)
    on = tree.command(group, "batches", _batches, N_("which open batches use version N of a master batch record"))
    on.add_argument("product", type=code(N_("product")), metavar="PRODUCT")
    on.add_argument("version", type=whole_number(N_("VERSION"), 1, 1_000_000), metavar="VERSION")
    for sub in (listing, show, diff, on):
        sub.add_argument("--format", choices=_FORMATS, default="text",
                         help=N_("text for people (default), csv or json for scripts"))


def _record(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("record_type", choices=versions.RECORD_TYPES, metavar="mbr|spec",
                     help=N_("mbr: a master batch record (by product code); spec: a specification (by item code)"))
    sub.add_argument("key", type=code(N_("item")), metavar="CODE", help=N_("the product or item code"))


def neutral(value: Value) -> Any:
    """A value for CSV and JSON: the same in every language."""
    if isinstance(value, Decimal):
        return value_text(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _csv_cell(value: Value) -> str:
    plain = neutral(value)
    if isinstance(plain, bool):
        return "true" if plain else "false"
    return "" if plain is None else str(plain)


def _emit(form: str, header: Sequence[str], rows: list[dict[str, Any]], text_rows: list[Sequence[str]],
          document: dict[str, Any] | None = None) -> None:
    if form == "json":
        print(json.dumps(document if document is not None else rows, indent=2, ensure_ascii=False))
    elif form == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(list(rows[0]) if rows else [])
        writer.writerows([_csv_cell(v) for v in row.values()] for row in rows)
    else:
        print_table(header, text_rows)


def _summary(v: versions.VersionSummary) -> dict[str, Any]:
    return {"record_type": v.record_type, "key": v.key, "version": v.version, "label": v.label, "status": v.status,
            "title": v.title, "created_at": neutral(v.created_at), "effective_at": neutral(v.effective_at)}


def _list(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        found = versions.list_versions(ctx.read_uow(), SYSTEM_ACTOR, args.record_type, args.key)
    _emit(args.format, (_("VERSION"), _("STATUS"), _("TITLE"), _("CREATED"), _("EFFECTIVE SINCE")),
          [_summary(v) for v in found],
          [(str(v.version), _(v.status), v.title, local_time(v.created_at), local_time(v.effective_at))
           for v in found])
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        shown = versions.show_version(ctx.read_uow(), SYSTEM_ACTOR, args.record_type, args.key, args.version)
    rows = [{"section": r.section, "key": r.key, "field": r.field, "value": neutral(r.value)} for r in shown.rows]
    if args.format == "text":
        print(_("{label} ({status}): {title}", label=shown.summary.label, status=_(shown.summary.status),
                title=shown.summary.title))
    _emit(args.format, (_("PART"), _("FIELD"), _("VALUE")), rows,
          [(f"{_(r.section)} {r.key}".strip(), _(r.field), _text(r.value)) for r in shown.rows],
          {"version": _summary(shown.summary), "fields": rows})
    return 0


def _text(value: Value) -> str:
    return local_time(value) if isinstance(value, datetime) else value_text(value)


def _diff(args: argparse.Namespace) -> int:
    if args.out is not None:
        return _diff_document(args)
    if args.user or args.language:
        raise UsageError(_("--user and --language go with --out FILE.docx|FILE.pdf"))
    with open_context(args) as ctx:
        compared = versions.compare_versions(ctx.read_uow(), SYSTEM_ACTOR, args.record_type, args.key, args.old,
                                             args.new)
    rows = [{"kind": r.kind.value, "section": r.section, "key": r.key, "field": r.field, "old": neutral(r.old),
             "new": neutral(r.new)} for r in compared.rows]
    if args.format == "text":
        print(_("{old} -> {new}: {count} difference(s)", old=compared.old.label, new=compared.new.label,
                count=len(rows)))
    _emit(args.format, (_("CHANGE"), _("PART"), _("FIELD"), compared.old.label, compared.new.label), rows,
          [(_(r.kind.value), f"{_(r.section)} {r.key}".strip(), _(r.field), _text(r.old), _text(r.new))
           for r in compared.rows],
          {"old": _summary(compared.old), "new": _summary(compared.new), "differences": rows})
    return 0


def _diff_document(args: argparse.Namespace) -> int:
    """The comparison as a controlled document, issued like every other (DOC-2): registered, audited, SHA-256."""
    out: Path = args.out
    if not args.user:
        raise UsageError(_("a document is issued by a user: give --user ID with --out"))
    chosen = args.language or ("zh" if i18n.language().startswith("zh") else "en")
    subject = compare_subject(args.record_type, args.key, args.old, args.new)
    request = DocumentRequest(DocumentKind.VERSION_COMPARE, subject, format_of(out), chosen)
    with open_context(args) as ctx:
        actor = log_in(ctx, args.user)
        view = issue_document(ctx.uow(), actor, ctx.render_document, request, out)
    print(_("{number}: {out} (SHA-256 {file_sha256})",
            number=view.number, out=out, file_sha256=view.file_sha256))
    return 0


def _batches(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        found = versions.batches_on(ctx.read_uow(), SYSTEM_ACTOR, args.product, args.version)
    rows = [{"batch_number": b.batch_number, "status": b.status, "planned_quantity": value_text(b.planned_quantity),
             "unit": b.unit, "planned_at": neutral(b.planned_at)} for b in found]
    if args.format == "text" and not found:
        print(_("no open batch uses {product} v{version}", product=args.product, version=args.version))
        return 0
    _emit(args.format, (_("BATCH"), _("STATUS"), _("PLANNED"), _("PLANNED AT")), rows,
          [(b.batch_number, _(b.status), amount(b.planned_quantity, b.unit), local_time(b.planned_at))
           for b in found])
    return 0

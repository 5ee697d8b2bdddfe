"""`batchtrace validate iq|oq` (VAL-1, VAL-2): the installation and operational qualification reports."""

from __future__ import annotations

import argparse
from datetime import UTC
from pathlib import Path

from app import bootstrap
from app.cli.help import width_of
from app.cli.support import PROG, CommandTree, log_in_to_sign, open_context, padded
from app.documents.issuing import Signed, sign_validation_report
from app.signatures import SigningSession
from app.validation import iq, oq
from domain.documents import Document, DocumentFormat
from domain.errors import ValidationError
from domain.i18n import N_, _


def add_commands(tree: CommandTree) -> None:
    validate = tree.nested("validate", N_("installation and operational qualification (IQ, OQ)"))
    check = tree.command(validate, "iq", _iq, N_("check this installation (files, versions, database, keyring, "
                            "devices) and write the IQ report"))
    check.add_argument("--out", type=Path, metavar="FILE.docx|FILE.pdf", help=N_("write the IQ report"))
    check.add_argument("--install-dir", type=Path, metavar="DIR",
                       help=N_("the installed bundle (default: the one this program runs from)"))
    check.add_argument("--user", metavar="ID", help=N_("who performs the IQ (asks for the password): the report is "
                          "then signed electronically (Performed) and entered in the register of issued documents, so "
                          "'report verify' recognises it and shows the signature"))
    run = tree.command(validate, "oq", _oq, N_("run the requirement-tagged tests and write the OQ report with the "
                          "traceability matrix (DOCX and PDF)"))
    run.add_argument("--out", type=Path, required=True, metavar="FILE.docx",
                     help=N_("the report; FILE.docx and FILE.pdf are written"))
    run.add_argument("--source", type=Path, default=oq.default_source(), metavar="DIR",
                     help=N_("the BatchTrace source tree of this version (its tests/ and docs/validation/)"))
    run.add_argument("--results", type=Path, metavar="FILE.json",
                     help=N_("report a run that already happened (pytest --req-results FILE.json) instead of running "
                             "the tests again"))
    run.add_argument("pytest_args", nargs=argparse.REMAINDER, metavar="-- PYTEST ARGS",
                     help=N_("more pytest arguments after --, e.g. -- tests/app to qualify a part"))


def _format(path: Path) -> DocumentFormat:
    try:
        return DocumentFormat.of_path(path.name)
    except ValueError:
        raise ValidationError(_("{path}: the report is written as .docx or .pdf", path=path)) from None


def _write(document: Document, path: Path) -> None:
    data = bootstrap.render_document(document, _format(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    partial.replace(path)
    print(_("wrote {path}", path=path))


def _iq(args: argparse.Namespace) -> int:
    if args.out is not None:
        _format(args.out)  # refuse a wrong suffix before checking anything
    result = iq.run_iq(args.db, args.install_dir)
    names = [_(name) for name, _result, _detail in result.checks]  # marked N_() in app/validation/iq.py
    width = max(width_of(name) for name in names)
    for name, (_name, outcome, detail) in zip(names, result.checks, strict=True):
        print(f"{_(outcome)}  {padded(name, width)}  {detail}")
    print(_("IQ PASSED") if result.passed else _("IQ FAILED"))
    if args.out is not None and args.user is not None:
        with open_context(args) as ctx:
            actor, password = log_in_to_sign(ctx, args.user)
            view = sign_validation_report(
                ctx.uow(), ctx.auth, SigningSession(actor), password, ctx.render_document,
                lambda by, signed: iq.iq_document(result, f"{by.printed_name} ({by.user_id})",
                                                  _signature_row(by.printed_name, by.user_id, signed)),
                args.out, user_id_typed=actor.user_id)
        print(_("wrote {path}: {number}, registered (SHA-256 {sha256}; '{command}' recognises it)", path=args.out,
                number=view.number, sha256=view.file_sha256, command=f"{PROG} report verify {args.out.name}"))
        print(_("signed electronically ({meaning}) as {printed_name} ({user_id})", meaning=_("Performed"),
                printed_name=actor.printed_name, user_id=actor.user_id))
    elif args.out is not None:
        _write(iq.iq_document(result), args.out)
        print(_("not registered: with --user ID the report is entered in the register of issued documents"))
    return 0 if result.passed else 1


def _signature_row(printed_name: str, user_id: str, signed: Signed) -> tuple[str, str, str, str]:
    """The signature as the report prints it: the time in UTC, its zone written out (SIG-2)."""
    return printed_name, user_id, f"{signed.at.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC", signed.meaning.value


def _oq(args: argparse.Namespace) -> int:
    docx = args.out.with_suffix(".docx")
    extra = [a for a in args.pytest_args if a != "--"]
    if args.results is not None and extra:
        raise ValidationError(_("give either --results or pytest arguments: the results are of a run already made"))
    run = oq.oq_of_finished_run(args.source, args.results) if args.results is not None else oq.run_oq(args.source,
                                                                                                     extra)
    document = oq.oq_document(run)
    _write(document, docx)
    _write(document, docx.with_suffix(".pdf"))
    summary = run.summary()
    print(_("{tests} tests: {passed} passed, {failed} failed, {skipped} skipped; "
            "requirements: {verified} verified, {not_verified} not verified",
            tests=summary.tests, passed=summary.passed, failed=summary.failed, skipped=summary.skipped,
            verified=summary.verified, not_verified=summary.not_verified))
    return 0 if summary.failed == 0 else 1

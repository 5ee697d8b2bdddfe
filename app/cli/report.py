"""`batchtrace report KIND NUMBER --out FILE.docx|FILE.pdf` and `batchtrace report verify FILE` (DOC-1, DOC-2,
INT-2): generate a controlled document as a logged-in user (registered and audited), and tell whether a file
is, byte for byte, a document BatchTrace issued."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.support import CommandTree, acting, local_time, log_in, open_context, print_fields
from app.documents.issuing import BUILDERS, DocumentRequest, format_of, issue_document, verify_document
from app.documents.words import LANGUAGES
from domain import i18n
from domain.documents import DocumentKind
from domain.i18n import N_, _
from domain.users import SYSTEM_ACTOR

_WHAT = {
    DocumentKind.BATCH_RECORD: ("BATCH", N_("the batch record (device history record) of a batch")),
    DocumentKind.RECALL_REPORT: ("RECALL", N_("the recall report: trigger, frozen scope, customers, progress")),
    DocumentKind.DEVIATION_REPORT: ("DEVIATION", N_("the deviation report with its CAPA")),
    DocumentKind.AUDIT_REPORT: ("RECORD", N_("the audit trail report of one record (TYPE:ID, e.g. lot:L-1) or "
                                             "of a time range (FROM..TO, dates or times)")),
    DocumentKind.CERTIFICATE: ("LOT", N_("the certificate of analysis of a released lot")),
    DocumentKind.VERSION_COMPARE: ("VERSIONS", N_("the comparison of two versions (mbr:CODE:vOLD:vNEW or "
                                                  "spec:CODE:vOLD:vNEW; also 'version diff --out')")),
}


def add_commands(tree: CommandTree) -> None:
    report = tree.nested("report", N_("batch records and reports as DOCX or PDF; verify an issued file"))
    for kind in DocumentKind:
        if kind not in BUILDERS:
            continue
        metavar, text = _WHAT[kind]
        sub = tree.command(report, kind.value, _generate, _("generate {document}; prints the document number",
                                                                   document=_(text)))
        sub.set_defaults(kind=kind)
        sub.add_argument("number", metavar=metavar)
        sub.add_argument("--out", required=True, type=Path, metavar="FILE.docx|FILE.pdf",
                         help=N_("the file to write; its ending picks the format, its folder must exist"))
        sub.add_argument("--language", choices=LANGUAGES,
                         help=N_("the document's language (default: the command line's, from LANG)"))
        sub.add_argument("--uncontrolled", action="store_true",
                         help=N_("mark it UNCONTROLLED COPY (for information; default: CONTROLLED COPY)"))
        acting(sub)
    sub = tree.command(report, "verify", _verify, N_("recompute a document's SHA-256 and say whether BatchTrace "
                          "issued exactly this file; exit 0 if so, 1 if not"))
    sub.add_argument("file", type=Path, metavar="FILE")


def _generate(args: argparse.Namespace) -> int:
    out: Path = args.out
    chosen = args.language or ("zh" if i18n.language().startswith("zh") else "en")
    request = DocumentRequest(args.kind, args.number, format_of(out), chosen, not args.uncontrolled)
    with open_context(args) as ctx:
        actor = log_in(ctx, args.user)
        view = issue_document(ctx.uow(), actor, ctx.render_document, request, out)
    print(_("{number}: {out} (SHA-256 {file_sha256})",
            number=view.number, out=out, file_sha256=view.file_sha256))
    return 0


def _verify(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        result = verify_document(ctx.read_uow(), SYSTEM_ACTOR, args.file)
    if result.issued is None:
        print(_("NOT ISSUED: {file} (SHA-256 {file_sha256}) is not a document BatchTrace issued, "
                "or it was changed after it was issued",
                file=args.file, file_sha256=result.file_sha256))
        return 1
    d = result.issued
    print_fields(_("ISSUED: {file} is document {number} exactly as BatchTrace issued it", file=args.file,
                   number=d.number), [
        (N_("document"), d.number),
        (N_("kind"), d.kind),
        (N_("record"), d.subject),
        (N_("revision"), str(d.revision)),
        (N_("generated"), local_time(d.generated_at)),
        (N_("by"), f"{d.user_name} ({d.user_id})"),
        (N_("copy"), _("controlled") if d.controlled else _("uncontrolled")),
        (N_("file SHA-256"), d.file_sha256),
        (N_("content SHA-256"), d.content_sha256),
        (N_("audit anchor"), _("entry {seq}, hash {hash}", seq=d.audit_seq, hash=d.audit_hash)),
    ])
    for signature in result.signatures:  # electronic signatures on the document (SIG-2, SIG-3)
        print(_("  signed ({meaning}) by {signer} at {signed_at}: {state}", meaning=_(signature.meaning),
                signer=signature.signer, signed_at=signature.signed_at,
                state=_("valid") if signature.valid else _("NOT VALID: made on other content")))
    return 0

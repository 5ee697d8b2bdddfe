"""`batchtrace release lot|batch NUMBER` (QC-4, SIG-1, INT-2): QA signs the release or the rejection of a lot or
a batch, re-authenticated with the password of the command's log-in, as in the desktop's signature dialog.

The evaluation the signature binds is printed first, failed rules first; over a failed rule the release needs
the QA override, whose `--comment` is the justification, by a QA person who signed nothing else of it.
"""

from __future__ import annotations

import argparse

from app import batches, lots, signatures
from app.bootstrap import AppContext
from app.cli.help import width_of
from app.cli.support import (
    CommandTree,
    Group,
    acting,
    identifier,
    log_in_to_sign,
    open_context,
    padded,
    text,
)
from app.i18n import status_name
from app.release_evidence import evidence_text
from app.signatures import SigningResult, SigningSession
from domain.errors import ValidationError
from domain.i18n import N_, _


def add_decisions(tree: CommandTree, group: Group) -> None:
    """`release lot` and `release batch`, beside `release evaluate` in the `release` group."""
    for record_type, what in (
        ("lot", N_("sign the release (or --reject) of a lot: the evaluation is shown and bound to the signature")),
        ("batch", N_("sign the release (or --reject) of a batch: the evaluation is shown and bound to the signature")),
    ):
        sub = tree.command(group, record_type, _decide, what)
        sub.add_argument("number", type=identifier(f"{record_type} number"), metavar="NUMBER")
        sub.add_argument("--reject", action="store_true", help=N_("sign the rejection instead (needs --comment)"))
        sub.add_argument("--comment", type=text(N_("comment"), max_length=500),
                         help=N_("a remark; the reason of a rejection; the justification of an override"))
        sub.set_defaults(record_type=record_type)
        acting(sub)


def _decide(args: argparse.Namespace) -> int:
    comment = (args.comment or "").strip() or None
    if args.reject and comment is None:
        raise ValidationError(_("a rejection needs its reason: give --comment"))
    with open_context(args) as ctx:
        actor, password = log_in_to_sign(ctx, args.user)
        session = SigningSession(actor)
        if not args.reject:
            _print_evaluation(ctx, session, args.record_type, args.number)
        done = _sign(ctx, session, args, password, comment)
    what = _("{record_type} {number}", record_type=_(args.record_type), number=args.number)
    print(_("{what}: signed the {requirement} ({meaning}) as {printed_name} ({user_id})",
            what=what, requirement=_(done.signature.requirement), meaning=_(done.signature.meaning),
            printed_name=actor.printed_name, user_id=actor.user_id))
    print(_("{what}: {summary}", what=what, summary=done.progress.summary()))
    if done.completed:
        print(_("{what}: {status}", what=what, status=status_name(done.status)))
    return 0


def _sign(ctx: AppContext, session: SigningSession, args: argparse.Namespace, password: str, comment: str | None
          ) -> SigningResult:
    number, who = args.number, session.actor.user_id
    if args.reject:
        reject = lots.reject_lot if args.record_type == "lot" else batches.reject_batch
        return reject(ctx.uow(), ctx.auth, session, number, password, comment or "", user_id_typed=who)
    release = lots.release_lot if args.record_type == "lot" else batches.release_batch
    return release(ctx.uow(), ctx.auth, session, number, password, user_id_typed=who, comment=comment)


def outcome_text(failed: int) -> str:
    """The evaluation's outcome in the reader's language (in English exactly the outcome the signature binds)."""
    if not failed:
        return _("releasable")
    return _("not releasable: {n} rule failed", n=failed) if failed == 1 else _("not releasable: {n} rules failed",
                                                                                  n=failed)


def rule_line(passed: bool, title: str) -> str:
    """'  PASS  <title>': the verdict and the rule's title (marked N_() in domain/release_rules) translated."""
    verdict = _("PASS") if passed else _("FAIL")
    return f"  {padded(verdict, max(width_of(_('PASS')), width_of(_('FAIL'))))}  {_(title)}"


def _print_evaluation(ctx: AppContext, session: SigningSession, record_type: str, number: str) -> None:
    """What the signature will bind: the outcome and each rule, failed first (a refusal raises here)."""
    request = signatures.signing_request(ctx.read_uow(), session, record_type, number, "Released")
    evaluation = request.evaluation
    if evaluation is None:
        return
    what = _("{record_type} {number}", record_type=_(record_type), number=number)
    failed = [rule for rule in evaluation.rules if not rule.passed]
    # evaluation.outcome is the English the signature binds; the reader's language here, as on the release page
    print(_("{what}: {outcome}", what=what, outcome=outcome_text(len(failed))))
    for rule in evaluation.rules:
        print(rule_line(rule.passed, rule.title))
        if not rule.passed:
            for line in rule.evidence:
                print(f"        {evidence_text(line)}")
    if request.justification:
        print(_("{what}: you sign the QA override; --comment is its justification", what=what))

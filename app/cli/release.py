"""`batchtrace release lot|batch NUMBER` (QC-4, SIG-1, INT-2): QA signs the release or the rejection of a lot or
a batch, re-authenticated with the password of the command's log-in, as in the desktop's signature dialog.

The evaluation the signature binds is printed first, failed rules first; over a failed rule the release needs
the QA override, whose `--comment` is the justification, by a QA person who signed nothing else of it.
"""

from __future__ import annotations

import argparse

from app import batches, lots, signatures
from app.bootstrap import AppContext
from app.cli.support import CommandTree, Group, acting, identifier, log_in_to_sign, open_context, text
from app.signatures import SigningResult, SigningSession
from domain.errors import ValidationError
from domain.i18n import N_, _


def add_decisions(tree: CommandTree, group: Group) -> None:
    """`release lot` and `release batch`, beside `release evaluate` in the `release` group."""
    for record_type in ("lot", "batch"):
        sub = tree.command(group, record_type, _decide, f"sign the release (or --reject) of a {record_type}: the "
                           "evaluation is shown and bound to the signature")
        sub.add_argument("number", type=identifier(f"{record_type} number"), metavar="NUMBER")
        sub.add_argument("--reject", action="store_true", help="sign the rejection instead (needs --comment)")
        sub.add_argument("--comment", type=text(N_("comment"), max_length=500),
                         help="a remark; the reason of a rejection; the justification of an override")
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
    what = f"{args.record_type} {args.number}"
    print(f"{what}: signed the {done.signature.requirement} ({done.signature.meaning}) as "
          f"{actor.printed_name} ({actor.user_id})")
    print(f"{what}: {done.progress.summary()}")
    if done.completed:
        print(f"{what}: {done.status}")
    return 0


def _sign(ctx: AppContext, session: SigningSession, args: argparse.Namespace, password: str, comment: str | None
          ) -> SigningResult:
    number, who = args.number, session.actor.user_id
    if args.reject:
        reject = lots.reject_lot if args.record_type == "lot" else batches.reject_batch
        return reject(ctx.uow(), ctx.auth, session, number, password, comment or "", user_id_typed=who)
    release = lots.release_lot if args.record_type == "lot" else batches.release_batch
    return release(ctx.uow(), ctx.auth, session, number, password, user_id_typed=who, comment=comment)


def _print_evaluation(ctx: AppContext, session: SigningSession, record_type: str, number: str) -> None:
    """What the signature will bind: the outcome and each rule, failed first (a refusal raises here)."""
    request = signatures.signing_request(ctx.read_uow(), session, record_type, number, "Released")
    evaluation = request.evaluation
    if evaluation is None:
        return
    print(f"{record_type} {number}: {evaluation.outcome}")
    for rule in evaluation.rules:
        print(f"  {'PASS' if rule.passed else 'FAIL'}  {rule.title}")
        if not rule.passed:
            for line in rule.evidence:
                print(f"        {line}")
    if request.justification:
        print(f"{record_type} {number}: you sign the QA override; --comment is its justification")

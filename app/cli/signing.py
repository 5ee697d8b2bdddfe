"""`batchtrace signing-rules ...` (SIG-5, INT-2): the signatures each signed transition needs at this site.

Administrators can add signatures to a transition (more signers, other roles) and withdraw those additions,
with a reason, audited; the BatchTrace defaults can never be removed.
"""

from __future__ import annotations

import argparse

from app import signing_rules
from app.cli.support import CommandTree, acting, log_in, open_context, print_table, status
from app.signing_rules import RequirementInput, TransitionRules
from domain.errors import ValidationError
from domain.i18n import N_, _, one_of
from domain.signatures import Meaning
from domain.users import SYSTEM_ACTOR, Role


def _role(text: str) -> Role:
    try:
        return Role.parse(text)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_commands(tree: CommandTree) -> None:
    group = tree.nested("signing-rules", N_("the signatures each signed workflow transition needs at this site"))
    tree.command(group, "list", _list,
                 N_("list every signed transition and its signatures (defaults and site additions)"))
    sub = tree.command(group, "add", _add, N_("add a signature to a transition, e.g. 'lot:Quarantine->Released'"))
    sub.add_argument("transition", metavar="TRANSITION")
    sub.add_argument("--label", required=True, help=N_("the signature's name, e.g. 'Second QA approval'"))
    sub.add_argument("--meaning", required=True, type=status(Meaning.parse), metavar="MEANING",
                     help=one_of(m.value for m in Meaning))
    sub.add_argument("--role", required=True, action="append", type=_role, metavar="ROLE",
                     help=N_("a role that may give it (repeat for several)"))
    sub.add_argument("--not-performers", action="store_true",
                     help=N_("nobody who performed a production step of the record may give it (ACC-6)"))
    sub.add_argument("--needs-comment", action="store_true", help=N_("the signer must write a comment"))
    sub.add_argument("--reason", required=True, help=N_("why the rule is tightened (kept in the audit trail)"))
    acting(sub)
    sub = tree.command(group, "remove", _remove, N_("withdraw a signature the site added (never a default)"))
    sub.add_argument("transition", metavar="TRANSITION")
    sub.add_argument("label", metavar="LABEL")
    sub.add_argument("--reason", required=True, help=N_("why (kept in the audit trail)"))
    acting(sub)


def _print(rules: list[TransitionRules]) -> None:
    """The stored names (labels, meanings, roles) in the reader's language; the transition key as it is typed."""
    print_table((N_("TRANSITION"), N_("SIGNATURE"), N_("MEANING"), N_("ROLES"), N_("RULES"), N_("SOURCE")), [
        (r.key, _(q.label), _(q.meaning), _(" or ").join(_(role) for role in q.roles),
         _(", ").join(_(x) for x, on in ((N_("not a performer"), q.not_performers), (N_("comment"), q.needs_comment))
                      if on),
         _("BatchTrace default") if q.default else _("site"))
        for r in rules for q in r.requirements
    ])


def _list(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        _print(signing_rules.signing_rules(ctx.read_uow(), SYSTEM_ACTOR))
    return 0


def _add(args: argparse.Namespace) -> int:
    if not args.reason.strip() or not args.label.strip():
        raise ValidationError(_("a label and a reason are required to add a signature"))
    requirement = RequirementInput(args.label.strip(), args.meaning, frozenset(args.role), args.not_performers,
                                   args.needs_comment)
    with open_context(args) as ctx:
        signing_rules.find_signed(args.transition)  # an unknown transition asks for no password
        rules = signing_rules.add_rule_extra(ctx.uow(), log_in(ctx, args.user), args.transition, requirement,
                                             args.reason)
    _print([rules])
    return 0


def _remove(args: argparse.Namespace) -> int:
    if not args.reason.strip():
        raise ValidationError(_("a reason is required to change the signing rules"))
    with open_context(args) as ctx:
        signing_rules.find_signed(args.transition)
        rules = signing_rules.remove_rule_extra(ctx.uow(), log_in(ctx, args.user), args.transition, args.label,
                                                args.reason)
    _print([rules])
    return 0

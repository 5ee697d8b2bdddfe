"""The number rules of the site (LOT-3): one pattern per kind of number, changed by administrators with a
reason (audited); everyone sees them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app import numbering
from app.numbering import RuleView
from domain.users import Actor, Permission
from ui.masterdata.number_rule_dialog import NumberRuleDialog
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import Runner, user_message
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.record_list_widget import RecordListWidget
from ui.widgets.record_table_model import Column
from ui.widgets.widget_parts import push_button

if TYPE_CHECKING:
    from app.services import Services

NUMBER_RULE = "number_rule"


class NumberRuleListWidget(RecordListWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, runner, actor, changes, name="numberRule", kind=NUMBER_RULE, record_type=RuleView,
                         columns=lambda: (
                             Column(self.tr("Numbers for"), lambda r: r.scope),
                             Column(self.tr("Pattern"), lambda r: r.pattern),
                             Column(self.tr("Example"), lambda r: r.example),
                         ), key=lambda r: r.scope, load=lambda: numbering.list_rules(ctx.read_uow(), actor),
                         parent=parent)
        self.change_button = push_button(self.tr("Change rule..."), "changeNumberRule", self.change_rule)
        self.add_buttons((self.change_button,), visible=actor.can(Permission.MANAGE_NUMBER_RULES),
                         need_selection=(self.change_button,))

    def change_rule(self, rule: RuleView | None = None, draft: str | None = None, error: str = "") -> None:
        rule = rule or self.selected()
        if rule is None:
            return
        pattern = NumberRuleDialog.ask(rule, draft, error, self)
        if pattern is None:
            return
        reason = ReasonDialog.ask(self.tr("Change the number rule for {scope}?").format(scope=rule.scope), self)
        if reason is None:
            return
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: numbering.set_rule(ctx.uow(), actor, rule.scope, pattern, reason),
                        on_done=lambda saved: self.saved(saved, self.tr(
                            "Numbers for {scope} now follow {pattern}.").format(scope=saved.scope,
                                                                               pattern=saved.pattern)),
                        on_error=lambda failure: self.change_rule(rule, pattern, user_message(failure)))

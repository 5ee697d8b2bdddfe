"""The number rules of the site (LOT-3): one pattern per kind of number, changed by administrators with a
reason (audited); everyone sees them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app import numbering
from app.numbering import RuleView
from domain.users import Actor, Permission
from ui.changes import ChangeHub, Changes
from ui.message_label import MessageLabel
from ui.number_rule_dialog import NumberRuleDialog
from ui.reason_dialog import ReasonDialog
from ui.record_table_model import Column, RecordTableModel
from ui.task_runner import Runner, user_message
from ui.widget_parts import push_button, record_table

if TYPE_CHECKING:
    from app.bootstrap import AppContext

NUMBER_RULE = "number_rule"


class NumberRuleListWidget(QWidget):
    def __init__(self, ctx: AppContext, runner: Runner, actor: Actor, changes: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numberRuleList")
        self.ctx, self.runner, self.actor, self.changes = ctx, runner, actor, changes
        self.model = RecordTableModel((
            Column(self.tr("Numbers for"), lambda r: r.scope),
            Column(self.tr("Pattern"), lambda r: r.pattern),
            Column(self.tr("Example"), lambda r: r.example),
        ), lambda r: r.scope, self)
        self.table = record_table("numberRuleTable", self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.change_button = push_button(self.tr("Change rule..."), "changeNumberRule", self.change_rule)
        self.change_button.setVisible(actor.can(Permission.MANAGE_NUMBER_RULES))  # the service checks (ACC-4)
        row = QHBoxLayout()
        row.addWidget(self.change_button)
        row.addStretch(1)
        row.addWidget(push_button(self.tr("Refresh"), "refreshNumberRules", self.refresh))
        self.message = MessageLabel(self, object_name="numberRuleListMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        changes.changed.connect(lambda c: self.refresh() if c.touches(NUMBER_RULE) else None)
        self.refresh()

    def refresh(self) -> None:
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: numbering.list_rules(ctx.read_uow(), actor), on_done=self._loaded,
                        on_error=lambda error: self.message.show_error(user_message(error)))

    def _loaded(self, rules: list[RuleView]) -> None:
        self.model.set_records(rules)
        self._update_buttons()

    def selected(self) -> RuleView | None:
        rows = self.table.selectionModel().selectedRows()
        record = self.model.record_at(rows[0].row()) if rows else None
        return record if isinstance(record, RuleView) else None

    def _update_buttons(self) -> None:
        self.change_button.setEnabled(self.selected() is not None)

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
                        on_done=self._saved,
                        on_error=lambda failure: self.change_rule(rule, pattern, user_message(failure)))

    def _saved(self, rule: RuleView) -> None:
        self.message.show_info(self.tr("Numbers for {scope} now follow {pattern}.").format(
            scope=rule.scope, pattern=rule.pattern))
        self.changes.announce(Changes.of(NUMBER_RULE, numbers=[rule.scope]))

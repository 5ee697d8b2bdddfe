"""The form for one number rule (LOT-3): the pattern, checked as it is typed, with an example of the numbers
it gives. The caller asks for the reason and writes; a refused write reopens the form as it was."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.numbering import RuleView
from domain.errors import DomainError
from domain.numbering import NumberContext, NumberRule
from ui.widgets.message_label import MessageLabel
from ui.widgets.widget_parts import line_edit


class NumberRuleDialog(QDialog):
    def __init__(self, rule: RuleView, draft: str | None = None, error: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numberRuleDialog")
        self.setWindowTitle(self.tr("Number rule {scope}").format(scope=rule.scope))
        self.scope = rule.scope
        self.pattern: str | None = None
        self.edit = line_edit("numberPattern")
        self.edit.setText(draft if draft is not None else rule.pattern)
        self.example = QLabel()
        self.example.setObjectName("numberExample")
        self.example.setWordWrap(True)
        help_text = QLabel(self.tr("Placeholders: {item} {yyyy} {yy} {mm} {dd} {doy} and one {seq} or {seq:0N} "
                                   "(N digits). The sequence restarts whenever the rest of the number changes."))
        help_text.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Pattern"), self.edit)
        form.addRow(self.tr("Example"), self.example)
        self.message = MessageLabel(self, object_name="numberRuleMessage")
        if error:
            self.message.show_error(error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Save rule..."))
        self.ok.setObjectName("numberRuleOk")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(help_text)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> bool:
        try:
            rule = NumberRule(self.scope, self.edit.text().strip())
            example = rule.render(NumberContext(date.today(), item="ITEM"), 1)
        except DomainError as error:
            self.example.setText(str(error))
            self.ok.setEnabled(False)
            return False
        self.example.setText(example)
        self.ok.setEnabled(True)
        return True

    def _submit(self) -> None:
        if self._check():
            self.pattern = self.edit.text().strip()
            self.accept()

    @classmethod
    def ask(cls, rule: RuleView, draft: str | None = None, error: str = "",
            parent: QWidget | None = None) -> str | None:
        """The new pattern, or None when the user cancels."""
        dialog = cls(rule, draft, error, parent)
        try:
            return dialog.pattern if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

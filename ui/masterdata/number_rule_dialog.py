"""The form for one number rule (LOT-3): the pattern, checked as it is typed, with an example of the numbers
it gives. The caller asks for the reason and writes; a refused write reopens the form as it was."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from app.numbering import RuleView
from domain.errors import DomainError
from domain.numbering import NumberContext, NumberRule
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import line_edit


class NumberRuleDialog(FormDialog[str]):
    """The new pattern; `ask` gives None when the user cancels."""

    def __init__(self, rule: RuleView, draft: str | None = None, error: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(None, name="numberRule", title=self.tr("Number rule {scope}").format(scope=rule.scope),
                         ok_text=self.tr("Save rule..."), parent=parent)
        self.scope = rule.scope
        self.edit = self.add_row(self.tr("Pattern"), line_edit("numberPattern"))
        self.edit.setText(draft if draft is not None else rule.pattern)
        self.example = self.add_row(self.tr("Example"), QLabel())
        self.example.setObjectName("numberExample")
        self.example.setWordWrap(True)
        help_text = QLabel(self.tr("Placeholders: {item} {yyyy} {yy} {mm} {dd} {doy} and one {seq} or {seq:0N} "
                                   "(N digits). The sequence restarts whenever the rest of the number changes."))
        help_text.setWordWrap(True)
        self.body.addWidget(help_text)
        self.finish()
        if error:
            self.message.show_error(error)
        self.edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> bool:
        try:
            rule = NumberRule(self.scope, self.edit.text().strip())
            example = rule.render(NumberContext(date.today(), item="ITEM"), 1)
        except DomainError as error:
            self.example.setText(str(error))
            self.ok_button.setEnabled(False)
            return False
        self.example.setText(example)
        self.ok_button.setEnabled(True)
        return True

    def submit(self) -> None:
        if self._check():
            self.done_with(self.edit.text().strip())

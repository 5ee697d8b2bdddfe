"""The one skeleton of a dialog that writes through a use case and closes (STYLE §7).

A subclass builds its fields into `self.form` (and anything else into `self.body` before `finish()`), and in
`submit()` hands the use case to `self.run(...)`. While it runs, OK is disabled; a refusal shows inline under the
form and OK comes back; a result closes the dialog and `ask(...)` returns it. `ask` is a classmethod taking the
same arguments as `__init__`, so callers stay linear and tests can drive or replace one method. A dialog that
only asks for input (the caller writes, e.g. with a reason) passes no runner and ends `submit()` with
`self.done_with(value)` or `self.fail(message)`:

    class SupplierDialog(FormDialog[SupplierView]):
        def __init__(self, services, runner, actor, parent=None):
            super().__init__(runner, name="supplier", title=self.tr("New supplier"),
                             ok_text=self.tr("Create supplier"), parent=parent)
            self.code = self.add_row(self.tr("Code"), line_edit("supplierCode"))
            self.finish()
        def submit(self):
            self.run(lambda: masterdata.create_supplier(...))

    supplier = SupplierDialog.ask(services, runner, actor, parent=self)   # None when cancelled

Object names follow one rule so tests find them: `<name>Dialog`, `<name>Ok`, `<name>Message`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.shell.task_runner import Runner, user_message
from ui.widgets.height_for_width import keep_height_for_width
from ui.widgets.message_label import MessageLabel

T = TypeVar("T")


class FormDialog(QDialog, Generic[T]):
    def __init__(self, runner: Runner | None, *, name: str, title: str, ok_text: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Dialog")
        self.setWindowTitle(title)
        self.runner = runner
        self.result_value: T | None = None
        self.body = QVBoxLayout(self)
        # The dialog never shrinks below what its content needs: no label or hint is clipped, at any scaling.
        self.body.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        keep_height_for_width(self)  # the minimum size ignores wrapped rows: they get their height on show
        # Wide enough in the user's font for a typical name, number or placeholder whole in a field; a narrower
        # dialog (a line edit's size hint) scrolled typed names and cut hints off.
        self.body.addStrut(self.fontMetrics().averageCharWidth() * 64)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # Every field takes the row's full width: a wrapped label left at its size hint was measured by the form at one
        # width and drawn at another, so its last lines were cut off.
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.body.addLayout(self.form)
        self.message = MessageLabel(self, object_name=f"{name}Message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName(f"{name}Ok")
        if ok_text:
            self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    # --- building -----------------------------------------------------------------------------------
    def add_row(self, caption: str, field: QWidget) -> Any:
        """Add a captioned field to the form; returns the field, so `self.x = self.add_row(...)` reads well."""
        self.form.addRow(caption, field)
        return field

    def finish(self) -> None:
        """Put the message line and the buttons under whatever the subclass added."""
        self.body.addWidget(self.message)
        self.body.addWidget(self.buttons)

    # --- running ------------------------------------------------------------------------------------
    def submit(self) -> None:
        """OK was pressed: check the input and `run()` the use case."""
        raise NotImplementedError

    def run(self, write: Callable[[], T]) -> None:
        """Run the use case off the GUI thread; its result closes the dialog, a refusal shows inline."""
        if self.runner is None:
            raise RuntimeError(f"{type(self).__name__} was built without a runner: it cannot run a use case")
        self.ok_button.setEnabled(False)
        self.message.clear_message()
        self.runner.run(write, on_done=self.done_with, on_error=self.fail)

    def load(self, read: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """Read what the form offers (items, records) off the GUI thread; a failure shows inline."""
        if self.runner is None:
            raise RuntimeError(f"{type(self).__name__} was built without a runner: it cannot load")
        self.runner.run(read, on_done=on_done, on_error=self.fail)

    def done_with(self, value: T) -> None:
        self.result_value = value
        self.accept()

    def fail(self, error: Exception | str) -> None:
        self.message.show_error(error if isinstance(error, str) else user_message(error))
        self.ok_button.setEnabled(True)

    # --- asking -------------------------------------------------------------------------------------
    @classmethod
    def ask(cls, *args: Any, **kwargs: Any) -> T | None:
        """Show the dialog modally with `__init__`'s arguments: the result, or None when cancelled."""
        dialog: Self = cls(*args, **kwargs)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.result_value if accepted else None
        finally:
            dialog.deleteLater()

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

Object names follow one rule so tests find them: `<name>Dialog`, `<name>Ok`, `<name>Cancel`, `<name>Message`
(`<name>Close` for a dialog that only shows something, `show_only=True`).

What the dialogs differ in has one place each: `add_note` for a wrapped text above the form (`add_above`
for any widget there), `cancel_text`
("Quit", "Log out"), an override of `fail` for a refusal that needs more than the inline line (a locked account,
a password field to empty), an override of `show_modal` for a dialog that may decide not to open (a signature
the user may not give).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.shell.task_runner import Runner
from ui.widgets.height_for_width import keep_height_for_width
from ui.widgets.message_label import MessageLabel

T = TypeVar("T")


class FormDialog(QDialog, Generic[T]):
    def __init__(self, runner: Runner | None, *, name: str, title: str, ok_text: str | None = None,
                 cancel_text: str | None = None, show_only: bool = False, parent: QWidget | None = None) -> None:
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
        self._notes = 0  # wrapped texts above the form
        self._name = name
        self.message = MessageLabel(self, object_name=f"{name}Message")
        if show_only:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            self.cancel_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Close)
            self.cancel_button.setObjectName(f"{name}Close")
            self.ok_button = self.cancel_button  # nothing to submit: "OK" is the one button there is
        else:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                            | QDialogButtonBox.StandardButton.Cancel)
            self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
            self.ok_button.setObjectName(f"{name}Ok")
            self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            self.cancel_button.setObjectName(f"{name}Cancel")
            if ok_text:
                self.ok_button.setText(ok_text)
            self.buttons.accepted.connect(self.submit)
        # Qt's own button texts are not translated (its catalogue is not shipped): ours are (GEN-6).
        translate = QCoreApplication.translate
        self.cancel_button.setText(cancel_text or (translate("FormDialog", "Close") if show_only
                                                   else translate("FormDialog", "Cancel")))
        if not show_only and not ok_text:
            self.ok_button.setText(translate("FormDialog", "OK"))
        self.buttons.rejected.connect(self.reject)

    # --- building -----------------------------------------------------------------------------------
    def add_row(self, caption: str, field: QWidget) -> Any:
        """Add a captioned field to the form; returns the field, so `self.x = self.add_row(...)` reads well."""
        self.form.addRow(caption, field)
        return field

    def add_note(self, text: str, object_name: str = "") -> QLabel:
        """A wrapped text above the form (what the dialog is for, what the user is about to do)."""
        label = QLabel(text)
        label.setWordWrap(True)
        if object_name:
            label.setObjectName(object_name)
        return self.add_above(label)

    def add_above(self, widget: QWidget) -> Any:
        """Put `widget` above the form, under the notes and widgets added above it before."""
        self.body.insertWidget(self._notes, widget)
        self._notes += 1
        return widget

    def finish(self) -> None:
        """Put the message line and the buttons under whatever the subclass added."""
        self.body.addWidget(self.message)
        self.body.addWidget(self.buttons)

    # --- running ------------------------------------------------------------------------------------
    def submit(self) -> None:
        """OK was pressed: check the input and `run()` the use case."""
        raise NotImplementedError

    def run(self, write: Callable[[], T], *, database: bool = True) -> None:
        """Run the use case off the GUI thread; its result closes the dialog, a refusal shows inline.
        `database=False` for work on the station's devices and files (the database pool stays free)."""
        if self.runner is None:
            raise RuntimeError(f"{type(self).__name__} was built without a runner: it cannot run a use case")
        self.ok_button.setEnabled(False)
        self.message.clear_message()
        self.runner.run(write, on_done=self.done_with, on_error=self.fail, database=database)

    def load(self, read: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """Read what the form offers (items, records) off the GUI thread; a failure shows inline."""
        if self.runner is None:
            raise RuntimeError(f"{type(self).__name__} was built without a runner: it cannot load")
        self.runner.run(read, on_done=on_done, on_error=self.fail)

    def done_with(self, value: T) -> None:
        self.result_value = value
        self.accept()

    def fail(self, error: Exception | str) -> None:
        """Say inline what was refused and let the user correct it (a subclass adds what its fields need)."""
        self.message.show_error(error)
        self.ok_button.setEnabled(True)

    # --- asking -------------------------------------------------------------------------------------
    @classmethod
    def ask(cls, *args: Any, **kwargs: Any) -> T | None:
        """Show the dialog modally with `__init__`'s arguments: the result, or None when cancelled."""
        dialog: Self = cls(*args, **kwargs)
        return dialog.answer()

    def answer(self) -> T | None:
        """Show this dialog modally, then delete it: the result, or None when cancelled."""
        try:
            return self.result_value if self.show_modal() else None
        finally:
            self.deleteLater()

    def show_modal(self) -> bool:
        """Run the dialog; True when it was accepted."""
        return self.exec() == QDialog.DialogCode.Accepted

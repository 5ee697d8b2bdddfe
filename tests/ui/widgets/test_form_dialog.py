"""The one dialog skeleton (ui/widgets/form_dialog.py): its minimum height counts wrapped rows, at 100 % and at
150 % text, also rows that arrive after the dialog is shown (what a signature or receiving dialog loads); a
refusal shows inline and keeps the dialog open; a result closes it and `ask` returns it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.masterdata import ItemView, SupplierView
from app.numbering import RuleView
from app.users import UserView
from domain.errors import ValidationError
from domain.users import PasswordPolicy
from tests.ui.layout_check import layout_problems
from ui.admin.add_user_dialog import AddUserDialog
from ui.admin.change_roles_dialog import ChangeRolesDialog
from ui.admin.rename_user_dialog import RenameUserDialog
from ui.admin.reset_password_dialog import ResetPasswordDialog
from ui.masterdata.approve_supplier_dialog import ApproveSupplierDialog
from ui.masterdata.customer_dialog import CustomerDialog
from ui.masterdata.number_rule_dialog import NumberRuleDialog
from ui.shell.task_runner import SyncTaskRunner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import line_edit

LONG = ("Signing as Quality Control Analyst Number Two (qc2). This electronic signature is the legally binding "
        "equivalent of your handwritten signature, kept with the record and in the audit trail.")


class NoteDialog(FormDialog[str]):
    def __init__(self, runner: SyncTaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, name="note", title="A note", ok_text="Keep note", parent=parent)
        self.text = self.add_row("Note", line_edit("noteText"))
        self.record = QGroupBox("Signed record")
        self.record.setObjectName("noteRecord")
        self.record_rows = QVBoxLayout(self.record)
        self.body.addWidget(self.record)
        self.statement = self.add_row("Statement", self.wrapped(LONG, "noteStatement"))
        self.finish()

    @staticmethod
    def wrapped(text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def add_loaded_rows(self) -> None:
        for index in range(4):
            self.record_rows.addWidget(self.wrapped(f"{index}: {LONG}", f"noteLoaded{index}"))

    def submit(self) -> None:
        text = self.text.text().strip()

        def write() -> str:
            if not text:
                raise ValidationError("a note needs text")
            return text

        self.run(write)


@pytest.fixture(params=[1.0, 1.5], ids=["100%", "150%"])
def scaled(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    normal = qapp.font()
    scaled_font = QFont(normal)
    scaled_font.setPointSizeF(normal.pointSizeF() * request.param)
    qapp.setFont(scaled_font)
    try:
        yield request.param
    finally:
        qapp.setFont(normal)


def test_wrapped_rows_get_their_height_also_when_they_arrive_after_show(qtbot: QtBot, scaled: float) -> None:
    dialog = NoteDialog(SyncTaskRunner())
    qtbot.addWidget(dialog)
    dialog.resize(420, 200)  # narrower and shorter than the content: what a small screen's first size gives
    dialog.show()
    qtbot.waitExposed(dialog)
    assert layout_problems(dialog) == []
    dialog.add_loaded_rows()  # as a loaded record fills in the group box
    qtbot.waitUntil(lambda: layout_problems(dialog) == [])  # without being resized by anyone
    assert dialog.minimumHeight() >= dialog.layout().totalHeightForWidth(dialog.width())
    dialog.grab().save(f"/tmp/h8a/form_dialog_{int(scaled * 100)}.png")


def test_a_refusal_shows_inline_and_a_result_closes_and_is_returned(qtbot: QtBot) -> None:
    dialog = NoteDialog(SyncTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.message.text() == "a note needs text" and dialog.ok_button.isEnabled()
    dialog.text.setText("checked twice")
    dialog.ok_button.click()
    assert not dialog.isVisible() and dialog.result_value == "checked twice"


def test_ask_returns_the_result_or_none_when_cancelled(qtbot: QtBot) -> None:
    runner = SyncTaskRunner()

    def answer(text: str | None) -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, NoteDialog) and w.isVisible())
        if text is None:
            dialog.reject()
        else:
            dialog.text.setText(text)
            dialog.ok_button.click()

    QTimer.singleShot(0, lambda: answer("first"))
    assert NoteDialog.ask(runner) == "first"
    QTimer.singleShot(0, lambda: answer(None))
    assert NoteDialog.ask(runner) is None


def _input_dialogs() -> list[tuple[str, Callable[[], FormDialog[Any]]]]:
    """The dialogs on the skeleton that only ask (no database needed to build them), filled as a user sees them."""
    now = datetime(2026, 12, 5, tzinfo=UTC)
    user = UserView("dave", "David Alexander Smith-Whitworth", ("QC Analyst",), True, False, 0, False, now, now)
    items = [ItemView("SYR-10", "Syringe 10 ml, Luer lock, sterile", "FINISHED", "pcs", 1825, "", None, True)]
    return [
        ("addUser", lambda: AddUserDialog(PasswordPolicy())),
        ("renameUser", lambda: RenameUserDialog(user)),
        ("resetPassword", lambda: ResetPasswordDialog(user, PasswordPolicy())),
        ("changeRoles", lambda: ChangeRolesDialog(user)),
        ("customer", lambda: CustomerDialog(error="customer HOSP1 already exists")),
        ("approveSupplier", lambda: ApproveSupplierDialog(SupplierView("ACME", "Acme Polymers GmbH", True), items)),
        ("numberRule", lambda: NumberRuleDialog(RuleView("lot.RAW_MATERIAL", "RM{yyyy}-{seq:05}", "RM2026-00001"))),
    ]


@pytest.mark.parametrize(("name", "make"), _input_dialogs(), ids=[name for name, _ in _input_dialogs()])
def test_each_input_dialog_shows_everything_whole(qtbot: QtBot, scaled: float, name: str,
                                                   make: Callable[[], FormDialog[Any]]) -> None:
    dialog = make()
    qtbot.addWidget(dialog)
    assert dialog.objectName() == f"{name}Dialog" and dialog.ok_button.objectName() == f"{name}Ok"
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: layout_problems(dialog) == [])
    dialog.grab().save(f"/tmp/h8a/{name}_{int(scaled * 100)}.png")

"""Small builders the record pages share: a read-only record table, named buttons and fields, a save dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from domain.quantities import fmt
from domain.users import Actor
from domain.workflow import StateMachine, Transition
from ui.widgets.local_time import local_text
from ui.widgets.status_names import transition_name

# The seam for electronic signatures (SIG-1..SIG-5): ask the logged-in user to sign record `number` of
# `record_type` ("lot", "batch") toward the `target` status, in the signature dialog; returns what to tell the
# user (the progress, or that the transition is done), or None when the user cancelled.
Signer = Callable[[QWidget, str, str, Enum], "str | None"]


def signed_transitions(machine: StateMachine[Any], status: Enum, actor: Actor) -> list[Transition[Any]]:
    """The transitions from `status` that are done by signing (release, reject) and that this user could sign
    for: a role of theirs is one a required signature asks for. The service checks every rule again."""
    return [t for t in machine.allowed_from(status)
            if t.signatures and any(actor.roles & r.roles for r in t.signatures)]


def add_sign_buttons(owner: QWidget, row: QBoxLayout, transitions: list[Transition[Any]], *, signing: bool,
                     name_prefix: str, sign: Callable[[Any], object]) -> tuple[dict[Any, QPushButton], str]:
    """A "Sign: release..." button in `row` for each signed transition this user could sign, or, where no
    signer is wired in, a text naming the signatures each one needs. Returns the buttons by target and that
    text (empty when every transition has its button)."""
    buttons: dict[Any, QPushButton] = {}
    notes = []
    for transition in transitions:
        action = transition_name(transition)
        if not signing:
            notes.append(QCoreApplication.translate("Signing", "To {action}, signatures: {signatures}.").format(
                action=action, signatures=", ".join(r.describe() for r in transition.signatures)))
            continue
        button = push_button(QCoreApplication.translate("Signing", "Sign: {action}...").format(action=action),
                             f"{name_prefix}Sign_{transition.target.name}", lambda t=transition.target: sign(t))
        row.addWidget(button)
        buttons[transition.target] = button
    return buttons, "\n".join(notes)


# Widest a column grows when sized to its content: identifiers and numbers fit far below it; a long free text
# (a reason, a name) stops here and shows the rest in its tooltip instead of pushing every other column away.
MAX_COLUMN_WIDTH = 420
_SAMPLE_ROWS = 300  # rows measured when sizing columns: a 10,000-row list sizes as fast as a 20-row one


def record_table(name: str, model: object) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)  # type: ignore[arg-type]
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    fit_columns_to_content(table)
    return table


def fit_columns_to_content(view: QAbstractItemView) -> None:
    """Size each column to its content and header whenever the rows change, so numbers and identifiers are
    never cut off (STYLE: a lot number is shown whole); the last column takes what room is left."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()  # type: ignore[attr-defined]
    header.setStretchLastSection(True)
    header.setMaximumSectionSize(MAX_COLUMN_WIDTH)
    header.setResizeContentsPrecision(_SAMPLE_ROWS)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8) if isinstance(
        view, QTableView) else None
    model = view.model()
    if model is None:
        return

    def fit() -> None:
        if not shiboken6.isValid(view):  # a QTableWidget's own model signals while its view is destroyed
            return
        for column in range(model.columnCount()):
            view.resizeColumnToContents(column)

    for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
        signal.connect(fit)
    fit()


def push_button(text: str, name: str, slot: Callable[[], object]) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def retire(widget: QWidget) -> None:
    """Remove a button that may be the one being clicked: hidden and unnamed now, deleted by the event loop."""
    widget.hide()
    widget.setObjectName("")
    widget.deleteLater()


def debounced(owner: QWidget, slot: Callable[[], object], msec: int = 250) -> QTimer:
    """A single-shot timer that calls `slot` once typing has paused for `msec` (filters apply as you type
    without a query per key). `start()` it on every key; stop it when the slot runs for another reason."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(msec)
    timer.timeout.connect(slot)
    return timer


def line_edit(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def quantity_text(quantity: Decimal | None) -> str:
    return "" if quantity is None else fmt(quantity)


def date_text(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def time_text(at: datetime | None) -> str:
    return local_text(at)


def choose_save_path(parent: QWidget, title: str, file_name: str, *, file_filter: str | None = None,
                     suffix: str = "csv") -> Path | None:
    """Ask where to save a CSV file, or another kind with its `file_filter` and `suffix` (Qt's own dialog,
    named `exportFileDialog` for tests)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    dialog = QFileDialog(parent, title, str(Path(folder) / file_name),
                         file_filter or QCoreApplication.translate("Export", "CSV files (*.csv)"))
    dialog.setObjectName("exportFileDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])
    finally:
        dialog.deleteLater()

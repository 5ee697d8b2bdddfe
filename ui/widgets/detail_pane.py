"""The one base of a detail pane: the record selected in a list, loaded off the GUI thread by its number,
refreshed when a write touches its kind, and emptied when nothing (or something no longer listed) is selected.

A subclass adds its fields with `add_field`, its buttons and sections to `self.body`, then calls `finish()`; it
says how to read the record (`fetch`) and how to show it (`present`, also called with None to empty the pane):

    class LotDetailWidget(DetailPane[LotView]):
        def __init__(self, services, runner, actor, changes, parent=None):
            super().__init__(runner, changes, name="lot", title=self.tr("Lot"), kinds=(LOT,),
                             empty_text=self.tr("Select a lot ..."), parent=parent)
            self.add_field("number", self.tr("Lot number"))
            self.finish()
        def fetch(self, number):
            return lambda: lots.get_lot(services.read_uow(), actor, number)
        def present(self, lot):
            self.set_values(number=lot.lot_number if lot else "")

Object names: `<name>Detail`, `<name>DetailEmpty`, `<name>DetailMessage`, and `<name>_<field>` for each value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ui.shell.changes import ChangeHub, Changes
from ui.shell.task_runner import Runner, user_message
from ui.widgets.message_label import MessageLabel

R = TypeVar("R")


class DetailPane(QGroupBox, Generic[R]):
    def __init__(self, runner: Runner, changes: ChangeHub, *, name: str, title: str, empty_text: str,
                 kinds: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Detail")
        self.setTitle(title)
        self.runner, self.changes, self._name, self._kinds = runner, changes, name, kinds
        self.record: R | None = None
        self._number: str | None = None
        self.empty = QLabel(empty_text)
        self.empty.setObjectName(f"{name}DetailEmpty")
        self.empty.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.values: dict[str, QLabel] = {}
        self.message = MessageLabel(self, object_name=f"{name}DetailMessage")
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.empty)
        self.body.addLayout(self.form)
        changes.changed.connect(self._changed)

    # --- building -----------------------------------------------------------------------------------
    def add_field(self, key: str, caption: str, *, wrap: bool = True) -> QLabel:
        """A read-only value the user can select and copy (a lot number into an e-mail, say). `wrap=False` for
        identifiers, which are never broken at their hyphens."""
        label = QLabel()
        label.setObjectName(f"{self._name}_{key}")
        label.setWordWrap(wrap)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values[key] = label
        self.form.addRow(caption, label)
        return label

    def finish(self, *, stretch: bool = True) -> None:
        """Put the message line (and a stretch, unless a table or tabs added by the subclass take the height)
        under what the subclass added, and show the empty state."""
        self.body.addWidget(self.message)
        if stretch:
            self.body.addStretch(1)
        self._present(None)

    # --- what a subclass says -----------------------------------------------------------------------
    def fetch(self, number: str) -> Callable[[], R]:
        """The read of record `number`, run off the GUI thread."""
        raise NotImplementedError

    def present(self, record: R | None) -> None:
        """Show `record` (None: the pane is empty)."""
        raise NotImplementedError

    # --- showing ------------------------------------------------------------------------------------
    @property
    def number(self) -> str | None:
        return self._number

    def show_record(self, number: str | None) -> None:
        """Show record `number`, or empty the pane when None (the selection left the list)."""
        if number != self._number:  # the same record again (a refresh) keeps what the last action said
            self.message.clear_message()
        self._number = number
        if number is None:
            self._present(None)
            return
        self.runner.run(self.fetch(number), on_done=lambda record, wanted=number: self._loaded(wanted, record),
                        on_error=lambda error, wanted=number: self._not_loaded(wanted, error))

    def refresh(self) -> None:
        if self._number is not None:
            self.show_record(self._number)

    def set_values(self, **texts: str) -> None:
        for key, text in texts.items():
            self.values[key].setText(text)

    def show_error(self, error: Exception | str) -> None:
        self.message.show_error(error if isinstance(error, str) else user_message(error))

    def show_info(self, text: str) -> None:
        self.message.show_info(text)

    def _loaded(self, wanted: str, record: Any) -> None:
        if wanted == self._number:  # a slower load of an earlier selection never overwrites the current one
            self._present(record)

    def _not_loaded(self, wanted: str, error: Exception) -> None:
        """The record selected could not be read: the pane says why and shows nothing of the one before, which
        a user could otherwise print or sign believing it the one selected."""
        if wanted == self._number:
            self._present(None)
            self.show_error(error)

    def _present(self, record: R | None) -> None:
        self.record = record
        self.empty.setVisible(record is None)
        if record is None:
            self.set_values(**dict.fromkeys(self.values, ""))
        self.present(record)

    def _changed(self, changes: Changes) -> None:
        if self._number is not None and changes.touches(*self._kinds):
            self.refresh()

"""A page that lists one kind of record: a table, a row of buttons, a message line. It loads off the GUI
thread, keeps the selected record across refreshes, and refreshes when a write touches its kind (STYLE §6).
The item, customer and number-rule lists are such pages; each says what it lists and what its buttons do."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from domain.users import Actor
from ui.shell.changes import ChangeHub, Changes
from ui.shell.task_runner import Runner, user_message
from ui.widgets.message_label import MessageLabel
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.widget_parts import push_button, record_table

if TYPE_CHECKING:
    from app.services import Services


class RecordListWidget(QWidget):
    def __init__(
        self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *, name: str, kind: str,
        record_type: type, columns: Callable[[], Sequence[Column]], key: Callable[[Any], str],
        load: Callable[[], Sequence[Any]], parent: QWidget | None = None,
    ) -> None:
        """`name` gives the object names (`{name}List`, `{name}Table`, `{name}ListMessage`); `columns` is called
        once the widget exists (so that its texts can be translated); `load` runs on the database thread; `key`
        identifies a record in the table."""
        super().__init__(parent)
        self.setObjectName(f"{name}List")
        self.ctx, self.runner, self.actor, self.changes = ctx, runner, actor, changes
        self._kind, self._record_type, self._key, self._load = kind, record_type, key, load
        self._select: str | None = None
        self.model = RecordTableModel(columns(), key, self)
        self.table = record_table(f"{name}Table", self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.buttons = QHBoxLayout()
        self.selection_buttons: list[QPushButton] = []  # enabled only while a record is selected
        self.refresh_button = push_button(self.tr("Refresh"), f"refresh{name[0].upper()}{name[1:]}s", self.refresh)
        self.message = MessageLabel(self, object_name=f"{name}ListMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(self.buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        changes.changed.connect(self._changed)

    def add_buttons(self, buttons: Sequence[QPushButton], *, visible: bool, need_selection: Sequence[QPushButton]
                    ) -> None:
        """The page's own buttons, shown only to those who may use them (the services check again, ACC-4);
        then the first load. Every subclass calls this once, at the end of its __init__."""
        for button in buttons:
            button.setVisible(visible)
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.refresh_button)
        self.selection_buttons = list(need_selection)
        self.refresh()

    def refresh(self) -> None:
        current = self.selected()
        self._select = self._select or (self._key(current) if current is not None else None)
        self.runner.run(self._load, on_done=self._loaded,
                        on_error=lambda error: self.message.show_error(user_message(error)))

    def _loaded(self, records: Sequence[Any]) -> None:
        self.model.set_records(records)
        row = self.model.row_of(self._select) if self._select else -1
        self._select = None
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(self._kind):
            self.refresh()

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        record = self.model.record_at(rows[0].row()) if rows else None
        return record if isinstance(record, self._record_type) else None

    def _update_buttons(self) -> None:
        for button in self.selection_buttons:
            button.setEnabled(self.selected() is not None)

    def saved(self, record: Any, text: str) -> None:
        """After a successful write: say so, select the record, and let every page refresh (this one too)."""
        key = self._key(record)
        self.message.show_info(text)
        self._select = key
        self.changes.announce(Changes.of(self._kind, numbers=[key]))

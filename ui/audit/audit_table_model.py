"""The audit trail as a paged table (AUD-5): newest first, the next older page loaded on scroll.

Pages are keyset-paged on the sequence number (`before_seq`), so the table opens at once on a million
entries. Loading runs on the task runner; with `SyncTaskRunner` (tests) pages arrive inline.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from app import audit
from app.ports import AuditFilter
from domain.audit import AuditEntry
from domain.users import Actor
from ui.shell.task_runner import Runner, user_message
from ui.widgets.local_time import local_text
from ui.widgets.status_names import record_type_name

if TYPE_CHECKING:
    from app.services import Services

_Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
_SHORT = 300  # characters of changes shown in a cell; the detail pane shows everything


class AuditTableModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    load_failed = Signal(str)
    ENTRY_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QObject | None = None, *,
                 page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.actor, self.page_size = ctx, runner, actor, page_size
        self.filter = AuditFilter()
        self._entries: list[AuditEntry] = []
        self._changes: dict[int, str] = {}
        self._exhausted = True  # nothing to fetch until set_filter() loads the first page
        self._loading = False
        self._generation = 0
        self._headers = (
            self.tr("Seq"), self.tr("Time"), self.tr("User ID"), self.tr("Printed name"), self.tr("Record type"),
            self.tr("Record ID"), self.tr("Action"), self.tr("Changes"), self.tr("Reason"),
        )

    # --- loading ------------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    def set_filter(self, flt: AuditFilter) -> None:
        """Show the newest page of entries that match `flt` (a result for an older filter is dropped)."""
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._entries, self._changes = [], {}
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self._load(None)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid() or self._exhausted or self._loading:
            return
        self._load(self._entries[-1].seq if self._entries else None)

    def _load(self, before_seq: int | None) -> None:
        ctx, actor, flt, limit = self.ctx, self.actor, self.filter, self.page_size
        self._set_loading(True)
        self.runner.run(lambda: audit.audit_page(ctx.read_uow(), actor, flt, before_seq=before_seq, limit=limit),
                        on_done=partial(self._page_loaded, self._generation),
                        on_error=partial(self._page_failed, self._generation))

    def _page_loaded(self, generation: int, page: list[AuditEntry]) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        self._exhausted = len(page) < self.page_size
        if page:
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._entries.extend(page)
            self.endInsertRows()

    def _page_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        self._exhausted = True  # no retry loop from the view: Refresh tries again
        self.load_failed.emit(user_message(error))

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # --- the table ----------------------------------------------------------------------------------
    def entry_at(self, row: int) -> AuditEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role == self.ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (7, 8):
            return self.detail_text(entry)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            entry.seq, local_text(entry.at), entry.user_id, entry.user_name, record_type_name(entry.record_type),
            entry.record_id, entry.action, self._short_changes(index.row(), entry), entry.reason or "",
        )
        return values[index.column()] if 0 <= index.column() < len(values) else None

    def _short_changes(self, row: int, entry: AuditEntry) -> str:
        text = self._changes.get(row)
        if text is None:
            text = audit.readable_changes(entry)
            text = text if len(text) <= _SHORT else text[:_SHORT] + "…"
            self._changes[row] = text
        return text

    def detail_text(self, entry: AuditEntry) -> str:
        """Every field of the entry, with the full old and new value of each changed field."""
        lines = [
            self.tr("Entry {seq}, {local} (UTC {utc})").format(
                seq=entry.seq, local=local_text(entry.at), utc=entry.at.isoformat()),
            self.tr("User: {name} ({uid})").format(name=entry.user_name, uid=entry.user_id),
            self.tr("Record: {type} {id}").format(type=record_type_name(entry.record_type), id=entry.record_id),
            self.tr("Action: {action}").format(action=entry.action),
            self.tr("Reason: {reason}").format(reason=entry.reason or self.tr("(none)")),
        ]
        changes = entry.change_map()
        if changes:
            lines.append(self.tr("Changes:"))
            for name, (old, new) in sorted(changes.items()):
                lines.append(self.tr("  {field}: {old} → {new}").format(
                    field=name, old=self.tr("(none)") if old is None else old,
                    new=self.tr("(none)") if new is None else new))
        lines.append(self.tr("Hash: {hash}\nPrevious: {prev}").format(hash=entry.hash, prev=entry.prev_hash))
        return "\n".join(lines)

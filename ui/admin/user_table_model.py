"""The users as a table (ACC-1): deactivated users stay listed, because their IDs are never reused."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.users import UserView
from domain.users import Role
from ui.admin.role_checklist import role_name
from ui.widgets.local_time import local_text

_Index = QModelIndex | QPersistentModelIndex


class UserTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._users: list[UserView] = []
        self._headers = (
            self.tr("User ID"), self.tr("Printed name"), self.tr("Roles"), self.tr("Status"),
            self.tr("Failed log-ins"), self.tr("Password changed"), self.tr("Created"),
        )

    def set_users(self, views: Sequence[UserView]) -> None:
        self.beginResetModel()
        self._users = list(views)
        self.endResetModel()

    def user_at(self, row: int) -> UserView | None:
        return self._users[row] if 0 <= row < len(self._users) else None

    def row_of(self, user_id: str) -> int:
        return next((row for row, view in enumerate(self._users) if view.user_id == user_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        view = self.user_at(index.row()) if index.isValid() else None
        if view is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        roles = ", ".join([*(role_name(Role(r)) for r in view.roles),
                           *(self.tr("{role} (pending)").format(role=role_name(Role(r)))
                             for r in view.pending_roles)])
        values = (
            view.user_id, view.printed_name, roles, self.status(view), str(view.failed_logins),
            local_text(view.password_changed_at), local_text(view.created_at),
        )
        return values[column] if 0 <= column < len(values) else None

    def status(self, view: UserView) -> str:
        if not view.active:
            return self.tr("Deactivated")
        if view.locked:
            return self.tr("Locked")
        if view.must_change_password:
            return self.tr("Must set a new password")
        return self.tr("Active")

"""One check box per role (domain.users.Role), for adding a user and changing a user's roles."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from domain.users import Role
from ui.widgets.status_names import stored_name


def role_name(role: Role) -> str:
    return stored_name("Role", role.value)


class RoleChecklist(QGroupBox):
    def __init__(self, checked: Iterable[Role] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Roles"))
        self.setObjectName("roles")
        checked = set(checked)
        layout = QVBoxLayout(self)
        self.boxes: dict[Role, QCheckBox] = {}
        for role in Role:
            box = QCheckBox(role_name(role))
            box.setObjectName(f"role_{role.name}")
            box.setChecked(role in checked)
            layout.addWidget(box)
            self.boxes[role] = box

    def on_change(self, slot: Callable[[], None]) -> None:
        for box in self.boxes.values():
            box.toggled.connect(lambda _checked: slot())

    def roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.boxes.items() if box.isChecked())

"""Under a role checklist: which roles wait for a second person's approval, and, when the roles join both halves
of a four-eyes pair, the warning and the reason the site accepts it for (ACC-6)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from domain.i18n import _
from domain.role_grants import SIGNING_ROLES, describe_conflicts, four_eyes_conflicts
from domain.users import Role
from ui.admin.role_checklist import role_name


class FourEyesNotice(QWidget):
    def __init__(self, user_id: str, current: frozenset[Role] = frozenset(), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_id, self.current = user_id, current
        self.pending = QLabel()
        self.pending.setObjectName("pendingRolesNote")
        self.pending.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("fourEyesWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a15c00; font-weight: bold")
        self.acceptance = QLineEdit()
        self.acceptance.setObjectName("fourEyesAcceptance")
        self.acceptance.setPlaceholderText(self.tr("The site accepts this because ... (kept in the audit trail)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.pending, self.warning, self.acceptance):
            layout.addWidget(widget)
        self.update_for(current)

    def update_for(self, roles: frozenset[Role]) -> None:
        waiting = sorted(role_name(r) for r in (roles - self.current) & SIGNING_ROLES)
        self.pending.setText(self.tr("Signing roles wait for approval by a second administrator or QA: {roles}.")
                             .format(roles=", ".join(waiting)) if waiting else "")
        self.pending.setVisible(bool(waiting))
        pairs = four_eyes_conflicts(roles)
        self.warning.setText(describe_conflicts(self.user_id or _("this user"), pairs) if pairs else "")
        self.warning.setVisible(bool(pairs))
        self.acceptance.setVisible(bool(pairs))

    def accepted(self, roles: frozenset[Role]) -> str | None:
        """The acceptance typed, when the roles need one; None when they do not."""
        return self.acceptance.text().strip() or None if four_eyes_conflicts(roles) else None

    def missing_acceptance(self, roles: frozenset[Role]) -> bool:
        return bool(four_eyes_conflicts(roles)) and not self.acceptance.text().strip()

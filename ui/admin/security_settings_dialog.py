"""The site's security policy (ACC-7): lock-out threshold, password rules and idle time, as every station reads
them from the database. An administrator changes them here with a reason; the change is a new audited version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSpinBox, QWidget

from app import site_security
from app.site_security import SecurityView
from domain.i18n import _
from domain.site_security import BOUNDS
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from app.services import Services


class SecuritySettingsDialog(FormDialog[SecurityView]):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(runner, name="securitySettings", title=self.tr("Site security settings"),
                         ok_text=self.tr("Save for the whole site"), parent=parent)
        self.ctx, self.actor = ctx, actor
        intro = QLabel(self.tr("These rules apply at every station of the site: they are kept in the database, "
                               "not in a station's settings. A change is a new version, kept in the audit trail "
                               "with your reason."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.fields: dict[str, QSpinBox] = {}
        for name, bound in BOUNDS.items():
            box = QSpinBox()
            box.setObjectName(name)
            box.setRange(bound.low, bound.high)
            box.setSuffix(f" {_(bound.unit)}")
            box.setToolTip(self.tr("From {low} to {high}").format(low=bound.low, high=bound.high))
            self.fields[name] = self.add_row(_(bound.label), box)
        self.version = QLabel()
        self.version.setObjectName("securityVersion")
        self.version.setWordWrap(True)
        self.form.addRow(self.version)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("securityReason")
        self.reason.setPlaceholderText(self.tr("e.g. SOP-012 revision 4: lock after 3 failed log-ins"))
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.add_row(self.tr("Reason"), self.reason)
        self.finish()
        self.current: SecurityView | None = None
        self.ok_button.setEnabled(False)
        self.load(lambda: site_security.current_security(ctx.read_uow()), self._loaded)

    def _loaded(self, view: SecurityView) -> None:
        self.current = view
        for name, value in view.values.items():
            self.fields[name].setValue(value)
        if view.version == 0:
            self.version.setText(self.tr("In force: BatchTrace's defaults, never changed at this site."))
        else:
            when = view.changed_at.astimezone().strftime("%Y-%m-%d %H:%M") if view.changed_at else ""
            self.version.setText(self.tr("In force: version {version}, set by {user} on {when}.")
                                 .format(version=view.version, user=view.changed_by, when=when))
        self.ok_button.setEnabled(True)

    def submit(self) -> None:
        if self.current is None:
            return
        changes = {name: box.value() for name, box in self.fields.items()
                   if box.value() != dict(self.current.values.items())[name]}
        if not changes:
            self.fail(self.tr("Nothing changed."))
            return
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.fail(self.tr("Say why the rules change: the reason is kept in the audit trail."))
            return
        ctx, actor = self.ctx, self.actor
        self.run(lambda: site_security.change_security(ctx.uow(), actor, changes, reason))

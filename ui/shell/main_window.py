"""The main window: navigation to the pages the logged-in user may use, the session menu, the status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import capa, users
from app.capa import OverdueAction
from app.labels import can_print_labels
from app.settings import config_dir
from app.signatures import SigningSession
from domain.users import Actor, Permission
from ui.shell.about_dialog import AboutDialog
from ui.shell.change_password_dialog import ChangePasswordDialog
from ui.shell.changes import ChangeHub
from ui.shell.global_search_box import GlobalSearchBox
from ui.shell.idle_lock import IdleLock
from ui.shell.language_dialog import LanguageDialog
from ui.shell.lot_expiry import LotExpiry
from ui.shell.pages import PAGE_OF_KIND, lot_page_factories
from ui.shell.task_runner import Runner
from ui.signatures.record_signer import RecordSigner
from ui.widgets.notice_banner import NoticeBanner
from ui.widgets.widget_parts import Signer

if TYPE_CHECKING:
    from app.services import Services

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """`session_ended(outcome, notice)`: outcome "logout" (show the log-in again), "quit", or "language" (the
    user chose another language: the same session goes on in a new window, `self.actor` as now saved); the
    notice is a message for the log-in dialog (e.g. the account locked at unlock)."""

    session_ended = Signal(str, str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, *, idle_ms: int | None = None,
                 station_language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ctx, self.runner, self.actor = ctx, runner, actor
        self.station_language = station_language
        self.setWindowTitle(self.tr("BatchTrace: {name} ({uid})").format(name=actor.printed_name, uid=actor.user_id))
        self._ending = False
        self._ended = False
        self._outcome = ("quit", "")
        self.pages: dict[str, QWidget] = {}
        self.changes = runner.changes  # after a write, every open page refreshes what it shows
        # One signing session per log-in (SIG-1): the first signature asks for user ID and password, later ones
        # for the password; log-out, the idle lock and unlocking start it again (ACC-5).
        self.signing_session = SigningSession(actor)
        self.signer = RecordSigner(ctx, runner, self.signing_session, on_account_locked=self._locked_session_ended)
        self._build_central()
        self._build_menu()
        self._build_search_bar()
        self._build_status_bar()
        self.idle_lock = IdleLock(ctx, runner, actor, self, interval_ms=idle_ms)
        self.idle_lock.lock_changed.connect(self._cover)
        self.idle_lock.session_ended.connect(self._locked_session_ended)
        self.idle_lock.lock_changed.connect(lambda _locked: self.signing_session.reset())
        # LOT-5: lots past expiry are blocked when the window opens and after every midnight while it is open.
        self.lot_expiry = LotExpiry(ctx, runner, self)
        self.lot_expiry.expired.connect(self._lots_expired)
        self.lot_expiry.start()
        self._restore_geometry()

    # --- layout -------------------------------------------------------------------------------------
    def _page_factories(self) -> list[tuple[str, str, Callable[[], QWidget]]]:
        """Only what exists and what this user may do: no empty placeholder pages."""
        from ui.admin.user_admin_widget import UserAdminWidget
        from ui.audit.audit_trail_widget import AuditTrailWidget  # imported when a page is built: faster start-up
        from ui.dashboard.dashboard_widget import DashboardWidget
        from ui.labels.print_journal_widget import PrintJournalWidget
        from ui.quality.deviation_list_widget import DeviationListWidget
        from ui.quality.qc_worklist_widget import QcWorklistWidget
        from ui.signatures.pending_signatures_widget import PendingSignaturesWidget

        ctx, runner, actor = self.ctx, self.runner, self.actor
        # labels: a receipt prints its lot label on the station's default printer (LOT-4)
        factories = lot_page_factories(ctx, runner, actor, self.changes, signer=self.signer,
                                       labels=ctx.devices.labels)
        # For everyone, second (KPI-1): the site's figures read only; not first, so that log-in opens on the Lots
        # page at once rather than waiting for the figures and the trace the dashboard times.
        factories.insert(1, ("dashboard", self.tr("Dashboard"), lambda: DashboardWidget(ctx, runner, actor,
                                                                                         self.changes)))
        if actor.can(Permission.ENTER_QC_RESULTS) or actor.can(Permission.REVIEW_QC_RESULTS):  # QC-2
            factories.append(("qc", self.tr("QC worklist"), lambda: QcWorklistWidget(
                ctx, runner, actor, self.changes, session=self.signing_session,
                on_account_locked=self._locked_session_ended)))
        if actor.can(Permission.RELEASE_LOT) or actor.can(Permission.RELEASE_BATCH):  # QC-3, QC-4: QA decides
            factories.append(("release", self.tr("Release"), lambda: _release_page(
                ctx, runner, actor, self.changes, self.signer)))
        # For everyone: deviations block release of what they touch (DEV-1); acting on them is by permission.
        factories.append(("deviations", self.tr("Deviations"), lambda: DeviationListWidget(
            ctx, runner, actor, self.changes, session=self.signing_session,
            on_account_locked=self._locked_session_ended)))
        # For everyone: a CAPA action may be anyone's to do (DEV-2); planning and closing are QA's.
        factories.append(("capa", self.tr("CAPA"), lambda: _capa_page(ctx, runner, actor, self.changes,
                                                                       self.signing_session,
                                                                       self._locked_session_ended)))
        # For everyone: raising a change is Production's, QC's and QA's; approving it anyone's a rule names (CHG-1).
        factories.append(("changes", self.tr("Change control"), lambda: _change_page(ctx, runner, actor, self.changes,
                                                                                   self.signer)))
        # For everyone: a site may add signatures for any role (SIG-5); the page says when nothing waits.
        factories.append(("signatures", self.tr("Waiting for my signature"),
                          lambda: PendingSignaturesWidget(ctx, runner, actor, self.changes, signer=self.signer)))
        if can_print_labels(actor):  # DEVC-6: the print journal, waiting jobs retried or cancelled
            factories.append(("printjournal", self.tr("Print journal"), lambda: PrintJournalWidget(ctx, runner, actor)))
        if actor.can(Permission.VIEW_AUDIT):
            factories.append(("audit", self.tr("Audit trail"), lambda: AuditTrailWidget(ctx, runner, actor)))
        if actor.can(Permission.MANAGE_USERS):
            factories.append(("users", self.tr("Users"), lambda: UserAdminWidget(ctx, runner, actor)))
        return factories

    def _build_central(self) -> None:
        self._factories = self._page_factories()
        central = QWidget()
        central.setObjectName("content")
        outer = QVBoxLayout(central)
        self.notice = NoticeBanner()  # what the station just did (a scan), where the eye is
        outer.addWidget(self.notice)
        layout = QHBoxLayout()
        outer.addLayout(layout, 1)
        if not self._factories:
            nothing = QLabel(self.tr("Your roles give you no functions in this version of BatchTrace yet."))
            nothing.setObjectName("nothingToDo")
            nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(nothing)
            self.navigation = None
            self.stack = None
            self.setCentralWidget(central)
            return
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        for key, title, _factory in self._factories:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self.show_page)
        # As wide as its longest title, not a fixed share: the pages need the room for their numbers.
        frame = 2 * self.navigation.frameWidth()
        self.navigation.setFixedWidth(self.navigation.sizeHintForColumn(0) + frame + 16)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.navigation.setCurrentRow(0)

    def show_page(self, row: int) -> QWidget | None:
        if self.stack is None or not 0 <= row < len(self._factories):
            return None
        key, _title, factory = self._factories[row]
        if key not in self.pages:
            page = factory()
            self.pages[key] = page
            self.stack.addWidget(page)
            if hasattr(page, "open_record"):  # links between pages: a lot's trace, a batch's output lot
                page.open_record.connect(self.open_record)
            if hasattr(page, "status_message"):  # what a page did while it showed another page
                page.status_message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.stack.setCurrentWidget(self.pages[key])
        return self.pages[key]

    def open_record(self, kind: str, number: str) -> None:
        """Show the page for a record kind ("lot", "batch", "shipment", "recall", "trace") at that number."""
        key = PAGE_OF_KIND.get(kind)
        row = next((i for i, (k, _title, _factory) in enumerate(self._factories) if k == key), -1)
        if self.navigation is None or row < 0:
            return
        self.navigation.setCurrentRow(row)
        page = self.pages.get(key or "")
        if page is not None and hasattr(page, "show_record"):
            page.show_record(number)

    def open_scanned(self, kind: str, number: str) -> None:
        """A scanned label names a record: the page in front may take it (the QC worklist opens its results
        entry), else its own page shows it."""
        page = self.stack.currentWidget() if self.stack is not None else None
        taken = getattr(page, "open_scanned", None)
        if taken is None or not taken(kind, number):
            self.open_record(kind, number)

    def _build_search_bar(self) -> None:
        self.search_bar = self.addToolBar(self.tr("Search"))
        self.search_bar.setObjectName("searchBar")
        self.search_bar.setMovable(False)
        self.search_box = GlobalSearchBox(self.ctx, self.runner, self.actor, self)
        self.search_box.open_requested.connect(self.open_record)
        self.search_box.not_found.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.search_bar.addWidget(self.search_box)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, shortcut, slot in (
            ("actionChangePassword", self.tr("Change password..."), None, self.change_password),
            ("actionLanguage", self.tr("Language..."), None, self.choose_language),
            ("actionLock", self.tr("Lock"), QKeySequence("Ctrl+L"), self.lock),
            ("actionLogOut", self.tr("Log out"), None, self.log_out),
            ("actionQuit", self.tr("Quit"), QKeySequence(QKeySequence.StandardKey.Quit), self.quit),
        ):
            action = QAction(text, self)
            action.setObjectName(name)
            if shortcut is not None:
                action.setShortcut(shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions_by_name[name] = action
            if name == "actionLanguage":
                menu.addSeparator()
        about = QAction(self.tr("About BatchTrace..."), self)
        about.setObjectName("actionAbout")
        about.triggered.connect(self.show_about)
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu.addAction(about)
        self.actions_by_name["actionAbout"] = about

    def _build_status_bar(self) -> None:
        self.overdue_label = QLabel()
        self.overdue_label.setObjectName("statusOverdueActions")
        self.overdue_label.setStyleSheet("color: #b00020;")
        self.overdue_label.hide()
        self.statusBar().addPermanentWidget(self.overdue_label)
        ctx, actor = self.ctx, self.actor
        # DEV-2: the user's own CAPA actions past their due date, counted where they look every day
        self.runner.run(lambda: capa.overdue_actions(ctx.read_uow(), actor, owner=actor.user_id),
                        on_done=self._overdue_loaded, on_error=lambda _error: None)
        db = self.ctx.database
        for name, text in (
            ("statusUser", self.tr("User: {uid} ({name})").format(uid=self.actor.user_id,
                                                                  name=self.actor.printed_name)),
            ("statusDatabase", self.tr("{kind}: {location}").format(kind=db.kind, location=db.location)),
            ("statusRevision", self.tr("Schema revision {rev}").format(rev=db.revision or self.tr("none"))),
        ):
            label = QLabel(text)
            label.setObjectName(name)
            self.statusBar().addPermanentWidget(label)

    def _overdue_loaded(self, overdue: list[OverdueAction]) -> None:
        if not overdue:
            self.overdue_label.hide()
            return
        self.overdue_label.setText(self.tr("{n} CAPA action(s) overdue").format(n=len(overdue)))
        self.overdue_label.setToolTip("\n".join(f"{o.capa} #{o.action_no}: {o.description} (due {o.due_on})"
                                                for o in overdue))
        self.overdue_label.show()

    # --- window geometry ----------------------------------------------------------------------------
    def _window_settings(self) -> QSettings:
        """Per station and user profile, next to settings.json (tests point the folder elsewhere)."""
        return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        saved = self._window_settings().value("main/geometry")
        if isinstance(saved, QByteArray | bytes) and self.restoreGeometry(QByteArray(saved)):
            return
        # First start: large enough for a lot list with whole numbers and the lot beside it, within the screen.
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = 1280, 800
        if screen is not None:
            width, height = min(width, screen.width()), min(height, screen.height())
        self.resize(width, height)

    def save_geometry(self) -> None:
        settings = self._window_settings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.sync()

    # --- session ------------------------------------------------------------------------------------
    def lock(self) -> None:
        self.idle_lock.lock()

    def _cover(self, locked: bool) -> None:
        # The content is hidden, not only covered: nothing of a record shows behind the lock dialog.
        central = self.centralWidget()
        if central is not None:
            central.setVisible(not locked)
        self.menuBar().setEnabled(not locked)
        self.search_bar.setVisible(not locked)

    def change_password(self) -> None:
        if ChangePasswordDialog.ask(self.ctx, self.runner, self.actor.user_id, parent=self) is not None:
            self.statusBar().showMessage(self.tr("Your password was changed."), 10_000)

    def choose_language(self) -> None:
        chosen = LanguageDialog.ask(self.ctx, self.runner, self.actor, station_language=self.station_language,
                                    parent=self)
        if chosen is None or chosen.language == self.actor.language:
            return
        # The session goes on (no LOGOUT, no new log-in): the window is built again in the chosen language.
        self.actor = chosen
        self._wind_down()
        self._outcome = ("language", "")
        self._finish()

    def show_about(self) -> None:
        AboutDialog.ask(self.ctx.database, parent=self)

    def log_out(self) -> None:
        self.end_session("logout", reason="logged out by the user")

    def quit(self) -> None:
        self.end_session("quit", reason="application closed")

    def _lots_expired(self, numbers: list[str]) -> None:
        self.statusBar().showMessage(self.tr("{n} lot(s) past their expiry date were blocked: {numbers}").format(
            n=len(numbers), numbers=", ".join(numbers[:5]) + (" ..." if len(numbers) > 5 else "")), 30_000)

    def _locked_session_ended(self, notice: str) -> None:
        self.end_session("logout", notice=notice, reason=notice or "logged out from the locked session")

    def end_session(self, outcome: str, *, notice: str = "", reason: str | None = None) -> None:
        """Audit LOGOUT, then close; a failure to record is logged but never keeps the session open."""
        if self._ending:
            return
        self._wind_down()
        ctx, actor = self.ctx, self.actor
        self._outcome = (outcome, notice)
        self.runner.run(lambda: users.record_session_event(ctx.uow(), actor, "LOGOUT", reason=reason),
                        on_done=self._finish, on_error=self._logout_not_recorded)

    def _wind_down(self) -> None:
        self._ending = True
        self.idle_lock.stop()
        self.lot_expiry.stop()
        self.signing_session.reset()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget is not self.idle_lock.dialog:
                widget.reject()  # a dialog left open must not outlive the session

    def _logout_not_recorded(self, error: Exception) -> None:
        log.error("could not record LOGOUT of %s: %s", self.actor.user_id, error)
        self._finish()

    def _finish(self, _result: object = None) -> None:
        self._ended = True
        self.save_geometry()
        self.close()
        self.session_ended.emit(*self._outcome)

    @property
    def ended(self) -> bool:
        return self._ended

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._ended:
            event.accept()
            return
        event.ignore()  # close after LOGOUT is recorded
        self.quit()


def _release_page(ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, signer: Signer | None
                  ) -> QWidget:
    from ui.release.release_widget import ReleaseWidget  # imported when first shown: faster start-up

    return ReleaseWidget(ctx, runner, actor, changes, signer=signer)


def _change_page(ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, signer: Signer | None) -> QWidget:
    from ui.changes.change_list_widget import ChangeListWidget  # imported when first shown: faster start-up

    return ChangeListWidget(ctx, runner, actor, changes, signer=signer)


def _capa_page(ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, session: SigningSession,
               on_account_locked: Callable[[str], object]) -> QWidget:
    from ui.capa.capa_list_widget import CapaListWidget  # imported when first shown: faster start-up

    return CapaListWidget(ctx, runner, actor, changes, session=session, on_account_locked=on_account_locked)

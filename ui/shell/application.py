"""Starts the desktop application: open the database, create the first administrator if there is none,
then log-in and main window, again after each log-out.

Imports stay lean (the main window and its pages load after the log-in) so the first window shows fast.
"""

from __future__ import annotations

import time

_IMPORTED = time.perf_counter()  # as early as this module allows; the launcher may pass an earlier one

import gc  # noqa: E402 - after the clock, on purpose
import logging  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Iterator, Sequence  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402
from types import TracebackType  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTimer, QTranslator  # noqa: E402
from PySide6.QtGui import QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from app import bootstrap, i18n, users  # noqa: E402
from app.settings import data_dir  # noqa: E402
from domain.errors import DomainError  # noqa: E402
from domain.users import SYSTEM_ACTOR, Actor  # noqa: E402
from domain.version import batchtrace_version  # noqa: E402
from ui.shell.first_administrator_dialog import FirstAdministratorDialog  # noqa: E402
from ui.shell.login_dialog import LoginDialog  # noqa: E402
from ui.shell.task_runner import TaskRunner, log_unexpected, user_message  # noqa: E402

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)
PROBE_VARIABLE = "BATCHTRACE_STARTUP_PROBE"
_OPEN_BOXES: list[QMessageBox] = []



def _database_url(db: str | Sequence[str] | None) -> str | None:
    """A URL, None for the configured database, or the launcher's arguments (`--db URL`)."""
    if db is None or isinstance(db, str):
        return db
    args = list(db)
    return args[args.index("--db") + 1] if "--db" in args[:-1] else None


def _process_start() -> float:
    """The process's start on the perf_counter clock: from /proc on Linux (so that the interpreter's own
    start-up counts), else when this module was imported."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return _IMPORTED
    return time.perf_counter() - age if 0 <= age < 60 else _IMPORTED


def run_gui(db_url: str | Sequence[str] | None = None, *, started: float | None = None) -> int:
    """Run the desktop application; 0 when the user quits, 2 when the database cannot be used.

    `started` (a time.perf_counter() value) is when the process started, for the start-up probe."""
    started = _process_start() if started is None else started
    probe = bool(os.environ.get(PROBE_VARIABLE))
    app = _application()
    if probe:  # reports the first modal window, whichever it is (upgrade question, first administrator, log-in)
        QTimer.singleShot(0, lambda: _report_first_window(started))
    refused = _upgrade_embedded_database(_database_url(db_url), probe)
    if refused is not None:
        return refused
    try:
        ctx = bootstrap.open_context(_database_url(db_url))
    except DomainError as error:  # schema mismatch, unreadable settings, no server...
        return _cannot_start(str(error), probe)
    try:
        first_admin = users.needs_first_administrator(ctx.read_uow(), SYSTEM_ACTOR)
    except DomainError as error:
        ctx.dispose()
        return _cannot_start(str(error), probe)
    runner = TaskRunner()
    try:
        user_id = ""
        if first_admin:
            created = FirstAdministratorDialog.ask(ctx, runner)
            if created is None:
                return 0
            user_id = created.user_id
        return _sessions(app, ctx, runner, user_id)
    finally:
        runner.wait_for_done()
        ctx.dispose()


@contextmanager
def long_lived_objects_frozen() -> Iterator[None]:
    """Keep what the session was built from (modules, Qt wrappers, mappings: some 100,000 objects) out of the
    garbage collector's full passes while the session runs. A full pass holds the interpreter's lock, so the
    GUI cannot paint meanwhile; with them in, one took 60 to 180 ms during a large trace or recall, with them
    out a few milliseconds (benchmarks/trace_page.py). Collection itself stays on; unfrozen when the session
    ends, so a closed session's window can be freed."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1] or ["batchtrace"])
    app.setApplicationName("BatchTrace")
    app.setOrganizationName("BatchTrace")
    app.setQuitOnLastWindowClosed(False)  # the sessions below decide when the application ends
    _install_translation(app)
    use_cjk_fonts(app)
    _start_logging()
    sys.excepthook = _unexpected
    return app


def _start_logging() -> None:
    """Warnings and errors to stderr and, since a desktop start has no terminal, to a file in the data folder."""
    root = logging.getLogger()
    if root.handlers:  # a host (tests, an embedding tool) configured logging already
        return
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(folder / "batchtrace.log", encoding="utf-8", delay=True)
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


# Chinese text (the zh_CN interface, and Chinese names and lots in either language) in a font that has it, by name
# with fallbacks (GEN-6): Windows has Microsoft YaHei, macOS PingFang SC, Linux desktops Noto Sans CJK SC or
# WenQuanYi; the Droid Sans Fallback BatchTrace ships for its PDFs when none is there.
CJK_FAMILIES = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "Droid Sans Fallback")


def use_cjk_fonts(app: QApplication) -> list[str]:
    """Latin text keeps the desktop's font; characters it lacks come from the first CJK family present. Returns
    the families set."""
    if not set(QFontDatabase.families()) & set(CJK_FAMILIES):
        QFontDatabase.addApplicationFont(str(bootstrap.cjk_font_file()))
    font = app.font()
    families = [font.family(), *(f for f in CJK_FAMILIES if f != font.family())]
    font.setFamilies(families)
    app.setFont(font)
    return families


def _install_translation(app: QApplication) -> None:
    """GEN-6: the station's language from the desktop's locale, for the widgets and the messages alike."""
    install_language(app, i18n.language_of_locale(QLocale.system().name()))


def install_language(app: QCoreApplication, language: str) -> None:
    """Speak `language` from now on: the widgets' translator (translations/batchtrace_<language>.qm, compiled
    by dev.py) and Qt's own (qtbase: the OK/Cancel of every button box, the file dialogs) replace the ones
    installed before, and the rules' messages follow."""
    for old in app.findChildren(QTranslator):
        if old.objectName() in ("batchtraceTranslator", "qtTranslator"):
            app.removeTranslator(old)
            old.deleteLater()
    i18n.use_language(language)
    if language != i18n.ENGLISH:
        translator = QTranslator(app)
        translator.setObjectName("batchtraceTranslator")
        if translator.load(str(i18n.qm_file(language))):
            app.installTranslator(translator)
        else:
            log.warning("no compiled translation %s: run 'python3 dev.py run' to build it", i18n.qm_file(language))
        qt = QTranslator(app)
        qt.setObjectName("qtTranslator")
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
        else:
            log.warning("Qt's own %s translation is missing: its standard buttons stay in English", language)
    # Deliver the LanguageChange now: a button box built right after would otherwise get it later and put its
    # standard texts back over the ones a dialog set ("OK" over "Use this language").
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def _unexpected(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """An exception that escaped a slot: log it and tell the user, never end the event loop."""
    if not issubclass(kind, Exception):  # Ctrl+C in the terminal, SystemExit: the default behaviour
        sys.__excepthook__(kind, error, tb)
        return
    if error.__traceback__ is None:
        error = error.with_traceback(tb)
    log_unexpected(error, "the user interface")
    if isinstance(error, DomainError):
        log.warning("domain error escaped a slot: %s", error)
    title = QCoreApplication.translate("Application", "BatchTrace")
    box = QMessageBox(QMessageBox.Icon.Warning, title, user_message(error))
    box.setObjectName("unexpectedErrorBox")
    _OPEN_BOXES.append(box)  # without a parent, the box lives only as long as Python holds it
    box.finished.connect(lambda _code: _OPEN_BOXES.remove(box))
    box.open()


def _upgrade_embedded_database(db_url: str | None, probe: bool) -> int | None:
    """The first start on a new station, or after a new version was installed: the station's own SQLite
    database gets this version's migrations once the user agrees, an existing one backed up first (GEN-1,
    GEN-3). None to go on; an exit code when the user declined or the upgrade failed."""
    try:
        pending = bootstrap.embedded_database_to_upgrade(db_url)
    except DomainError:
        return None  # open_context says what is wrong with it
    if pending is None:
        return None
    if pending.revision is None:
        question = QCoreApplication.translate(
            "Application", "This station has no BatchTrace database yet.\n\nCreate it at {location}?")
    else:
        question = QCoreApplication.translate(
            "Application", "The database at {location} was written by an earlier version of BatchTrace (schema "
            "revision {found}); this version needs revision {head}.\n\nBatchTrace first copies the database as it "
            "is into the backups folder beside it, then upgrades it. Upgrade now?")
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("Application", "BatchTrace"),
                      question.format(location=pending.location, found=pending.revision, head=pending.head),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setObjectName("databaseUpgradeQuestion")
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    if box.exec() != QMessageBox.StandardButton.Yes:
        return _cannot_start(QCoreApplication.translate(
            "Application", "The database was left as it is: BatchTrace {version} cannot work on it before it is "
            "upgraded ('batchtrace db upgrade' does the same).").format(version=batchtrace_version()), probe)
    try:
        result = bootstrap.upgrade_database(pending.url)
    except DomainError as error:
        return _cannot_start(str(error), probe)
    log.warning("database %s upgraded from %s to %s; backup before the upgrade: %s", pending.location,
                result.before or "empty", result.after, result.backup or "none (new database)")
    return None


def _cannot_start(message: str, probe: bool) -> int:
    if probe:
        print(f"startup-probe error {message}", file=sys.stderr, flush=True)
    else:
        QMessageBox.critical(None, QCoreApplication.translate("Application", "BatchTrace cannot start"), message)
    return 2


def _report_first_window(started: float) -> None:
    window = QApplication.activeModalWidget()
    if window is None:  # the dialog's event loop has not shown it yet
        QTimer.singleShot(10, lambda: _report_first_window(started))
        return
    print(f"startup-probe window-shown {time.perf_counter() - started:.3f}", flush=True)
    print(f"startup-probe window-name {window.objectName()}", flush=True)
    print(f"startup-probe window-title {window.windowTitle()}", flush=True)  # in the station's language
    window.close()  # ends ask() with None, so run_gui returns 0 and cleans up


def _sessions(app: QApplication, ctx: bootstrap.AppContext, runner: TaskRunner, user_id: str) -> int:
    from ui.shell.main_window import MainWindow  # after the first window: it pulls in every page

    station = i18n.language_of_locale(QLocale.system().name())
    notice = ""
    while True:
        install_language(app, station)  # the log-in speaks the station's language, whoever logs in next
        actor: Actor | None = LoginDialog.ask(ctx, runner, user_id=user_id, notice=notice)
        outcome = "language"
        while actor is not None and outcome == "language":  # GEN-6: each user's sessions speak their language
            install_language(app, actor.language or station)
            window = MainWindow(ctx, runner, actor, station_language=station)
            outcome, notice = _run_session(app, window)
            actor = window.actor
        if outcome != "logout":
            return 0
        user_id = ""


def _run_session(app: QApplication, window: MainWindow) -> tuple[str, str]:
    """Show the main window until its session ends: ("logout" | "quit", notice for the log-in dialog).

    The station's scanners and printers work for the session's user only: they start with the window, and
    the keyboard-wedge filter watches the application's keys only while someone is logged in (DEVC-2)."""
    from ui.devices.station_hardware import StationHardware

    ended: list[tuple[str, str]] = []
    window.session_ended.connect(lambda outcome, notice: (ended.append((outcome, notice)), app.exit(0)))
    hardware = StationHardware(window)
    hardware.install_wedge(app)
    window.show()
    with long_lived_objects_frozen():
        app.exec()
    hardware.stop()
    window.deleteLater()
    return ended[0] if ended else ("quit", "")

"""GEN-6: every page of the demo site, for each of its users, and every dialog, in Simplified Chinese: no text a
user reads is still the English source of a translated string, and the Chinese text fits at 100 % and at 1.5x.

A text is "still English" when it is, or is made from (its placeholders filled in), a source string of
translations/batchtrace_zh_CN.ts whose translation differs from it. Recorded data (names, lot numbers, units)
is never a source string, so it may stay as it was entered. This catches the strings lupdate cannot see
(a `tr` through a wrapper, a stored English name shown without `_()`), which the catalogue tests do not.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

import dev
from app import i18n
from app.bootstrap import AppContext
from tests.ui.layout_check import layout_problems
from tests.ui.test_every_dialog_fits import NAMES, demo, dialogs, person  # noqa: F401 - `demo` is a fixture
from ui.shell.application import install_language
from ui.shell.main_window import MainWindow
from ui.shell.task_runner import SyncTaskRunner

DEMO_USERS = ["admin", "qa", "qc", "prod", "ward"]
# Tables whose cells are the record as it was written (the audit trail's reasons and changes): only their headers
# and the columns the application names are checked.
RECORDED_AS_WRITTEN = {"auditTable"}


@cache
def english_sources() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """The sources whose Chinese differs: as they are, and as patterns for the ones with placeholders."""
    plain: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for message in ET.parse(i18n.ts_file(i18n.CHINESE)).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.findall("numerusform")] if translation is not None else []
        text = forms[0] if forms else (translation.text or "" if translation is not None else "")
        if not source or text == source:
            continue
        plain.add(source.replace("&", "").strip())
        parts = re.split(r"\{\w*\}|%\d|%n", source)
        if len(parts) > 1 and sum(len(re.findall(r"[A-Za-z]", p)) for p in parts) >= 4:
            patterns.append(re.compile("^" + "(.+?)".join(re.escape(p.replace("&", "")) for p in parts) + "$", re.S))
    return frozenset(plain), tuple(patterns)


def still_english(text: str) -> bool:
    shown = text.replace("&", "").strip()
    if not re.search(r"[A-Za-z]{2}", shown):
        return False
    plain, patterns = english_sources()
    return shown in plain or any(p.match(shown) for p in patterns)


def _model_texts(view: QAbstractItemView, headers_only: bool) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    for orientation, count in ((Qt.Orientation.Horizontal, model.columnCount()),
                               (Qt.Orientation.Vertical, model.rowCount() if isinstance(view, QTableView) else 0)):
        for section in range(count):
            header = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(header, str):
                yield header
    for row in range(0 if headers_only else min(model.rowCount(), 30)):
        for column in range(model.columnCount()):
            value = model.data(model.index(row, column, QModelIndex()), Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield value


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of everything a user reads in `root`: labels, buttons, fields' hints, lists, tables and
    their headers, tabs, group titles, the window title."""
    yield root.objectName(), root.windowTitle()
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        elif isinstance(widget, QLineEdit):
            yield where, widget.placeholderText()
        elif isinstance(widget, QComboBox):
            yield from ((where, widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QTabWidget):
            yield from ((where, widget.tabText(i)) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QListWidget | QHeaderView):
            yield from ((where, text) for text in _model_texts(widget, widget.objectName() in RECORDED_AS_WRITTEN))
        elif isinstance(widget, QListWidget):
            yield from ((where, widget.item(i).text()) for i in range(widget.count()))


def report(found: dict[str, list[str]]) -> str:
    return "still English:\n" + "\n".join(f"  {place}: {line}" for place, lines in found.items() for line in lines)


def english_in(root: QWidget) -> list[str]:
    return sorted({f"{where}: {text!r}" for where, text in visible_texts(root) if text and still_english(text)})


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[QApplication]:
    dev.compile_translations()
    install_language(qapp, i18n.CHINESE)
    try:
        yield qapp
    finally:
        install_language(qapp, i18n.ENGLISH)


def test_the_check_sees_english_where_it_is() -> None:
    assert still_english("Receive lot")  # a source with its translation
    assert still_english("53 lots")  # made from "{n} lots"
    assert not still_english("接收物料批")
    assert not still_english("FD-SYR-05-26339-001")  # data
    assert not still_english("pcs")


@pytest.mark.req("GEN-6")
@pytest.mark.parametrize("user", DEMO_USERS)
def test_every_page_speaks_chinese(qtbot: QtBot, demo: AppContext, chinese: QApplication,  # noqa: F811
                                   user: str) -> None:
    window = MainWindow(demo, SyncTaskRunner(), person(demo, user), station_language=i18n.CHINESE)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    found: dict[str, list[str]] = {}
    navigation = window.findChild(QListWidget, "navigation")
    assert navigation is not None and navigation.count() > 0
    for row in range(navigation.count()):
        navigation.setCurrentRow(row)
        page = window.stack.currentWidget() if window.stack is not None else window.centralWidget()
        for table in page.findChildren(QTableView):  # a record chosen, so its detail pane speaks too
            if table.isVisible() and table.model() is not None and table.model().rowCount():
                table.selectRow(0)
                break
        qtbot.wait(20)
        english = english_in(window)
        if english:
            found[navigation.item(row).text()] = english
    assert found == {}, report(found)


@pytest.mark.req("GEN-6")
@pytest.mark.parametrize("scale", [1.0, 1.5], ids=["100%", "150%"])
def test_every_dialog_speaks_chinese_and_fits(qtbot: QtBot, demo: AppContext, chinese: QApplication,  # noqa: F811
                                              scale: float) -> None:
    normal = chinese.font()
    larger = QFont(normal)
    larger.setPointSizeF(normal.pointSizeF() * scale)
    chinese.setFont(larger)
    english: dict[str, list[str]] = {}
    problems: dict[str, list[str]] = {}
    try:
        builders = dialogs(demo, SyncTaskRunner())
        for name in NAMES:
            dialog = builders[name]()
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            if found := english_in(dialog):
                english[name] = found
            if found := layout_problems(dialog):
                problems[name] = found
            dialog.close()
    finally:
        chinese.setFont(normal)
    assert english == {}, report(english)
    assert problems == {}

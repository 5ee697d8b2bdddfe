"""Finds text a user cannot read whole on a shown widget: labels and buttons clipped (vertically or
horizontally), table cells cut off ("FD-IVC-20-26…"), combo boxes too narrow for their choice.

`layout_problems(widget)` returns one line per problem, naming the widget (object name, else its text), so a
test can assert that a page or dialog shows everything whole at 1280x800, at 150 % scaling and in Chinese.
Free text that is meant to give way (a long reason in the last, stretching table column, a text the widget
elides on purpose and shows in its tooltip) is not a problem; identifiers and numbers never give way.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QTreeView,
    QWidget,
)

CELL_PADDING = 7  # the style's text margins (2 x 3 px) and the grid line around a cell's text
FREE_TEXT_WIDTH = 420  # = ui.widgets.widget_parts.MAX_COLUMN_WIDTH: a column held there is free text
SAMPLE_ROWS = 60
# What must not be broken over two lines: runs of Latin letters, digits and signs (a lot number, a word). Chinese
# text breaks between any two characters, as it is meant to, so CJK characters and full-width punctuation
# end a run.
UNBREAKABLE = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+")


def _name(widget: QWidget, text: str = "") -> str:
    return widget.objectName() or repr(text[:40]) or type(widget).__name__


def _visible(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _label_problems(label: QLabel) -> list[str]:
    text = label.text()
    if not text or not _visible(label) or (label.pixmap() is not None and not label.pixmap().isNull()):
        return []
    if label.wordWrap():
        needed = label.heightForWidth(label.contentsRect().width() + 2 * label.margin())
        if needed > label.height() + 1:
            return [f"label {_name(label, text)} is cut off at the bottom ({label.height()} of {needed} px)"]
        room = label.contentsRect().width() - 2 * label.margin()
        if label.textFormat() != Qt.TextFormat.RichText:
            broken = [word for word in UNBREAKABLE.findall(text) if label.fontMetrics().horizontalAdvance(word) > room]
            if broken:
                return [f"label {_name(label, text)} breaks {broken[0]!r} over two lines ({room} px wide)"]
        return []
    needed = label.sizeHint().width()
    if label.textFormat() != Qt.TextFormat.RichText and needed > label.width() + 1:
        return [f"label {_name(label, text)} is cut off at the right ({label.width()} of {needed} px)"]
    return []


def _button_problems(button: QAbstractButton) -> list[str]:
    if not _visible(button) or not button.text():
        return []
    needed = button.sizeHint()
    if needed.width() > button.width() + 1 or needed.height() > button.height() + 1:
        return [f"button {_name(button, button.text())} is too small for its text "
                f"({button.width()}x{button.height()} of {needed.width()}x{needed.height()})"]
    return []


def _combo_problems(combo: QComboBox) -> list[str]:
    text = combo.currentText()
    if not _visible(combo) or not text:
        return []
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    needed = combo.fontMetrics().horizontalAdvance(text)
    if needed > field.width():
        return [f"combo box {_name(combo, text)} cuts off {text!r} ({field.width()} of {needed} px)"]
    return []


def _view_problems(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None or not _visible(view):
        return []
    header = view.horizontalHeader() if isinstance(view, QTableView) else (
        view.header() if isinstance(view, QTreeView) else None)
    if header is None:
        return []
    metrics = view.fontMetrics()
    last = header.logicalIndex(header.count() - 1)
    problems = []
    for column in range(model.columnCount()):
        if header.isSectionHidden(column) or (column == last and header.stretchLastSection()):
            continue
        width = header.sectionSize(column)
        if width >= FREE_TEXT_WIDTH:
            continue  # free text held at the cap on purpose (a title, a change list): its tooltip shows it
        title = model.headerData(column, Qt.Orientation.Horizontal)
        if title and header.sectionSizeHint(column) > width + 1:
            problems.append(f"{_name(view)}: header {title!r} is cut off")
        for row in range(min(model.rowCount(), SAMPLE_ROWS)):
            text = model.index(row, column, QModelIndex()).data()
            if text is None:
                continue
            indent = view.indentation() * _depth(model.index(row, column)) if isinstance(view, QTreeView) else 0
            needed = metrics.horizontalAdvance(str(text)) + CELL_PADDING + indent
            if needed > width:
                problems.append(f"{_name(view)}: {title!r} cuts off {str(text)!r} ({width} of {needed} px)")
                break
    return problems


def _depth(index: QModelIndex) -> int:
    depth = 0
    while index.parent().isValid():
        index, depth = index.parent(), depth + 1
    return depth


def layout_problems(root: QWidget) -> list[str]:
    """Everything on `root` (shown) whose text is not readable whole."""
    QApplication.processEvents()
    problems: list[str] = []
    for label in root.findChildren(QLabel):
        problems += _label_problems(label)
    for button in root.findChildren(QAbstractButton):
        problems += _button_problems(button)
    for combo in root.findChildren(QComboBox):
        problems += _combo_problems(combo)
    for view in root.findChildren(QAbstractItemView):
        problems += _view_problems(view)
    return problems

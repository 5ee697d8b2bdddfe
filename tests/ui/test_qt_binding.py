"""The Qt binding itself: a station must survive a whole shift of Qt calls.

PySide6 6.12.0 gives up a reference to None on every wrapped call that returns nothing (and to True/False on
signal emits); on CPython 3.11 the interpreter aborts after some thousands of calls. pyproject.toml pins a
version without the defect; this test fails on a binding that has it, before a station finds out.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QCheckBox, QLabel
from pytestqt.qtbot import QtBot


def test_qt_calls_keep_the_reference_counts_of_none_true_and_false(qtbot: QtBot) -> None:
    label, box = QLabel(), QCheckBox()
    qtbot.addWidget(label)
    qtbot.addWidget(box)
    box.toggled.connect(lambda _checked: None)
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for i in range(2000):
        label.setText(str(i))
        box.setChecked(i % 2 == 0)
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    assert all(b - a < 100 for b, a in zip(before, after, strict=True)), (before, after)

"""The PDF renderer needs a Qt GUI application; it makes a QGuiApplication when there is none (the command
line), which would keep the widget tests that run later in this process from making their QApplication. So
document tests run inside pytest-qt's QApplication."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _qt_application(qapp):  # type: ignore[no-untyped-def]
    return qapp

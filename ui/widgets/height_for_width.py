"""Windows whose wrapped text needs more height at their width than Qt gives them.

Qt sizes a window from its layout's minimum size, which ignores height-for-width: a dialog with wrapped labels
that is first sized to its cap (2/3 of the screen: 480 logical pixels on a 1080p screen at 150 %) squeezes
its rows into each other instead of growing. `keep_height_for_width(window)` makes the window at least as tall
as its layout needs at its current width, whenever it is shown, resized or its content changes (rows that
arrive after the window is shown: a loaded record, a refusal under the form)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

_WHEN = (QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.LayoutRequest)


class _HeightForWidth(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _WHEN and isinstance(watched, QWidget):
            layout = watched.layout()
            if layout is not None and layout.hasHeightForWidth():
                needed = layout.totalHeightForWidth(watched.width())
                if needed > watched.minimumHeight():
                    watched.setMinimumHeight(needed)
                if watched.height() < needed:
                    watched.resize(watched.width(), needed)
        return False


def keep_height_for_width(window: QWidget) -> None:
    window.installEventFilter(_HeightForWidth(window))

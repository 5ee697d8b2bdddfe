"""A guard against reference-counting defects of the PySide6 6.12.0 wheels on CPython 3.11.

Wrapped Qt calls that return None (`setText`, `setFocus`, `setObjectName`, `parent()` of a window...) give
up a reference to None that they never took, and `SignalInstance.emit` does the same with True or False.
From CPython 3.12 these objects are immortal and this does no harm; on 3.11 their counts fall by one per
call, and after some thousands of calls (minutes of scanning and refreshing pages) CPython aborts with "Fatal
Python error: none_dealloc: deallocating None" (or bool_dealloc). BatchTrace runs on 3.11, so until the
station gets a PySide6 without the defect or Python 3.12, None, True and False get so many references at
start-up that no session can use them up (what 3.12 does for immortal objects).
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40  # about 10^12 calls


def pyside_drops_references() -> bool:
    """True when a wrapped call returning None lowers None's reference count (measured, not guessed)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(10):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 5


def keep_singletons_alive() -> None:
    """Give None, True and False a reserve of references, once, where the defect is present."""
    if sys.version_info >= (3, 12) or sys.getrefcount(None) > _RESERVE or not pyside_drops_references():
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object in a release build of CPython 3.11
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE

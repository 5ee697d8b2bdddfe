"""Keyboard-wedge scanners (DEVC-2): bursts are scans, typing stays typing, wherever the focus is."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from devices.gs1 import parse_scan
from devices.wedge import Decision, ReleaseTyping, ScanBurst, WedgeBurstDetector
from domain.barcodes import GS, Scan
from ui.devices.wedge_filter import KeyboardWedgeFilter

UDI = "010950600013435217270731" + "10LOT-7"
UDI_WITH_SERIAL = f"{UDI}{GS}21SN9"


def feed(detector: WedgeBurstDetector, text: str, gap_ms: float, start_ms: float = 1000.0) -> list[Decision]:
    decisions: list[Decision] = []
    for index, char in enumerate(text):
        decisions += detector.key(char, start_ms + index * gap_ms)
    return decisions


# --- the timing classifier ----------------------------------------------------------------------------------

@pytest.mark.req("DEVC-2")
def test_scanner_speed_is_a_scan_ended_by_the_suffix() -> None:
    detector = WedgeBurstDetector()
    assert feed(detector, UDI + "\r", gap_ms=5) == [ScanBurst(len(UDI) + 1, UDI)]
    assert detector.held == 0


@pytest.mark.req("DEVC-2")
def test_typing_speed_is_released_key_by_key() -> None:
    detector = WedgeBurstDetector()
    decisions = feed(detector, "lot 42", gap_ms=120)
    assert decisions == [ReleaseTyping(1)] * 5
    assert detector.flush() == [ReleaseTyping(1)]


def test_a_burst_without_suffix_is_a_scan_when_it_ends() -> None:
    detector = WedgeBurstDetector(suffix=None)
    assert feed(detector, UDI, gap_ms=5) == []
    assert detector.flush() == [ScanBurst(len(UDI), UDI)]


def test_a_short_fast_chain_is_typing() -> None:
    detector = WedgeBurstDetector(min_length=6)
    assert feed(detector, "ok\r", gap_ms=10) == []
    assert detector.flush() == [ReleaseTyping(3)]


def test_a_slow_key_after_a_burst_ends_the_burst_first() -> None:
    detector = WedgeBurstDetector(suffix=None)
    decisions = feed(detector, UDI, gap_ms=5) + detector.key("x", 1000 + len(UDI) * 5 + 200)
    assert decisions == [ScanBurst(len(UDI), UDI)]
    assert detector.flush() == [ReleaseTyping(1)]


def test_a_configured_prefix_releases_other_keys_at_once_and_is_not_data() -> None:
    detector = WedgeBurstDetector(prefix="\x02", suffix="\r")
    assert detector.key("a", 0) == [ReleaseTyping(1)]
    assert feed(detector, "\x02" + UDI + "\r", gap_ms=3) == [ScanBurst(len(UDI) + 2, UDI)]


def test_invalid_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        WedgeBurstDetector(max_interkey_ms=0)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=40),
       st.floats(min_value=31, max_value=2000))
def test_keys_typed_slower_than_the_threshold_are_all_released_in_order(text: str, gap_ms: float) -> None:
    detector = WedgeBurstDetector(max_interkey_ms=30)
    decisions = feed(detector, text, gap_ms) + detector.flush()
    assert all(isinstance(d, ReleaseTyping) for d in decisions)
    assert sum(d.count for d in decisions) == len(text)


# --- the Qt filter on a real QLineEdit ------------------------------------------------------------------------

class FakeClock:
    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def wedge(qapp, qtbot):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    wedge_filter = KeyboardWedgeFilter(WedgeBurstDetector(max_interkey_ms=30, min_length=6), clock=clock)
    wedge_filter.install(qapp)
    scans: list[Scan] = []
    wedge_filter.scanned.connect(scans.append)
    window = QWidget()
    line_edit = QLineEdit(window)
    line_edit.setObjectName("lotNumberEdit")
    qtbot.addWidget(window)
    yield wedge_filter, clock, line_edit, scans
    wedge_filter.uninstall(qapp)


def type_keys(widget: QWidget, clock: FakeClock, text: str, gap_ms: float) -> None:
    for char in text:
        clock.now += gap_ms
        if char == "\r":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif char == GS:  # what a wedge sends for FNC1/GS: Ctrl+]
            QTest.keyClick(widget, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
        else:
            QTest.keyClick(widget, char)


@pytest.mark.req("DEVC-2")
def test_a_scan_at_scanner_speed_does_not_land_in_the_form_field(wedge, qtbot) -> None:  # type: ignore[no-untyped-def]
    wedge_filter, clock, line_edit, scans = wedge
    with qtbot.waitSignal(wedge_filter.scanned, timeout=2000):
        type_keys(line_edit, clock, UDI_WITH_SERIAL + "\r", gap_ms=5)
    assert line_edit.text() == ""
    assert [scan.data for scan in scans] == [UDI_WITH_SERIAL]
    assert scans[0].source == "keyboard wedge"
    assert parse_scan(scans[0]).serial == "SN9"  # Ctrl+] arrived as the GS separator


@pytest.mark.req("DEVC-2")
def test_typing_at_human_speed_lands_in_the_field_unchanged(wedge, qtbot) -> None:  # type: ignore[no-untyped-def]
    _wedge_filter, clock, line_edit, scans = wedge
    type_keys(line_edit, clock, "Lot A-17/b", gap_ms=120)
    qtbot.waitUntil(lambda: line_edit.text() == "Lot A-17/b", timeout=2000)
    assert scans == []


@pytest.mark.req("DEVC-2")
def test_typing_then_a_scan_then_typing(wedge, qtbot) -> None:  # type: ignore[no-untyped-def]
    _wedge_filter, clock, line_edit, scans = wedge
    type_keys(line_edit, clock, "ab", gap_ms=150)
    clock.now += 400
    type_keys(line_edit, clock, UDI + "\r", gap_ms=4)
    clock.now += 400
    type_keys(line_edit, clock, "cd", gap_ms=150)
    qtbot.waitUntil(lambda: line_edit.text() == "abcd", timeout=2000)
    assert [scan.data for scan in scans] == [UDI]


@pytest.mark.req("DEVC-2")
def test_a_scan_without_suffix_is_recognised_when_the_keys_stop(wedge, qtbot) -> None:  # type: ignore[no-untyped-def]
    wedge_filter, clock, line_edit, scans = wedge
    with qtbot.waitSignal(wedge_filter.scanned, timeout=2000):
        type_keys(line_edit, clock, UDI, gap_ms=5)
    assert line_edit.text() == ""
    assert scans[0].data == UDI


def test_editing_keys_keep_their_order_with_held_typing(wedge, qtbot) -> None:  # type: ignore[no-untyped-def]
    _wedge_filter, clock, line_edit, _scans = wedge
    type_keys(line_edit, clock, "abc", gap_ms=150)
    QTest.keyClick(line_edit, Qt.Key.Key_Backspace)  # 'c' is still held: it must be typed before it is erased
    qtbot.waitUntil(lambda: line_edit.text() == "ab", timeout=2000)
    QTest.keyClick(line_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all: a shortcut passes
    type_keys(line_edit, clock, "z", gap_ms=150)
    qtbot.waitUntil(lambda: line_edit.text() == "z", timeout=2000)


def test_auto_repeat_is_never_a_burst(wedge, qtbot) -> None:  # type: ignore[no-untyped-def]
    _wedge_filter, clock, line_edit, scans = wedge
    clock.now += 100
    QTest.keyClick(line_edit, "x")
    for _ in range(10):  # a key held down repeats every ~25 ms: faster than the burst threshold
        clock.now += 25
        repeat = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_X, Qt.KeyboardModifier.NoModifier, "x", True)
        QCoreApplication.sendEvent(line_edit, repeat)
    qtbot.waitUntil(lambda: line_edit.text() == "x" * 11, timeout=2000)
    assert scans == []


def test_text_keys_with_modifiers_are_not_held(wedge, qtbot) -> None:  # type: ignore[no-untyped-def]
    wedge_filter, clock, line_edit, _scans = wedge
    line_edit.setText("abc")
    line_edit.selectAll()
    clock.now += 100
    QTest.keyClick(line_edit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert wedge_filter.detector.held == 0


@pytest.mark.req("DEVC-2")
def test_gs_sent_as_an_alt_keypad_sequence_is_composed(wedge, qtbot) -> None:  # type: ignore[no-untyped-def]
    wedge_filter, clock, line_edit, scans = wedge
    type_keys(line_edit, clock, UDI, gap_ms=4)
    alt_keypad = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.KeypadModifier
    clock.now += 2
    alt = Qt.KeyboardModifier.AltModifier
    QCoreApplication.sendEvent(line_edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Alt, alt))
    for key in (Qt.Key.Key_0, Qt.Key.Key_2, Qt.Key.Key_9):
        clock.now += 2
        QCoreApplication.sendEvent(line_edit, QKeyEvent(QEvent.Type.KeyPress, key, alt_keypad))
        QCoreApplication.sendEvent(line_edit, QKeyEvent(QEvent.Type.KeyRelease, key, alt_keypad))
    clock.now += 2
    no_modifier = Qt.KeyboardModifier.NoModifier
    QCoreApplication.sendEvent(line_edit, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Alt, no_modifier))
    with qtbot.waitSignal(wedge_filter.scanned, timeout=2000):
        type_keys(line_edit, clock, "21SN9\r", gap_ms=4)
    assert [scan.data for scan in scans] == [UDI_WITH_SERIAL]
    assert line_edit.text() == ""


@pytest.mark.req("DEVC-2")
def test_through_the_window_system_path_wherever_the_focus_is(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Keys sent to the window, as the platform delivers them, reach the focused field only as typing."""
    clock = FakeClock()
    wedge_filter = KeyboardWedgeFilter(WedgeBurstDetector(), clock=clock)
    wedge_filter.install(qapp)
    scans: list[Scan] = []
    wedge_filter.scanned.connect(scans.append)
    try:
        window = QWidget()
        layout = QVBoxLayout(window)
        quantity, comment = QLineEdit(), QLineEdit()
        layout.addWidget(quantity)
        layout.addWidget(comment)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        for field in (quantity, comment):
            field.setFocus()
            qtbot.waitUntil(field.hasFocus)
            handle = window.windowHandle()
            for char in UDI:
                clock.now += 5
                QTest.keyClick(handle, char)
            clock.now += 5
            QTest.keyClick(handle, Qt.Key.Key_Return)
            for char in "12":
                clock.now += 150
                QTest.keyClick(handle, char)
            qtbot.waitUntil(lambda field=field: field.text() == "12")
    finally:
        wedge_filter.uninstall(qapp)
    assert [scan.data for scan in scans] == [UDI, UDI]


def alt_code(line_edit: QWidget, clock: FakeClock, code: str, gap_ms: float, *, platform_composes: bool) -> None:
    """Alt held, the code's digits on the keypad, Alt released, each key `gap_ms` after the one before; where the
    platform composes the character (Windows) it then arrives as a key press of its own."""
    alt = Qt.KeyboardModifier.AltModifier
    alt_keypad = alt | Qt.KeyboardModifier.KeypadModifier
    clock.now += gap_ms
    QCoreApplication.sendEvent(line_edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Alt, alt))
    for digit in code:
        clock.now += gap_ms
        key = getattr(Qt.Key, f"Key_{digit}")
        QCoreApplication.sendEvent(line_edit, QKeyEvent(QEvent.Type.KeyPress, key, alt_keypad))
        QCoreApplication.sendEvent(line_edit, QKeyEvent(QEvent.Type.KeyRelease, key, alt_keypad))
    clock.now += gap_ms
    QCoreApplication.sendEvent(line_edit, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Alt,
                                                    Qt.KeyboardModifier.NoModifier))
    if platform_composes:
        QCoreApplication.sendEvent(line_edit, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier,
                                                        chr(int(code))))


@pytest.mark.req("DEVC-2")
@pytest.mark.parametrize("platform_composes", [False, True], ids=["composed-here", "composed-by-windows"])
@pytest.mark.parametrize("gap_ms", [4, 12, 25])
def test_a_slower_scanner_sending_gs_as_alt_029_gives_one_scan(qapp, qtbot, gap_ms: float,  # type: ignore[no-untyped-def]
                                                               platform_composes: bool) -> None:
    """The five key presses of Alt+029 take a 25 ms/key scanner 125 ms, four times the gap allowed between two
    characters: the Alt and digit keys keep the scan alive, so it is never split at its GS."""
    clock = FakeClock()
    wedge_filter = KeyboardWedgeFilter(WedgeBurstDetector(max_interkey_ms=30, min_length=6), clock=clock,
                                       compose_alt_codes=not platform_composes)
    wedge_filter.install(qapp)
    scans: list[Scan] = []
    wedge_filter.scanned.connect(scans.append)
    try:
        line_edit = QLineEdit()
        qtbot.addWidget(line_edit)
        type_keys(line_edit, clock, UDI, gap_ms=gap_ms)
        alt_code(line_edit, clock, "029", gap_ms, platform_composes=platform_composes)
        with qtbot.waitSignal(wedge_filter.scanned, timeout=2000):
            type_keys(line_edit, clock, "21SN9\r", gap_ms=gap_ms)
        assert [scan.data for scan in scans] == [UDI_WITH_SERIAL]
        assert line_edit.text() == ""
    finally:
        wedge_filter.uninstall(qapp)


@pytest.mark.req("DEVC-2")
def test_keys_for_a_password_field_are_never_held_or_taken_for_a_scan(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    wedge_filter = KeyboardWedgeFilter(WedgeBurstDetector(max_interkey_ms=30, min_length=6), clock=clock)
    wedge_filter.install(qapp)
    scans: list[Scan] = []
    wedge_filter.scanned.connect(scans.append)
    try:
        password = QLineEdit()
        password.setEchoMode(QLineEdit.EchoMode.Password)
        qtbot.addWidget(password)
        type_keys(password, clock, "Secret-pass-2026\r", gap_ms=3)
        assert password.text() == "Secret-pass-2026", "typed at once, not after the filter decided"
        assert wedge_filter.detector.held == 0 and scans == []
    finally:
        wedge_filter.uninstall(qapp)

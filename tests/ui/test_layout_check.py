"""The layout checker the screen tests use finds what a user could not read whole, and nothing else."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.layout_check import layout_problems
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.widget_parts import record_table


def shown(qtbot: QtBot, *widgets: QWidget, size: tuple[int, int] = (500, 300)) -> QWidget:
    root = QWidget()
    layout = QVBoxLayout(root)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(root)
    root.resize(*size)
    root.show()
    return root


def test_a_page_that_fits_has_no_problems(qtbot: QtBot) -> None:
    model = RecordTableModel([Column("Lot", lambda r: r)], key=str)
    model.set_records(["FD-IVC-20-26338-002", "R26338-0015"])
    root = shown(qtbot, QLabel("Lot number"), QPushButton("Trace..."), record_table("lotTable", model))
    assert layout_problems(root) == []


def test_clipped_labels_buttons_cells_and_broken_identifiers_are_named(qtbot: QtBot) -> None:
    squeezed = QLabel("Shelf life: 730 days from manufacture; expiry filled in from the supplier's date")
    squeezed.setObjectName("shelfLifeHint")
    squeezed.setWordWrap(True)
    squeezed.setFixedHeight(12)
    number = QLabel("FD-IVC-20-26338-002")
    number.setObjectName("lot_number")
    number.setWordWrap(True)
    number.setFixedWidth(60)
    button = QPushButton("Sign: release...")
    button.setObjectName("lotSign")
    button.setFixedWidth(40)
    model = RecordTableModel([Column("Lot", lambda r: r.number), Column("Note", lambda r: r.note)],
                             key=lambda r: r.number)
    table = record_table("lotTable", model)
    model.set_records([SimpleNamespace(number="FD-IVC-20-26338-002", note="free text")])
    table.setColumnWidth(0, 50)
    problems = layout_problems(shown(qtbot, squeezed, number, button, table))
    assert any(p.startswith("label shelfLifeHint is cut off at the bottom") for p in problems), problems
    assert any(p.startswith("label lot_number breaks 'FD-IVC-20-26338-002'") for p in problems), problems
    assert any(p.startswith("button lotSign is too small") for p in problems), problems
    assert any(p.startswith("lotTable: 'Lot' cuts off 'FD-IVC-20-26338-002'") for p in problems), problems
    assert not any("'Note'" in p for p in problems), "the last, stretching column is free text"


def test_chinese_text_wraps_between_characters_but_a_lot_number_in_it_does_not(qtbot: QtBot) -> None:
    chinese = QLabel("至少 10 个字符，字母与数字或符号混合，且不同于最近 5 个密码。" * 3)
    chinese.setObjectName("rules")
    chinese.setWordWrap(True)
    with_number = QLabel("物料批FD-IVC-20-26338-002-AND-SOME-MORE-CHARACTERS已放行")
    with_number.setObjectName("released")
    with_number.setWordWrap(True)
    root = shown(qtbot, chinese, with_number, size=(160, 300))
    problems = layout_problems(root)
    assert not [p for p in problems if "rules" in p]
    assert [p for p in problems if "released" in p and "FD-IVC-20-26338-002-AND-SOME-MORE-CHARACTERS" in p]

"""The shared record table: columns sized to their content so numbers and identifiers are never cut off."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.widget_parts import MAX_COLUMN_WIDTH, record_table

LONG_REASON = "SteriPak field notice SN-2026-118: seal strength below specification in retained samples " * 3


def test_every_identifier_and_number_shows_whole_and_a_long_text_stops_at_the_cap(qtbot: QtBot,
                                                                                   qapp: QApplication) -> None:
    model = RecordTableModel([Column("Lot", lambda r: r.number), Column("On hand", lambda r: r.qty, numeric=True),
                              Column("Reason", lambda r: r.reason), Column("Unit", lambda r: r.unit)],
                             key=lambda r: r.number)
    table = record_table("lotTable", model)
    qtbot.addWidget(table)
    table.resize(1000, 400)
    table.show()
    model.set_records([SimpleNamespace(number=f"FD-IVC-20-26338-{n:03d}", qty=f"{n * 1234567.125:.3f}",
                                       reason=LONG_REASON, unit="pcs") for n in range(1, 40)])
    metrics = table.fontMetrics()
    for column in (0, 1):
        widest = max(metrics.horizontalAdvance(model.index(row, column).data()) for row in range(model.rowCount()))
        assert table.columnWidth(column) > widest, f"column {column} cuts its values off"
    assert table.columnWidth(2) == MAX_COLUMN_WIDTH  # the free text gives way, its tooltip/selection shows the rest
    model.set_records([SimpleNamespace(number="R26338-0001-LONGER-SUFFIX-XYZ", qty="1", reason="", unit="pcs")])
    assert table.columnWidth(0) > metrics.horizontalAdvance("R26338-0001-LONGER-SUFFIX-XYZ"), "re-fitted on reload"

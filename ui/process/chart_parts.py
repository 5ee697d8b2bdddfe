"""What both process charts share: pyqtgraph set up for documents (white background), a dashed limit line,
curves that stay fluid at 100k points, and the PNG export documents use."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import Qt

pg.setConfigOptions(background="w", foreground="k", antialias=False)

LIMIT_PEN = pg.mkPen("#c62828", width=1.5, style=Qt.PenStyle.DashLine)
CONTROL_PEN = pg.mkPen("#1565c0", width=1, style=Qt.PenStyle.DashDotLine)
MEAN_PEN = pg.mkPen("#1565c0", width=1)
CURVE_PEN = pg.mkPen("#37474f", width=1)
EXCURSION_BRUSH = pg.mkBrush(198, 40, 40, 60)
STEP_BRUSHES = (pg.mkBrush(21, 101, 192, 28), pg.mkBrush(46, 125, 50, 28))


def limit_line(plot: pg.PlotItem, value: float, label: str, pen: object = LIMIT_PEN) -> pg.InfiniteLine:
    colour = pen.color() if hasattr(pen, "color") else "#c62828"
    line = pg.InfiniteLine(pos=value, angle=0, pen=pen, movable=False, label=label,
                           labelOpts={"position": 0.02, "color": colour, "anchors": [(0, 1), (0, 1)]})
    line.setObjectName(label)
    plot.addItem(line)
    return line


def fluid_curve(plot: pg.PlotItem, x: object, y: object, name: str) -> pg.PlotDataItem:
    """Peak downsampling keeps every excursion visible; clip to view draws only what is on screen."""
    curve = plot.plot(x, y, pen=CURVE_PEN, name=name)
    curve.setDownsampling(auto=True, method="peak")
    curve.setClipToView(True)
    curve.setSkipFiniteCheck(True)
    return curve


def export_png(scene_item: object, path: Path, width: int = 1600) -> Path:
    """The chart as a PNG for batch record documents (pyqtgraph's exporter, no hand-written encoder)."""
    exporter = ImageExporter(scene_item)
    exporter.parameters()["width"] = width
    exporter.export(str(path))
    return path

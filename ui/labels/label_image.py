"""A picture of a resolved label with real barcodes (DEVC-5), one pixel per printer dot, drawn with Qt.

zxing-cpp draws the symbols in GS1 mode (so the DataMatrix starts with FNC1 and the GS1-128 with FNC1,
and both decode back to the element string), at the module size the printer will use; QPainter composes
text and symbols on a QImage. Only QtGui is used (a QGuiApplication must exist for the fonts, no widget),
so it may run on a worker thread.
The preview draws the same `ResolvedLabel` the printer drivers send, so what is seen is what is printed,
up to the printer's own fonts.
"""

from __future__ import annotations

import numpy as np
import zxingcpp
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from domain.barcodes import Gs1Element
from domain.label_layout import ResolvedCode128, ResolvedGs1Symbol, ResolvedLabel, ResolvedText

# A condensed sans serif comes closest to the printers' scalable fonts (Zebra font 0 is condensed).
PREVIEW_FONT = "DejaVu Sans Condensed"


def render_preview(label: ResolvedLabel) -> QImage:
    image = QImage(label.width, label.height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setPen(QColor("black"))
        for item in label.items:
            if isinstance(item, ResolvedText):
                font = QFont(PREVIEW_FONT)
                font.setPixelSize(max(1, item.height))
                painter.setFont(font)
                box = QRect(item.x, item.y, label.width - item.x, item.height * 2)
                painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), item.text)
            elif isinstance(item, ResolvedGs1Symbol):
                painter.drawImage(item.x, item.y, symbol_image(item))
            elif isinstance(item, ResolvedCode128):
                bars = zxingcpp.create_barcode(item.data, zxingcpp.BarcodeFormat.Code128)
                painter.drawImage(item.x, item.y, _linear(bars, item.module, item.height))
    finally:
        painter.end()
    return image


def symbol_image(symbol: ResolvedGs1Symbol) -> QImage:
    """The symbol alone, without quiet zone, `module` dots per module (the printer's ^FO / x,y origin)."""
    content = zxing_gs1_content(symbol.elements)
    if symbol.kind == "datamatrix":
        matrix = zxingcpp.create_barcode(content, zxingcpp.BarcodeFormat.DataMatrix, gs1=True, forceSquare=True)
        pixels = np.array(zxingcpp.write_barcode_to_image(matrix, scale=symbol.module, add_quiet_zones=False))
        return _qimage(pixels)
    bars = zxingcpp.create_barcode(content, zxingcpp.BarcodeFormat.Code128, gs1=True)
    return _linear(bars, symbol.module, symbol.height)


def zxing_gs1_content(elements: tuple[Gs1Element, ...]) -> str:
    """zxing-cpp's GS1 input: the bracketed form, with brackets inside values escaped."""
    return "".join(
        f"({element.ai})" + element.value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        for element in elements
    )


def qimage_to_gray(image: QImage) -> np.ndarray:
    """A QImage as a numpy grayscale array (for decoding previews)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    pointer = gray.constBits()
    rows = np.frombuffer(pointer, dtype=np.uint8, count=gray.bytesPerLine() * gray.height())
    return rows.reshape(gray.height(), gray.bytesPerLine())[:, : gray.width()].copy()


def _linear(barcode: zxingcpp.Barcode, module: int, height: int) -> QImage:
    row = np.array(zxingcpp.write_barcode_to_image(barcode, scale=1, add_quiet_zones=False))[0]
    pixels = np.repeat(np.repeat(row[np.newaxis, :], max(1, height), axis=0), module, axis=1)
    return _qimage(pixels)


def _qimage(pixels: np.ndarray) -> QImage:
    pixels = np.ascontiguousarray(pixels, dtype=np.uint8)
    height, width = pixels.shape
    return QImage(pixels.data, width, height, width, QImage.Format.Format_Grayscale8).copy()

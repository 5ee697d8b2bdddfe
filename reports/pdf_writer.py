"""A `Document` as PDF through Qt's own PDF writer (QtGui: QPdfWriter, QTextDocument, QPainter), so any station
makes PDFs without Word, LibreOffice or another library: the same engine that prints and previews in the
desktop. Pages are laid out by QTextDocument from simple HTML; each page gets the running header, and the
footer with the copy status and "Page X of Y" (Y is known after layout). The shipped CJK font is registered
with Qt and embedded (subset) in every PDF, so Chinese prints the same everywhere.

No widgets: a QGuiApplication is created (offscreen when there is no display) if the caller has none, e.g.
the command line.
"""

from __future__ import annotations

import html
import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from domain.documents import Chart, Document, Fields, Image, Paragraph, Table
from reports import CJK_FONT_FILE
from reports.chart import chart_png

FONT_FILE = CJK_FONT_FILE
FAMILIES = ["Liberation Sans", "Arial", "Helvetica", "DejaVu Sans", "Droid Sans Fallback"]
RESOLUTION = 300
_app: QGuiApplication | None = None
_font_loaded = False


def ensure_gui() -> None:
    """Qt's fonts need a QGuiApplication; the command line has none (offscreen: no display needed)."""
    global _app, _font_loaded
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([])
    if not _font_loaded:
        QFontDatabase.addApplicationFont(str(FONT_FILE))
        _font_loaded = True


def _font(points: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSizeF(points)
    font.setBold(bold)
    # No ligatures: a reader who copies or searches the PDF must get "off" and "first", not "oﬀ" and "ﬁrst"
    # (the shaper joins them in some fonts, and an inspector's search for "off" then finds nothing).
    for feature in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


def _esc(text: str) -> str:
    return html.escape(text).replace("\n", "<br/>")


def _bold_ok(doc: Document) -> bool:
    """The shipped CJK font has no bold face; Qt would embolden it by painting each glyph twice, which PDF
    readers then find and copy twice. Chinese documents mark emphasis by colour and shading instead."""
    return doc.language != "zh"


def _b(text: str, bold: bool) -> str:
    return f"<b>{text}</b>" if bold else f'<font color="#1f3a5f">{text}</font>'


def _table_html(table: Table, *, header: bool, bold: bool) -> str:
    weights = table.widths or (1,) * len(table.columns)
    total = sum(weights)
    parts = ['<table width="100%" border="1" cellspacing="0" cellpadding="3" style="border-collapse: collapse; '
             'border-color: #8a96a3;">']
    if header:
        parts.append("<thead><tr>")
        weight = "bold" if bold else "normal"
        parts += [f'<th bgcolor="#d9e2ec" align="left" width="{100 * w // total}%" style="font-weight: {weight};">'
                  f'{_esc(c)}</th>' for c, w in zip(table.columns, weights, strict=True)]
        parts.append("</tr></thead>")
    for n, row in enumerate(table.rows):
        flagged = n in table.flagged or n in table.failed
        attrs = (' bgcolor="#f4a6a6"' if n in table.failed else ' bgcolor="#ffe08a"' if flagged
                 else ' bgcolor="#c8ebc4"' if n in table.added else "")
        cells = []
        for i, (text, w) in enumerate(zip(row, weights, strict=True)):
            body = _b(_esc(text), bold) if flagged or (not header and i == 0) else _esc(text)
            cells.append(f'<td{attrs} width="{100 * w // total}%">{body}</td>')
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</table><p></p>")
    return "".join(parts)


def _html(doc: Document, text_doc: QTextDocument) -> str:
    bold = _bold_ok(doc)
    weight = "bold" if bold else "normal"
    parts = [f'<h1 style="font-size: 18pt; font-weight: {weight};">{_esc(doc.title)}</h1>',
             f'<p><font color="#b00020">{_b(_esc(doc.words.copy), bold)}</font></p>']
    images = 0
    for section in doc.sections:
        parts.append(f'<h2 style="font-size: 12pt; font-weight: {weight};">{_esc(section.title)}</h2>')
        for block in section.blocks:
            if isinstance(block, Paragraph):
                text = _esc(block.text)
                if block.preformatted:
                    kept = html.escape(block.text)  # pre-wrap keeps the line breaks and the spaces
                    parts.append(f'<p style="font-family: monospace; font-size: 7pt; white-space: pre-wrap;">'
                                 f'{kept}</p>')
                else:
                    parts.append(f"<p>{_b(text, bold)}</p>" if block.emphasis else f"<p>{text}</p>")
            elif isinstance(block, Fields):
                parts.append(_table_html(Table(("", ""), block.rows, widths=(30, 70)), header=False, bold=bold))
            elif isinstance(block, Table):
                parts.append(_table_html(block, header=True, bold=bold))
            elif isinstance(block, Image | Chart):
                name = f"image{images}.png"
                images += 1
                png = block.png if isinstance(block, Image) else chart_png(block, FAMILIES)
                text_doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name),
                                     QImage.fromData(QByteArray(png)))
                px = int((block.width_mm if isinstance(block, Image) else 160) / 25.4 * 96)
                caption = f"<br/><i>{_esc(block.caption)}</i>" if isinstance(block, Image) else ""
                parts.append(f'<p><img src="{name}" width="{px}"/>{caption}</p>')
    parts.append(f"<p>{_b(_esc(doc.words.checksum) + ':', bold)} <tt>{doc.content_sha256}</tt></p>")
    return "".join(parts)


def render_pdf(doc: Document) -> bytes:
    ensure_gui()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 12, 15, 12), QPageLayout.Unit.Millimeter))
    writer.setTitle(doc.title)
    writer.setCreator(f"BatchTrace {doc.number} {doc.words.checksum} {doc.content_sha256}")
    _paint(doc, writer)
    buffer.close()
    return bytes(buffer.data().data())


def _paint(doc: Document, device: QPagedPaintDevice) -> None:
    """Lay the document out on the device's pages and paint each with its header and footer. Used for the PDF
    and, by the desktop, for the printer and the print preview."""
    ensure_gui()
    page = device.pageLayout().paintRectPixels(device.logicalDpiX())
    dpi = device.logicalDpiY()
    band = int(dpi * 9 / 25.4)  # 9 mm for the header and for the footer
    body = QSizeF(page.width(), page.height() - 2 * band)
    text_doc = QTextDocument()
    text_doc.documentLayout().setPaintDevice(device)
    text_doc.setDefaultFont(_font(9))
    text_doc.setDocumentMargin(0)
    text_doc.setHtml(_html(doc, text_doc))
    text_doc.setPageSize(body)
    _keep_headings_with_content(text_doc, body.height())
    pages = text_doc.pageCount()
    painter = QPainter(device)
    try:
        for index in range(pages):
            if index:
                device.newPage()
            _furniture(painter, doc, index + 1, pages, page.width(), page.height(), band)
            painter.save()
            painter.translate(0, band - index * body.height())
            text_doc.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
            painter.restore()
    finally:
        painter.end()


def _keep_headings_with_content(text_doc: QTextDocument, page_height: float, rows: int = 3) -> None:
    """A section heading at the foot of a page with its content on the next moves to the next page: each heading
    must share its page with the first `rows` lines or table rows after it. QTextDocument has no keep-with-next;
    a page break before the heading block is the one break it honours outside tables.

    Every change re-lays out the rest of the document (seconds for a 200-step record), so each pass moves all
    the headings the current layout finds alone, in one edit block, and passes repeat until none is."""
    headings = []
    top_level = text_doc.rootFrame().begin()  # headings are never inside a table: skip the tables' cells
    while not top_level.atEnd():
        block = top_level.currentBlock()
        if block.isValid() and block.blockFormat().headingLevel() == 2:
            headings.append(block)
        top_level += 1
    for _ in range(4):
        alone = [h for h in headings if _alone(text_doc, h, page_height, rows)]
        if not alone:
            return
        edit = QTextCursor(text_doc)
        edit.beginEditBlock()
        for heading in alone:
            cursor = QTextCursor(heading)
            found = cursor.blockFormat()
            found.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.setBlockFormat(found)
        edit.endEditBlock()


def _alone(text_doc: QTextDocument, heading: QTextBlock, page_height: float, rows: int) -> bool:
    layout = text_doc.documentLayout()
    rect = layout.blockBoundingRect(heading)
    page = int(rect.top() // page_height)
    if rect.top() - page * page_height < 1:
        return False  # at the top of its page already
    tops: list[float] = []
    bottom = rect.bottom()
    follow = heading.next()
    while follow.isValid() and follow.blockFormat().headingLevel() != 2:
        found = layout.blockBoundingRect(follow)
        if found.top() not in tops:
            if len(tops) == rows:
                break
            tops.append(found.top())
        bottom = max(bottom, found.bottom())
        follow = follow.next()
    return int((bottom - 1) // page_height) != page and bottom - rect.top() < page_height


def _furniture(painter: QPainter, doc: Document, number: int, pages: int, width: float, height: float,
               band: int) -> None:
    painter.setPen(QColor("#44505c"))
    painter.setFont(_font(7.5))
    top = QRectF(0, 0, width, band * 0.7)
    painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), doc.running_header)
    painter.drawLine(0, int(band * 0.75), int(width), int(band * 0.75))
    bottom = QRectF(0, height - band * 0.7, width, band * 0.7)
    painter.drawLine(0, int(height - band * 0.8), int(width), int(height - band * 0.8))
    painter.setFont(_font(7.5, bold=_bold_ok(doc)))
    painter.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                     f"{doc.words.copy} · {doc.number}")
    painter.drawText(bottom, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                     doc.words.page.format(page=number, pages=pages))


def paint_document(doc: Document, device: QPagedPaintDevice) -> None:
    """For the print dialog and preview: the same pages as the PDF on a printer."""
    _paint(doc, device)

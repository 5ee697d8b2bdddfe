"""A `Document` as DOCX through python-docx: A4, running header, footer with the copy status and the PAGE and
NUMPAGES fields (Word and LibreOffice fill in "Page X of Y"), tables with repeating header rows, flagged rows
shaded. Fonts are named for both scripts (w:rFonts ascii/hAnsi and eastAsia, w:lang eastAsia zh-CN) so
Chinese shows in Word and LibreOffice alike.

Table rows are written as WordprocessingML directly: python-docx's `add_row().cells` recomputes the grid on
every call, quadratic in the number of rows, and a batch record has thousands.
"""

from __future__ import annotations

import io
import re
from typing import Any

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from domain.documents import Chart, Document, Fields, Image, Paragraph, Table

FLAG_FILL = "FFE08A"  # amber: an excursion or an invalidated signature
ADDED_FILL = "C8EBC4"  # green: a line a newer version added
FAIL_FILL = "F4A6A6"  # red: a failed test, a requirement not verified
HEAD_FILL = "D9E2EC"
RULE_COLOUR = "9AA5B1"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML


def _clean(text: str) -> str:
    return _CONTROL.sub("\ufffd", text)


def render_docx(doc: Document) -> bytes:
    out = new_docx()
    _page(out)
    _fonts(out, doc)
    _header_footer(out, doc)
    _properties(out, doc)
    out.add_heading(_clean(doc.title), level=0)
    _copy_line(out.add_paragraph(), doc)
    for section in doc.sections:
        out.add_heading(_clean(section.title), level=1)
        lead: DocxParagraph | None = None  # a paragraph introducing what follows stays on its page
        for block in section.blocks:
            if lead is not None and not isinstance(block, Paragraph):
                lead.paragraph_format.keep_with_next = True
            lead = None
            if isinstance(block, Paragraph):
                lead = out.add_paragraph()
                run = lead.add_run(_clean(block.text))
                run.bold = block.emphasis
                if block.preformatted:  # Word keeps the line breaks of a run's text; the spaces need a fixed width
                    run.font.name, run.font.size = "Courier New", Pt(7)
            elif isinstance(block, Fields):
                _table(out, Table(("", ""), block.rows, widths=(30, 70)), header=False)
            elif isinstance(block, Table):
                _table(out, block, header=True)
            elif isinstance(block, Chart):
                from reports.chart import chart_png
                from reports.pdf_writer import FAMILIES, ensure_gui

                ensure_gui()
                out.add_picture(io.BytesIO(chart_png(block, FAMILIES)), width=Mm(160))
            elif isinstance(block, Image):
                out.add_picture(io.BytesIO(block.png), width=Mm(block.width_mm))
                out.add_paragraph(_clean(block.caption)).runs[0].italic = True
    checksum = out.add_paragraph()
    checksum.add_run(f"{doc.words.checksum}: ").bold = True
    checksum.add_run(doc.content_sha256).font.name = "Courier New"
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def _page(out: object) -> None:
    section = out.sections[0]  # type: ignore[attr-defined]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(15)
    section.top_margin, section.bottom_margin = Mm(18), Mm(18)
    section.header_distance = section.footer_distance = Mm(8)


def _fonts(out: object, doc: Document) -> None:
    """Arial and SimSun named in the document defaults and in every style the renderer uses: the template's
    defaults point at its theme, whose East Asian font Word may take as the Japanese ＭＳ 明朝 (Japanese glyph
    forms in a Chinese record), and LibreOffice as whatever it finds."""
    styles = out.styles  # type: ignore[attr-defined]
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is not None and (default_rpr := defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")) is not None:
        _name_fonts(default_rpr, doc)
    for name in ("Normal", "Title", "Heading 1", "Header", "Footer"):
        style = styles[name]
        style.font.name = doc.font_family
        _name_fonts(style.element.get_or_add_rPr(), doc)
    out.styles["Normal"].font.size = Pt(9)  # type: ignore[attr-defined]
    out.styles["Title"].font.size = Pt(20)  # type: ignore[attr-defined]
    out.styles["Heading 1"].font.size = Pt(13)  # type: ignore[attr-defined]


def _name_fonts(rpr: Any, doc: Document) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), doc.font_family)
    fonts.set(qn("w:eastAsia"), doc.east_asian_font)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _field(paragraph: DocxParagraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) with a placeholder result that the reader's application replaces."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", shown), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


def _header_footer(out: object, doc: Document) -> None:
    section = out.sections[0]  # type: ignore[attr-defined]
    section.header.paragraphs[0].text = _clean(doc.running_header)
    footer = section.footer.paragraphs[0]
    footer.add_run(f"{doc.words.copy} · {doc.number} · ").bold = True
    before, _, rest = doc.words.page.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    footer.add_run(before)
    _field(footer, "PAGE", "1")
    footer.add_run(middle)
    _field(footer, "NUMPAGES", "1")
    footer.add_run(after)


def _properties(out: object, doc: Document) -> None:
    core = out.core_properties  # type: ignore[attr-defined]
    core.title = doc.title
    core.identifier = doc.number
    core.subject = doc.meta.get("subject", "")
    core.comments = f"{doc.words.checksum}: {doc.content_sha256}"
    core.author = core.last_modified_by = "BatchTrace"
    core.language = doc.language


def _copy_line(paragraph: DocxParagraph, doc: Document) -> None:
    run = paragraph.add_run(doc.words.copy)
    run.bold = True
    run.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)


def _cell(text: str, width: int, *, bold: bool = False, fill: str | None = None) -> Any:
    tc = OxmlElement("w:tc")
    tc_pr = OxmlElement("w:tcPr")
    tc_w = OxmlElement("w:tcW")
    tc_w.set(qn("w:w"), str(width))
    tc_w.set(qn("w:type"), "dxa")
    tc_pr.append(tc_w)
    if fill:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        tc_pr.append(shd)
    tc.append(tc_pr)
    p = OxmlElement("w:p")
    for n, line in enumerate(_clean(text).split("\n")):
        r = OxmlElement("w:r")
        if bold:
            r_pr = OxmlElement("w:rPr")
            r_pr.append(OxmlElement("w:b"))
            r.append(r_pr)
        if n:
            r.append(OxmlElement("w:br"))
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = line
        r.append(t)
        p.append(r)
    tc.append(p)
    return tc


def _table_look(tbl_pr: Any) -> None:
    """Thin grey rules and room around the text in every cell: Table Grid alone draws black lines with the text
    touching them in LibreOffice (Word adds a little margin of its own)."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        for attr, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", RULE_COLOUR)):
            line.set(qn(attr), value)
        borders.append(line)
    margins = OxmlElement("w:tblCellMar")
    for edge, twips in (("top", 28), ("left", 85), ("bottom", 28), ("right", 85)):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    # schema order inside w:tblPr: ... tblW, jc, ..., tblBorders, shd, tblLayout, tblCellMar, tblLook
    layout = tbl_pr.find(qn("w:tblLayout"))
    look = tbl_pr.find(qn("w:tblLook"))
    if layout is not None:
        layout.addprevious(borders)
        layout.addnext(margins)
    elif look is not None:
        look.addprevious(borders)
        look.addprevious(margins)
    else:
        tbl_pr.append(borders)
        tbl_pr.append(margins)


def _table(out: object, table: Table, *, header: bool) -> None:
    columns = len(table.columns)
    weights = table.widths or (1,) * columns
    usable = 180 * 567 // 10  # 180 mm of text width in twentieths of a point
    widths = [max(400, usable * w // sum(weights)) for w in weights]
    docx_table = out.add_table(rows=0, cols=columns)  # type: ignore[attr-defined]
    docx_table.style = "Table Grid"
    docx_table.autofit = False
    tbl = docx_table._tbl
    _table_look(tbl.tblPr)
    if header:
        tr = OxmlElement("w:tr")
        tr_pr = OxmlElement("w:trPr")
        tr_pr.append(OxmlElement("w:tblHeader"))  # repeated at the top of every page
        tr.append(tr_pr)
        for text, width in zip(table.columns, widths, strict=True):
            tr.append(_cell(text, width, bold=True, fill=HEAD_FILL))
        tbl.append(tr)
    for n, row in enumerate(table.rows):
        tr = OxmlElement("w:tr")
        tr_pr = OxmlElement("w:trPr")
        tr_pr.append(OxmlElement("w:cantSplit"))  # a row is read whole: never half on the next page
        tr.append(tr_pr)
        failed = n in table.failed
        flagged = failed or n in table.flagged
        fill = FAIL_FILL if failed else FLAG_FILL if flagged else ADDED_FILL if n in table.added else None
        for i, (text, width) in enumerate(zip(row, widths, strict=True)):
            tr.append(_cell(text, width, bold=flagged or (not header and i == 0), fill=fill))
        tbl.append(tr)
    grid = tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(width))
    out.add_paragraph()  # type: ignore[attr-defined]

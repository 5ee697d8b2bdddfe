"""The comparison of two versions as a controlled document (CHG-2, DOC-2): read back from DOCX (python-docx) and
PDF, in English and Chinese, with its identity, page numbering and SHA-256; and through the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as read_docx
from docx.oxml.ns import qn

from app.process_steps import ParameterInput, StepInput
from domain.documents import DocumentKind
from domain.errors import NotFound, ValidationError
from tests.app.lots_support import Site
from tests.app.test_versions import MOULD, _effective, _version
from tests.reports.document_site import docx_text, issue, pdf_text, squeezed


def _two_versions(site: Site) -> None:
    _effective(site, _version(site, "Syringe 5 mL", [("RES", "0.01", "5"), ("TUBE", "0.05", "10")], [MOULD]),
               "CR-1")
    tighter = StepInput("Mould barrels", "Injection moulding machine", (
        ParameterInput("Melt temperature", "°C", "285", "278", "295", "280", "292"),
        ParameterInput("Hold pressure", "bar", "600", "550", "650")), needs_verified=True)
    _effective(site, _version(site, "Syringe 5 mL", [("RES", "0.01", "5"), ("GEL", "0.001", "10")], [tighter]),
               "CR-2")


def _fills(path: Path) -> dict[str, str]:
    """The first cell's text of each shaded row of the differences table -> its fill colour."""
    table = read_docx(str(path)).tables[1]
    found = {}
    for row in table.rows[1:]:
        shading = row.cells[0]._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
        if shading is not None:
            found.setdefault(row.cells[0].text, shading.get(qn("w:fill")))
    return found


@pytest.mark.req("CHG-2", "DOC-2")
def test_the_compare_of_two_versions_in_docx_and_pdf(site: Site, tmp_path: Path) -> None:
    _two_versions(site)
    out = tmp_path / "compare.docx"
    view = issue(site, "mbr:SYR:v1:v2", out, kind=DocumentKind.VERSION_COMPARE)
    assert view.number == "VC-mbr-SYR-v1-v2-R1"
    text = docx_text(out)
    assert "Comparison of SYR v1 and SYR v2" in text
    assert "Record | SYR – Master batch record" in text
    assert "SYR v1 | Syringe 5 mL (Superseded) / effective since " in text
    assert "SYR v2 | Syringe 5 mL (Effective) / effective since " in text
    lines = text.splitlines()
    for row in ("Removed | BOM line TUBE | Quantity per unit | 0.05 | ",
                "Added | BOM line GEL | Tolerance % |  | 10",
                "Changed | Parameter 1 · Melt temperature | Lower limit | 275 | 278",
                "Changed | Parameter 1 · Melt temperature | Alert lower | 278 | 280",
                "Changed | Header | Status | Superseded | Effective"):
        assert any(line.startswith(row) for line in lines), row
    assert _fills(out) == {"Changed": "FFE08A", "Removed": "F4A6A6", "Added": "C8EBC4"}
    assert f"Content SHA-256: {view.content_sha256}" in text and "CONTROLLED COPY" in text
    assert "NUMPAGES" in text  # "Page X of Y" as fields Word fills in

    pdf_out = tmp_path / "compare.pdf"
    issue(site, "mbr:SYR:v1:v2", pdf_out, kind=DocumentKind.VERSION_COMPARE, language="zh")
    pdf, pages = pdf_text(pdf_out)
    flat = squeezed(pdf)
    for fact in ("SYRv1与SYRv2的比较", "主批记录", "物料清单行TUBE", "单位用量", "删除", "新增", "更改", "警戒下限",
                 "已替代", f"第1页，共{pages}页"):
        assert fact in flat, fact


@pytest.mark.req("CHG-2")
def test_a_subject_that_names_no_two_versions_is_refused(site: Site, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="does not name two versions"):
        issue(site, "SYR v1 v2", tmp_path / "x.pdf", kind=DocumentKind.VERSION_COMPARE)
    with pytest.raises(NotFound, match="no master batch record SYR v1"):
        issue(site, "mbr:SYR:v1:v2", tmp_path / "x.pdf", kind=DocumentKind.VERSION_COMPARE)
    assert not (tmp_path / "x.pdf").exists()

"""The DOCX as Word and LibreOffice read it (DOC-2): fonts named for both scripts everywhere the text can take
them from (no theme font left to choose a Japanese face for Chinese), tables with margins and rows that do not
break across pages; and, where LibreOffice is installed, the file converted by it to PDF: its own page fields
filled in and the Chinese text there."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.app.lots_support import Site, site_fixture
from tests.reports.document_site import issue, pdf_text, released_batch, squeezed

site = site_fixture
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.req("DOC-2")
@pytest.mark.parametrize("engine_name", ["sqlite"])  # the file's structure: one engine is enough
def test_docx_defaults_styles_and_tables_name_their_fonts_and_layout(site: Site, tmp_path: Path) -> None:
    batch = released_batch(site, tmp_path / "labels.zpl", tested=True)
    out = tmp_path / "zh.docx"
    issue(site, batch.number, out, language="zh")
    package = zipfile.ZipFile(out)
    styles = package.read("word/styles.xml").decode()
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S)
    assert defaults is not None
    assert 'w:eastAsia="SimSun"' in defaults.group() and 'w:ascii="Arial"' in defaults.group()
    assert "eastAsiaTheme" not in defaults.group() and 'w:eastAsia="zh-CN"' in defaults.group()
    body = package.read("word/document.xml").decode()
    tables = body.count("<w:tbl>")
    assert tables > 10 and body.count("<w:tblCellMar>") == tables
    rows = body.count("<w:tr>") + body.count("<w:tr ")
    assert body.count("<w:cantSplit/>") + body.count("<w:tblHeader/>") == rows


@pytest.mark.req("DOC-2")
@pytest.mark.parametrize("engine_name", ["sqlite"])
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed on this machine")
def test_libreoffice_turns_the_chinese_docx_into_pages_numbered_x_of_y(site: Site, tmp_path: Path) -> None:
    batch = released_batch(site, tmp_path / "labels.zpl", tested=True)
    out = tmp_path / "zh.docx"
    issue(site, batch.number, out, language="zh")
    assert SOFFICE is not None
    subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(out)],
                   check=True, capture_output=True, timeout=180)
    text, pages = pdf_text(tmp_path / "pdf" / "zh.pdf")
    flat = squeezed(text)
    assert pages >= 3
    for n in range(1, pages + 1):  # LibreOffice computed PAGE and NUMPAGES itself
        assert f"第{n}页，共{pages}页" in flat
    for fact in (f"批生产记录{batch.number}", "质量检验结果与标准", "放行评估", "放行决定", "电子签名",
                 *(squeezed(s.printed_name) for s in batch.signatures), *batch.material_lots):
        assert fact in flat, fact

"""The batch record's process part (DOC-1, PRC-1..PRC-5): steps with performer and verifier, every parameter
value against its target and limits with excursions highlighted and corrections kept, the room's readings as
a chart with limits, and the environment excursions; read back from DOCX and PDF."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app import facilities, process_steps, readings
from tests.app.lots_support import Site, site_fixture
from tests.app.test_process_steps import process_site, sign
from tests.reports.document_site import docx_text, issue, pdf_text, squeezed

site = site_fixture


def _run_batch(site: Site) -> str:
    u = site.ctx.uow
    batch = process_site(site)
    facilities.add_room(u(), site.admin, "CR-1", "Clean room 1")
    facilities.add_sensor(u(), site.admin, "T1", "CR-1", "Temperature", "18", "25")
    state = process_steps.start_step(u(), site.production, batch, 1, "DRY-1", room_code="CR-1")
    started = state.steps[0].started_at
    assert started is not None
    first = process_steps.record_value(u(), site.production, batch, 1, "Drying temperature", "127.5")
    process_steps.correct_value(u(), site.production, first.id, "123.5", "typo: 123.5 read off the HMI")
    process_steps.record_value(u(), site.production, batch, 1, "Drying time", "4")
    sign(site, "production", batch, 1, "performed")
    # readings of the room while step 1 ran (between its start and its performed signature), one too warm
    performed = process_steps.batch_process(site.ctx.read_uow(), site.admin, batch).steps[0].performed_at
    assert performed is not None
    span = (performed - started) / 12
    lines = ["timestamp,sensor,value,unit\n"] + [
        f"{(started + span * (i + 1)).isoformat()},T1,{26.5 if i == 5 else 21.0},°C\n" for i in range(10)]
    report = readings.import_readings(u(), site.production, lines, "logger.csv")
    assert report.committed, report.summary()
    return batch


@pytest.mark.req("DOC-1", "PRC-1", "PRC-2", "PRC-3", "PRC-4", "PRC-5")
def test_steps_values_corrections_chart_and_excursions_in_both_formats(site: Site, tmp_path: Path) -> None:
    batch = _run_batch(site)
    out = tmp_path / "record.docx"
    issue(site, batch, out)
    text = docx_text(out)
    assert any(line.startswith("1 | Dry the resin at 120 °C for 4 h | DRY-1 | Pat Production (pat)")
               for line in text.splitlines())
    lines = [line for line in text.splitlines() if line.startswith("1 | Drying temperature")]
    assert len(lines) == 2  # the value entered and its correction
    assert "127.5 °C" in lines[0] and "superseded" in lines[0] and "Out of limits" in lines[0]
    assert "123.5 °C" in lines[1] and "typo: 123.5 read off the HMI" in lines[1] and "In alert band" in lines[1]
    assert "115 – 125" in lines[0] and "120 °C" in lines[0]
    assert any(line.startswith("CR-1 | 1 |") for line in text.splitlines())
    assert any(line.startswith("T1 | Out of limits |") for line in text.splitlines())
    images = [n for n in zipfile.ZipFile(out).namelist() if n.startswith("word/media/")]
    assert len(images) == 1  # the chart of T1 in CR-1
    pdf_out = tmp_path / "record.pdf"
    issue(site, batch, pdf_out, language="zh")
    pdf, _ = pdf_text(pdf_out)
    flat = squeezed(pdf)
    assert "工艺步骤" in flat and "关键工艺参数" in flat and "127.5°C" in flat and "超出限度" in flat
    assert "typo:123.5readofftheHMI" in flat and "环境" in flat


def test_a_batch_without_steps_says_so(site: Site, tmp_path: Path) -> None:
    from tests.app.lots_support import effective_mbr, running_batch

    effective_mbr(site, "SYR", [("TUBE", "0.05", "10")])
    batch = running_batch(site, "SYR", "10").batch_number
    out = tmp_path / "r.docx"
    issue(site, batch, out)
    text = docx_text(out)
    assert "has no process steps" in text and "no environment data" in text

"""Reading a LIMS results file (QC-2, INT-1): encodings (UTF-8 with and without BOM, GB18030, mixed refused),
CSV and JSON with line numbers, a wrong header, unreadable rows and duplicates."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import ValidationError
from domain.lims_file import decode, parse

CSV = "record,test,values,unit,instrument\nR1,mfi,9.96;10.05,g/10min,MFI-02\nR1,COL,透明,,目视\n"


@pytest.mark.req("INT-1")
@pytest.mark.parametrize(("data", "encoding"), [
    (CSV.encode("utf-8"), "UTF-8"),
    (b"\xef\xbb\xbf" + CSV.encode("utf-8"), "UTF-8 with BOM"),
    (CSV.encode("gb18030"), "GB18030"),
])
def test_each_encoding_reads_the_same_rows(data: bytes, encoding: str) -> None:
    read = parse(data, "lims.csv")
    assert (read.encoding, read.format, read.rejections) == (encoding, "CSV", ())
    assert [(r.line, r.record, r.test, r.values, r.unit, r.instrument) for r in read.rows] == [
        (2, "R1", "MFI", ("9.96", "10.05"), "g/10min", "MFI-02"), (3, "R1", "COL", ("透明",), None, "目视")]


@pytest.mark.req("INT-1")
def test_a_file_that_mixes_encodings_is_refused_with_its_lines() -> None:
    data = "record,test,values\nR1,COL,透明\n".encode() + "R2,COL,透明\n".encode("gb18030")
    with pytest.raises(ValidationError, match="mixes encodings: line 2 is UTF-8 and line 3 is not"):
        decode(data)
    with pytest.raises(ValidationError, match="line 3 is not UTF-8 although the file starts with a UTF-8 byte"):
        decode(b"\xef\xbb\xbf" + data)


@pytest.mark.req("INT-1")
@pytest.mark.parametrize("header", ["lot,test,values", "record,test", "record,test,values,colour",
                                    "record,test,values,test"])
def test_a_wrong_header_is_one_clear_message(header: str) -> None:
    with pytest.raises(ValidationError, match="line 1: the header must be record,test,values"):
        parse(f"{header}\nR1,MFI,9\n".encode(), "lims.csv")


@pytest.mark.req("INT-1")
def test_rows_that_cannot_be_read_and_duplicates_are_rejected_with_their_line() -> None:
    text = ("record,test,values\nR1,MFI,9;10\n\nR1,ID\nR2,,Pass\nR1,mfi,9;10\nR3,MFI,9;;10\n"
            '"R4","NOTE","a ""quoted""\nvalue"\nR5,ID,Pass\n')
    read = parse(text.encode(), "lims.csv")
    assert [(r.line, r.record) for r in read.rows] == [(2, "R1"), (8, "R4"), (10, "R5")]
    assert [(r.line, r.reason) for r in read.rejections] == [
        (4, "2 fields where the header has 3"), (5, "no test"), (6, "R1 MFI again: line 2 has it already"),
        (7, "an empty value among the replicates '9; ; 10'")]
    assert read.rows[1].values == ('a "quoted" value',)  # a quoted field over two lines starts on line 8


@pytest.mark.req("INT-1")
def test_json_rows_keep_their_lines_and_numbers_as_written() -> None:
    text = ('[\n  {"record": "R1", "test": "MFI", "values": [9.960, 10.05], "unit": "g/10min"},\n'
            '  {"record": "R1", "test": "ID", "values": "Pass"},\n  {"record": "R2", "colour": "red"},\n'
            '  "R3"\n]\n')
    read = parse(text.encode("gb18030"), "export.json")
    assert read.format == "JSON"
    assert [(r.line, r.test, r.values) for r in read.rows] == [(2, "MFI", ("9.960", "10.05")), (3, "ID", ("Pass",))]
    assert [(r.line, r.reason) for r in read.rejections] == [
        (4, "unknown field colour: the fields are record, test, values, unit, instrument"),
        (5, "a result is an object with record, test and values")]
    with pytest.raises(ValidationError, match="line 2: not valid JSON"):
        parse(b'[\n{"record": "R1",, }]', "x.json")
    with pytest.raises(ValidationError, match="an array of results"):
        parse(b'{"record": "R1"}', "x.json")
    with pytest.raises(ValidationError, match="not closed"):
        parse(b'[{"record": "R1", "test": "T", "values": "1"}', "x.json")


@pytest.mark.req("INT-1")
@given(st.lists(st.tuples(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
                                  min_size=1, max_size=8).filter(lambda s: s.strip() and ";" not in s),
                          st.lists(st.decimals(allow_nan=False, allow_infinity=False, places=3), min_size=1,
                                   max_size=3)), min_size=1, max_size=8, unique_by=lambda row: " ".join(
    row[0].split())))
def test_what_a_json_file_says_is_what_is_read(rows: list[tuple[str, list[object]]]) -> None:
    items = [{"record": record, "test": "T", "values": [str(v) for v in values]} for record, values in rows]
    read = parse(json.dumps(items, ensure_ascii=False, indent=1).encode("utf-8"), "x.json")
    assert read.rejections == ()
    assert [(r.record, r.values) for r in read.rows] == [(" ".join(rec.split()), tuple(str(v) for v in values))
                                                         for rec, values in rows]

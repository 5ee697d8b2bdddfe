"""A results file from a LIMS (QC-2, INT-1), read before anything is judged: its encoding (UTF-8 with or
without a byte-order mark, or GB18030 as Chinese LIMS export it; a file that mixes them is refused), its format
(CSV with a header, or a JSON array of objects) and its rows, each with the line it starts on.

CSV: `record,test,values[,unit][,instrument]`, the replicate values separated by ";" (`R26339-0001,MFI,9.96;10.05,
g/10min,MFI-02`). JSON: `[{"record": "...", "test": "...", "values": ["9.96", "10.05"], "unit": "...",
"instrument": "..."}]`, `values` a list or one value. A row that cannot be read is a rejection with its line;
a file that cannot be read at all (no header, wrong header, not JSON) raises one ValidationError.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from domain.errors import ValidationError
from domain.i18n import _

COLUMNS = ("record", "test", "values", "unit", "instrument")
REQUIRED = ("record", "test", "values")
MAX_ROWS = 100_000
_UTF8_BOM = b"\xef\xbb\xbf"
_GB18030_BOM = b"\x84\x31\x95\x33"


@dataclass(frozen=True)
class LimsRow:
    line: int
    record: str
    test: str
    values: tuple[str, ...]
    unit: str | None
    instrument: str


@dataclass(frozen=True)
class LimsRejection:
    line: int
    reason: str

    def __str__(self) -> str:
        return _("line {line}: {reason}", line=self.line, reason=self.reason)


@dataclass(frozen=True)
class LimsFile:
    encoding: str  # "UTF-8", "UTF-8 with BOM" or "GB18030"
    format: str  # "CSV" or "JSON"
    rows: tuple[LimsRow, ...]
    rejections: tuple[LimsRejection, ...]


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding. UTF-8 is tried first (a GB18030 file is almost never valid
    UTF-8); a file where some lines are UTF-8 and others are not was saved twice in different encodings and is
    refused, since reading it either way would garble part of it."""
    if data.startswith(_UTF8_BOM):
        try:
            return data[len(_UTF8_BOM):].decode("utf-8"), "UTF-8 with BOM"
        except UnicodeDecodeError as error:
            line = data[:error.start].count(b"\n") + 1
            raise ValidationError(_("line {line} is not UTF-8 although the file starts with a UTF-8 byte-order "
                                    "mark: save the whole file in one encoding", line=line)) from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as error:
        bad = data[:error.start].count(b"\n") + 1
    lines = data.split(b"\n")
    utf8 = next((i for i, raw in enumerate(lines, start=1) if not raw.isascii() and _is_utf8(raw)), None)
    if utf8 is not None:
        raise ValidationError(_("the file mixes encodings: line {utf8} is UTF-8 and line {bad} is not; save the "
                                "whole file as UTF-8 or as GB18030", utf8=utf8, bad=bad))
    body = data[len(_GB18030_BOM):] if data.startswith(_GB18030_BOM) else data
    try:
        return body.decode("gb18030"), "GB18030"
    except UnicodeDecodeError:
        raise ValidationError(_("line {line} is neither UTF-8 nor GB18030: save the file in one of them",
                                line=bad)) from None


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def parse(data: bytes, file_name: str) -> LimsFile:
    if not data.strip():
        raise ValidationError(_("{file} is empty", file=file_name))
    text, encoding = decode(data)
    is_json = file_name.lower().endswith(".json") or text.lstrip().startswith(("[", "{"))
    rows, rejections = _json_rows(text) if is_json else _csv_rows(text)
    if len(rows) + len(rejections) > MAX_ROWS:
        raise ValidationError(_("the file has more than {n} rows: split it", n=MAX_ROWS))
    rows, rejections = _without_duplicates(rows, rejections)
    return LimsFile(encoding, "JSON" if is_json else "CSV", tuple(rows), tuple(sorted(rejections,
                                                                                       key=lambda r: r.line)))


def _row(line: int, fields: dict[str, Any]) -> LimsRow | LimsRejection:
    unknown = sorted(set(fields) - set(COLUMNS))
    if unknown:
        return LimsRejection(line, _("unknown field {fields}: the fields are {columns}",
                                     fields=", ".join(unknown), columns=", ".join(COLUMNS)))
    missing = [c for c in REQUIRED if not _text(fields.get(c))]
    if missing:
        return LimsRejection(line, _("no {fields}", fields=", ".join(missing)))
    raw = fields["values"]
    values = tuple(_text(v) for v in raw) if isinstance(raw, list) else tuple(
        v.strip() for v in _text(raw).split(";"))
    if not values or any(not v for v in values):
        return LimsRejection(line, _("an empty value among the replicates '{values}'",
                                     values="; ".join(values)))
    return LimsRow(line, _text(fields["record"]), _text(fields["test"]).upper(), values,
                   _text(fields.get("unit")) or None, " ".join(_text(fields.get("instrument")).split()))


def _text(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def _csv_rows(text: str) -> tuple[list[LimsRow], list[LimsRejection]]:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    header = next(reader, None)
    names = [h.strip().casefold() for h in header or []]
    if not names or not set(REQUIRED) <= set(names) or not set(names) <= set(COLUMNS) or len(set(names)) < len(
            names):
        raise ValidationError(_("line 1: the header must be record,test,values[,unit][,instrument], not "
                                "'{header}'", header=",".join(header or [])[:120]))
    rows: list[LimsRow] = []
    rejections: list[LimsRejection] = []
    line = reader.line_num + 1
    for fields in reader:
        if any(f.strip() for f in fields):
            if len(fields) != len(names):
                rejections.append(LimsRejection(line, _("{n} fields where the header has {m}", n=len(fields),
                                                        m=len(names))))
            else:
                found = _row(line, dict(zip(names, fields, strict=True)))
                _keep(found, rows, rejections)
        line = reader.line_num + 1
    return rows, rejections


def _json_rows(text: str) -> tuple[list[LimsRow], list[LimsRejection]]:
    """The top-level array's objects, each with the line it starts on (json.loads would lose them)."""
    decoder = json.JSONDecoder(parse_float=str, parse_int=str)  # numbers exactly as the LIMS wrote them
    body = text.lstrip("\ufeff")
    at = len(body) - len(body.lstrip())
    if not body.startswith("[", at):
        raise ValidationError(_("a JSON results file is an array of results, each an object with record, test "
                                "and values"))
    at += 1
    rows: list[LimsRow] = []
    rejections: list[LimsRejection] = []
    while True:
        at = _skip(body, at)
        if body.startswith("]", at):
            break
        line = body.count("\n", 0, at) + 1
        try:
            item, at = decoder.raw_decode(body, at)
        except json.JSONDecodeError as error:
            raise ValidationError(_("line {line}: not valid JSON ({error})", line=error.lineno,
                                    error=error.msg)) from None
        if isinstance(item, dict):
            found = _row(line, item)
            _keep(found, rows, rejections)
        else:
            rejections.append(LimsRejection(line, _("a result is an object with record, test and values")))
        at = _skip(body, at)
        if body.startswith(",", at):
            at += 1
        elif not body.startswith("]", at):
            raise ValidationError(_("line {line}: expected ',' or ']' after a result",
                                    line=body.count("\n", 0, at) + 1))
    return rows, rejections


def _keep(found: LimsRow | LimsRejection, rows: list[LimsRow], rejections: list[LimsRejection]) -> None:
    if isinstance(found, LimsRow):
        rows.append(found)
    else:
        rejections.append(found)


def _skip(body: str, at: int) -> int:
    while at < len(body) and body[at].isspace():
        at += 1
    if at >= len(body):
        raise ValidationError(_("the JSON array is not closed with ']'"))
    return at


def _without_duplicates(rows: list[LimsRow], rejections: list[LimsRejection]
                        ) -> tuple[list[LimsRow], list[LimsRejection]]:
    """The same record and test twice in one file: which value is meant is not the file's to say."""
    first: dict[tuple[str, str], int] = {}
    kept = []
    for row in rows:
        key = (row.record, row.test)
        if key in first:
            rejections.append(LimsRejection(row.line, _("{record} {test} again: line {first} has it already",
                                                        record=row.record, test=row.test, first=first[key])))
        else:
            first[key] = row.line
            kept.append(row)
    return kept, rejections

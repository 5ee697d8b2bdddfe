"""Whatever a scanner sends, the parser answers with data or one clear ScanError, never a traceback (DEVC-3)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from devices.gs1 import parse_barcode
from domain.barcodes import GS, BarcodeData, ScanError, element_string, udi_elements
from domain.gtin import gtin_check_digit

TODAY = date(2026, 3, 15)

REAL_SCANS = [
    "(01)51022222233336(11)141231(17)150707(10)A213B1(21)1234",
    f"]d20151022222233336111412311715070710A213B1{GS}211234",
    "]C1010703206980498815210526100329",
    "]Q3https://id.gs1.org/01/09506000134352/10/ABC123?17=261231",
    "]E04006381333931",
    "+A99912345/$$52001510X3/16D20111212/S77DE1G45-",
    "+Z999009993020351/$$82430509283C001J",
    "*+A123BJC5D6E71G*",
    "01095060001343521728020010L1<GS>21S-9",
]
# characters that matter to the parsers: digits, AI brackets, separators and their stand-ins, HIBC flags
ALPHABET = "0123456789()+$/*%-.]dCQE^~<>{}[]GSFNC1xXAZaz \x1d\r\n\t\\" + "\u241d\u00e9\x00"


@st.composite
def mutated_scans(draw: st.DrawFn) -> str:
    text = list(draw(st.sampled_from(REAL_SCANS)))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        action = draw(st.sampled_from(["insert", "delete", "replace", "truncate", "duplicate"]))
        position = draw(st.integers(min_value=0, max_value=max(0, len(text) - 1)))
        character = draw(st.sampled_from(ALPHABET))
        if action == "insert":
            text.insert(position, character)
        elif action == "delete" and text:
            del text[position]
        elif action == "replace" and text:
            text[position] = character
        elif action == "truncate":
            text = text[:position]
        elif action == "duplicate":
            text = text[:position] + text
    return "".join(text)


def assert_data_or_clear_error(text: str, symbology: str | None = None) -> None:
    try:
        result = parse_barcode(text, symbology, today=TODAY)
    except ScanError as error:
        message, code = str(error), error.code
        assert message and "\n" not in message and "Traceback" not in message
        assert code
    else:
        assert isinstance(result, BarcodeData)
        if result.gtin is not None:
            assert len(result.gtin) == 14 and gtin_check_digit(result.gtin[:-1]) == int(result.gtin[-1])


@pytest.mark.req("DEVC-3")
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_scans(), st.sampled_from([None, "]d2", "]C1", "]C0", "]Q3", "]E0", "d2", "]X", ""]))
@example("+", None)
@example("(", None)
@example("()", None)
@example("(01)", None)
@example("]", None)
@example("+$$", None)
@example("+/", None)
@example("0" * 200, None)
def test_mutated_real_scans_never_raise_anything_but_scan_error(text: str, symbology: str | None) -> None:
    assert_data_or_clear_error(text, symbology)


@pytest.mark.req("DEVC-3")
@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_text_never_raises_anything_but_scan_error(text: str) -> None:
    assert_data_or_clear_error(text)


LOTS = st.text(alphabet="ABCDEFGHJKLMNPRSTUVWXYZ0123456789-./", min_size=1, max_size=20)


@pytest.mark.req("DEVC-3")
@settings(max_examples=300, deadline=None)
@given(
    body=st.text(alphabet="0123456789", min_size=13, max_size=13),
    lot=LOTS,
    serial=LOTS,
    expiry=st.dates(min_value=date(2000, 1, 1), max_value=date(2075, 12, 31)),
    month_only=st.booleans(),
    separator=st.sampled_from([GS, "<GS>", "^]", "{GS}"]),
    symbology=st.sampled_from(["", "]d2", "]C1", "]Q3"]),
)
def test_what_a_label_encodes_is_what_the_scan_reads(
    body: str, lot: str, serial: str, expiry: date, month_only: bool, separator: str, symbology: str
) -> None:
    gtin = body + str(gtin_check_digit(body))
    elements = udi_elements(gtin, lot=lot, expiry=expiry, expiry_day_unspecified=month_only, serial=serial)
    data = parse_barcode(symbology + element_string(elements, separator), today=TODAY)
    assert (data.gtin, data.lot, data.serial) == (gtin, lot, serial)
    assert data.expiry_day_unspecified is month_only
    assert data.expiry is not None and (data.expiry.year, data.expiry.month) == (expiry.year, expiry.month)
    if not month_only:
        assert data.expiry == expiry

"""Versioned label templates and their resolution against one lot's data (DEVC-5).

A template places text and symbols in millimetres on a label of a given size and resolution; text holds
``{field}`` placeholders (with date formats such as ``{expiry:%Y-%m}``); ``{udi_hri}``, ``{udi_di_hri}``
and ``{udi_pi_hri}`` give the human-readable UDI, whole or split after the GTIN. GS1 symbols do not take free
text: they carry the label's UDI, built by `domain.barcodes.udi_elements` from the GTIN, dates, lot and
serial in the data, so the DataMatrix, the GS1-128 and the human-readable line can only ever say the same
thing, and only valid GS1 content.

`resolve` turns template + data into a `ResolvedLabel` in printer dots. ZPL, TSPL and the preview all
draw that one object, so what is previewed, printed and journalled is the same. Anything that does not
fit (missing field, invalid GTIN, a lot GS1 cannot carry, a GS1-128 wider than the label) is refused
with a `LabelError` naming it; nothing is truncated.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from devices.labels.code128 import QUIET_ZONE_MODULES, plan_code128, width_modules
from domain.barcodes import Gs1Element, human_readable, udi_elements
from domain.errors import DomainError, ValidationError
from domain.label_layout import ResolvedCode128, ResolvedGs1Symbol, ResolvedItem, ResolvedLabel, ResolvedText


class LabelError(DomainError):
    code = "label_invalid"


# --- templates -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TextElement:
    x_mm: float
    y_mm: float
    text: str
    height_mm: float = 3.0
    requires: tuple[str, ...] = ()  # left out when any of these fields is empty (e.g. a serial number)
    # Fitted to this width: first smaller (down to 60 %), then on two lines, the second ending in "…" only
    # when even that is too long (a long material name must not run off the label). None: as it comes.
    fit_width_mm: float | None = None


@dataclass(frozen=True)
class Gs1DataMatrixElement:
    x_mm: float
    y_mm: float
    module_mm: float = 0.5
    box_mm: float = 14.0  # the largest square the symbol may take (TSPL wants a bounding box)


@dataclass(frozen=True)
class Gs1128Element:
    """A GS1-128 of the label's UDI, or of the elements with the AIs in `ais` (a UDI too long for one
    symbol at the label's width goes on two: the device identifier (01), then the production identifiers)."""

    x_mm: float
    y_mm: float
    height_mm: float = 10.0
    module_mm: float = 0.25
    ais: tuple[str, ...] = ()  # empty: every element


@dataclass(frozen=True)
class Code128Element:
    """A plain Code 128 of one field, e.g. the lot number on a material label."""

    x_mm: float
    y_mm: float
    field: str
    height_mm: float = 10.0
    module_mm: float = 0.25


LabelElement = TextElement | Gs1DataMatrixElement | Gs1128Element | Code128Element


@dataclass(frozen=True)
class LabelTemplate:
    name: str
    version: int
    width_mm: float
    height_mm: float
    dpi: int
    elements: tuple[LabelElement, ...]
    gap_mm: float = 3.0
    description: str = ""

    @property
    def template_id(self) -> str:
        return f"{self.name}@v{self.version}"

    def dots(self, mm: float) -> int:
        return round(mm * self.dpi / 25.4)


class LabelData(Mapping[str, object]):
    """The values a label shows, by field name: text, numbers, dates; None for "not applicable"."""

    def __init__(self, values: Mapping[str, object] | None = None, /, **fields: object) -> None:
        self._values = MappingProxyType({**(values or {}), **fields})

    def __getitem__(self, name: str) -> object:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"LabelData({dict(self._values)!r})"


# Which label fields feed which GS1 Application Identifier.
UDI_FIELDS = {"gtin": "01", "production_date": "11", "expiry": "17", "lot_number": "10", "serial": "21"}


# --- resolved labels -------------------------------------------------------------------------------------

def resolve(template: LabelTemplate, data: Mapping[str, object]) -> ResolvedLabel:
    elements = _udi(data) if any(isinstance(e, Gs1DataMatrixElement | Gs1128Element) for e in template.elements) else ()
    texts = _TextFields(data, elements)
    items: list[ResolvedItem] = []
    for element in template.elements:
        x, y = template.dots(element.x_mm), template.dots(element.y_mm)
        if isinstance(element, TextElement):
            if any(_empty(data.get(name)) for name in element.requires):
                continue
            text, height = texts.format(element.text), template.dots(element.height_mm)
            if element.fit_width_mm is None:
                items.append(ResolvedText(x, y, height, text))
            else:
                items += fitted_text(x, y, height, text, template.dots(element.fit_width_mm))
        elif isinstance(element, Gs1DataMatrixElement):
            items.append(ResolvedGs1Symbol("datamatrix", x, y, _module(template, element.module_mm),
                                           template.dots(element.box_mm), elements))
        elif isinstance(element, Gs1128Element):
            module = _module(template, element.module_mm)
            chosen = tuple(e for e in elements if not element.ais or e.ai in element.ais)
            if not chosen:
                continue  # e.g. a production-identifier symbol for a device with none of them
            symbol = ResolvedGs1Symbol("gs1-128", x, y, module, template.dots(element.height_mm), chosen)
            parts: list[str | None] = [_gs1_part(e) for e in chosen]
            _fits(template, x, module, width_modules(plan_code128(_with_separators(chosen, parts))), "GS1-128")
            items.append(symbol)
        else:
            value = texts.format("{" + element.field + "}")
            if not value or not value.isascii() or not value.isprintable():
                raise LabelError(f"the {element.field} '{value}' cannot be drawn as a Code 128 barcode")
            module = _module(template, element.module_mm)
            _fits(template, x, module, width_modules(plan_code128([value], gs1=False)), element.field)
            items.append(ResolvedCode128(x, y, module, template.dots(element.height_mm), value))
    summary = {name: texts.value(name) for name in data}
    if elements:
        summary["udi"] = human_readable(elements)
    return ResolvedLabel(
        template_id=template.template_id,
        dpi=template.dpi,
        width=template.dots(template.width_mm),
        height=template.dots(template.height_mm),
        width_mm=template.width_mm,
        height_mm=template.height_mm,
        gap_mm=template.gap_mm,
        items=tuple(items),
        summary=MappingProxyType(summary),
    )


# The printers' scalable fonts (Zebra font 0, TSPL font "0") and the preview's condensed sans serif average
# about 0.58 of the character height per character; 0.62 leaves a margin for wide capitals. Chinese characters
# (and the other CJK scripts, from U+2E80) are square: a whole height each.
CHAR_WIDTH = 0.62
WIDE_CHAR_WIDTH = 1.0


def _advance(text: str) -> float:
    """The width of `text` in character heights."""
    return sum(WIDE_CHAR_WIDTH if ord(character) >= 0x2E80 else CHAR_WIDTH for character in text)


def _longest_start(text: str, size: int, width: int) -> int:
    """How many characters from the start of `text` fit in `width` dots at `size` (at least one)."""
    used, count = 0.0, 0
    for character in text:
        used += _advance(character) * size
        if used > width:
            break
        count += 1
    return max(1, count)


def fitted_text(x: int, y: int, height: int, text: str, width: int) -> list[ResolvedText]:
    """`text` within `width` dots: at its height if it fits, else smaller down to 60 %, else on two lines of
    that size broken between words (inside a word, or anywhere in Chinese, when one is longer than the line),
    the second cut with "…" only if still too long."""
    def fits(line: str, size: int) -> bool:
        return _advance(line) * size <= width

    for percent in range(100, 59, -5):
        size = max(1, height * percent // 100)
        if fits(text, size):
            return [ResolvedText(x, y, size, text)]
    size = max(1, height * 60 // 100)
    words, first = text.split(" "), ""
    while words and fits((first + " " + words[0]).strip(), size):
        first = (first + " " + words.pop(0)).strip()
    if not first:  # one word longer than the line: break inside it
        cut = _longest_start(text, size, width)
        first, words = text[:cut], [text[cut:]]
    rest = " ".join(words)
    if not fits(rest, size):
        rest = rest[: _longest_start(rest, size, width - round(_advance("…") * size))].rstrip() + "…"
    return [ResolvedText(x, y, size, first), ResolvedText(x, y + round(size * 1.15), size, rest)]


def _udi(data: Mapping[str, object]) -> tuple[Gs1Element, ...]:
    gtin = data.get("gtin")
    if _empty(gtin):
        raise LabelError("the label has GS1 barcodes but the data has no GTIN")
    expiry, production = data.get("expiry"), data.get("production_date")
    for name, value in (("expiry", expiry), ("production_date", production)):
        if value is not None and not isinstance(value, date):
            raise LabelError(f"the {name.replace('_', ' ')} must be a date, not '{value}'")
    try:
        return udi_elements(
            str(gtin),
            lot=_text_or_none(data.get("lot_number")),
            expiry=expiry if isinstance(expiry, date) else None,
            expiry_day_unspecified=bool(data.get("expiry_day_unspecified", False)),
            production_date=production if isinstance(production, date) else None,
            serial=_text_or_none(data.get("serial")),
        )
    except ValidationError as error:
        raise LabelError(str(error)) from None


def _gs1_part(element: Gs1Element) -> str:
    return element.ai + element.value


def _with_separators(elements: tuple[Gs1Element, ...], parts: list[str | None]) -> list[str | None]:
    result: list[str | None] = []
    for index, (element, part) in enumerate(zip(elements, parts, strict=True)):
        result.append(part)
        if element.variable_length and index < len(elements) - 1:
            result.append(None)
    return result


def _module(template: LabelTemplate, module_mm: float) -> int:
    return max(1, template.dots(module_mm))


def _fits(template: LabelTemplate, x: int, module: int, modules: int, what: str) -> None:
    width = template.dots(template.width_mm)
    needed = x + module * (modules + QUIET_ZONE_MODULES)  # the right quiet zone must stay on the label
    if needed > width:
        mm = needed * 25.4 / template.dpi
        raise LabelError(
            f"the {what} barcode would end {mm:.0f} mm from the left edge of the {template.width_mm:g} mm "
            f"label {template.template_id}: use a shorter value or a wider label"
        )


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text_or_none(value: object) -> str | None:
    return None if _empty(value) else str(value)


class _TextFields(string.Formatter):
    """str.format over the label data, with the UDI lines as extra fields and clear errors."""

    def __init__(self, data: Mapping[str, object], elements: tuple[Gs1Element, ...]) -> None:
        self._data = dict(data)
        if elements:
            self._data["udi_hri"] = human_readable(elements)
            self._data["udi_di_hri"] = human_readable(elements[:1])
            self._data["udi_pi_hri"] = human_readable(elements[1:])

    def format(self, text: str, /, *args: object, **kwargs: object) -> str:
        try:
            return self.vformat(text, (), self._data)
        except KeyError as error:
            raise LabelError(f"the label needs the field {error.args[0]!r}, which the data lacks") from None
        except (ValueError, TypeError) as error:
            raise LabelError(f"the label text '{text}' cannot be filled in: {error}") from None

    def format_field(self, value: object, format_spec: str) -> str:
        if value is None:
            return "-"
        if isinstance(value, date) and not format_spec:
            return value.isoformat()
        return str(super().format_field(value, format_spec))

    def value(self, name: str) -> str:
        return self.format_field(self._data.get(name), "")


# --- built-in templates -----------------------------------------------------------------------------------
# Positions leave at least ten modules of quiet zone left of each linear symbol (GS1 General
# Specifications 5.4.4) and keep text clear of the symbols.

MATERIAL_LOT_LABEL = LabelTemplate(
    name="material-lot",
    version=1,
    width_mm=100,
    height_mm=50,
    dpi=203,
    description="Incoming material lot: material, lot, expiry, quantity, and the lot number as Code 128.",
    elements=(
        TextElement(5, 3, "{material_name}", 4.5),
        TextElement(5, 9.5, "Material {material_code}", 3.5),
        TextElement(5, 15, "Lot {lot_number}", 4.5),
        TextElement(5, 21.5, "Expiry {expiry}", 3.5),
        TextElement(55, 21.5, "Qty {quantity} {unit}", 3.5),
        TextElement(5, 26.5, "Supplier lot {supplier_lot}", 3.0, requires=("supplier_lot",)),
        Code128Element(5, 32, "lot_number", height_mm=12, module_mm=0.375),
    ),
)

# Version 2: the material name fitted to the label (long names ran off its right edge) and the lot's status
# when the label was printed, so that a quarantined lot's label says so.
MATERIAL_LOT_LABEL_V2 = LabelTemplate(
    name="material-lot",
    version=2,
    width_mm=100,
    height_mm=50,
    dpi=203,
    description="Incoming material lot: material, lot, status, expiry, quantity, and the lot number as Code 128.",
    elements=(
        TextElement(5, 2.5, "{material_name}", 4.5, fit_width_mm=90),
        TextElement(5, 9.5, "Material {material_code}", 3.5),
        TextElement(5, 15, "Lot {lot_number}", 4.5),
        TextElement(62, 15, "{status}", 4.5, requires=("status",), fit_width_mm=33),
        TextElement(5, 21.5, "Expiry {expiry}", 3.5),
        TextElement(55, 21.5, "Qty {quantity} {unit}", 3.5, fit_width_mm=40),
        TextElement(5, 26.5, "Supplier lot {supplier_lot}", 3.0, requires=("supplier_lot",), fit_width_mm=90),
        Code128Element(5, 32, "lot_number", height_mm=12, module_mm=0.375),
    ),
)

UDI_LABEL = LabelTemplate(
    name="udi-device",
    version=1,
    width_mm=100,
    height_mm=60,
    dpi=203,
    description="Finished device: GS1 DataMatrix and GS1-128 of (01)(11)(17)(10)(21) with the human-readable line.",
    elements=(
        TextElement(5, 3, "{product_name}", 4.5),
        TextElement(5, 9.5, "REF {catalog_number}", 3.5),
        Gs1DataMatrixElement(5, 15, module_mm=0.5, box_mm=16),
        TextElement(28, 15, "LOT {lot_number}", 3.5),
        TextElement(28, 20, "EXP {expiry}", 3.5),
        TextElement(28, 25, "MFG {production_date}", 3.5, requires=("production_date",)),
        TextElement(28, 30, "SN {serial}", 3.5, requires=("serial",)),
        Gs1128Element(5, 35, height_mm=11, module_mm=0.25),
        TextElement(5, 47.5, "{udi_di_hri}", 2.8),
        TextElement(5, 51.5, "{udi_pi_hri}", 2.8),
    ),
)

# Version 2: the GS1-128 split in two symbols (device identifier, then production identifiers), so that (01),
# (11), (17) and a lot of up to about 16 characters fit a 100 mm label at a 0.25 mm module; version 1's single
# symbol only fits short lots (our default finished lot numbers, 13 characters, with (11) and (17) need 104 mm).
UDI_LABEL_V2 = LabelTemplate(
    name="udi-device",
    version=2,
    width_mm=100,
    height_mm=70,
    dpi=203,
    description="Finished device: GS1 DataMatrix of the UDI, GS1-128 of (01) and of (11)(17)(10)(21), "
    "each with its human-readable line.",
    elements=(
        TextElement(5, 3, "{product_name}", 4.5),
        TextElement(5, 9.5, "REF {catalog_number}", 3.5),
        Gs1DataMatrixElement(5, 15, module_mm=0.5, box_mm=16),
        TextElement(28, 15, "LOT {lot_number}", 3.5),
        TextElement(28, 20, "EXP {expiry}", 3.5),
        TextElement(28, 25, "MFG {production_date}", 3.5, requires=("production_date",)),
        TextElement(28, 30, "SN {serial}", 3.5, requires=("serial",)),
        Gs1128Element(5, 35, height_mm=9, module_mm=0.25, ais=("01",)),
        TextElement(5, 44.5, "{udi_di_hri}", 2.8),
        Gs1128Element(5, 50, height_mm=9, module_mm=0.25, ais=("11", "17", "10", "21")),
        TextElement(5, 59.5, "{udi_pi_hri}", 2.8),
    ),
)

# Chinese captions (GEN-6, docs/i18n/glossary.md): the same layouts as material-lot@v2 and udi-device@v2 with the
# words in Simplified Chinese; a station chooses them per printer (lot_label_template, udi_label_template). Their
# Chinese text is printed in the printer's CJK font: ZPL ^A@ with zpl.CJK_FONT (SimSun, loaded on the printer),
# TSPL's TSS24.BF2 (tspl.CJK_FONT), chosen per text by needs_unicode_font. The status is `status_zh`, the lot's
# status in Chinese (app/labels.lot_label_data); codes, numbers and the UDI stay as they are.
MATERIAL_LOT_LABEL_ZH = LabelTemplate(
    name="material-lot-zh",
    version=1,
    width_mm=100,
    height_mm=50,
    dpi=203,
    description="来料物料批（中文）：物料、物料批号、状态、有效期、数量，物料批号的 Code 128。",
    elements=(
        TextElement(5, 2.5, "{material_name}", 4.5, fit_width_mm=90),
        TextElement(5, 9.5, "物料 {material_code}", 3.5),
        TextElement(5, 15, "物料批号 {lot_number}", 4.5, fit_width_mm=56),
        TextElement(62, 15, "{status_zh}", 4.5, requires=("status_zh",), fit_width_mm=33),
        TextElement(5, 21.5, "有效期至 {expiry}", 3.5),
        TextElement(55, 21.5, "数量 {quantity} {unit}", 3.5, fit_width_mm=40),
        TextElement(5, 26.5, "供应商批号 {supplier_lot}", 3.0, requires=("supplier_lot",), fit_width_mm=90),
        Code128Element(5, 32, "lot_number", height_mm=12, module_mm=0.375),
    ),
)

UDI_LABEL_ZH = LabelTemplate(
    name="udi-device-zh",
    version=1,
    width_mm=100,
    height_mm=70,
    dpi=203,
    description="成品器械（中文）：UDI 的 GS1 DataMatrix，(01) 及 (11)(17)(10)(21) 的 GS1-128，各附人可识读行。",
    elements=(
        TextElement(5, 3, "{product_name}", 4.5, fit_width_mm=90),
        TextElement(5, 9.5, "产品编号 {catalog_number}", 3.5),
        Gs1DataMatrixElement(5, 15, module_mm=0.5, box_mm=16),
        TextElement(28, 15, "批号 {lot_number}", 3.5),
        TextElement(28, 20, "有效期至 {expiry}", 3.5),
        TextElement(28, 25, "生产日期 {production_date}", 3.5, requires=("production_date",)),
        TextElement(28, 30, "序列号 {serial}", 3.5, requires=("serial",)),
        Gs1128Element(5, 35, height_mm=9, module_mm=0.25, ais=("01",)),
        TextElement(5, 44.5, "{udi_di_hri}", 2.8),
        Gs1128Element(5, 50, height_mm=9, module_mm=0.25, ais=("11", "17", "10", "21")),
        TextElement(5, 59.5, "{udi_pi_hri}", 2.8),
    ),
)

BUILTIN_TEMPLATES: Mapping[str, LabelTemplate] = MappingProxyType(
    {template.template_id: template for template in (MATERIAL_LOT_LABEL, MATERIAL_LOT_LABEL_V2, UDI_LABEL,
                                                     UDI_LABEL_V2, MATERIAL_LOT_LABEL_ZH, UDI_LABEL_ZH)}
)

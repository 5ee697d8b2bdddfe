"""The project's own requirements list (docs/validation/requirements.md), read as data.

The list is a Markdown table per requirement group, one row `| ID | requirement | verified by |` per requirement.
The test session checks `@pytest.mark.req` IDs against it (VAL-1), and the OQ report lists every row of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from domain.errors import ValidationError
from domain.i18n import _

REQUIREMENTS_FILE = Path("docs") / "validation" / "requirements.md"
_ID = re.compile(r"[A-Z]+-[0-9]+")
_ROW = re.compile(r"^\|\s*([A-Z]+-[0-9]+)\s*\|(.*)\|(.*)\|\s*$")
_GROUP = re.compile(r"^##\s+([A-Z]+):\s*(.*)$")


@dataclass(frozen=True)
class Requirement:
    id: str
    group: str
    text: str
    verified_by: str


def is_requirement_id(text: str) -> bool:
    return _ID.fullmatch(text) is not None


def parse_requirements(text: str, *, source: str = "the requirements list") -> dict[str, Requirement]:
    """All requirements in the order of the list. A malformed or repeated ID is an error, never skipped."""
    found: dict[str, Requirement] = {}
    group = ""
    for number, line in enumerate(text.splitlines(), start=1):
        heading = _GROUP.match(line)
        if heading:
            group = heading.group(1)
            continue
        row = _ROW.match(line)
        if row is None:
            continue
        rid, requirement, verified_by = (part.strip() for part in row.groups())
        if rid in found:
            raise ValidationError(_("{value}, line {number}: {rid} is listed twice",
                                    value=source, number=number, rid=rid))
        if not requirement:
            raise ValidationError(_("{value}, line {number}: {rid} has no requirement text",
                                    value=source, number=number, rid=rid))
        found[rid] = Requirement(rid, group or rid.split("-")[0], requirement, verified_by)
    if not found:
        raise ValidationError(_("{value} lists no requirement (rows '| ID | requirement | verified by |')",
                                value=source))
    return found


def load_requirements(path: Path) -> dict[str, Requirement]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValidationError(_("the requirements list {path} does not exist", path=path)) from None
    return parse_requirements(text, source=str(path))


def unknown_ids(ids: list[str] | tuple[str, ...], known: dict[str, Requirement]) -> list[str]:
    """The IDs that are not requirements of the list (misspelt, invented or not an ID at all), in order."""
    return [rid for rid in ids if rid not in known]

"""CSV exports that appear whole or not at all: written beside the target, then moved into place in one step."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from domain.errors import ValidationError
from domain.i18n import _


@contextmanager
def csv_written_atomically(out: Path) -> Iterator[Any]:
    """Yield a csv writer on a temporary file next to `out`. When the block ends normally the file replaces
    `out` at once; on any error it is removed and `out` is left as it was. File errors become one clear
    ValidationError. UTF-8 with a byte-order mark, so spreadsheet programs read accents and Chinese right."""
    out = Path(out)
    if out.is_dir():
        raise ValidationError(_("{out} is a folder: give a file name such as export.csv", out=out))
    if not out.parent.exists():
        raise ValidationError(_("folder {parent} does not exist", parent=out.parent))
    tmp = out.with_name(f".{out.name}.partial")
    try:
        with tmp.open("w", newline="", encoding="utf-8") as handle:
            handle.write("\ufeff")  # the byte-order mark once ("utf-8-sig" encodes every write in Python)
            yield csv.writer(handle)
        os.replace(tmp, out)
    except OSError as error:
        raise ValidationError(_("cannot write {out}: {value}", out=out, value=error.strerror or error)) from None
    finally:
        tmp.unlink(missing_ok=True)

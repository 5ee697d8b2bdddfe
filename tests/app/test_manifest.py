"""The bundle manifest (VAL-2): written at build time, it names an altered, a missing and an added file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.validation.manifest import MANIFEST_NAME, check_manifest, sha256_of, write_manifest
from domain.errors import ValidationError


@pytest.mark.req("VAL-2")
def test_the_manifest_names_each_file_changed_after_the_build(tmp_path: Path) -> None:
    (tmp_path / "_internal" / "persistence").mkdir(parents=True)
    (tmp_path / "batchtrace").write_bytes(b"\x7fELF program")
    (tmp_path / "_internal" / "persistence" / "0001.py").write_text("revision = '0001'\n", encoding="utf-8")
    (tmp_path / "_internal" / "base_library.zip").write_bytes(b"PK")
    write_manifest(tmp_path, "1.2.3")
    document = json.loads((tmp_path / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert document["version"] == "1.2.3"
    assert document["files"]["batchtrace"] == sha256_of(tmp_path / "batchtrace")
    fresh = check_manifest(tmp_path)
    assert (fresh.intact, fresh.files, fresh.version) == (True, 3, "1.2.3")

    (tmp_path / "_internal" / "persistence" / "0001.py").write_text("revision = '0001'  # x\n", encoding="utf-8")
    (tmp_path / "_internal" / "base_library.zip").unlink()
    (tmp_path / "_internal" / "extra.so").write_bytes(b"")
    report = check_manifest(tmp_path)
    assert not report.intact
    assert report.problems() == ["altered: _internal/persistence/0001.py", "missing: _internal/base_library.zip",
                                 "not in the manifest: _internal/extra.so"]


def test_without_a_manifest_the_folder_is_not_an_installation(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="not an installed BatchTrace bundle"):
        check_manifest(tmp_path)
    (tmp_path / MANIFEST_NAME).write_text("{", encoding="utf-8")
    with pytest.raises(ValidationError, match="not a readable manifest"):
        check_manifest(tmp_path)

"""`batchtrace import readings|values` and `batchtrace excursion list` (INT-1, INT-2, PRC-3, PRC-4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import bootstrap, facilities, users
from app.settings import Settings
from domain.users import Role
from tests.cli.support import Cli, sql
from tests.conftest import ADMIN_PASSWORD, FAST_HASHER

PROD_PASSWORD = "Prod-pass-2026"
GOOD = ["timestamp,sensor,value,unit",
        *(f"2026-03-29T{h:02}:{m:02}:00+02:00,T1,{26.4 if (h, m) == (3, 10) else 21.0},°C"
          for h in (3, 4) for m in range(0, 60, 5))]


@pytest.fixture
def plant(db_url: str) -> str:
    """The administrator, a production operator `prod`, room CR-1 with temperature sensor T1 (18-25 °C)."""
    ctx = bootstrap.open_context(db_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        users.create_first_administrator(ctx.uow(), ctx.auth, "admin", "Ada Admin", ADMIN_PASSWORD)
        admin = users.log_in(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD)
        users.add_user(ctx.uow(), admin, ctx.auth, "prod", "Pat Prod", [Role.PRODUCTION], "Temp-pass-2026")
        users.change_own_password(ctx.uow(), ctx.auth, "prod", "Temp-pass-2026", PROD_PASSWORD)
        facilities.add_room(ctx.uow(), admin, "CR-1", "Clean room 1")
        facilities.add_sensor(ctx.uow(), admin, "T1", "CR-1", "Temperature", "18", "25", max_gap_minutes=15)
    finally:
        ctx.dispose()
    return db_url


def write(tmp_path: Path, lines: list[str]) -> str:
    path = tmp_path / "logger.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.req("INT-1", "INT-2", "PRC-4", "GEN-6")
def test_import_readings_dry_run_then_for_real_then_again(cli: Cli, plant: str, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    file = write(tmp_path, GOOD)
    dry = cli("--db", plant, "import", "readings", file, "--dry-run", "--user", "prod", stdin=[PROD_PASSWORD])
    assert dry.code == 0, dry
    assert dry.out.splitlines()[0] == "logger.csv: would store 24 readings (0 already stored), 1 new excursion(s)"
    assert sql(plant, "SELECT count(*) FROM readings")[0][0] == 0
    done = cli("--db", plant, "import", "readings", file, "--user", "prod", stdin=[PROD_PASSWORD])
    assert done.code == 0 and "stored 24 readings" in done.out and "T1 (CR-1) out of limits" in done.out
    again = cli("--db", plant, "import", "readings", file, "--user", "prod", stdin=[PROD_PASSWORD])
    assert again.out.splitlines() == ["logger.csv: stored 0 readings (24 already stored), 0 new excursion(s)"]
    listed = cli("--db", plant, "excursion", "list")
    assert listed.code == 0 and len([ln for ln in listed.out.splitlines() if ln.startswith("T1")]) == 1
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")  # GEN-6: the kind as the screens name it
    assert [ln.split()[2] for ln in cli("--db", plant, "excursion", "list").out.splitlines()[1:]] == ["超出限度"]
    assert sql(plant, "SELECT count(*) FROM excursions")[0][0] == 1


@pytest.mark.req("INT-1", "PRC-4", "GEN-6")
def test_the_excursions_an_import_finds_read_in_chinese(cli: Cli, plant: str, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    dry = cli("--db", plant, "import", "readings", write(tmp_path, GOOD), "--dry-run", "--user", "prod",
              stdin=[PROD_PASSWORD])
    assert dry.code == 0, dry
    (line,) = [ln for ln in dry.out.splitlines() if "T1" in ln]
    assert "T1（CR-1）超出限度" in line and "最差值" in line, line
    assert "out of limits" not in dry.out and "worst" not in dry.out


@pytest.mark.req("INT-1", "INT-2")
def test_import_readings_names_every_bad_line_and_stores_nothing(cli: Cli, plant: str, tmp_path: Path) -> None:
    file = write(tmp_path, [*GOOD[:3], "2026-03-29T05:00:00,T1,21,°C", "2026-03-29T05:05:00Z,T7,21,°C", GOOD[3]])
    result = cli("--db", plant, "import", "readings", file, "--user", "prod", stdin=[PROD_PASSWORD])
    assert result.code == 1
    assert result.err.splitlines() == [
        "logger.csv: line 4: timestamp '2026-03-29T05:00:00' has no zone: add its UTC offset (e.g. +01:00 or Z)",
        "logger.csv: line 5: unknown sensor 'T7'",
    ]
    assert result.out.strip() == "logger.csv: 2 of 5 lines rejected; nothing was stored"
    assert sql(plant, "SELECT count(*) FROM readings")[0][0] == 0
    missing = cli("--db", plant, "import", "readings", str(tmp_path / "none.csv"), "--user", "prod",
                  stdin=[PROD_PASSWORD])
    assert missing.code == 1 and "none.csv" in missing.err

"""Station settings: a small, typed, versioned JSON file in the user's config folder. Never a password."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import platformdirs

from domain.errors import ValidationError
from domain.i18n import _

SETTINGS_VERSION = 1
APP_NAME = "BatchTrace"


def config_dir() -> Path:
    override = os.environ.get("BATCHTRACE_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    override = os.environ.get("BATCHTRACE_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_url() -> str:
    return f"sqlite:///{(data_dir() / 'batchtrace.sqlite3').as_posix()}"


@dataclass(frozen=True)
class Settings:
    version: int = SETTINGS_VERSION
    database_url: str | None = None

    def validated(self) -> Settings:
        if self.version != SETTINGS_VERSION:
            raise ValidationError(_("settings version {version} is not supported (expected {settings_version})",
                                    version=self.version, settings_version=SETTINGS_VERSION))
        if self.database_url and _has_password(self.database_url):
            raise ValidationError(_("settings must not hold a database password: use 'batchtrace db connect'"))
        return self

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes).validated()


def _has_password(url: str) -> bool:
    # scheme://user:password@host...: a colon in the user-info part means a password is present
    rest = url.split("://", 1)[-1]
    userinfo = rest.split("@", 1)[0] if "@" in rest else ""
    return ":" in userinfo


SECURITY_KEYS_NOW_IN_DATABASE = frozenset(
    {"idle_lock_minutes", "password_min_length", "password_expiry_days", "password_history", "max_failed_logins"}
)


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> Settings:
    path = settings_path()
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValidationError(_("cannot read settings {path}: {error}", path=path, error=error)) from None
    if not isinstance(raw, dict):
        raise ValidationError(_("settings {path} must hold a JSON object", path=path))
    # The security policy moved into the database (ACC-7): a station's file no longer decides it, so its old
    # keys are ignored (not refused: the station still starts) and disappear at the next save.
    raw = {key: value for key, value in raw.items() if key not in SECURITY_KEYS_NOW_IN_DATABASE}
    known = set(Settings.__dataclass_fields__)
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ValidationError(_("settings {path}: unknown key(s) {choices}", path=path, choices=', '.join(unknown)))
    try:
        return Settings(**raw).validated()
    except TypeError as error:
        raise ValidationError(_("settings {path}: {error}", path=path, error=error)) from None


def save_settings(settings: Settings) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings.validated()), indent=2), encoding="utf-8")
    tmp.replace(path)  # atomic: a crash never leaves half a settings file
    return path


def resolve_database_url(cli_url: str | None, settings: Settings) -> str:
    """--db, else BATCHTRACE_DB, else settings, else the SQLite default (GEN-1)."""
    return cli_url or os.environ.get("BATCHTRACE_DB") or settings.database_url or default_database_url()

"""Database passwords in the OS keyring (GEN-5): never in a settings file."""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError, NoKeyringError

from domain.errors import DomainError
from domain.i18n import _

SERVICE = "BatchTrace database"


class KeyringUnavailable(DomainError):
    code = "keyring_unavailable"


def key_for(username: str | None, host: str | None, port: int | None, database: str | None) -> str:
    return f"{username or ''}@{host or 'localhost'}:{port or 5432}/{database or ''}"


def store_password(key: str, password: str) -> None:
    try:
        keyring.set_password(SERVICE, key, password)
    except NoKeyringError:
        raise KeyringUnavailable(
            _("no OS keyring is available on this station (Windows Credential Manager, macOS Keychain or a Secret "
              "Service such as GNOME Keyring): BatchTrace will not store the password in a file")
        ) from None
    except KeyringError as error:
        raise KeyringUnavailable(_("the OS keyring refused to store the password: {error}", error=error)) from None


def load_password(key: str) -> str | None:
    try:
        value = keyring.get_password(SERVICE, key)
    except (NoKeyringError, KeyringError):
        return None
    return value if isinstance(value, str) else None

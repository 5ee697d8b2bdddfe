"""The site's security policy (ACC-2, ACC-3, ACC-5, ACC-7): lock-out threshold, password rules and idle time.

It lives in the database, one policy for every station of the site: a station's own settings file cannot
loosen it. Each change is a new version (the old ones stay, append-only), made by an administrator with a
reason. Before the first change the site runs on BatchTrace's defaults, the values stations used until now.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime

from domain.errors import ValidationError
from domain.i18n import N_, _
from domain.users import PasswordPolicy


@dataclass(frozen=True)
class Bound:
    label: str
    low: int
    high: int
    unit: str


# The same bounds are CHECK constraints in the database (persistence/tables.py), so raw SQL cannot loosen them.
BOUNDS: dict[str, Bound] = {
    "max_failed_logins": Bound(N_("Failed log-ins before the account locks"), 3, 10, N_("tries")),
    "password_min_length": Bound(N_("Minimum password length"), 8, 64, N_("characters")),
    "password_expiry_days": Bound(N_("Password expires after"), 1, 365, N_("days")),
    "password_history": Bound(N_("Passwords remembered (not reused)"), 1, 24, N_("passwords")),
    "idle_lock_minutes": Bound(N_("Idle time before the session locks"), 1, 240, N_("minutes")),
}


@dataclass(frozen=True)
class SecurityValues:
    """The values of one version of the policy, in the order the settings are shown."""

    max_failed_logins: int = 5
    password_min_length: int = 10
    password_expiry_days: int = 90
    password_history: int = 5
    idle_lock_minutes: int = 10

    def validated(self) -> SecurityValues:
        for name, bound in BOUNDS.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not bound.low <= value <= bound.high:
                raise ValidationError(_("{setting} must be a whole number from {low} to {high}",
                                        setting=name, low=bound.low, high=bound.high))
        return self

    def items(self) -> list[tuple[str, int]]:
        return [(f.name, getattr(self, f.name)) for f in fields(self)]

    @property
    def password_policy(self) -> PasswordPolicy:
        return PasswordPolicy(min_length=self.password_min_length, expiry_days=self.password_expiry_days,
                              history=self.password_history, max_failed_logins=self.max_failed_logins)


DEFAULTS = SecurityValues()


def parse_setting(name: str, text: str) -> tuple[str, int]:
    """`name=value` from the command line or a form: a known setting and a whole number within its bounds."""
    key = name.strip().replace("-", "_")
    if key not in BOUNDS:
        raise ValidationError(_("unknown security setting '{name}': choose from {choices}",
                                name=name, choices=", ".join(BOUNDS)))
    raw = text.strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 6:
        bound = BOUNDS[key]
        raise ValidationError(_("{setting} must be a whole number from {low} to {high}",
                                setting=key, low=bound.low, high=bound.high))
    value = int(raw)
    replace(DEFAULTS, **{key: value}).validated()
    return key, value


class SiteSecurity:
    """One version of the site's policy: who set it, when, and the values (the reason is in its audit entry)."""

    version: int
    max_failed_logins: int
    password_min_length: int
    password_expiry_days: int
    password_history: int
    idle_lock_minutes: int
    changed_by: str | None
    changed_at: datetime | None

    def __init__(self, version: int, values: SecurityValues, changed_by: str | None,
                 changed_at: datetime | None) -> None:
        values.validated()
        self.version = version
        for name, value in values.items():
            setattr(self, name, value)
        self.changed_by = changed_by
        self.changed_at = changed_at

    @classmethod
    def defaults(cls) -> SiteSecurity:
        """Version 0: BatchTrace's defaults, in force until an administrator first changes the policy."""
        return cls(0, DEFAULTS, None, None)

    @property
    def values(self) -> SecurityValues:
        return SecurityValues(**{f.name: getattr(self, f.name) for f in fields(SecurityValues)})

    def changed(self, changes: dict[str, int], changed_by: str, now: datetime) -> SiteSecurity:
        """The next version with `changes` applied; refused when nothing changes."""
        unknown = sorted(set(changes) - set(BOUNDS))
        if unknown:
            raise ValidationError(_("unknown security setting '{name}': choose from {choices}",
                                    name=", ".join(unknown), choices=", ".join(BOUNDS)))
        values = replace(self.values, **changes).validated()
        if values == self.values:
            raise ValidationError(_("the security settings are unchanged"))
        return SiteSecurity(self.version + 1, values, changed_by, now)

"""Demo data for trying BatchTrace out or training (`batchtrace demo`): idempotent, audited, never on top of
someone's work without an administrator's say-so.

Demo users, one per role; all have the password ``Demo-pass-2026`` and need not change it:

    admin  Demo Administrator   Administrator
    ward   Demo Warehouse       Warehouse
    prod   Demo Production      Production
    qc     Demo QC Analyst      QC Analyst
    qa     Demo QA Reviewer     QA Reviewer
    rel    Demo QA Release      QA Release

The data comes in steps (`DEMO_STEPS`), run in order; each step creates only what it does not find, so loading
twice creates nothing new. Later steps (items, lots, batches) are added to `DEMO_STEPS` after the users.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from app.ports import UnitOfWork
from app.users import AuthConfig
from domain.errors import AccessDenied
from domain.users import SYSTEM_USER_ID, Actor, Permission, Role, User, UserId

DEMO_PASSWORD = "Demo-pass-2026"
# On a database without users nobody can log in yet: the loader itself is the audited actor.
DEMO_ACTOR = Actor(SYSTEM_USER_ID, "BatchTrace demo data")
DEMO_REASON = "demo data"


class DemoStep(Protocol):
    """One kind of demo data. `missing` only reads; `create` adds what `missing` reports, in the caller's
    transaction (the caller commits, so every record is audited)."""

    name: str

    def missing(self, tx: UnitOfWork) -> list[str]: ...
    def create(self, tx: UnitOfWork, auth: AuthConfig) -> list[str]: ...


@dataclass(frozen=True)
class DemoUser:
    user_id: str
    printed_name: str
    role: Role


DEMO_USERS = (
    DemoUser("admin", "Demo Administrator", Role.ADMINISTRATOR),
    DemoUser("ward", "Demo Warehouse", Role.WAREHOUSE),
    DemoUser("prod", "Demo Production", Role.PRODUCTION),
    DemoUser("qc", "Demo QC Analyst", Role.QC_ANALYST),
    DemoUser("qa", "Demo QA Reviewer", Role.QA_REVIEWER),
    DemoUser("rel", "Demo QA Release", Role.QA_RELEASE),
)


class DemoUsers:
    name = "users"

    def missing(self, tx: UnitOfWork) -> list[str]:
        return [f"user {u.user_id} ({u.role.value})" for u in DEMO_USERS if tx.users.get(u.user_id) is None]

    def create(self, tx: UnitOfWork, auth: AuthConfig) -> list[str]:
        created = []
        for demo in DEMO_USERS:
            if tx.users.get(demo.user_id) is not None:
                continue  # an ID is never reused (ACC-1), even when it belongs to a real person
            user = User(UserId(demo.user_id), demo.printed_name, frozenset({demo.role}),
                        auth.hasher.hash(DEMO_PASSWORD), tx.now(), must_change_password=False)
            tx.users.add(user)
            created.append(f"user {demo.user_id} ({demo.role.value})")
        return created


DEMO_STEPS: tuple[DemoStep, ...] = (DemoUsers(),)


@dataclass(frozen=True)
class DemoPlan:
    has_users: bool
    missing: tuple[str, ...]


@dataclass(frozen=True)
class DemoResult:
    created: tuple[str, ...]


def demo_plan(uow: UnitOfWork, steps: Sequence[DemoStep] = DEMO_STEPS) -> DemoPlan:
    """What loading the demo would add; reads only, so anyone may ask."""
    with uow.acting_as(DEMO_ACTOR) as tx:
        return DemoPlan(tx.users.any_exist(), tuple(item for step in steps for item in step.missing(tx)))


def load_demo_data(
    uow: UnitOfWork, auth: AuthConfig, actor: Actor | None = None, steps: Sequence[DemoStep] = DEMO_STEPS
) -> DemoResult:
    """Add the demo data that is missing. Without an actor only on a database with no users (a fresh
    station); with one, the actor needs LOAD_DEMO_DATA (ACC-4)."""
    with uow.acting_as(actor or DEMO_ACTOR) as tx:
        if actor is None:
            if tx.users.any_exist():
                raise AccessDenied(
                    "the database already has users: an administrator must log in to load demo data",
                    permission=Permission.LOAD_DEMO_DATA.name, user_id=DEMO_ACTOR.user_id,
                )
        else:
            actor.require(Permission.LOAD_DEMO_DATA)
        created = tuple(item for step in steps for item in step.create(tx, auth))
        if created:
            tx.commit(reason=DEMO_REASON)
        return DemoResult(created)

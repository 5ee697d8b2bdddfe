"""No unsigned path to a signed act (SIG-1, QC-2, DEV-1, DEV-2, QC-4): in app/, every public function that marks
QC results Reviewed, closes a deviation or a CAPA, or completes a signed release/rejection does so only through a
function that re-authenticates the signer (`app.signatures._reauthenticate`); the desktop imports no private name
of app/. Read from the source (the call graph of app/, resolved by module), so a new unsigned shortcut fails here
before anyone calls it."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SINK_METHODS = {"review", "complete_signed"}  # QcResult.review -> Reviewed; Lot/Batch.complete_signed -> Released
SINK_STATES = {("DeviationStatus", "CLOSED"), ("CapaStatus", "CLOSED")}
SIGNING = "_reauthenticate"


@dataclass
class Function:
    calls: set[tuple[str, str]] = field(default_factory=set)
    sink: bool = False
    signed: bool = False


def _module(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")


def _imports(tree: ast.Module, root: Path) -> dict[str, tuple[str, str | None]]:
    """Local name -> (module, function) for `from app.x import f`, (module, None) for an imported app module."""
    found: dict[str, tuple[str, str | None]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "app":
            for alias in node.names:
                dotted = f"{node.module}.{alias.name}".split(".")
                is_module = (root.joinpath(*dotted).with_suffix(".py").exists()
                             or root.joinpath(*dotted, "__init__.py").exists())
                found[alias.asname or alias.name] = ((".".join(dotted), None) if is_module
                                                     else (node.module, alias.name))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("app."):
                    found[alias.asname or alias.name] = (alias.name, None)
    return found


def _function(node: ast.FunctionDef | ast.AsyncFunctionDef, module: str,
              imported: dict[str, tuple[str, str | None]]) -> Function:
    fn = Function()
    for n in ast.walk(node):
        if isinstance(n, ast.Call):
            f = n.func
            if isinstance(f, ast.Name):
                target = imported.get(f.id)
                fn.calls.add((target[0], target[1]) if target and target[1] else (module, f.id))
                fn.signed |= f.id == SIGNING
            elif isinstance(f, ast.Attribute):
                fn.sink |= f.attr in SINK_METHODS
                fn.signed |= f.attr == SIGNING
                if isinstance(f.value, ast.Name):
                    target = imported.get(f.value.id)
                    if target and target[1] is None:
                        fn.calls.add((target[0], f.attr))
                    elif f.value.id in ("self", "cls"):
                        fn.calls.add((module, f.attr))
        elif isinstance(n, ast.Assign | ast.AnnAssign) and n.value is not None:
            fn.sink |= any(isinstance(a, ast.Attribute) and isinstance(a.value, ast.Name)
                           and (a.value.id, a.attr) in SINK_STATES for a in ast.walk(n.value))
    return fn


def call_graph(root: Path, package: str = "app") -> dict[tuple[str, str], Function]:
    graph: dict[tuple[str, str], Function] = {}
    for path in sorted((root / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module, imported = _module(path, root), _imports(tree, root)
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                fn = _function(node, module, imported)
                same = graph.setdefault((module, node.name), Function(signed=True))  # methods of one name: merged
                same.calls |= fn.calls
                same.sink |= fn.sink
                same.signed &= fn.signed
    return graph


def acts(graph: dict[tuple[str, str], Function]) -> dict[tuple[str, str], bool]:
    """Every function that reaches a signed act, and whether it re-authenticates (a signed function is a barrier:
    what it calls is reached through the signature)."""

    def unsigned_reach(key: tuple[str, str], seen: frozenset[tuple[str, str]]) -> bool:
        fn = graph.get(key)
        if fn is None or key in seen or fn.signed:
            return False
        return fn.sink or any(unsigned_reach(c, seen | {key}) for c in fn.calls)

    return {key: fn.signed for key, fn in graph.items()
            if fn.sink or any(unsigned_reach(c, frozenset({key})) for c in fn.calls)}


@pytest.mark.req("SIG-1", "QC-2", "DEV-1", "DEV-2", "QC-4")
def test_every_public_path_to_a_signed_act_re_authenticates() -> None:
    found = acts(call_graph(ROOT))
    unsigned = sorted(f"{m}.{name}" for (m, name), signed in found.items() if not signed and not name.startswith("_"))
    assert unsigned == [], f"public functions that reach a signed act without a signature: {unsigned}"
    # The guard sees the signed use cases (it is not vacuous): the review, the two closures and the release.
    assert {key for key, signed in found.items() if signed} >= {
        ("app.result_review", "sign_review"), ("app.deviation_review", "sign_closure"), ("app.capa", "close_capa"),
        ("app.signatures", "sign")}


@pytest.mark.req("SIG-1")
def test_the_guard_finds_an_unsigned_shortcut(tmp_path: Path) -> None:
    """The same analysis on a small package with the shortcuts this issue removed: each is reported."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "quality.py").write_text(
        "def _review_in(tx, actor):\n    for r in tx.results():\n        r.review(actor)\n\n"
        "def review_results(uow, actor):\n    _review_in(uow, actor)\n")
    (tmp_path / "app" / "deviations.py").write_text(
        "from domain.deviations import DeviationStatus\n\n"
        "def close_deviation(uow, actor, d):\n    d.status = DeviationStatus.CLOSED\n")
    (tmp_path / "app" / "result_review.py").write_text(
        "from app.quality import _review_in\nfrom app import signatures\n\n"
        "def sign_review(uow, session, password):\n    signatures._reauthenticate(uow, session, password)\n"
        "    _review_in(uow, session.actor)\n")
    (tmp_path / "app" / "cli.py").write_text(
        "from app import quality\n\ndef _review(ctx):\n    quality.review_results(ctx.uow(), None)\n")
    found = acts(call_graph(tmp_path))
    assert {f"{m}.{n}" for (m, n), signed in found.items() if not signed} == {
        "app.quality._review_in", "app.quality.review_results", "app.deviations.close_deviation", "app.cli._review"}
    assert found[("app.result_review", "sign_review")]


@pytest.mark.req("SIG-1")
def test_the_desktop_calls_no_private_use_case() -> None:
    """The private building blocks of the signed acts are reached from the screens only through the signing."""
    offending = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                   and node.module == "app" for alias in node.names}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("app"):
                offending += [f"{path.name}: {a.name}" for a in node.names if a.name.startswith("_")]
            elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                  and node.value.id in modules and node.attr.startswith("_")):
                offending.append(f"{path.name}: {node.value.id}.{node.attr}")
    assert offending == []

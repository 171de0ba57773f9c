"""The shape of the code: imports only go down the pipeline (issue 11).

Layers, lowest first; a module may import its own layer and the ones below:

0. ``sakipgen`` (version), ``i18n``, ``teks``, ``errors``, ``diagnostics``, ``write``, ``cache``,
   ``sinyal``, ``proses``: what everything may use;
1. ``model``, ``format``, ``skema``: the data, how a value is written, and the JSON
   Schema of each file kind;
2. ``load``: reading a dinas folder (and git revisions) into the model;
3. ``calc``: figures from the model;
4. ``checks``: what does not add up;
5. ``pipeline``: load → calc → checks, handing one bundle forward;
6. ``render``, ``ekspor``, ``beda``, ``pdf``, ``inisialisasi``: the
   outputs; they read the bundle and never import ``load``, ``calc``, ``checks`` or one
   another;
7. ``laporan``: the reporters (text, JSON, GitHub) of check, show and diff;
8. ``batch``: many dinas at once;
9. ``cli``, ``__main__``: the commands.

The graph is read from the source with ``ast`` (imports inside functions and under
``TYPE_CHECKING`` count: an arrow is an arrow). ``BELUM`` lists the arrows that still
go against the layers while the restructuring is under way; the test fails on any
other, and on an entry of ``BELUM`` that is gone (so the list only shrinks).
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

SRC = ROOT / "src" / "sakipgen"

LAPISAN: list[tuple[str, ...]] = [
    ("sakipgen", "i18n", "teks", "errors", "diagnostics", "write", "cache", "sinyal", "proses"),
    ("model", "format", "skema", "jenis"),
    ("load",),
    ("calc",),
    ("checks",),
    ("pipeline",),
    ("impor",),
    ("render", "ekspor", "beda", "pdf", "inisialisasi"),
    ("laporan",),
    ("batch",),
    ("cli", "__main__"),
]
KELUARAN = 7
"""The output layer: its units read the bundle only."""
TIDAK_UNTUK_KELUARAN = ("load", "calc", "checks")

BELUM: set[tuple[str, str]] = set()
"""Arrows against the layers not yet removed (module → module)."""


def _nama(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _unit(module: str) -> str:
    """``sakipgen.render.pk`` → ``render``; ``sakipgen`` → ``sakipgen``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _lapisan(module: str) -> int:
    unit = _unit(module)
    for rank, units in enumerate(LAPISAN):
        if unit in units:
            return rank
    raise AssertionError(f"{module}: not in any layer (add it to LAPISAN)")


def impor() -> dict[str, set[str]]:
    """Module → the sakipgen modules it imports."""
    known = {_nama(p) for p in SRC.rglob("*.py") if p.name != "pdf_uno.py"}
    graph: dict[str, set[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "pdf_uno.py":  # run by LibreOffice's Python, imports nothing of ours
            continue
        module = _nama(path)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    target = node.module or ""
                if target.split(".")[0] != "sakipgen":
                    continue
                found.add(target)
                found.update(
                    f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in known
                )
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.split(".")[0] == "sakipgen")
        graph[module] = {m for m in found if m in known and m != module}
    return graph


def melanggar(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for a, targets in graph.items():
        for b in targets:
            ra, rb = _lapisan(a), _lapisan(b)
            if (
                rb > ra
                or (ra == rb == KELUARAN and _unit(a) != _unit(b))
                or (ra == KELUARAN and _unit(b) in TIDAK_UNTUK_KELUARAN)
            ):
                out.add((a, b))
    return out


def _putaran(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of imports, if any (package ``__init__`` → its own submodules excluded:
    a package re-exporting its parts is not a cycle of meaning)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph.get(m, ())):
            if n.startswith(m + "."):
                continue
            if state.get(n) == 1:
                return [*stack[stack.index(n) :], n]
            if n not in state:
                found = visit(n)
                if found:
                    return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


def test_imports_go_down_the_pipeline() -> None:
    found = melanggar(impor())
    baru = sorted(found - BELUM)
    hilang = sorted(BELUM - found)
    assert baru == [], "arrows against the layers:\n" + "\n".join(f"{a} -> {b}" for a, b in baru)
    assert hilang == [], "remove from BELUM (fixed):\n" + "\n".join(
        f"{a} -> {b}" for a, b in hilang
    )


def test_the_rule_can_fail() -> None:
    graph = {
        "sakipgen.render.pk": {"sakipgen.beda", "sakipgen.calc.tahun"},
        "sakipgen.model.folder": {"sakipgen.load.yaml_reader"},
        "sakipgen.calc.tahun": {"sakipgen.model.folder"},
    }
    assert melanggar(graph) == {
        ("sakipgen.render.pk", "sakipgen.beda"),
        ("sakipgen.render.pk", "sakipgen.calc.tahun"),
        ("sakipgen.model.folder", "sakipgen.load.yaml_reader"),
    }
    assert _putaran({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_no_import_cycle() -> None:
    assert _putaran(impor()) is None

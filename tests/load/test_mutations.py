"""Property test: damaged copies of the example files never crash the loader.

Each example is a mutation of one real example file (a key deleted, a value's type
swapped, garbage inserted, the text truncated …).  Whatever the damage, ``check``
returns diagnostics — never an exception — and each one names a file and a line.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from sakipgen.diagnostics import RULES
from sakipgen.load.akses import Akses
from sakipgen.load.yaml_reader import baca_yaml
from tests.conftest import EXAMPLES, periksa

FILES = sorted(
    p.relative_to(EXAMPLES)
    for p in EXAMPLES.rglob("*.yaml")
    if p.stat().st_size < 40_000  # keep each example fast; big tables are covered by their own
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("mut")
    shutil.copytree(EXAMPLES, root / "examples")
    yield root / "examples"


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out.extend(_paths(v, (*prefix, k)))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out.extend(_paths(v, (*prefix, i)))
    return out


def _set(data: Any, path: tuple[Any, ...], value: Any, delete: bool = False) -> Any:
    if not path:
        return value
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return data


REPLACEMENTS = st.sampled_from(
    [
        "abc",
        "6.825",
        "",
        None,
        [],
        {},
        [1, 2],
        {"x": 1},
        True,
        -1,
        10**30,
        "1e999",
        "{{ capaian('X') }}",
        "\t",
        "Rp 1.000,5",
        "80-90",
        "7% dan",
        "Ω∑" * 3,
    ]
)


def _dump(data: Any) -> str:
    import io

    from ruamel.yaml import YAML

    buf = io.StringIO()
    y = YAML(typ="safe", pure=True)
    y.default_flow_style = False
    y.dump(data, buf)
    return buf.getvalue()


@st.composite
def mutation(draw: st.DrawFn) -> tuple[Path, str]:
    rel = draw(st.sampled_from(FILES))
    text = (EXAMPLES / rel).read_text(encoding="utf-8")
    kind = draw(st.sampled_from(["truncate", "insert", "replace", "delete", "swap"]))
    if kind == "truncate":
        return rel, text[: draw(st.integers(0, len(text)))]
    if kind == "insert":
        pos = draw(st.integers(0, len(text)))
        junk = draw(
            st.sampled_from(
                [
                    "\t",
                    ": :",
                    "- [",
                    "&a *b",
                    "{{",
                    "\x00",
                    "\ufffd",
                    "!!python/object x",
                    "\n  - - -\n",
                    '"',
                ]
            )
        )
        return rel, text[:pos] + junk + text[pos:]
    yf = baca_yaml(Akses(EXAMPLES), EXAMPLES / rel, [])
    assert yf is not None
    data = yf.data
    paths = _paths(data)
    target = draw(st.sampled_from(paths))
    if kind == "delete" and target:
        data = _set(data, target, None, delete=True)
    elif kind == "swap":
        data = _set(data, target, draw(REPLACEMENTS))
    else:
        data = _set(data, target, draw(REPLACEMENTS)) if target else {"x": 1}
    return rel, _dump(_plain(data))


def _plain(data: Any) -> Any:
    """Num (str subclass) and friends back to plain types the YAML dumper knows."""
    if isinstance(data, dict):
        return {str(k): _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    if isinstance(data, str):
        return str(data)
    return data


@seed(20261125)
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutation())
def test_damaged_example_gives_located_diagnostics(workdir: Path, case: tuple[Path, str]) -> None:
    rel, text = case
    path = workdir / rel
    original = path.read_bytes()
    try:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        folder = workdir / rel.parts[0]
        _, diags = periksa(folder, base=workdir)
        for d in diags:
            assert d.location.file, d
            assert d.location.line >= 1, d.text()
            assert d.code in RULES
    finally:
        path.write_bytes(original)


@seed(20261126)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutation())
def test_damaged_example_through_the_cli(workdir: Path, case: tuple[Path, str]) -> None:
    """The same damage seen by a user: exit code 0 or 1, no traceback, located JSON."""
    import json
    import os
    import subprocess
    import sys

    rel, text = case
    path = workdir / rel
    original = path.read_bytes()
    try:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        proc = subprocess.run(
            [sys.executable, "-m", "sakipgen", "check", rel.parts[0], "--format", "json"],
            cwd=workdir,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "NO_COLOR": "1"},
        )
        assert proc.returncode in (0, 1), proc.stderr
        assert "Traceback" not in proc.stderr + proc.stdout
        for d in json.loads(proc.stdout):
            assert d["file"] and d["line"] >= 1 and d["code"] in RULES
    finally:
        path.write_bytes(original)

"""The YAML examples a planner copies: README's code blocks and the commented examples of
the files ``sakipgen init`` writes ("isian yang boleh diaktifkan dengan menghapus '# '")
are read by sakipgen's own reader and validated against the model of their file kind.

Every ``yaml`` block of README.md says what it is in its info string:

* ```` ```yaml file=<tahun>/target.yaml ````: a whole file of that kind (its ``tempat``
  in :mod:`sakipgen.model.susunan`), valid as it stands;
* ```` ```yaml part-of=sakip.yaml ````: some top-level keys of that kind, valid when they
  replace the same keys of README's whole file of that kind;
* ```` ```yaml file=.pre-commit-config.yaml ````: another tool's file, valid YAML.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from sakipgen.diagnostics import Diagnostic
from tests.conftest import ROOT, periksa

README = ROOT / "README.md"
_PAGAR = re.compile(r"^```yaml(?P<info>.*)$")


def blok_yaml(teks: str) -> list[tuple[int, str, str]]:
    """Every ``yaml`` code block: (line of its fence, its info string, its text)."""
    out: list[tuple[int, str, str]] = []
    lines = teks.splitlines()
    i = 0
    while i < len(lines):
        m = _PAGAR.match(lines[i])
        if m is None:
            i += 1
            continue
        start = i
        i += 1
        body: list[str] = []
        while i < len(lines) and lines[i] != "```":
            body.append(lines[i])
            i += 1
        out.append((start + 1, m["info"].strip(), "\n".join(body) + "\n"))
        i += 1
    return out


def _jenis(tempat: str) -> Any:
    from sakipgen.model import susunan

    return next((b for b in susunan.BERKAS if b.tempat == tempat), None)


def baca(tmp_path: Path, tempat: str, teks: str) -> tuple[Any, list[Diagnostic]]:
    """The text read as sakipgen reads a file of that kind, and validated: the data and
    every diagnostic (Y reading, S/N validation)."""
    from sakipgen.load.akses import Akses
    from sakipgen.load.validate import validate
    from sakipgen.load.yaml_reader import baca_yaml

    folder = tmp_path / "dinas"
    path = folder / tempat.replace("<tahun>", "2021").replace("<nama>", "contoh")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(teks, encoding="utf-8")
    diags: list[Diagnostic] = []
    yf = baca_yaml(Akses(folder, folder), path, diags)
    if yf is not None:
        validate(_jenis(tempat).model, yf, diags)
    return (yf.data if yf is not None else None), diags


def _ruamel(teks: str) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(teks)


def _tulis(data: Any) -> str:
    import io

    from ruamel.yaml import YAML

    buf = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, buf)
    return buf.getvalue()


def _blok_readme() -> list[tuple[int, str, str]]:
    return blok_yaml(README.read_text(encoding="utf-8"))


def test_every_readme_yaml_block_says_what_it_is() -> None:
    blocks = _blok_readme()
    assert len(blocks) >= 20  # README's examples, found by the pattern above
    unmarked = [
        (line, info) for line, info, _teks in blocks if not info.startswith(("file=", "part-of="))
    ]
    assert unmarked == []


@pytest.mark.parametrize(
    ("line", "info", "teks"),
    [pytest.param(*b, id=f"README:{b[0]}") for b in _blok_readme()],
)
def test_readme_yaml_block_works_when_copied(
    tmp_path: Path, line: int, info: str, teks: str
) -> None:
    kind, _eq, tempat = info.partition("=")
    if _jenis(tempat) is None:  # another tool's file (pre-commit, GitHub, GitLab)
        assert tempat.endswith(".yaml") or tempat.endswith(".yml"), info
        _ruamel(teks)
        return
    if kind == "part-of":
        whole = [t for _l, i, t in _blok_readme() if i == f"file={tempat}"]
        assert whole, f"README has no whole {tempat} to check this part against"
        part = _ruamel(teks)
        if part is None:  # comments only (the schema line): in front of the whole file
            teks = teks + whole[0]
        else:
            assert isinstance(part, dict), info
            teks = _tulis({**_ruamel(whole[0]), **part})
    _data, diags = baca(tmp_path, tempat, teks)
    assert [d.text() for d in diags] == [], f"README.md:{line}"


def test_a_broken_block_is_found(tmp_path: Path) -> None:
    """The check above can fail: README's old dokumen.yaml example."""
    old = (
        "rkt:\n  tanggal: 2019-01-02\n  penandatangan: {nama: Ir. MASKUR, M.M, jabatan: "
        'Kepala Dindagkop dan UKM, nip: "19601020 199003 1 002"}\n'
    )
    _data, diags = baca(tmp_path, "<tahun>/dokumen.yaml", old)
    assert [d.code for d in diags] == ["S001"]
    blocks = blok_yaml("x\n```yaml file=sakip.yaml\na: 1\n```\n```sh\nls\n```\n")
    assert blocks == [(2, "file=sakip.yaml", "a: 1\n")]


# --- the commented examples of `sakipgen init` ----------------------------------------------

_KUNCI = re.compile(r"^(?P<indent> *)# (?P<isi>(?:[a-z_][a-z0-9_]*|[A-Z]+\d[\w.]*):(?: |$).*)$")
"""A commented key line: a snake_case key, or an id (``IK9.1``); prose such as ``# Angka:
…`` or ``# sakip.yaml: …`` is not one."""
_YAML = re.compile(r"^(?P<indent> *)[^\s#]")


def contoh_berkomentar(teks: str) -> list[tuple[int, int]]:
    """The commented examples of a file: runs of lines ``# key: …`` (and the deeper lines
    under such a key) standing where a key of the file could stand (not the tail of a
    comment continued far right) — (first line, last line), 0-based and inclusive."""
    lines = teks.splitlines()
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        m = _KUNCI.match(lines[i])
        after = (_YAML.match(x) for x in lines[i + 1 :])
        below = next((len(y["indent"]) for y in after if y is not None), 0)
        if m is None or len(m["indent"]) > below + 4:
            i += 1
            continue
        indent = len(m["indent"])
        j = i + 1
        while j < len(lines):
            deeper = re.match(rf"^ {{{indent}}}#(?P<spasi> +)\S", lines[j])
            if deeper is None or len(deeper["spasi"]) < 2:
                break
            j += 1
        runs.append((i, j - 1))
        i = j
    return runs


def _aktifkan(teks: str, run: tuple[int, int]) -> str:
    lines = teks.splitlines(keepends=True)
    for k in range(run[0], run[1] + 1):
        lines[k] = re.sub(r"^( *)# ", r"\1", lines[k], count=1)
    return "".join(lines)


def _png() -> bytes:
    """A 1 × 1 PNG."""
    import struct
    import zlib

    def potong(jenis: bytes, isi: bytes) -> bytes:
        return (
            struct.pack(">I", len(isi)) + jenis + isi + struct.pack(">I", zlib.crc32(jenis + isi))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + potong(b"IHDR", ihdr)
        + potong(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + potong(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def folder_init(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from sakipgen.cli import app

    out = tmp_path_factory.mktemp("init") / "dinas"
    args = ["init", str(out), "--pemda", "Kabupaten Contoh", "--dinas", "Dinas Contoh"]
    result = CliRunner().invoke(app, [*args, "--start", "2025", "--year", "2025"])
    assert result.exit_code == 0, result.output
    return out


def _contoh_init(folder: Path) -> list[tuple[str, tuple[int, int]]]:
    found = []
    for path in sorted(folder.rglob("*.yaml")):
        rel = path.relative_to(folder).as_posix()
        for run in contoh_berkomentar(path.read_text(encoding="utf-8")):
            found.append((rel, run))
    return found


def test_init_files_have_commented_examples(folder_init: Path) -> None:
    found = _contoh_init(folder_init)
    # sakip.yaml alone: singkatan, faks, email, laman, logo, atasan nama, skala_tambahan,
    # batas_atas, periksa; renstra.yaml: penjelasan_visi, rpjmd, pembanding,
    # target_pembanding, metode_negatif
    assert sum(1 for rel, _run in found if rel == "sakip.yaml") == 9
    assert sum(1 for rel, _run in found if rel == "renstra.yaml") == 5
    assert len(found) == 22  # target.yaml: program and pk_perubahan (its rkt is written)
    assert {rel for rel, _run in found} == {
        "sakip.yaml", "renstra.yaml", "2025/target.yaml", "2025/realisasi.yaml",
        "2025/anggaran.yaml", "2025/dokumen.yaml",
    }  # fmt: skip


def test_each_commented_example_of_init_works_when_enabled(
    folder_init: Path, tmp_path: Path
) -> None:
    """Each example, its '# ' removed, leaves the folder as clean as ``init`` made it (the
    logo example names a file: one is put there, as its comment says): no finding besides
    the K024 warnings of init's own example values, which name what to replace."""
    _dinas, awal = periksa(folder_init, base=folder_init)
    assert awal and {d.code for d in awal} == {"K024"}
    contoh = _contoh_init(folder_init)
    for rel, run in contoh:
        folder = tmp_path / f"{rel.replace('/', '-')}-{run[0]}"
        shutil.copytree(folder_init, folder)
        path = folder / rel
        teks = _aktifkan(path.read_text(encoding="utf-8"), run)
        if "target_pembanding:" in teks.splitlines()[run[0]]:
            # An indikator's target_pembanding names a plan the file's pembanding example
            # declares, as its comment says: both are turned on.
            lines = teks.splitlines()
            (awal,) = [r for f, r in contoh if f == rel and lines[r[0]].startswith("# pembanding:")]
            teks = _aktifkan(teks, awal)
        path.write_text(teks, encoding="utf-8")
        if "logo: logo.png" in path.read_text(encoding="utf-8"):
            (folder / "logo.png").write_bytes(_png())
        _dinas, diags = periksa(folder, base=folder)
        assert [d.text() for d in diags if d.code != "K024"] == [], f"{rel}:{run[0] + 1}"


def test_commented_examples_are_found() -> None:
    teks = (
        "a: 1\n"
        "# Bentuk singkat: bukan contoh\n"
        "# rkt:\n"
        "#   indikator: {IK1: 2}\n"
        "b:\n"
        "  # c: 3   # keterangan\n"
        "  d: 4\n"
    )
    assert contoh_berkomentar(teks) == [(2, 3), (5, 5)]
    assert _aktifkan(teks, (2, 3)).splitlines()[2:4] == ["rkt:", "  indikator: {IK1: 2}"]

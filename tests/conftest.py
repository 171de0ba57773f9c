from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sakipgen.diagnostics import Diagnostic
    from sakipgen.model.folder import Dinas
    from sakipgen.pipeline import Bundel
    from sakipgen.render import Hasil

# Tests compare messages in Indonesian, the default language; a developer or CI machine
# whose LANG is English must not switch them (tests of English set SAKIPGEN_LANG=en).
os.environ["SAKIPGEN_LANG"] = "id"
# sakipgen's own cache (build manifests, compiled built-in templates) lives outside the
# dinas folders; the tests use a throw-away one, so they neither read nor fill the developer's.
CACHE = Path(tempfile.mkdtemp(prefix="sakipgen-tes-cache-"))
os.environ["SAKIPGEN_CACHE"] = str(CACHE)
atexit.register(shutil.rmtree, CACHE, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def periksa(folder: Path, base: Path | None = None) -> tuple[Dinas | None, list[Diagnostic]]:
    """What ``sakipgen check`` finds in one folder: the loaded dinas and the diagnostics."""
    from sakipgen.pipeline import siapkan

    found = siapkan(folder, base)
    return found.dinas, list(found.diagnostics)


def bundel(folder: Path | str, *tahun: int) -> Bundel:
    """A dinas folder (an example's name, or a path) through the pipeline as ``build``
    takes it (figures for documents, the given extra years computed); no errors."""
    from sakipgen.pipeline import Pilihan, siapkan

    path = EXAMPLES / folder if isinstance(folder, str) else folder
    found = siapkan(path, pilihan=Pilihan(dokumen=True, tahun_lain=tahun))
    assert found.dinas is not None and not found.galat, [d.text() for d in found.diagnostics]
    return found


CONTOH = ("blora", "sinjai", "buleleng", "tanjabbar")


def dokumen_contoh(contoh: str) -> Iterator[tuple[str, int, Hasil]]:
    """Every document an example builds, each kind by name in its default year:
    (kind, year, the render result with its bytes and diagnostics)."""
    from sakipgen.jenis import JENIS, tahun_bawaan
    from sakipgen.render import susun

    b = bundel(contoh)
    assert b.dinas is not None
    for jenis in JENIS:
        tahun = tahun_bawaan(b.dinas, jenis)
        hasil = susun(b, jenis, tahun) if tahun is not None else None
        if hasil is not None and hasil.data is not None:
            yield jenis, tahun, hasil


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


# The warnings the seeds deserve, each documented by a comment in the example's YAML:
# (example, file relative to the example, code).
EXPECTED_WARNINGS = {
    # printed capaian 89,88, computed 89,89; printed S2 capaian 106,87, computed 106,88
    ("blora", "2021/realisasi.yaml", "K013"),
    # realisasi IK1.1 43,30 where its table gives 110 / 260 x 100 = 42,31
    ("blora", "2021/realisasi.yaml", "K020"),
    # printed efisiensi 8,72 (8,73), S1 serapan 85,60 (85,58), P05 realisasi 100.000.000
    ("blora", "2021/anggaran.yaml", "K013"),
    ("sinjai", "2017/realisasi.yaml", "K013"),  # printed 102,39, computed 102,38
    ("sinjai", "2018/anggaran.yaml", "K006"),  # P01 pagu vs its kegiatan
    ("sinjai", "2018/anggaran.yaml", "K007"),  # P07 names no sasaran
    ("buleleng", "2021/anggaran.yaml", "K006"),  # kegiatan pagu vs its printed sub kegiatan
    ("blora", "2021/dokumen.yaml", "K014"),  # LKjIP 2021 dated 31 Januari 2021 as printed
    # the staf row left unreported after June on purpose (illustrative triwulan III)
    ("buleleng", "2021/rencana-aksi.yaml", "K021"),
}
EXPECTED_WARNING_COUNT = 13  # sinjai has two K006 (P01 and P02), blora five K013


def salin(tmp_path: Path, contoh: str = "blora", nama: str | None = None) -> Path:
    """A fresh copy of an example dinas folder (without any build output), to edit."""
    root = tmp_path / (nama or contoh)
    shutil.copytree(EXAMPLES / contoh, root, ignore=shutil.ignore_patterns("build"))
    return root


def ganti(path: Path, old: str, new: str, *, semua: bool = False) -> None:
    """Replace the one occurrence of ``old`` in a file of such a copy (every occurrence,
    at least one, with ``semua``)."""
    text = path.read_text(encoding="utf-8")
    found = text.count(old)
    assert found >= 1 if semua else found == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def atur_sifat(renstra: Path, ident: str, sifat: str | None) -> None:
    """Give a Renstra indikator of such a copy this ``sifat`` (None: none), whether or not
    it has one."""
    import re

    text = renstra.read_text(encoding="utf-8")
    start = text.index(f"- id: {ident}\n")
    end = text.find("- id: ", start + 1)
    end = len(text) if end < 0 else end
    block = re.sub(r"\n *sifat: \w+[^\n]*", "", text[start:end])
    if sifat is not None:
        indent = " " * (len(text[:start].rsplit("\n", 1)[-1]) + 2)
        block = block.replace("\n", f"\n{indent}sifat: {sifat}\n", 1)
    renstra.write_text(text[:start] + block + text[end:], encoding="utf-8")


def dengan_skala_serapan(tmp_path: Path) -> Path:
    """A copy of Blora whose profile judges serapan on the Permendagri 86 scale."""
    root = salin(tmp_path)
    ganti(
        root / "sakip.yaml",
        "  skala: empat-tingkat\n",
        "  skala: empat-tingkat\n  skala_serapan: permendagri-86\n",
    )
    return root

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

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


# --- What a test needs from the machine ----------------------------------------------------
# The README's test command passes on a fresh machine with only Python and pip: a test that
# needs a program of the system (LibreOffice and its parts, pdftotext, git) or PyPI asks
# `perlu` for it, and is skipped with the reason (and what to install) when the machine
# lacks it. CI sets SAKIPGEN_TEST_NO_SKIP=1 (.ci/run), which makes each such skip a
# failure, so there they always run. LibreOffice is found the way `build --pdf` finds it
# (sakipgen.pdf: SAKIPGEN_SOFFICE, else soffice or libreoffice on PATH, else the usual
# install places; the UNO Python: SAKIPGEN_UNO_PYTHON, else LibreOffice's own or
# /usr/bin/python3), so a test skips exactly when sakipgen could not do it.

TANPA_LEWAT = "SAKIPGEN_TEST_NO_SKIP"
"""Set (to anything but 0) in CI: a test missing a program of the system fails instead."""

ALAT = ("writer", "calc", "uno", "pdftotext", "git", "pypi")
"""What `perlu` knows: LibreOffice Writer (docx → pdf), LibreOffice Calc (saving an xlsx),
LibreOffice with its Python bridge (`build --pdf`), pdftotext (poppler), git, and PyPI
(the index pip installs from, for pre-commit's own environment)."""

_PASANG = {
    "writer": "Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui",
    "calc": "Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui",
    "uno": "Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui python3-uno",
    "pdftotext": "Debian/Ubuntu: sudo apt-get install poppler-utils",
    "git": "Debian/Ubuntu: sudo apt-get install git",
    "pypi": "connect to the network, or name a reachable index in PIP_INDEX_URL",
}


def _lingkungan() -> tuple[str | None, ...]:
    """What the answers depend on (a test may change it with monkeypatch)."""
    names = ("PATH", "SAKIPGEN_SOFFICE", "SAKIPGEN_UNO_PYTHON", "PIP_INDEX_URL")
    return tuple(os.environ.get(n) for n in names)


_DIKETAHUI: dict[tuple[str, tuple[str | None, ...]], tuple[dict[str, str], str | None]] = {}


def _modul_libreoffice(soffice: str, modul: str) -> bool:
    """Whether the LibreOffice of this soffice has a module (``writer``, ``calc``): each
    module brings its registry part, ``<modul>.xcd`` (Debian's are in share/.registry)."""
    program = Path(soffice).resolve().parent
    places = [
        program.parent / "share" / "registry",  # Linux, Windows
        program.parent / "share" / ".registry",  # Debian, Ubuntu
        program.parent / "Resources" / "registry",  # macOS: LibreOffice.app/Contents
    ]
    return any((p / f"{modul}.xcd").is_file() for p in places)


def _cari(nama: str) -> tuple[dict[str, str], str | None]:
    """The paths of one thing a test needs, or why it is not there."""
    from sakipgen import pdf

    if nama in ("writer", "calc", "uno"):
        soffice = pdf._soffice()
        if soffice is None:
            return {}, "no LibreOffice: soffice is not on PATH (nor SAKIPGEN_SOFFICE)"
        modul = "writer" if nama == "uno" else nama
        if not _modul_libreoffice(soffice, modul):
            return {}, f"LibreOffice {soffice} has no {modul.capitalize()}"
        if nama != "uno":
            return {"soffice": soffice}, None
        try:
            found = pdf.temukan()
        except pdf.PdfTidakTersedia as e:
            return {}, str(e).splitlines()[0]
        return {"soffice": found.soffice, "python": found.python}, None
    if nama in ("pdftotext", "git"):
        path = shutil.which(nama)
        return ({nama: path}, None) if path else ({}, f"{nama} is not on PATH")
    if nama == "pypi":
        import urllib.error
        import urllib.request

        index = os.environ.get("PIP_INDEX_URL") or "https://pypi.org/simple"
        try:
            with urllib.request.urlopen(f"{index.rstrip('/')}/pip/", timeout=15) as answer:
                answer.read(1)
        except (OSError, ValueError) as e:  # URLError and timeouts are OSError
            return {}, f"PyPI ({index}) cannot be reached: {e}"
        return {"pypi": index}, None
    raise ValueError(f"perlu: unknown {nama!r}, known: {', '.join(ALAT)}")


def perlu(*nama: str) -> dict[str, str]:
    """What a test needs from the machine (names in ``ALAT``), as paths: ``soffice``,
    ``python`` (LibreOffice's UNO Python), ``pdftotext``, ``git``, ``pypi`` (the index).
    Skips the test, saying what is missing and how to install it, when anything is
    missing; with SAKIPGEN_TEST_NO_SKIP set (CI) the test fails instead."""
    __tracebackhide__ = True  # the skip is reported at the test's line, not here
    found: dict[str, str] = {}
    missing = []
    for n in nama:
        key = (n, _lingkungan())
        if key not in _DIKETAHUI:
            _DIKETAHUI[key] = _cari(n)
        paths, why = _DIKETAHUI[key]
        if why is None:
            found.update(paths)
        else:
            missing.append(f"{why} ({_PASANG[n]})")
    if missing:
        lewati(f"needs {', '.join(nama)}: " + "; ".join(missing))
    return found


def lewati(reason: str) -> NoReturn:
    """Skip a test for what this machine lacks (``perlu``'s end, and a test's own for what
    only it can tell: a git clone without the history a test reads); a failure when
    SAKIPGEN_TEST_NO_SKIP is set."""
    __tracebackhide__ = True
    if os.environ.get(TANPA_LEWAT, "") not in ("", "0"):
        reason += f" [{TANPA_LEWAT} is set: a missing program is a failure]"
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)

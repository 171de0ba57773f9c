"""Load a dinas folder: find its files, read YAML with positions, validate, resolve ids.

Layout (README "Susunan folder dinas")::

    sakip.yaml           identity, signatories, calculation profile      (required)
    renstra.yaml         visi, misi, tujuan, sasaran, indikator          (required)
    narasi/*.md          narrative used in every year
    <tahun>/             e.g. 2021/
      target.yaml        RKT, PK and PK Perubahan targets
      realisasi.yaml     realisasi (and hand-entered capaian) per indikator
      anggaran.yaml      program → kegiatan → sub kegiatan, pagu, realisasi
      rencana-aksi.yaml  monthly/quarterly targets per level
      dokumen.yaml       date, place and signatory per document
      narasi/**/*.md     narrative of the year (narasi/indikator/<id>.md per indikator)
      tabel/*.yaml       supporting tables
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from sakipgen.diagnostics import Diagnostic, Location, display_path
from sakipgen.i18n import _
from sakipgen.load.referensi import periksa_referensi
from sakipgen.load.validate import validate
from sakipgen.load.yaml_reader import baca_teks, read_yaml
from sakipgen.model.anggaran import AnggaranTahun
from sakipgen.model.dinas import DokumenTahun, Identitas
from sakipgen.model.folder import Berkas, Dinas, Narasi, Tahun
from sakipgen.model.rencana_aksi import RencanaAksiTahun
from sakipgen.model.renstra import Renstra
from sakipgen.model.tabel import Tabel
from sakipgen.model.tahun import RealisasiTahun, TargetTahun

M = TypeVar("M", bound=BaseModel)

TAHUN_FILES: dict[str, type[BaseModel]] = {
    "target.yaml": TargetTahun,
    "realisasi.yaml": RealisasiTahun,
    "anggaran.yaml": AnggaranTahun,
    "rencana-aksi.yaml": RencanaAksiTahun,
    "dokumen.yaml": DokumenTahun,
}
_ATTR = {
    "target.yaml": "target",
    "realisasi.yaml": "realisasi",
    "anggaran.yaml": "anggaran",
    "rencana-aksi.yaml": "rencana_aksi",
    "dokumen.yaml": "dokumen",
}
_YEAR = re.compile(r"^\d{4}$")
_KNOWN_TOP = {"sakip.yaml", "renstra.yaml"}


@dataclass
class LoadResult:
    dinas: Dinas | None
    diagnostics: list[Diagnostic]


def is_dinas_folder(path: Path) -> bool:
    return (path / "sakip.yaml").is_file()


def _load_file(model: type[M], path: Path, base: Path, diags: list[Diagnostic]) -> Berkas[M] | None:
    yf = read_yaml(path, display_path(path, base), diags)
    if yf is None:
        return None
    result = validate(model, yf, diags)
    return Berkas(result, yf.source) if result is not None else None


def _load_narasi(folder: Path, base: Path, diags: list[Diagnostic]) -> dict[str, Narasi]:
    out: dict[str, Narasi] = {}
    if not folder.is_dir():
        return out
    for path in sorted(folder.rglob("*.md")):
        text = baca_teks(path, display_path(path, base), diags)
        if text is not None:
            key = path.relative_to(folder).with_suffix("").as_posix()
            out[key] = Narasi(text, display_path(path, base))
    return out


def _safe_listdir(folder: Path, base: Path, diags: list[Diagnostic]) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError as exc:
        diags.append(
            Diagnostic.make(
                Location(display_path(folder, base)),
                "F002",
                _("folder tidak dapat dibaca: {exc}").format(exc=exc),
            )
        )
        return []


def _unknown_yaml(path: Path, base: Path, known: list[str], diags: list[Diagnostic]) -> None:
    from sakipgen.load.validate import suggest

    diags.append(
        Diagnostic.make(
            Location(display_path(path, base), 1, 1),
            "F006",
            _("berkas '{nama}' tidak dikenal dan diabaikan").format(nama=path.name)
            + suggest(path.name, known),
        )
    )


def load_dinas(folder: Path, base: Path | None = None) -> LoadResult:
    """Load ``folder``; every problem is returned as a diagnostic, nothing raises."""
    base = base or Path.cwd()
    diags: list[Diagnostic] = []
    shown = display_path(folder, base)
    if not folder.is_dir():
        diags.append(Diagnostic.make(Location(shown), "F005", _("folder tidak ditemukan")))
        return LoadResult(None, diags)
    if not is_dinas_folder(folder):
        diags.append(
            Diagnostic.make(
                Location(shown),
                "F005",
                _("bukan folder dinas: sakip.yaml tidak ada (buat sakip.yaml dan renstra.yaml)"),
            )
        )
        return LoadResult(None, diags)

    identitas = _load_file(Identitas, folder / "sakip.yaml", base, diags)
    renstra_path = folder / "renstra.yaml"
    renstra = None
    if renstra_path.exists() or renstra_path.is_symlink():
        renstra = _load_file(Renstra, renstra_path, base, diags)
    else:
        diags.append(
            Diagnostic.make(
                Location(display_path(renstra_path, base), 1, 1),
                "F001",
                _("renstra.yaml tidak ada: tulis visi, misi, sasaran dan indikator di sini"),
            )
        )
    narasi = _load_narasi(folder / "narasi", base, diags)

    years: dict[int, Tahun] = {}
    for entry in _safe_listdir(folder, base, diags):
        name = entry.name
        if entry.is_dir() and _YEAR.match(name):
            years[int(name)] = _load_year(int(name), entry, base, diags)
        elif entry.suffix in (".yaml", ".yml") and name not in _KNOWN_TOP:
            _unknown_yaml(entry, base, sorted(_KNOWN_TOP), diags)

    if identitas is None or renstra is None:
        return LoadResult(None, diags)
    dinas = Dinas(folder, identitas, renstra, narasi, years)
    diags.extend(periksa_referensi(dinas, base))
    return LoadResult(dinas, diags)


def _load_year(year: int, folder: Path, base: Path, diags: list[Diagnostic]) -> Tahun:
    tahun = Tahun(year, folder)
    for entry in _safe_listdir(folder, base, diags):
        name = entry.name
        if name in TAHUN_FILES:
            berkas = _load_file(TAHUN_FILES[name], entry, base, diags)
            setattr(tahun, _ATTR[name], berkas)
        elif entry.suffix in (".yaml", ".yml"):
            _unknown_yaml(entry, base, sorted(TAHUN_FILES), diags)
    tahun.narasi = _load_narasi(folder / "narasi", base, diags)
    tabel_dir = folder / "tabel"
    if tabel_dir.is_dir():
        for path in _safe_listdir(tabel_dir, base, diags):
            if path.suffix in (".yaml", ".yml"):
                t = _load_file(Tabel, path, base, diags)
                if t is not None:
                    tahun.tabel[path.stem] = t
    return tahun

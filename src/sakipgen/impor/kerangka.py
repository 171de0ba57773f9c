"""The frame of a new dinas folder read off a filled input workbook (``sakipgen init DIR
--from FILE.xlsx``): sasaran and indikator from the Target sheet (with the Renstra
years its columns name), and the years that have data.  Everything else (targets,
realisasi, the programs, kegiatan and sub kegiatan of the Anggaran sheet, their
indikator, rencana aksi tables) is then imported into that frame as into any folder
(:func:`sakipgen.impor.rencanakan`), which adds the entries new rows name."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sakipgen.diagnostics import Diagnostic, Location
from sakipgen.i18n import _
from sakipgen.impor.buku import (
    MAX_BARIS,
    GalatBuku,
    buka_buku,
    periksa_berkas,
    teks_sel,
)
from sakipgen.model.masukan import (
    ANGGARAN,
    INDIKATOR_PROGRAM,
    KUNCI,
    REALISASI,
    RENCANA_AKSI,
    TARGET,
    kunci_judul,
)


@dataclass
class IndikatorBaru:
    """An indikator of the frame: its id, name and satuan.  Its other cells (Polaritas,
    Metode Negatif, Sifat, IKU, the targets) are imported into the frame like any
    folder's, so a value the YAML does not take is told at its cell."""

    id: str
    uraian: str
    satuan: str


@dataclass
class SasaranBaru:
    id: str
    uraian: str
    indikator: list[IndikatorBaru] = field(default_factory=list)


@dataclass
class Kerangka:
    sasaran: list[SasaranBaru] = field(default_factory=list)
    renstra: tuple[int, int] | None = None
    tahun: set[int] = field(default_factory=set)
    diagnostics: list[Diagnostic] = field(default_factory=list)


class _Lembar:
    """A sheet as header → column, and its rows."""

    def __init__(self, nama: str, ws: Any) -> None:
        self.nama = nama
        # As the import reads a sheet: at most MAX_BARIS rows (the import refuses more).
        self.rows = [list(r) for r in itertools.islice(ws.iter_rows(values_only=True), MAX_BARIS)]
        head = self.rows[0] if self.rows else []
        self.kolom = {
            kunci_judul(v): i for i, v in reversed(list(enumerate(head))) if kunci_judul(v)
        }
        self.judul = [teks_sel(v) for v in head]

    def sel(self, row: list[object], judul: str) -> object:
        i = self.kolom.get(kunci_judul(judul))
        return row[i] if i is not None and i < len(row) else None


def baca_kerangka(path: Path) -> Kerangka:
    k = Kerangka()
    alasan = periksa_berkas(path)
    if alasan is not None:
        k.diagnostics.append(Diagnostic.make(Location(str(path)), "X001", alasan))
        return k
    try:
        import openpyxl  # noqa: F401 - only to say it is missing
    except ImportError:
        k.diagnostics.append(
            Diagnostic.make(
                Location(str(path)),
                "X001",
                _("paket openpyxl belum terpasang: pip install openpyxl"),
            )
        )
        return k
    try:
        wb = buka_buku(path, data_only=True, read_only=True)
    except GalatBuku as exc:
        k.diagnostics.append(Diagnostic.make(Location(str(path)), exc.code, exc.message))
        return k
    try:
        sheets = {
            n: _Lembar(n, wb[n])
            for n in (TARGET, REALISASI, ANGGARAN, INDIKATOR_PROGRAM, RENCANA_AKSI)
            if n in wb.sheetnames
        }
    finally:
        wb.close()
    if TARGET not in sheets:
        k.diagnostics.append(
            Diagnostic.make(
                Location(str(path)),
                "X001",
                _("lembar '{lembar}' tidak ada; sasaran dan indikator dibaca darinya").format(
                    lembar=TARGET
                ),
            )
        )
        return k
    _target(path, sheets[TARGET], k)
    if REALISASI in sheets:
        _realisasi(sheets[REALISASI], k)
    for nama in (ANGGARAN, INDIKATOR_PROGRAM, RENCANA_AKSI):
        if nama in sheets:
            _tahun_kunci(sheets[nama], k)
    return k


def _wajib(path: Path, lembar: _Lembar, judul: tuple[str, ...], k: Kerangka) -> bool:
    missing = [j for j in judul if kunci_judul(j) not in lembar.kolom]
    for j in missing:
        k.diagnostics.append(
            Diagnostic.make(
                Location(f"{path}:{lembar.nama}!A1"),
                "X001",
                _("kolom '{kolom}' tidak ada di lembar '{lembar}'").format(
                    kolom=j, lembar=lembar.nama
                ),
            )
        )
    return not missing


def _target(path: Path, lembar: _Lembar, k: Kerangka) -> None:
    if not _wajib(path, lembar, ("Sasaran", "Uraian Sasaran", "Indikator", "Uraian"), k):
        return
    years = [int(m.group(1)) for j in lembar.judul if (m := re.fullmatch(r"Renstra (\d{4})", j))]
    if years:
        k.renstra = (min(years), max(years))
    else:
        k.diagnostics.append(
            Diagnostic.make(
                Location(f"{path}:{lembar.nama}!A1"),
                "X001",
                _("lembar Target tanpa kolom 'Renstra <tahun>': periode Renstra tidak diketahui"),
            )
        )
    dokumen = [
        (i, int(m.group(1)))
        for i, j in enumerate(lembar.judul)
        if (m := re.fullmatch(r"(?:RKT|PK|PK Perubahan) (\d{4})", j))
    ]
    by_id: dict[str, SasaranBaru] = {}
    for n, row in enumerate(lembar.rows[1:], 2):
        sid = teks_sel(lembar.sel(row, "Sasaran"))
        iid = teks_sel(lembar.sel(row, "Indikator"))
        if not sid and not iid:
            continue
        if not sid or not iid:
            k.diagnostics.append(
                Diagnostic.make(
                    Location(f"{path}:{lembar.nama}!A{n}"),
                    "X001",
                    _("baris tanpa id sasaran atau id indikator"),
                )
            )
            continue
        sasaran = by_id.get(sid)
        if sasaran is None:
            sasaran = by_id[sid] = SasaranBaru(sid, teks_sel(lembar.sel(row, "Uraian Sasaran")))
            k.sasaran.append(sasaran)
        sasaran.indikator.append(
            IndikatorBaru(
                iid,
                teks_sel(lembar.sel(row, "Uraian")),
                teks_sel(lembar.sel(row, "Satuan")),
            )
        )
        for i, year in dokumen:
            if i < len(row) and teks_sel(row[i]):
                k.tahun.add(year)


def _realisasi(lembar: _Lembar, k: Kerangka) -> None:
    for row in lembar.rows[1:]:
        year = teks_sel(lembar.sel(row, "Tahun"))
        start = lembar.kolom.get(kunci_judul("Realisasi"))
        if year.isdigit() and start is not None and any(teks_sel(v) for v in row[start:]):
            k.tahun.add(int(year))


def _tahun_kunci(lembar: _Lembar, k: Kerangka) -> None:
    """The years the keys of the Anggaran, Indikator Program and Rencana Aksi sheets
    name (``2025/P01`` …); the keys themselves are read by the import."""
    for row in lembar.rows[1:]:
        kunci = teks_sel(lembar.sel(row, KUNCI)) or teks_sel(lembar.sel(row, "Kunci Anggaran"))
        year = kunci.split("/")[0]
        if year.isdigit() and len(year) == 4 and any(teks_sel(v) for v in row[1:]):
            k.tahun.add(int(year))

"""The frame of a new dinas folder read off a filled input workbook (``sakipgen init DIR
--from FILE.xlsx``): sasaran and indikator from the Target sheet (with the Renstra
years its columns name), programs, kegiatan and sub kegiatan from the Anggaran sheet's
keys, and the years that have data.  The values themselves are then set by the import,
as for any folder (:func:`sakipgen.impor.rencanakan`)."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sakipgen.diagnostics import Diagnostic, Location
from sakipgen.i18n import _
from sakipgen.impor.buku import kunci_judul, periksa_berkas, teks_sel
from sakipgen.model.masukan import ANGGARAN, KUNCI, REALISASI, TARGET


@dataclass
class IndikatorBaru:
    id: str
    uraian: str
    satuan: str
    polaritas: str


@dataclass
class SasaranBaru:
    id: str
    uraian: str
    indikator: list[IndikatorBaru] = field(default_factory=list)


@dataclass
class UnitBaru:
    tanda: str
    """Its part of the row key: an id (``P01``), a kode, or its place (``2``)."""
    uraian: str
    kode: str | None
    anak: list[UnitBaru] = field(default_factory=list)


@dataclass
class Kerangka:
    sasaran: list[SasaranBaru] = field(default_factory=list)
    renstra: tuple[int, int] | None = None
    tahun: set[int] = field(default_factory=set)
    pk_perubahan: set[int] = field(default_factory=set)
    """Years whose PK Perubahan column holds targets."""
    anggaran: dict[int, list[UnitBaru]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


class _Lembar:
    """A sheet as header → column, and its rows."""

    def __init__(self, nama: str, ws: Any) -> None:
        self.nama = nama
        self.rows = [list(r) for r in ws.iter_rows(values_only=True)]
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
        import openpyxl

        wb = openpyxl.load_workbook(path, data_only=True, read_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError, ImportError) as exc:
        k.diagnostics.append(
            Diagnostic.make(
                Location(str(path)),
                "X001",
                _("buku kerja tidak dapat dibaca sebagai .xlsx: {pesan}").format(pesan=exc),
            )
        )
        return k
    try:
        sheets = {n: _Lembar(n, wb[n]) for n in (TARGET, REALISASI, ANGGARAN) if n in wb.sheetnames}
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
    if ANGGARAN in sheets:
        _anggaran(path, sheets[ANGGARAN], k)
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
        (i, int(m.group(2)), m.group(1))
        for i, j in enumerate(lembar.judul)
        if (m := re.fullmatch(r"(RKT|PK|PK Perubahan) (\d{4})", j))
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
                teks_sel(lembar.sel(row, "Polaritas")) or "positif",
            )
        )
        for i, year, jenis in dokumen:
            if i < len(row) and teks_sel(row[i]):
                k.tahun.add(year)
                if jenis == "PK Perubahan":
                    k.pk_perubahan.add(year)


def _realisasi(lembar: _Lembar, k: Kerangka) -> None:
    for row in lembar.rows[1:]:
        year = teks_sel(lembar.sel(row, "Tahun"))
        start = lembar.kolom.get(kunci_judul("Realisasi"))
        if year.isdigit() and start is not None and any(teks_sel(v) for v in row[start:]):
            k.tahun.add(int(year))


def _anggaran(path: Path, lembar: _Lembar, k: Kerangka) -> None:
    if not _wajib(path, lembar, (KUNCI, "Uraian"), k):
        return
    for n, row in enumerate(lembar.rows[1:], 2):
        kunci = teks_sel(lembar.sel(row, KUNCI))
        if not kunci:
            continue
        parts = kunci.split("/")
        if not parts[0].isdigit() or not 2 <= len(parts) <= 4:
            k.diagnostics.append(
                Diagnostic.make(
                    Location(f"{path}:{lembar.nama}!A{n}"),
                    "X001",
                    _("kunci '{kunci}' bukan <tahun>/<program>[/<kegiatan>[/<sub>]]").format(
                        kunci=kunci
                    ),
                )
            )
            continue
        year = int(parts[0])
        k.tahun.add(year)
        units = k.anggaran.setdefault(year, [])
        for depth, tanda in enumerate(parts[1:]):
            found = next((u for u in units if u.tanda == tanda), None)
            if found is None:
                if depth != len(parts) - 2:
                    k.diagnostics.append(
                        Diagnostic.make(
                            Location(f"{path}:{lembar.nama}!A{n}"),
                            "X001",
                            _("baris induk kunci '{kunci}' belum ada di atasnya").format(
                                kunci=kunci
                            ),
                        )
                    )
                    break
                kode = teks_sel(lembar.sel(row, "Kode")) or None
                found = UnitBaru(tanda, teks_sel(lembar.sel(row, "Uraian")), kode)
                units.append(found)
            units = found.anak

"""Reading an input workbook: every value cell with its place (``BUKU.xlsx:Target!F3``),
as a number or a text, whatever Excel, LibreOffice or WPS made of what was typed.

openpyxl reads it (imported only here): unlike python-calamine, several times faster,
it gives a cell's number format, so ``43,30%`` typed into a cell (stored by Excel as
0.433 with a percent format) is read as 43.30, and it tells a formula from its cached
value.  Columns are found by their header, so moved columns still read; rows by their
key, so sorted rows still read.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from sakipgen.diagnostics import Diagnostic, Location
from sakipgen.i18n import _
from sakipgen.model.anggaran import SumberDana
from sakipgen.model.galat import pesan_galat
from sakipgen.model.masukan import (
    KUNCI,
    PETUNJUK,
    Lembar,
    NilaiSel,
    Sel,
    baca_dana,
    baca_sasaran,
    teks_dana,
    teks_sasaran,
)
from sakipgen.model.nilai import parse_angka, rupiah_utuh

MAX_BARIS = 100_000
"""Rows read from one sheet; a workbook that claims more is refused (X001)."""
MAX_BERKAS = 50 * 1024 * 1024
"""Largest workbook or CSV file read."""
MAX_ISI = 500 * 1024 * 1024
"""Largest total size of a workbook's parts once unzipped (a zip bomb is refused)."""


def periksa_berkas(path: Path) -> str | None:
    """Why a workbook or CSV file must not be opened, or None: too large on disk, or
    (an .xlsx) unpacking to more than :data:`MAX_ISI`.  XML entity expansion is refused
    by openpyxl itself, which uses defusedxml (a dependency) when it is installed."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return str(exc.strerror or exc)
    if size > MAX_BERKAS:
        return _("berkas {ukuran} MiB, lebih dari {batas} MiB").format(
            ukuran=size // (1024 * 1024), batas=MAX_BERKAS // (1024 * 1024)
        )
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return None
    try:
        with zipfile.ZipFile(path) as z:
            total = sum(i.file_size for i in z.infolist())
    except (OSError, zipfile.BadZipFile) as exc:
        return _("buku kerja tidak dapat dibaca sebagai .xlsx: {pesan}").format(pesan=exc)
    if total > MAX_ISI:
        return _("isi buku kerja {ukuran} MiB setelah diurai, lebih dari {batas} MiB").format(
            ukuran=total // (1024 * 1024), batas=MAX_ISI // (1024 * 1024)
        )
    return None


@dataclass
class Buku:
    nilai: list[tuple[str, Sel, NilaiSel]] = field(default_factory=list)
    """Each value cell that is filled: its place, what it maps to, the value read."""
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _tempat(nama: str, lembar: str, row: int, col: int) -> Location:
    from openpyxl.utils import get_column_letter

    return Location(f"{nama}:{lembar}!{get_column_letter(col)}{row}")


def kunci_judul(text: object) -> str:
    """A header as it is compared: spaces collapsed, case ignored."""
    return " ".join(str(text).split()).casefold() if text is not None else ""


def teks_sel(value: object) -> str:
    """A cell as text: a whole number typed as a number without ``.0`` (a year, an id
    part), spaces collapsed; empty for an empty cell."""
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return "" if value is None else " ".join(str(value).split())


def baca_buku(path: Path, layout: Sequence[Lembar], abaikan: Mapping[str, str]) -> Buku:
    buku = Buku()
    nama = str(path)

    def diag(loc: Location, code: str, pesan: str) -> None:
        buku.diagnostics.append(Diagnostic.make(loc, code, pesan))

    try:
        import openpyxl
    except ImportError:
        diag(
            Location(nama),
            "X001",
            _("paket openpyxl belum terpasang: pip install openpyxl"),
        )
        return buku
    alasan = periksa_berkas(path)
    if alasan is not None:
        diag(Location(nama), "X001", alasan)
        return buku
    try:
        wb_rumus = openpyxl.load_workbook(path, data_only=False)
        wb_nilai = openpyxl.load_workbook(path, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        diag(
            Location(nama),
            "X001",
            _("buku kerja tidak dapat dibaca sebagai .xlsx: {pesan}").format(pesan=exc),
        )
        return buku
    dikenal = {lb.nama: lb for lb in layout}
    for ws in wb_rumus.worksheets:
        if ws.title not in dikenal and ws.title != PETUNJUK:
            diag(
                Location(f"{nama}:{ws.title}"),
                "X005",
                _("lembar '{lembar}' tidak dikenal; isinya diabaikan").format(lembar=ws.title),
            )
    for lembar in layout:
        if lembar.nama in abaikan:
            if lembar.nama in wb_rumus.sheetnames and _berisi(wb_rumus[lembar.nama]):
                diag(
                    Location(f"{nama}:{lembar.nama}"),
                    "X005",
                    _("lembar '{lembar}' tidak dibaca: {alasan}").format(
                        lembar=lembar.nama, alasan=abaikan[lembar.nama]
                    ),
                )
            continue
        if lembar.nama not in wb_rumus.sheetnames:
            if not lembar.baris:  # nothing the folder has could come from it
                continue
            diag(
                Location(nama),
                "X005",
                _("lembar '{lembar}' tidak ada; tidak ada yang diimpor darinya").format(
                    lembar=lembar.nama
                ),
            )
            continue
        _baca_lembar(nama, wb_rumus[lembar.nama], wb_nilai[lembar.nama], lembar, buku, diag)
    return buku


def _baca_lembar(nama: str, ws: Any, ws_nilai: Any, lembar: Lembar, buku: Buku, diag: Any) -> None:
    if ws.sheet_state != "visible":
        diag(
            Location(f"{nama}:{ws.title}"),
            "X005",
            _("lembar '{lembar}' tersembunyi; isinya tetap dibaca").format(lembar=ws.title),
        )
    if ws.max_row > MAX_BARIS:
        diag(
            Location(f"{nama}:{ws.title}"),
            "X001",
            _("lembar berisi {n} baris, lebih dari {batas}").format(n=ws.max_row, batas=MAX_BARIS),
        )
        return
    for rng in ws.merged_cells.ranges:
        diag(
            _tempat(nama, ws.title, rng.min_row, rng.min_col),
            "X003",
            _(
                "sel {rentang} digabung (merge); pisahkan selnya agar setiap nilai ada di "
                "barisnya sendiri"
            ).format(rentang=rng.coord),
        )
    if ws.merged_cells.ranges:
        return
    header: dict[str, int] = {}
    for cell in ws[1] if ws.max_row >= 1 else ():
        key = kunci_judul(cell.value)
        if key and key not in header:
            header[key] = cell.column
    if kunci_judul(KUNCI) not in header:
        diag(
            _tempat(nama, ws.title, 1, 1),
            "X001",
            _("baris pertama lembar '{lembar}' harus memuat judul kolom '{kunci}'").format(
                lembar=ws.title, kunci=KUNCI
            ),
        )
        return
    dikenal = {kunci_judul(k) for k in (KUNCI, *lembar.kolom_info, *lembar.kolom_sel)}
    for key, col in header.items():
        kosong = all(not _ada(ws.cell(r, col).value) for r in range(2, ws.max_row + 1))
        if key not in dikenal and not kosong:
            diag(
                _tempat(nama, ws.title, 1, col),
                "X005",
                _("kolom '{kolom}' tidak dikenal; isinya diabaikan").format(
                    kolom=ws.cell(1, col).value
                ),
            )
    kolom = [(i, header.get(kunci_judul(k))) for i, k in enumerate(lembar.kolom_sel)]
    baris = {b.kunci: b for b in lembar.baris}
    seen: dict[str, int] = {}
    kunci_col = header[kunci_judul(KUNCI)]
    dari = [header.get(kunci_judul(k)) for k in lembar.kunci_dari]
    for r in range(2, ws.max_row + 1):
        raw_key = ws.cell(r, kunci_col).value
        if not _ada(raw_key) and dari and None not in dari:
            parts = [teks_sel(ws.cell(r, c).value) for c in dari if c is not None]
            if all(parts):
                raw_key = "/".join(parts)
        filled = [c for _i, c in kolom if c is not None and _ada(ws.cell(r, c).value)]
        if not _ada(raw_key):
            if filled:
                diag(
                    _tempat(nama, ws.title, r, kunci_col),
                    "X001",
                    _("baris berisi nilai tanpa kunci; salin kuncinya dari buku kerja ekspor"),
                )
            continue
        kunci = str(raw_key).strip()
        if kunci not in baris:
            if not filled:
                continue  # an unknown key with nothing to import says nothing

            diag(
                _tempat(nama, ws.title, r, kunci_col),
                "R001",
                _("kunci '{kunci}' tidak dikenal di folder dinas ini").format(kunci=kunci),
            )
            continue
        if kunci in seen:
            diag(
                _tempat(nama, ws.title, r, kunci_col),
                "R002",
                _("kunci '{kunci}' sudah ada di baris {baris}").format(
                    kunci=kunci, baris=seen[kunci]
                ),
            )
            continue
        seen[kunci] = r
        for i, c in kolom:
            sel = baris[kunci].sel[i]
            if c is None:
                continue
            loc = _tempat(nama, ws.title, r, c)
            cell = ws.cell(r, c)
            value = cell.value
            if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
                value = ws_nilai.cell(r, c).value
                if value is None:
                    diag(
                        loc,
                        "X001",
                        _(
                            "rumus tanpa nilai tersimpan; buka buku kerja di Excel atau "
                            "LibreOffice, hitung ulang dan simpan"
                        ),
                    )
                    continue
                diag(
                    loc,
                    "X002",
                    _("sel berisi rumus; dibaca nilai terakhirnya: {nilai}").format(nilai=value),
                )
            if sel is None:
                if _ada(value):
                    diag(loc, "X005", _("baris ini tidak punya nilai di kolom ini; diabaikan"))
                continue
            if not _ada(value):
                if sel.nilai is not None:
                    diag(
                        loc,
                        "X004",
                        _(
                            "sel dikosongkan, tetapi {berkas} berisi {nilai}; impor tidak "
                            'menghapus nilai: tulis "-" atau hapus di YAML'
                        ).format(berkas=sel.berkas, nilai=sel.nilai),
                    )
                continue
            try:
                baru = _nilai(value, cell.number_format, sel)
            except PydanticCustomError as exc:
                diag(loc, exc.type, exc.message())
                continue
            buku.nilai.append((str(loc), sel, baru))


def _berisi(ws: Any) -> bool:
    """Whether a sheet has any row below its header."""
    return any(_ada(v) for row in ws.iter_rows(min_row=2, values_only=True) for v in row)


def _ada(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _nilai(value: object, number_format: str, sel: Sel) -> NilaiSel:
    """A cell's value as a number or text; numbers as Excel shows them (a percent
    format shows 0.433 as 43,30 %)."""
    if isinstance(value, bool):
        raise PydanticCustomError("S003", _("harus berupa angka atau teks, bukan TRUE/FALSE"))
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        raise PydanticCustomError(
            "N002",
            _(
                "sel berisi tanggal ({nilai}); Excel mengubah angka seperti 1.12 menjadi "
                "tanggal: format selnya sebagai angka atau teks dan tulis ulang"
            ).format(nilai=value),
        )
    if sel.jenis == "teks":
        if isinstance(value, float):
            return format(Decimal(repr(value)), "f")
        return str(value).strip()
    if sel.jenis == "sasaran":
        return teks_sasaran(baca_sasaran(str(value))) or ""
    if sel.jenis == "dana":
        try:
            dana = [SumberDana.model_validate(d) for d in baca_dana(str(value))]
        except ValidationError as exc:
            raise PydanticCustomError("N002", pesan_galat(exc.errors()[0])[1]) from None
        return teks_dana(dana) or ""
    if isinstance(value, (int, float)):
        number = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
        if "%" in (number_format or ""):
            number = (number * 100).normalize()
            if number == number.to_integral_value():
                number = number.quantize(Decimal(1))
        return _periksa(parse_angka(number), sel)
    text = str(value).strip()
    if sel.jenis == "rupiah":
        return _periksa(parse_angka(text), sel)
    if text == sel.nilai:
        return text  # as exported: "2%", "-", "19,37%"
    try:
        return _periksa(parse_angka(text, allow_currency=False), sel)
    except PydanticCustomError as exc:
        if exc.type != "N002":
            raise
    persen = text.removesuffix("%").strip()
    if persen != text and not isinstance(sel.nilai, str):
        # "43,30%" typed as text where the YAML holds a number: the number.
        try:
            return _periksa(parse_angka(persen, allow_currency=False), sel)
        except PydanticCustomError as exc:
            if exc.type != "N002":
                raise
    return text  # a text value: "-", "WTP", "80-90", "7% dan 17%"


def _periksa(number: Decimal, sel: Sel) -> Decimal:
    """A rupiah cell's number must be one the YAML takes (whole, not negative)."""
    return Decimal(rupiah_utuh(number)) if sel.jenis == "rupiah" else number

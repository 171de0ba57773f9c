"""Reading the budget a dinas has in SIPD: program, kegiatan and sub kegiatan with kode,
uraian, pagu, realisasi, sumber dana and output indicators, from an Excel (.xlsx) or CSV
export.

Two layouts are read (README "Data from Excel and SIPD"):

* **datar** (flat): one row per sub kegiatan, or per sub kegiatan × indikator or
  × sumber dana (figures repeated), or per sub kegiatan × account (with a
  ``kode rekening`` column: figures summed), with columns named as SIPD's own data
  names them (``kode_sub_giat``, ``nama_sub_giat``, ``pagu``, ``pagumurni``,
  ``kode_giat``, ``nama_giat``, ``kode_program``, ``nama_program``, ``namadana``,
  ``pagudana``, ``outputteks``, ``targetoutput``, ``satuanoutput``) or as its reports
  title them (``Kode Sub Kegiatan``, ``Nama Sub Kegiatan``, ``Pagu``, ``Sumber Dana``
  …);
* **berjenjang** (hierarchical): one ``Kode`` column and one ``Uraian`` column holding
  urusan, bidang, program (3 segments), kegiatan (5) and sub kegiatan (6) in turn,
  with ``Pagu``/``Anggaran`` and ``Realisasi``; rows below a sub kegiatan with other
  codes (the accounts, ``5.1.02.01.01.0024``) are summed into it only when it has no
  figure of its own.

The header row is found among the first rows (reports put titles above it); columns
are found by their header, in several spellings, or by the names ``sipd.yaml`` gives.
Codes are compared by their numbers, so ``7.01.02.2.01.01`` and
``7.01.02.2.01.0001`` are one sub kegiatan; an uraian that starts with its own code
loses it.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic_core import PydanticCustomError

from sakipgen.diagnostics import Diagnostic, Location
from sakipgen.i18n import _
from sakipgen.impor.buku import AKHIRAN_XLSX, GalatBuku, buka_buku, periksa_berkas
from sakipgen.model.nilai import rupiah_utuh

MAX_BARIS = 200_000
BARIS_JUDUL_MAKS = 30
"""Rows searched for the header row."""

KOLOM: dict[str, tuple[str, ...]] = {
    "kode_program": ("kode_program", "kd_program", "kode_prog"),
    "nama_program": ("nama_program", "nm_program", "program", "uraian_program"),
    "kode_kegiatan": ("kode_giat", "kode_kegiatan", "kd_giat", "kd_kegiatan"),
    "nama_kegiatan": ("nama_giat", "nama_kegiatan", "nm_giat", "nm_kegiatan", "kegiatan"),
    "kode_sub_kegiatan": (
        "kode_sub_giat",
        "kode_sub_kegiatan",
        "kode_subkegiatan",
        "kd_sub_giat",
        "kd_sub_kegiatan",
    ),
    "nama_sub_kegiatan": (
        "nama_sub_giat",
        "nama_sub_kegiatan",
        "nama_subkegiatan",
        "nm_sub_giat",
        "nm_sub_kegiatan",
        "sub_kegiatan",
    ),
    "kode": ("kode", "kode_rekening", "kd_rek", "kode_akun", "no_rekening"),
    "uraian": (
        "uraian",
        "nama",
        "urusan_bidang_urusan_program_kegiatan_sub_kegiatan",
        "program_kegiatan_sub_kegiatan",
        "uraian_program_kegiatan_sub_kegiatan",
    ),
    "pagu": (
        "pagu",
        "pagu_anggaran",
        "pagu_perubahan",
        "anggaran",
        "anggaran_setelah_perubahan",
        "jumlah_anggaran",
        "nilai_anggaran",
        "total_pagu",
        "jumlah",
    ),
    "pagu_murni": ("pagumurni", "pagu_murni", "anggaran_murni", "anggaran_sebelum_perubahan"),
    "realisasi": (
        "realisasi",
        "realisasi_anggaran",
        "realisasi_keuangan",
        "realisasi_rp",
        "jumlah_realisasi",
        "total_realisasi",
    ),
    "sumber_dana": ("sumber_dana", "namadana", "nama_dana", "sumberdana"),
    "pagu_dana": ("pagudana", "pagu_dana", "nilai_dana", "jumlah_dana"),
    "indikator": (
        "outputteks",
        "indikator",
        "indikator_keluaran",
        "tolok_ukur",
        "tolok_ukur_keluaran",
        "keluaran",
        "output",
    ),
    "target": ("targetoutput", "target", "target_keluaran", "target_output"),
    "satuan": ("satuanoutput", "satuan", "satuan_output", "satuan_keluaran"),
}
"""Each field and the header names it is found by (normalised: lower case, words
joined by ``_``), most specific first."""


def norm(text: object) -> str:
    return re.sub(r"[^0-9a-z]+", "_", str(text).casefold()).strip("_") if text is not None else ""


_KODE = re.compile(r"^\s*((?:[0-9Xx]{1,4}\.){1,7}[0-9Xx]{1,4})\b\.?\s*[-–:]?\s*")


def kunci_kode(kode: str) -> tuple[int | str, ...]:
    """A code for comparison: its segments as numbers (``0001`` = ``01`` = 1)."""
    return tuple(int(s) if s.isdigit() else s.upper() for s in kode.strip().split(".") if s)


@dataclass
class UnitSipd:
    tingkat: str
    """``program``, ``kegiatan`` or ``sub_kegiatan``."""
    kode: str
    uraian: str | None
    tempat: str
    pagu: int | None = None
    realisasi: int | None = None
    sumber_dana: list[tuple[str, int | None]] = field(default_factory=list)
    indikator: list[tuple[str, str | None, str]] = field(default_factory=list)
    anak: list[UnitSipd] = field(default_factory=list)
    rekening: tuple[int, int] = (0, 0)
    """Pagu and realisasi summed from the account rows below it (hierarchical layout)."""
    ada_rekening: tuple[bool, bool] = (False, False)

    @property
    def kunci(self) -> tuple[int | str, ...]:
        return kunci_kode(self.kode)


@dataclass
class BerkasSipd:
    program: list[UnitSipd] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    susunan: str = ""
    """``datar`` or ``berjenjang``."""


@dataclass(frozen=True)
class _Baris:
    nomor: int
    sel: tuple[object, ...]


def _baris_xlsx(
    path: Path, lembar: str | None, diags: list[Diagnostic]
) -> Iterator[tuple[str, list[_Baris]]]:
    wb = buka_buku(path, data_only=True, read_only=True)
    try:
        names = (
            [lembar]
            if lembar
            else [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
        )
        for name in names:
            if name not in wb.sheetnames:
                diags.append(
                    Diagnostic.make(
                        Location(str(path)),
                        "X001",
                        _("lembar '{lembar}' (sipd.yaml) tidak ada di berkas").format(lembar=name),
                    )
                )
                return
            rows: list[_Baris] = []
            for i, row in enumerate(wb[name].iter_rows(values_only=True), 1):
                if i > MAX_BARIS:
                    break
                rows.append(_Baris(i, tuple(row)))
            yield name, rows
    finally:
        wb.close()


def _baris_csv(path: Path) -> list[_Baris]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    if sample.count("\t") > max(sample.count(";"), sample.count(",")):
        delimiter = "\t"
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return [_Baris(i, tuple(r)) for i, r in enumerate(reader, 1) if i <= MAX_BARIS]


def _judul(rows: list[_Baris], peta: Mapping[str, str]) -> tuple[int, dict[str, int]] | None:
    """The header row and each known field's column in it."""
    # A name sipd.yaml gives is looked for first; the known names still count after it.
    wanted = {k: (norm(peta[k]), *v) if k in peta else v for k, v in KOLOM.items()}
    for row in rows[:BARIS_JUDUL_MAKS]:
        headers = [norm(v) for v in row.sel]
        found: dict[str, int] = {}
        taken: set[int] = set()
        for key, names in wanted.items():
            for name in names:
                if name in headers and headers.index(name) not in taken:
                    found[key] = headers.index(name)
                    taken.add(found[key])
                    break
        flat = "kode_sub_kegiatan" in found
        tree = "kode" in found and "uraian" in found
        if flat or tree:
            return row.nomor, found
    return None


def baca_sipd(path: Path, peta: Mapping[str, str], lembar: str | None) -> BerkasSipd:
    """Read a SIPD export; every problem is a diagnostic located at its row."""
    hasil = BerkasSipd()
    diags = hasil.diagnostics
    alasan = periksa_berkas(path, csv=True)
    if alasan is not None:
        diags.append(Diagnostic.make(Location(str(path)), "X001", alasan))
        return hasil
    try:
        if path.suffix.lower() in AKHIRAN_XLSX:
            sheets = list(_baris_xlsx(path, lembar, diags))
        else:
            sheets = [("", _baris_csv(path))]
    except GalatBuku as exc:
        diags.append(Diagnostic.make(Location(str(path)), exc.code, exc.message))
        return hasil
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        diags.append(
            Diagnostic.make(
                Location(str(path)),
                "X001",
                _("berkas SIPD tidak dapat dibaca: {pesan}").format(pesan=exc),
            )
        )
        return hasil
    for name, rows in sheets:
        header = _judul(rows, peta)
        if header is None:
            continue
        nomor, kolom = header
        where = f"{path}:{name}!" if name else f"{path}:"
        data = [r for r in rows if r.nomor > nomor]
        if "kode_sub_kegiatan" in kolom:
            hasil.susunan = "datar"
            _datar(data, kolom, where, hasil)
        else:
            hasil.susunan = "berjenjang"
            _berjenjang(data, kolom, where, hasil)
        return hasil
    contoh = ", ".join(KOLOM["kode_sub_kegiatan"][:2] + KOLOM["kode"][:1])
    diags.append(
        Diagnostic.make(
            Location(str(path)),
            "X001",
            _(
                "judul kolom berkas SIPD tidak dikenali (dicari di {n} baris pertama: "
                "misalnya {contoh}); tulis nama kolomnya di sipd.yaml"
            ).format(n=BARIS_JUDUL_MAKS, contoh=contoh),
        )
    )
    return hasil


def _tempat(where: str, nomor: int, col: int | None = None) -> str:
    if col is None:
        return f"{where}{nomor}" if where.endswith(":") else f"{where}A{nomor}"
    from openpyxl.utils import get_column_letter

    return f"{where}{get_column_letter(col + 1)}{nomor}"


def _teks(row: _Baris, kolom: Mapping[str, int], key: str) -> str | None:
    i = kolom.get(key)
    if i is None or i >= len(row.sel) or row.sel[i] is None:
        return None
    value = row.sel[i]
    if isinstance(value, float) and value == int(value):
        value = int(value)
    text = " ".join(str(value).split())
    return text or None


def _rupiah(
    row: _Baris, kolom: Mapping[str, int], key: str, where: str, hasil: BerkasSipd
) -> int | None:
    i = kolom.get(key)
    if i is None or i >= len(row.sel):
        return None
    value: Any = row.sel[i]
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if isinstance(value, float):
            value = Decimal(repr(value))
        # SIPD prints rupiah with ",00"; a real fraction of a rupiah is not a budget.
        return rupiah_utuh(value if not isinstance(value, str) else value.strip())
    except PydanticCustomError as exc:
        hasil.diagnostics.append(
            Diagnostic.make(Location(_tempat(where, row.nomor, i)), exc.type, exc.message())
        )
        return None


def _tanpa_kode(uraian: str | None, kode: str) -> str | None:
    """``2.17.02.2.01.0001 Pelaksanaan …`` → ``Pelaksanaan …`` (SIPD sometimes writes
    the code into the name)."""
    if uraian is None:
        return None
    m = _KODE.match(uraian)
    if m and kunci_kode(m.group(1)) == kunci_kode(kode):
        rest = uraian[m.end() :].strip()
        return rest or None
    return uraian


def _anak(
    parent: list[UnitSipd], tingkat: str, kode: str, uraian: str | None, tempat: str
) -> UnitSipd:
    key = kunci_kode(kode)
    for unit in parent:
        if unit.kunci == key:
            if unit.uraian is None:
                unit.uraian = uraian
            return unit
    unit = UnitSipd(tingkat, kode, uraian, tempat)
    parent.append(unit)
    return unit


def _datar(rows: list[_Baris], kolom: Mapping[str, int], where: str, hasil: BerkasSipd) -> None:
    pagu_key = "pagu" if "pagu" in kolom else "pagu_murni"
    # With an account column (kode rekening) each row is one account of its sub
    # kegiatan, and the sub kegiatan's figures are their sums; without one the rows of
    # a sub kegiatan repeat its figures (one row per indikator or sumber dana).
    per_rekening = "kode" in kolom
    seen_dana: dict[tuple[int | str, ...], set[str]] = {}
    for row in rows:
        kode_sub = _teks(row, kolom, "kode_sub_kegiatan")
        if kode_sub is None:
            continue
        m = _KODE.match(kode_sub + " ")
        if not m or len(kunci_kode(m.group(1))) < 6:
            hasil.diagnostics.append(
                Diagnostic.make(
                    Location(_tempat(where, row.nomor, kolom["kode_sub_kegiatan"])),
                    "X001",
                    _(
                        "'{kode}' bukan kode sub kegiatan (enam bagian, misalnya 1.05.02.2.03.0002)"
                    ).format(kode=kode_sub),
                )
            )
            continue
        kode_sub = m.group(1)
        segs = kode_sub.split(".")
        kode_giat = _teks(row, kolom, "kode_kegiatan") or ".".join(segs[:5])
        kode_prog = _teks(row, kolom, "kode_program") or ".".join(segs[:3])
        tempat = _tempat(where, row.nomor)
        parent, sub = hasil.program, None
        for tingkat, kode, nama in (
            ("program", kode_prog, "nama_program"),
            ("kegiatan", kode_giat, "nama_kegiatan"),
            ("sub_kegiatan", kode_sub, "nama_sub_kegiatan"),
        ):
            sub = _anak(parent, tingkat, kode, _tanpa_kode(_teks(row, kolom, nama), kode), tempat)
            parent = sub.anak
        assert sub is not None
        pagu = _rupiah(row, kolom, pagu_key, where, hasil)
        realisasi = _rupiah(row, kolom, "realisasi", where, hasil)
        if per_rekening:
            # One row per account (belanja) of the sub kegiatan: its figures add up.
            if pagu is not None:
                sub.pagu = (sub.pagu or 0) + pagu
            if realisasi is not None:
                sub.realisasi = (sub.realisasi or 0) + realisasi
        elif pagu is not None:
            if sub.pagu is not None and sub.pagu != pagu:
                hasil.diagnostics.append(
                    Diagnostic.make(
                        Location(_tempat(where, row.nomor, kolom[pagu_key])),
                        "X005",
                        _(
                            "pagu sub kegiatan {kode} di baris ini ({baru}) berbeda dengan "
                            "baris sebelumnya ({lama}); yang pertama dipakai"
                        ).format(kode=kode_sub, baru=pagu, lama=sub.pagu),
                    )
                )
            elif sub.pagu is None:
                sub.pagu = pagu
        if not per_rekening and realisasi is not None and sub.realisasi is None:
            sub.realisasi = realisasi
        dana = _teks(row, kolom, "sumber_dana")
        if dana is not None and dana not in seen_dana.setdefault(sub.kunci, set()):
            seen_dana[sub.kunci].add(dana)
            sub.sumber_dana.append((dana, _rupiah(row, kolom, "pagu_dana", where, hasil)))
        teks = _teks(row, kolom, "indikator")
        if teks is not None and teks not in [i[0] for i in sub.indikator]:
            sub.indikator.append(
                (teks, _teks(row, kolom, "target"), _teks(row, kolom, "satuan") or "")
            )


def _berjenjang(
    rows: list[_Baris], kolom: Mapping[str, int], where: str, hasil: BerkasSipd
) -> None:
    program: UnitSipd | None = None
    kegiatan: UnitSipd | None = None
    sub: UnitSipd | None = None
    pagu_key = "pagu" if "pagu" in kolom else "pagu_murni"
    for row in rows:
        kode = _teks(row, kolom, "kode")
        uraian = _teks(row, kolom, "uraian")
        if kode is None and uraian is not None:
            m = _KODE.match(uraian)
            kode = m.group(1) if m else None
        if kode is None:
            continue
        m = _KODE.match(kode + " ")
        if not m:
            continue
        kode = m.group(1)
        key = kunci_kode(kode)
        uraian = _tanpa_kode(uraian, kode)
        tempat = _tempat(where, row.nomor)
        pagu = _rupiah(row, kolom, pagu_key, where, hasil)
        realisasi = _rupiah(row, kolom, "realisasi", where, hasil)
        unit: UnitSipd | None = None
        if len(key) == 3:
            program = unit = _anak(hasil.program, "program", kode, uraian, tempat)
            kegiatan = sub = None
        elif len(key) == 5 and program is not None and key[:3] == program.kunci:
            kegiatan = unit = _anak(program.anak, "kegiatan", kode, uraian, tempat)
            sub = None
        elif len(key) == 6 and kegiatan is not None and key[:5] == kegiatan.kunci:
            sub = unit = _anak(kegiatan.anak, "sub_kegiatan", kode, uraian, tempat)
        elif sub is not None and len(key) > 2:
            # An account row under the sub kegiatan: counted only where the sub
            # kegiatan row has no figure of its own.
            p, r = sub.rekening
            sub.rekening = (p + (pagu or 0), r + (realisasi or 0))
            sub.ada_rekening = (
                sub.ada_rekening[0] or pagu is not None,
                sub.ada_rekening[1] or realisasi is not None,
            )
            continue
        if unit is None:
            continue
        if pagu is not None:
            unit.pagu = pagu
        if realisasi is not None:
            unit.realisasi = realisasi
    for prog in hasil.program:
        for keg in prog.anak:
            for s in keg.anak:
                if s.pagu is None and s.ada_rekening[0]:
                    s.pagu = s.rekening[0]
                if s.realisasi is None and s.ada_rekening[1]:
                    s.realisasi = s.rekening[1]

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
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from sakipgen.diagnostics import Diagnostic, Location
from sakipgen.errors import TemuanData
from sakipgen.i18n import _
from sakipgen.model.anggaran import SumberDana
from sakipgen.model.galat import pesan_galat
from sakipgen.model.masukan import (
    KUNCI,
    PETUNJUK,
    YA_TIDAK,
    JenisSel,
    Lembar,
    NilaiSel,
    Sel,
    baca_dana,
    baca_sasaran,
    kunci_judul,
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


MAGIC_ZIP = b"PK\x03\x04"
MAGIC_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an .xlsx (a zip) and of an Excel 97-2003 .xls (an OLE file)."""
AKHIRAN_XLSX = (".xlsx", ".xlsm", ".xltx", ".xltm")
"""The names openpyxl opens."""


def bukan_buku(path: Path, *, csv: bool = False) -> str | None:
    """Why ``path`` cannot be read as a workbook (an .xlsx), in a planner's words, or
    None: an old .xls or binary .xlsb, a file that is no workbook whatever its name, a
    workbook under another name.  ``csv``: a CSV file (any other name) is fine too."""
    try:
        with path.open("rb") as fh:
            awal = fh.read(8)
    except OSError as exc:
        return str(exc.strerror or exc)
    suffix = path.suffix.lower()
    nama = path.name
    if awal == MAGIC_OLE:
        return _(
            "'{nama}' adalah buku kerja Excel 97-2003 (.xls), yang tidak dibaca: buka di "
            "Excel atau LibreOffice, lalu simpan sebagai .xlsx (Excel Workbook)"
        ).format(nama=nama)
    if suffix == ".xlsb" and awal.startswith(MAGIC_ZIP):
        return _(
            "'{nama}' adalah buku kerja biner (.xlsb), yang tidak dibaca: buka di Excel, "
            "lalu simpan sebagai .xlsx (Excel Workbook)"
        ).format(nama=nama)
    if awal.startswith(MAGIC_ZIP):
        if suffix in AKHIRAN_XLSX:
            return None
        return _(
            "'{nama}' berisi buku kerja .xlsx dengan nama berakhiran '{akhiran}': ganti "
            "namanya menjadi .xlsx"
        ).format(nama=nama, akhiran=suffix or nama)
    if csv and suffix not in AKHIRAN_XLSX:
        return None
    return _bukan_xlsx(path)


def _bukan_xlsx(path: Path) -> str:
    suffix = path.suffix.lower()
    return _(
        "'{nama}' bukan buku kerja Excel (.xlsx){meski}: buka di Excel atau LibreOffice, "
        "lalu simpan sebagai .xlsx (Excel Workbook)"
    ).format(
        nama=path.name,
        meski=_(", meskipun namanya berakhiran {akhiran}").format(akhiran=suffix)
        if suffix in AKHIRAN_XLSX
        else "",
    )


def periksa_berkas(path: Path, *, csv: bool = False) -> str | None:
    """Why a workbook or CSV file must not be opened, or None: not a workbook (see
    :func:`bukan_buku`), too large on disk, or (an .xlsx) unpacking to more than
    :data:`MAX_ISI`.  XML entity expansion is refused by openpyxl itself, which uses
    defusedxml (a dependency) when it is installed."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return str(exc.strerror or exc)
    if size > MAX_BERKAS:
        return _("berkas {ukuran} MiB, lebih dari {batas} MiB").format(
            ukuran=size // (1024 * 1024), batas=MAX_BERKAS // (1024 * 1024)
        )
    alasan = bukan_buku(path, csv=csv)
    if alasan is not None or path.suffix.lower() not in AKHIRAN_XLSX:
        return alasan
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


def buka_buku(path: Path, **opsi: bool) -> Any:
    """The workbook opened by openpyxl; :class:`GalatBuku` with a planner's message when
    it cannot be (call :func:`periksa_berkas` first)."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return openpyxl.load_workbook(path, **opsi)
    except InvalidFileException:
        raise GalatBuku(bukan_buku(path) or _bukan_xlsx(path)) from None
    except (zipfile.BadZipFile, KeyError):  # a zip, but not a workbook (a .docx renamed)
        raise GalatBuku(_bukan_xlsx(path)) from None
    except (OSError, ValueError, TypeError) as exc:
        raise GalatBuku(
            _("buku kerja tidak dapat dibaca sebagai .xlsx: {pesan}").format(pesan=exc)
        ) from None


class GalatBuku(TemuanData):
    """A workbook openpyxl cannot open: X001 with this message, at the file."""

    def __init__(self, pesan: str) -> None:
        super().__init__("X001", pesan)


class Hapus:
    """What a cell reads as when ``-`` in it removes its value from the YAML."""

    def __repr__(self) -> str:
        return "HAPUS"


HAPUS = Hapus()
NilaiBaca = NilaiSel | Hapus


@dataclass(frozen=True)
class BarisBaru:
    """A row whose key names no row of the sheet: an entry to add (a program, an
    indikator, a rencana aksi row), or a mistyped key (R001, said by its maker)."""

    lembar: str
    kunci: str
    tempat: str
    """The key cell (``BUKU.xlsx:Anggaran!A12``)."""
    sel: dict[str, tuple[object, str, str]]
    """Each filled cell by its column's header (as :func:`kunci_judul` compares it):
    its value, its number format and its place."""

    def teks(self, judul: str) -> str:
        return teks_sel(self.sel.get(kunci_judul(judul), (None, "", ""))[0])


@dataclass
class Buku:
    nilai: list[tuple[str, Sel, NilaiBaca]] = field(default_factory=list)
    """Each value cell that is filled: its place, what it maps to, the value read."""
    baru: list[BarisBaru] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _tempat(nama: str, lembar: str, row: int, col: int) -> Location:
    from openpyxl.utils import get_column_letter

    return Location(f"{nama}:{lembar}!{get_column_letter(col)}{row}")


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
        import openpyxl  # noqa: F401 - only to say it is missing
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
        wb_rumus = buka_buku(path, data_only=False)
        wb_nilai = buka_buku(path, data_only=True)
    except GalatBuku as exc:
        diag(Location(nama), exc.code, exc.message)
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
            if not any(b.tampil for b in lembar.baris):  # nothing exported could come from it
                continue
            diag(
                Location(nama),
                "X005",
                _("lembar '{lembar}' tidak ada; tidak ada yang diimpor darinya").format(
                    lembar=lembar.nama
                ),
            )
            continue
        ws = wb_rumus[lembar.nama]
        if lembar.perluas is not None and ws.max_row >= 1:
            # Columns a planner typed (another plan's targets: Target Provinsi 2025).
            lembar = lembar.perluas([teks_sel(c.value) for c in ws[1] if _ada(c.value)])
        _baca_lembar(nama, ws, wb_nilai[lembar.nama], lembar, buku, diag)
    return buku


def _saran(jenis: str) -> str:
    """What to do instead of editing a grey cell (:attr:`Lembar.saran`)."""
    return {
        "id": _("id diganti di renstra.yaml, bersama setiap rujukannya"),
        "target": _("nama dan satuan indikator diubah di lembar Target"),
        "kunci": _(
            "kolom ini mengikuti Kunci baris; untuk entri lain, tulis baris baru dengan kuncinya"
        ),
        "anggaran": _("nama program atau kegiatan diubah di kolom Uraian lembar Anggaran"),
        "periode": _("periode tabel rencana aksi diubah di rencana-aksi.yaml"),
        "keterangan": _("kolom ini hanya keterangan; ubah Indikator atau Uraian baris ini"),
    }.get(jenis, _("kolom ini hanya keterangan"))


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
    gabung: set[tuple[int, int]] = set()
    for rng in ws.merged_cells.ranges:
        diag(
            _tempat(nama, ws.title, rng.min_row, rng.min_col),
            "X003",
            _(
                "sel {rentang} digabung (merge); pisahkan selnya agar setiap nilai ada di "
                "barisnya sendiri"
            ).format(rentang=rng.coord),
        )
        gabung.update(
            (r, c)
            for r in range(rng.min_row, rng.max_row + 1)
            for c in range(rng.min_col, rng.max_col + 1)
        )
    header: dict[str, int] = {}
    for cell in ws[1] if ws.max_row >= 1 else ():
        key = kunci_judul(cell.value)
        if key and key not in header and (1, cell.column) not in gabung:
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
    info = [(i, header.get(kunci_judul(k))) for i, k in enumerate(lembar.kolom_info)]
    saran = dict(lembar.saran)
    pilihan = {k: v for k, v in lembar.pilihan if k != "Sasaran"}
    baris = lembar.cari()
    seen: dict[str, int] = {}
    kunci_col = header[kunci_judul(KUNCI)]
    dari = [header.get(kunci_judul(k)) for k in lembar.kunci_dari]

    def baca(r: int, c: int) -> tuple[bool, object]:
        """A cell's value (a formula's last computed one, with X002); False for a cell
        that cannot be read (a formula without a stored value)."""
        cell = ws.cell(r, c)
        value = cell.value
        if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
            loc = _tempat(nama, ws.title, r, c)
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
                return False, None
            diag(
                loc,
                "X002",
                _("sel berisi rumus; dibaca nilai terakhirnya: {nilai}").format(nilai=value),
            )
        return True, value

    for r in range(2, ws.max_row + 1):
        if (r, kunci_col) in gabung:
            continue
        raw_key = ws.cell(r, kunci_col).value
        if not _ada(raw_key) and dari and None not in dari:
            parts = [teks_sel(ws.cell(r, c).value) for c in dari if c is not None]
            if all(parts):
                raw_key = lembar.kunci_sambung.join(parts)
        filled = [
            c
            for _i, c in kolom
            if c is not None and (r, c) not in gabung and _ada(ws.cell(r, c).value)
        ]
        if not _ada(raw_key):
            if filled:
                diag(
                    _tempat(nama, ws.title, r, kunci_col),
                    "X001",
                    _("baris berisi nilai tanpa kunci; salin kuncinya dari buku kerja ekspor"),
                )
            continue
        kunci = re.sub(r"\s*/\s*", "/", teks_sel(raw_key))  # "2025 / P01" is 2025/P01
        key_loc = _tempat(nama, ws.title, r, kunci_col)
        row = baris.get(kunci)
        ident = row.kunci if row is not None else kunci
        if ident in seen:
            diag(
                key_loc,
                "R002",
                _("kunci '{kunci}' sudah ada di baris {baris}; baris ini tidak dibaca").format(
                    kunci=kunci, baris=seen[ident]
                ),
            )
            continue
        if row is None:
            if not filled:
                continue  # an unknown key with nothing to import says nothing
            seen[ident] = r
            isi: dict[str, tuple[object, str, str]] = {}
            for key, hc in header.items():
                if hc == kunci_col or (r, hc) in gabung or not _ada(ws.cell(r, hc).value):
                    continue
                ok, value = baca(r, hc)
                if ok:
                    isi[key] = (
                        value,
                        ws.cell(r, hc).number_format,
                        str(_tempat(nama, ws.title, r, hc)),
                    )
            buku.baru.append(BarisBaru(lembar.nama, kunci, str(key_loc), isi))
            continue
        seen[ident] = r
        if row.tampil:
            for i, ci in info:
                if ci is None or (r, ci) in gabung:
                    continue
                semula, kini = teks_sel(row.info[i]), teks_sel(ws.cell(r, ci).value)
                if kini and semula != kini:  # an emptied grey cell changes nothing either
                    diag(
                        _tempat(nama, ws.title, r, ci),
                        "X005",
                        _(
                            "sel abu-abu '{kolom}' diubah ('{lama}' menjadi '{baru}'), tetapi "
                            "tidak diimpor: {saran}"
                        ).format(
                            kolom=lembar.kolom_info[i],
                            lama=semula,
                            baru=kini,
                            saran=_saran(saran.get(lembar.kolom_info[i], "")),
                        ),
                    )
        for i, c in kolom:
            sel = row.sel[i]
            if c is None or (r, c) in gabung:
                continue
            loc = _tempat(nama, ws.title, r, c)
            if not _ada(ws.cell(r, c).value):
                if sel is not None and sel.nilai is not None and sel.tertulis:
                    diag(
                        loc,
                        "X004",
                        (
                            _(
                                "sel dikosongkan, tetapi {berkas} berisi {nilai}; sel kosong "
                                'tidak menghapus nilai: tulis "-" untuk menghapusnya'
                            )
                            if sel.hapus
                            else _(
                                "sel dikosongkan, tetapi {berkas} berisi {nilai}; sel kosong "
                                'tidak menghapus nilai: tulis nilai barunya, atau "-" bila '
                                "tahun itu tidak ada"
                            )
                        ).format(berkas=sel.berkas, nilai=sel.nilai),
                    )
                continue
            ok, value = baca(r, c)
            if not ok:
                continue
            if sel is None:
                if _ada(value):
                    diag(loc, "X005", _("baris ini tidak punya nilai di kolom ini; diabaikan"))
                continue
            try:
                baru = baca_nilai(
                    value,
                    ws.cell(r, c).number_format,
                    sel.jenis,
                    sel.nilai,
                    hapus=sel.hapus,
                )
            except PydanticCustomError as exc:
                diag(loc, exc.type, exc.message())
                continue
            if isinstance(baru, str) and lembar.kolom_sel[i] in pilihan:
                baru = pilih(baru, pilihan[lembar.kolom_sel[i]])
            buku.nilai.append((str(loc), sel, baru))


def pilih(value: str, pilihan: Sequence[str]) -> str:
    """A dropdown's value as its list writes it, however it was typed (``Jumlah``,
    ``akhir periode`` → ``jumlah``, ``akhir_periode``); anything else as typed."""
    norm = "_".join(value.casefold().split())
    return next((p for p in pilihan if p == norm), value)


def _berisi(ws: Any) -> bool:
    """Whether a sheet has any row below its header."""
    return any(_ada(v) for row in ws.iter_rows(min_row=2, values_only=True) for v in row)


def _ada(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


_STRIP = ("-", "–", "—")
_RIBUAN = re.compile(r"^[+-]?[1-9]\d{0,2}\.\d{3}$")
_DESIMAL = re.compile(r"^[+-]?[1-9]\d{0,2},\d{3}$")
_RP = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)


def angka_teks(text: str, *, rupiah: bool = False) -> Decimal:
    """A number typed as text in the (Indonesian) workbook: the dot groups thousands and
    the comma is the decimal mark, as Excel set to Indonesian reads them, so ``6.825``
    is 6825 and ``6,825`` is 6,825 (in YAML both are N001: ``6.825`` is YAML's own
    decimal number); everything else as the YAML reads text (``1.727.182.400``,
    ``43,30``, ``12.5``).  ``rupiah``: ``Rp`` and a ``,-`` ending are allowed."""
    t = text.strip()
    if rupiah:
        t = _RP.sub("", t).removesuffix(",-").strip()
    if _RIBUAN.match(t):
        return Decimal(t.replace(".", ""))
    if _DESIMAL.match(t):
        return Decimal(t.replace(",", "."))
    return parse_angka(t, allow_currency=rupiah)


def baca_nilai(
    value: object,
    number_format: str,
    jenis: JenisSel,
    lama: NilaiSel = None,
    *,
    hapus: bool = False,
) -> NilaiBaca:
    """A cell's value as a number or text; numbers as Excel shows them (a percent
    format shows 0.433 as 43,30 %); :data:`HAPUS` for ``-`` where it removes the
    value (``hapus``)."""
    if isinstance(value, bool):
        if jenis == "ya_tidak":
            return YA_TIDAK[0] if value else YA_TIDAK[1]
        raise PydanticCustomError("S003", _("harus berupa angka atau teks, bukan TRUE/FALSE"))
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        raise PydanticCustomError(
            "N002",
            _(
                "sel berisi tanggal ({nilai}); Excel mengubah angka seperti 1.12 menjadi "
                "tanggal: format selnya sebagai angka atau teks dan tulis ulang"
            ).format(nilai=value),
        )
    if hapus and isinstance(value, str) and value.strip() in _STRIP:
        # "-" where the YAML holds "-" (a period reported as nothing) is that value.
        return value.strip() if isinstance(lama, str) and lama.strip() in _STRIP else HAPUS
    if jenis == "ya_tidak":
        text = str(value).strip().casefold()
        if text in ("ya", "y", "true", "benar", "1"):
            return YA_TIDAK[0]
        if text in ("tidak", "t", "false", "salah", "0"):
            return YA_TIDAK[1]
        raise PydanticCustomError(
            "S003", _("tulis ya atau tidak, bukan '{nilai}'").format(nilai=value)
        )
    if jenis == "teks":
        if isinstance(value, float):
            return format(Decimal(repr(value)), "f")
        return " ".join(str(value).split())
    if jenis == "sasaran":
        return teks_sasaran(baca_sasaran(str(value))) or ""
    if jenis == "dana":
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
        return _periksa(parse_angka(_desimal_format(number, number_format)), jenis)
    text = str(value).strip()
    if jenis == "rupiah":
        return _periksa(angka_teks(text, rupiah=True), jenis)
    if jenis == "angka":
        try:
            return angka_teks(text.removesuffix("%").strip())
        except PydanticCustomError as exc:
            if exc.type != "N002":
                raise
            raise PydanticCustomError(
                "N002",
                _(
                    "'{nilai}' bukan angka; ketik capaiannya sebagai angka, misalnya 100 atau 87,5"
                ).format(nilai=text),
            ) from None
    if text == lama:
        return text  # as exported: "2%", "-", "19,37%"
    try:
        return angka_teks(text)
    except PydanticCustomError as exc:
        if exc.type != "N002":
            raise
    persen = text.removesuffix("%").strip()
    if persen != text and isinstance(lama, Decimal):
        # "43,30%" typed as text where the YAML holds a number: the number (where it
        # holds text or nothing, the text: the YAML reads "43,30%" as that number).
        try:
            return angka_teks(persen)
        except PydanticCustomError as exc:
            if exc.type != "N002":
                raise
    return text  # a text value: "-", "WTP", "80-90", "7% dan 17%"


_POLA_DESIMAL = re.compile(r"\.(0+)")


def _desimal_format(number: Decimal, number_format: str) -> Decimal:
    """A number with the decimals its format shows, when it has fewer (``43.3`` in a
    ``#,##0.00`` cell is 43,30, as the export wrote ``43.30``); never rounded."""
    m = _POLA_DESIMAL.search((number_format or "").split(";")[0])
    exponent = number.as_tuple().exponent
    if m is None or not isinstance(exponent, int) or -exponent >= len(m.group(1)):
        return number
    return number.quantize(Decimal(1).scaleb(-len(m.group(1))))


def _periksa(number: Decimal, jenis: JenisSel) -> Decimal:
    """A rupiah cell's number must be one the YAML takes (whole, not negative)."""
    return Decimal(rupiah_utuh(number)) if jenis == "rupiah" else number

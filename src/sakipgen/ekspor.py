"""``sakipgen export``: the computed tables of one year as an Excel workbook or CSV files.

Tables (each omitted when the year has no data for it), in this order:

=====================  =====================  ==========================================
sheet                  CSV file               rows
=====================  =====================  ==========================================
Capaian Indikator      capaian-indikator.csv  one per measured indikator
Capaian Sasaran        capaian-sasaran.csv    one per sasaran, then the overall capaian
IKU                    iku.csv                one per IKU indikator, a column per Renstra year
PK Target              pk-target.csv          the PK (or PK Perubahan, with target semula)
PK Program             pk-program.csv         program, pagu as signed, sumber dana; JUMLAH
Rencana Aksi           rencana-aksi.csv       one per rencana aksi row, 12 months or Tw I-IV
Anggaran               anggaran.csv           program → kegiatan → sub kegiatan; JUMLAH
Anggaran per Sasaran   anggaran-sasaran.csv   one per sasaran; JUMLAH
=====================  =====================  ==========================================

Every figure is the one sakipgen computes (the same as ``show`` and the documents).
In the workbook numbers are number cells (rupiah ``#,##0``, percentages ``#,##0.00``,
targets with the decimals they were written with), so Excel shows them with the
reader's own separators (``1.727.182.400`` and ``135,31`` in Indonesian Excel) and
can add them up.  CSV files follow the Indonesian Excel convention: UTF-8 with a BOM,
``;`` between fields, a decimal comma and no thousands separator (``135,31``,
``1727182400``), so a double click opens them in Excel set to Indonesian.

Text from the dinas folder is untrusted: in the workbook every text cell is written
as a string (``write_string``), never as a formula, whatever it starts with; in CSV
every text cell (and header) starting with ``=``, ``+``, ``-``, ``@``, tab or CR gets a
leading ``'`` (figures are int or Decimal, never text, so ``-1,25`` stays a number).
A CSV export folder holds :data:`MANIFES`, the files it wrote with their sha256, so a
later export removes a table file it no longer produces only when it is unchanged.

The same data gives the same bytes: the workbook's created/modified date is the
latest date in the year's ``dokumen.yaml`` (else 1 January of the year), zip entries
have a fixed timestamp.
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Literal

from sakipgen.errors import GalatPemakaian
from sakipgen.format import keterangan_dana
from sakipgen.i18n import _
from sakipgen.model.anggaran import Program
from sakipgen.model.folder import Dinas
from sakipgen.model.hasil import SUMBER_TARGET, HasilTahun, Unit
from sakipgen.model.nilai import Nilai
from sakipgen.pipeline import Bundel
from sakipgen.write import tautan_di_jalur, tulis_atomik

JenisKolom = Literal["teks", "rupiah", "persen", "angka", "cacah"]
"""``angka``: a target or realisasi, printed with the decimals it was written with;
``cacah``: a count or a row number."""

Sel = str | int | Decimal | None


@dataclass(frozen=True)
class Kolom:
    judul: str
    jenis: JenisKolom = "teks"


@dataclass
class Tabel:
    nama: str
    """Sheet name (at most 31 characters)."""
    berkas: str
    """CSV file name without ``.csv``."""
    kolom: list[Kolom]
    baris: list[list[Sel]] = field(default_factory=list)
    tebal: set[int] = field(default_factory=set)
    """Rows (0-based) printed bold: totals."""
    inden: dict[int, int] = field(default_factory=dict)
    """Indent level of a row's ``kolom_inden`` cell (kegiatan 1, sub kegiatan 2)."""
    kolom_inden: int | None = None

    def tambah(self, row: list[Sel], *, tebal: bool = False, inden: int = 0) -> None:
        assert len(row) == len(self.kolom)
        if tebal:
            self.tebal.add(len(self.baris))
        if inden:
            self.inden[len(self.baris)] = inden
        self.baris.append(row)


BERKAS_CSV = [
    "capaian-indikator",
    "capaian-sasaran",
    "iku",
    "pk-target",
    "pk-program",
    "rencana-aksi",
    "anggaran",
    "anggaran-sasaran",
]


# --- the tables ----------------------------------------------------------------------------


def _nilai(value: Nilai | None, satuan: str = "") -> Sel:
    """A target or realisasi cell: the number when it is one (its unit word, if any, is
    the row's satuan or ``%``), else the text as written; None for ``-``."""
    if value is None or value.jenis == "kosong":
        return None
    if value.jenis == "angka" and value.angka is not None:
        unit = value.satuan.lower()
        if not unit or unit == "%" or unit == satuan.lower():
            return value.angka
    return value.teks


def tabel_capaian_indikator(hasil: HasilTahun) -> Tabel | None:
    rows = [h for s in hasil.sasaran for h in s.indikator]
    if not rows:
        return None
    t = Tabel(
        "Capaian Indikator",
        "capaian-indikator",
        [
            Kolom("Kode Sasaran"),
            Kolom("Sasaran"),
            Kolom("Kode Indikator"),
            Kolom("Indikator"),
            Kolom("Satuan"),
            Kolom("Target", "angka"),
            Kolom("Sumber Target"),
            Kolom("Realisasi", "angka"),
            Kolom("Capaian (%)", "persen"),
            Kolom("Kategori"),
            Kolom("Capaian Tahun Lalu (%)", "persen"),
            Kolom("Capaian thd Target Akhir Renstra (%)", "persen"),
            Kolom("Keterangan"),
        ],
    )
    sumber = SUMBER_TARGET.get(hasil.sumber_target or "", "")
    for s in hasil.sasaran:
        for h in s.indikator:
            ket = []
            if h.manual:
                ket.append("capaian diisi manual")
            ket += [x for x in (h.alasan, h.keterangan) if x]
            satuan = h.indikator.satuan
            t.tambah(
                [
                    s.sasaran.id,
                    s.sasaran.uraian,
                    h.indikator.id,
                    h.indikator.uraian,
                    satuan,
                    _nilai(h.target, satuan),
                    sumber,
                    _nilai(h.realisasi, satuan),
                    h.capaian,
                    h.kategori,
                    h.capaian_tahun_lalu,
                    h.capaian_target_akhir,
                    "; ".join(ket) or None,
                ]
            )
    return t


def tabel_capaian_sasaran(hasil: HasilTahun) -> Tabel | None:
    if not hasil.ada_realisasi or not hasil.sasaran:
        return None
    t = Tabel(
        "Capaian Sasaran",
        "capaian-sasaran",
        [
            Kolom("Kode Sasaran"),
            Kolom("Sasaran"),
            Kolom("Jumlah Indikator", "cacah"),
            Kolom("Capaian (%)", "persen"),
            Kolom("Kategori"),
            Kolom("Capaian Tahun Lalu (%)", "persen"),
        ],
    )
    for s in hasil.sasaran:
        t.tambah(
            [
                s.sasaran.id,
                s.sasaran.uraian,
                len(s.indikator),
                s.capaian,
                s.kategori,
                s.capaian_tahun_lalu,
            ]
        )
    t.tambah(
        [
            None,
            "Capaian keseluruhan (rata-rata capaian sasaran)",
            sum(len(s.indikator) for s in hasil.sasaran),
            hasil.capaian,
            hasil.kategori,
            hasil.capaian_tahun_lalu,
        ],
        tebal=True,
    )
    t.tambah(
        [None, "Rata-rata capaian seluruh indikator", None, hasil.rata_rata_indikator, None, None]
    )
    return t


def tabel_iku(dinas: Dinas) -> Tabel | None:
    renstra = dinas.renstra.model
    rows = [(s, i) for s, i in renstra.indikator() if i.iku]
    if not rows:
        return None
    years = list(renstra.periode.tahun)
    t = Tabel(
        "IKU",
        "iku",
        [
            Kolom("Kode Sasaran"),
            Kolom("Sasaran"),
            Kolom("Kode Indikator"),
            Kolom("Indikator Kinerja Utama"),
            Kolom("Satuan"),
            Kolom("Definisi Operasional/Formula"),
            *[Kolom(f"Target {y}", "angka") for y in years],
            Kolom("Target Akhir Renstra", "angka"),
            Kolom("Penanggung Jawab"),
            Kolom("Sumber Data"),
        ],
    )
    for s, i in rows:
        definisi = "\n".join(x for x in (i.definisi, i.formula) if x)
        t.tambah(
            [
                s.id,
                s.uraian,
                i.id,
                i.uraian,
                i.satuan,
                definisi or None,
                *[_nilai(i.target.get(y), i.satuan) for y in years],
                _nilai(i.target_akhir, i.satuan),
                i.penanggung_jawab,
                i.sumber_data,
            ]
        )
    return t


def tabel_pk(bundel: Bundel, tahun: int, peringatan: list[str]) -> list[Tabel]:
    dinas = bundel.dinas
    assert dinas is not None
    hasil_pk = bundel.pk.get(tahun)
    if hasil_pk is None:
        return []
    if hasil_pk.galat_revisi is not None:
        peringatan.append(
            _(
                "target semula dari revisi_pk tidak dapat dibaca ({exc}); kolom Target Semula "
                "hanya memuat yang tertulis di target.yaml"
            ).format(exc=hasil_pk.galat_revisi)
        )
    found = hasil_pk.target
    anggaran = bundel.hasil[tahun].anggaran
    doc = found.dokumen
    out: list[Tabel] = []
    kolom = [
        Kolom("Kode Sasaran"),
        Kolom("Sasaran"),
        Kolom("Kode Indikator"),
        Kolom("Indikator"),
        Kolom("Satuan"),
    ]
    if found.ada_semula:
        kolom += [Kolom("Target Semula", "angka"), Kolom("Target Perubahan", "angka")]
    else:
        kolom.append(Kolom("Target", "angka"))
    kolom.append(Kolom("Keterangan"))
    t = Tabel("PK Target", "pk-target", kolom)
    for s in dinas.renstra.model.sasaran:
        for i in s.indikator:
            entry = doc.indikator.get(i.id)
            if entry is None:
                continue
            values = [_nilai(entry.target, i.satuan)]
            if found.ada_semula:
                values.insert(0, _nilai(entry.semula, i.satuan))
            ket = "; ".join(x for x in (entry.alasan, entry.catatan) if x) or None
            t.tambah([s.id, s.uraian, i.id, i.uraian, i.satuan, *values, ket])
    if t.baris:
        out.append(t)
    programs = dinas.tahun[tahun].program()
    if programs:
        p = Tabel(
            "PK Program",
            "pk-program",
            [
                Kolom("No", "cacah"),
                Kolom("Id Program"),
                Kolom("Kode Program"),
                Kolom("Program"),
                Kolom("Anggaran (Rp)", "rupiah"),
                Kolom("Sumber Dana"),
            ],
        )
        assert anggaran is not None  # programs come from anggaran.yaml
        amounts = [doc.program.get(x.id, anggaran.pos(x).pagu) for x in programs]
        for n, (prog, amount) in enumerate(zip(programs, amounts, strict=True), 1):
            dana = keterangan_dana(prog, anggaran.bagian_dana(prog))
            p.tambah([n, prog.id, prog.kode, prog.uraian, amount, dana or None])
        known = [a for a in amounts if a is not None]
        p.tambah([None, None, None, "JUMLAH", sum(known) if known else None, None], tebal=True)
        out.append(p)
    return out


TINGKAT = {
    "eselon_ii": "Eselon II",
    "eselon_iii": "Eselon III",
    "eselon_iv": "Eselon IV",
    "staf": "Staf",
}
BULAN = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
TRIWULAN = ["Tw I", "Tw II", "Tw III", "Tw IV"]


def tabel_rencana_aksi(bundel: Bundel, tahun: int) -> Tabel | None:
    dinas = bundel.dinas
    assert dinas is not None
    t_data = dinas.tahun.get(tahun)
    ra = t_data.rencana_aksi.model if t_data and t_data.rencana_aksi else None
    if ra is None:
        return None
    kinds = {tb.periode for tb in ra.tabel}
    periods: list[tuple[str, str]] = []  # (periode, column title)
    if "bulanan" in kinds:
        periods += [("bulanan", b) for b in BULAN]
    if "triwulan" in kinds:
        periods += [("triwulan", w) for w in TRIWULAN]
    t = Tabel(
        "Rencana Aksi",
        "rencana-aksi",
        [
            Kolom("Tingkat"),
            Kolom("Tabel"),
            Kolom("No"),
            Kolom("Kode Sasaran"),
            Kolom("Kode Indikator"),
            Kolom("Program"),
            Kolom("Kegiatan"),
            Kolom("Sub Kegiatan"),
            Kolom("Indikator/Uraian"),
            Kolom("Satuan"),
            *[Kolom(title, "angka") for _periode, title in periods],
            Kolom("Kumulatif"),
            Kolom("Target Setahun", "angka"),
            Kolom("Target Tahunan Tertulis", "angka"),
            Kolom("Anggaran (Rp)", "rupiah"),
            Kolom("Penanggung Jawab"),
        ],
    )
    ringkasan = bundel.rencana_aksi[tahun]
    for ti, tb in enumerate(ra.tabel):
        for bi, b in enumerate(tb.baris):
            found = dinas.indikator.get(b.indikator) if b.indikator else None
            ind = found[1] if found else None
            uraian = b.uraian or (ind.uraian if ind else "")
            satuan = b.satuan or (ind.satuan if ind else "")
            kumulatif = tb.kumulatif if b.kumulatif is None else b.kumulatif
            values = [_nilai(v, satuan) for v in b.target]
            cells: list[Sel] = [
                values.pop(0) if periode == tb.periode else None for periode, _judul in periods
            ]
            t.tambah(
                [
                    TINGKAT.get(tb.tingkat, tb.tingkat),
                    tb.judul,
                    b.no,
                    b.sasaran,
                    b.indikator,
                    b.program,
                    b.kegiatan,
                    b.sub_kegiatan,
                    uraian,
                    satuan or None,
                    *cells,
                    "ya" if kumulatif else "tidak",
                    ringkasan[ti][bi].tahunan,
                    _nilai(b.target_tahunan, satuan),
                    b.anggaran,
                    b.penanggung_jawab,
                ]
            )
    return t if t.baris else None


def tabel_anggaran(dinas: Dinas, hasil: HasilTahun) -> list[Tabel]:
    a = hasil.anggaran
    if a is None:
        return []
    kolom = [
        Kolom("Tingkat"),
        Kolom("Id"),
        Kolom("Kode"),
        Kolom("Uraian"),
        Kolom("Sasaran"),
        Kolom("Pagu (Rp)", "rupiah"),
        Kolom("Realisasi (Rp)", "rupiah"),
        Kolom("Serapan (%)", "persen"),
        Kolom("Efisiensi (Rp)", "rupiah"),
        Kolom("Efisiensi (%)", "persen"),
    ]
    t = Tabel("Anggaran", "anggaran", kolom, kolom_inden=3)

    def row(level: str, unit: Unit, inden: int, sasaran: str | None) -> None:
        pos = a.pos(unit)
        t.tambah(
            [
                level,
                unit.id,
                unit.kode,
                unit.uraian,
                sasaran,
                pos.pagu,
                pos.realisasi,
                pos.serapan,
                pos.efisiensi,
                pos.efisiensi_persen,
            ],
            inden=inden,
        )

    programs: Sequence[Program] = [pp.program for pp in a.program]
    for prog in programs:
        row("Program", prog, 0, ", ".join(prog.sasaran) or None)
        for k in prog.kegiatan:
            row("Kegiatan", k, 1, None)
            for sk in k.sub_kegiatan:
                row("Sub Kegiatan", sk, 2, None)
    total = a.total
    t.tambah(
        [
            None,
            None,
            None,
            "JUMLAH",
            None,
            total.pagu,
            total.realisasi,
            total.serapan,
            total.efisiensi,
            total.efisiensi_persen,
        ],
        tebal=True,
    )
    out = [t]
    if a.sasaran:
        names = dinas.sasaran
        s = Tabel(
            "Anggaran per Sasaran",
            "anggaran-sasaran",
            [
                Kolom("Kode Sasaran"),
                Kolom("Sasaran"),
                Kolom("Jumlah Program", "cacah"),
                *kolom[5:],
            ],
        )
        for pos in a.sasaran:
            label = names[pos.sasaran_id].uraian if pos.sasaran_id in names else None
            s.tambah(
                [
                    pos.sasaran_id,
                    label or "(program tanpa sasaran)",
                    len(pos.program),
                    pos.pagu,
                    pos.realisasi,
                    pos.serapan,
                    pos.efisiensi,
                    pos.efisiensi_persen,
                ]
            )
        s.tambah(
            [
                None,
                "JUMLAH",
                len(a.program),
                total.pagu,
                total.realisasi,
                total.serapan,
                total.efisiensi,
                total.efisiensi_persen,
            ],
            tebal=True,
        )
        out.append(s)
    return out


def semua_tabel(bundel: Bundel, tahun: int) -> tuple[list[Tabel], list[str]]:
    """Every table the year has data for, and warnings (active language) for the user.
    The bundle comes from the pipeline with ``Pilihan(dokumen=True)``."""
    dinas = bundel.dinas
    assert dinas is not None
    hasil = bundel.hasil[tahun]
    peringatan: list[str] = []
    tables: list[Tabel | None] = [
        tabel_capaian_indikator(hasil),
        tabel_capaian_sasaran(hasil),
        tabel_iku(dinas),
        *tabel_pk(bundel, tahun, peringatan),
        tabel_rencana_aksi(bundel, tahun),
        *tabel_anggaran(dinas, hasil),
    ]
    return [t for t in tables if t is not None], peringatan


def tanggal_data(dinas: Dinas, tahun: int) -> date:
    """The latest date in the year's ``dokumen.yaml``, else 1 January of the year."""
    t = dinas.tahun.get(tahun)
    found: list[date] = []
    if t and t.dokumen:
        for name in type(t.dokumen.model).model_fields:
            doc = getattr(t.dokumen.model, name)
            if doc is not None and doc.tanggal is not None:
                found.append(doc.tanggal)
    return max(found) if found else date(tahun, 1, 1)


# --- xlsx -----------------------------------------------------------------------------------


def _format_angka(places: int) -> str:
    return "#,##0" + ("." + "0" * places if places else "")


def _desimal(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _angka_xlsx(value: int | Decimal) -> int | float:
    """A Python number for the cell: whole values as int (exact), others as the float
    nearest the exact decimal (``135.31``), which Excel shows with the same digits."""
    if isinstance(value, int):
        return value
    if value == value.to_integral_value() and abs(value) < 2**53:
        return int(value)
    return float(value)


def _lebar_tampil(value: Sel, jenis: JenisKolom, places: int) -> int:
    """Characters the cell shows (for the column width)."""
    if value is None:
        return 0
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    if jenis == "persen":
        return len(f"{Decimal(value):,.{places}f}")
    d = Decimal(value)
    return len(f"{d:,.{_desimal(d)}f}")


LEBAR_TEKS_MAKS = 50
"""Text columns wider than this (in Excel's width unit) wrap."""
HURUF_PER_SATUAN = 1.25
"""Letters of 10 pt Arial text per unit of Excel column width (the default font's 0),
counted low so that a column fits its longest text."""
HURUF_PER_BARIS = 1.35
"""The same, counted as typical mixed-case text fills a line, for row heights."""
TINGGI_BARIS = 13.0
"""Points per line of 10 pt text."""


def _baris_teks(row: Sequence[Sel], widths: Sequence[int]) -> int:
    """Lines the tallest text cell of a row needs at the column widths (word wrap)."""
    most = 1
    for value, width in zip(row, widths, strict=True):
        if not isinstance(value, str):
            continue
        lines = 0
        for para in value.splitlines() or [""]:
            used = 0
            lines += 1
            for word in para.split():
                if used and used + 1 + len(word) > width:
                    lines += 1
                    used = len(word)
                else:
                    used += (1 if used else 0) + len(word)
        most = max(most, lines)
    return most


def xlsx(
    tables: Sequence[Tabel], *, judul: str, penyusun: str, tanggal: date, desimal: int = 2
) -> bytes:
    """The workbook: one sheet per table, header bold and frozen, real number cells."""
    import importlib

    xlsxwriter = importlib.import_module("xlsxwriter")  # imported only when exporting
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False})
    stamp = datetime(tanggal.year, tanggal.month, tanggal.day)
    wb.set_properties({"title": judul, "author": penyusun, "company": penyusun, "created": stamp})
    base = {"valign": "top", "font_name": "Arial", "font_size": 10}
    head = wb.add_format(
        {**base, "bold": True, "text_wrap": True, "bg_color": "#D9E1F2", "border": 1}
    )
    formats: dict[tuple[str, int, bool, int], object] = {}

    def fmt(kind: str, places: int, bold: bool, indent: int) -> object:
        key = (kind, places, bold, indent)
        if key not in formats:
            props: dict[str, object] = {**base, "bold": bold}
            if kind == "teks":
                props["text_wrap"] = True
                if indent:
                    props["indent"] = indent
                    props["align"] = "left"
            else:
                props["num_format"] = _format_angka(places)
            formats[key] = wb.add_format(props)
        return formats[key]

    for table in tables:
        ws = wb.add_worksheet(table.nama[:31])
        widths = [max(len(w) for w in k.judul.split()) for k in table.kolom]
        for c, k in enumerate(table.kolom):
            ws.write_string(0, c, k.judul, head)
        for r, row in enumerate(table.baris, 1):
            bold = (r - 1) in table.tebal
            indent = table.inden.get(r - 1, 0)
            for c, (k, value) in enumerate(zip(table.kolom, row, strict=True)):
                level = indent if c == table.kolom_inden else 0
                widths[c] = max(widths[c], _lebar_tampil(value, k.jenis, desimal) + 2 * level)
                if value is None:
                    ws.write_blank(r, c, None, fmt("teks", 0, bold, 0))
                elif isinstance(value, str):
                    ws.write_string(r, c, value, fmt("teks", 0, bold, level))
                else:
                    places = 0
                    if k.jenis == "persen":
                        places = desimal
                    elif k.jenis == "angka" and isinstance(value, Decimal):
                        places = _desimal(value)
                    ws.write_number(r, c, _angka_xlsx(value), fmt("angka", places, bold, 0))
        # Widths in Excel's unit (the digit 0 of the default font); 10 pt Arial text
        # fits about HURUF_PER_SATUAN letters per unit.
        final = [
            min(math.ceil(w / HURUF_PER_SATUAN), LEBAR_TEKS_MAKS) if k.jenis == "teks" else w
            for w, k in zip(widths, table.kolom, strict=True)
        ]
        final = [max(w, 5) + 2 for w in final]
        for c, w in enumerate(final):
            ws.set_column(c, c, w)
        final = [math.floor(w * HURUF_PER_BARIS) - 1 for w in final]
        # Row heights for wrapped text (neither Excel nor LibreOffice grows a row by itself
        # when the file gives none).
        ws.set_row(0, TINGGI_BARIS * _baris_teks([k.judul for k in table.kolom], final))
        for r, row in enumerate(table.baris, 1):
            lines = _baris_teks(row, final)
            if lines > 1:
                ws.set_row(r, TINGGI_BARIS * lines)
        ws.freeze_panes(1, 0)
        if table.baris:
            ws.autofilter(0, 0, len(table.baris), len(table.kolom) - 1)
        ws.set_landscape()
        ws.repeat_rows(0)
        ws.fit_to_pages(1, 0)
    wb.close()
    return _bahasa(buf.getvalue(), "id-ID")


def _bahasa(data: bytes, tag: str) -> bytes:
    """Set ``dc:language`` in docProps/core.xml (XlsxWriter has no property for it),
    keeping every zip entry, its order and its fixed timestamp."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml" and b"<dc:language>" not in body:
                end = b"</cp:coreProperties>"
                if end in body:
                    body = body.replace(end, f"<dc:language>{tag}</dc:language>".encode() + end)
            dst.writestr(info, body)
    return out.getvalue()


# --- csv ------------------------------------------------------------------------------------

_AWAL_RUMUS = ("=", "+", "-", "@", "\t", "\r")
"""What makes Excel, LibreOffice or Sheets read a CSV cell as a formula (OWASP "CSV
Injection").  Whatever follows: ``-2+3+cmd|' /C calc'!A0`` starts with ``-`` and a digit."""


def _csv_sel(value: Sel, jenis: JenisKolom, places: int) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        # Every text cell starting like a formula gets a leading ' (CSV injection). The
        # numbers sakipgen writes are int or Decimal, never text, so a negative figure
        # (-1,25) stays a number; a text such as "-2 kop" is shown with its '.
        return "'" + value if value.startswith(_AWAL_RUMUS) else value
    if isinstance(value, int):
        return str(value)
    if jenis == "persen":
        value = value.quantize(Decimal(1).scaleb(-places))
    return format(value, "f").replace(".", ",")


def csv_bytes(table: Tabel, desimal: int = 2) -> bytes:
    """One table as CSV for Indonesian Excel: UTF-8 with BOM, ``;``, decimal comma."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow([_csv_sel(k.judul, "teks", desimal) for k in table.kolom])
    for row in table.baris:
        w.writerow([_csv_sel(v, k.jenis, desimal) for k, v in zip(table.kolom, row, strict=True)])
    return buf.getvalue().encode("utf-8-sig")


# --- writing --------------------------------------------------------------------------------


def tulis_xlsx(dinas: Dinas, tahun: int, tables: Sequence[Tabel], path: Path) -> Path:
    ident = dinas.identitas.model
    data = xlsx(
        tables,
        judul=f"Tabel Kinerja {dinas.nama} Tahun {tahun}",
        penyusun=f"{dinas.nama} {ident.pemda}",
        tanggal=tanggal_data(dinas, tahun),
        desimal=ident.profil.desimal,
    )
    tulis_atomik(path, data)
    return path


MANIFES = ".sakipgen-ekspor.json"
"""Written by ``export --format csv`` in its folder: the files that export wrote, with
their size and sha256, so that the next export into the folder can remove the table
files it no longer produces, and only those, while unchanged."""
_MANIFES_MAKS = 64 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class HasilCsv:
    ditulis: list[Path]
    catatan: list[str]
    """Notes for the user (active language): files left in place."""


def _sidik(data: bytes) -> dict[str, object]:
    import hashlib

    return {"sha256": hashlib.sha256(data).hexdigest(), "ukuran": len(data)}


def _baca_manifes(folder: Path) -> dict[str, dict[str, object]]:
    """The previous export's files, as recorded in its manifest.  The manifest is in a
    folder anyone may have written to (``DIR/build`` comes with the dinas folder), so
    it only ever names candidates: entries other than the table file names sakipgen
    writes (``..``, absolute paths, sub folders …) and malformed entries are dropped,
    and a file is removed only when it still has the recorded size and sha256."""
    import json
    import stat

    path = folder / MANIFES
    try:
        if not stat.S_ISREG(path.lstat().st_mode):  # a symlink or a device is not read
            return {}
        with path.open("rb") as fh:
            raw = fh.read(_MANIFES_MAKS + 1)
        data = json.loads(raw) if len(raw) <= _MANIFES_MAKS else None
    except (OSError, ValueError, RecursionError):  # RecursionError: "[[[[…" nested deep
        return {}
    entries = data.get("berkas") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        return {}
    known = {f"{name}.csv" for name in BERKAS_CSV}
    out: dict[str, dict[str, object]] = {}
    for name, entry in entries.items():
        if name not in known or not isinstance(entry, dict):
            continue
        sha, size = entry.get("sha256"), entry.get("ukuran")
        if isinstance(sha, str) and _SHA256.match(sha) and type(size) is int and size >= 0:
            out[name] = {"sha256": sha, "ukuran": size}
    return out


def _masih_sama(path: Path, sidik: dict[str, object]) -> bool:
    """Whether ``path`` is a regular file (not a symlink) with exactly that size and sha256."""
    import hashlib
    import os
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return False
        fd = os.open(path, flags)  # O_NOFOLLOW: not swapped for a symlink meanwhile
    except OSError:
        return False
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size != sidik["ukuran"]:
            return False
        return hashlib.sha256(fh.read()).hexdigest() == sidik["sha256"]


def tulis_csv(dinas: Dinas, tables: Sequence[Tabel], folder: Path) -> HasilCsv:
    """One file per table, and the manifest :data:`MANIFES` listing them.

    A table file of an earlier export that this one does not produce (the year has no
    such table) is removed only when the earlier manifest lists it and it is unchanged
    since, so the folder holds exactly this export without ever losing a file the user
    made or edited; any other such file is left, with a note.  Files of the tables
    written are replaced.  Raises OSError when the folder cannot be written."""
    import json

    places = dinas.identitas.model.profil.desimal
    lama = _baca_manifes(folder) if folder.is_dir() else {}
    written: list[Path] = []
    baru: dict[str, dict[str, object]] = {}
    for table in tables:
        path = folder / f"{table.berkas}.csv"
        data = csv_bytes(table, places)
        tulis_atomik(path, data)
        written.append(path)
        baru[path.name] = _sidik(data)
    catatan: list[str] = []
    for name in BERKAS_CSV:
        stale = folder / f"{name}.csv"
        if stale.name in baru or not (stale.exists() or stale.is_symlink()):
            continue
        if stale.name in lama and _masih_sama(stale, lama[stale.name]):
            stale.unlink()
        elif stale.name in lama:
            catatan.append(
                _(
                    "{berkas} dibiarkan: tabelnya tidak ada di ekspor ini, tetapi berkas itu "
                    "sudah berubah sejak ditulis sakipgen"
                ).format(berkas=stale)
            )
        else:
            catatan.append(
                _(
                    "{berkas} dibiarkan: tabelnya tidak ada di ekspor ini, tetapi {manifes} "
                    "tidak mencatatnya sebagai tulisan sakipgen"
                ).format(berkas=stale, manifes=MANIFES)
            )
    manifes = {"format": "sakipgen-ekspor-csv", "versi": 1, "berkas": baru}
    text = json.dumps(manifes, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    tulis_atomik(folder / MANIFES, text.encode("utf-8"))
    return HasilCsv(written, catatan)


def tulis_ekspor(
    folder: Path, bundel: Bundel, tahun: int, tables: Sequence[Tabel], format: str, out: Path | None
) -> HasilCsv:
    """Write the export where ``--out`` says (default ``DIR/build/tabel-<tahun>.xlsx`` or
    ``DIR/build/export-<tahun>/``): the files written, and notes for the user.
    :class:`GalatPemakaian` when it cannot be written there."""
    import importlib.util

    dinas = bundel.dinas
    assert dinas is not None
    if format == "xlsx" and importlib.util.find_spec("xlsxwriter") is None:
        raise GalatPemakaian(
            _("Paket XlsxWriter belum terpasang: pip install XlsxWriter (atau pakai --format csv).")
        )
    bawaan = f"tabel-{tahun}.xlsx" if format == "xlsx" else f"export-{tahun}"
    tujuan = out or folder / "build" / bawaan
    if out is None:
        alasan = tautan_di_jalur(folder, tujuan if format == "xlsx" else tujuan / "x")
        if alasan is not None:
            raise GalatPemakaian(alasan)
    try:
        if format == "csv":
            if tujuan.exists() and not tujuan.is_dir():
                raise GalatPemakaian(
                    _("--out {out}: untuk csv, --out adalah folder.").format(out=tujuan)
                )
            return tulis_csv(dinas, tables, tujuan)
        if tujuan.suffix.lower() != ".xlsx" or tujuan.is_dir():
            tujuan = tujuan / f"tabel-{tahun}.xlsx"  # --out FOLDER
        return HasilCsv([tulis_xlsx(dinas, tahun, tables, tujuan)], [])
    except OSError as exc:
        # A folder that cannot be created or written (a file in the way, no permission,
        # a full disk) is for the user to fix, not an internal error.
        raise GalatPemakaian(
            _("tidak dapat menulis ke '{out}': {pesan}").format(
                out=tujuan, pesan=exc.strerror or exc
            )
        ) from None

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

from collections.abc import Sequence
from pathlib import Path

from sakipgen.ekspor.berkas_csv import MANIFES, HasilCsv, csv_bytes, tulis_csv
from sakipgen.ekspor.berkas_xlsx import _angka_xlsx, tulis_xlsx, xlsx
from sakipgen.ekspor.tabel import BERKAS_CSV, BULAN, Kolom, Tabel, semua_tabel, tanggal_data
from sakipgen.errors import GalatPemakaian
from sakipgen.i18n import _
from sakipgen.pipeline import Bundel
from sakipgen.write import tautan_di_jalur

__all__ = [
    "BERKAS_CSV",
    "BULAN",
    "MANIFES",
    "HasilCsv",
    "Kolom",
    "Tabel",
    "_angka_xlsx",
    "csv_bytes",
    "semua_tabel",
    "tanggal_data",
    "tulis_csv",
    "tulis_ekspor",
    "tulis_masukan",
    "tulis_xlsx",
    "xlsx",
]


def tulis_masukan(
    folder: Path, bundel: Bundel, out: Path | None, *, kosong_saja: bool = False
) -> Path:
    """Write the input workbook (``--for-input``) where ``--out`` says, default
    ``DIR/build/masukan.xlsx``."""
    import importlib.util

    from sakipgen.ekspor.masukan import buku_masukan
    from sakipgen.write import tulis_atomik

    dinas = bundel.dinas
    assert dinas is not None
    if importlib.util.find_spec("xlsxwriter") is None:
        raise GalatPemakaian(_("Paket XlsxWriter belum terpasang: pip install XlsxWriter."))
    tujuan = out or folder / "build" / "masukan.xlsx"
    if out is None:
        alasan = tautan_di_jalur(folder, tujuan)
        if alasan is not None:
            raise GalatPemakaian(alasan)
    elif tujuan.is_dir():
        tujuan = tujuan / "masukan.xlsx"
    tahun = max(dinas.tahun) if dinas.tahun else dinas.renstra.model.periode.akhir
    try:
        tulis_atomik(
            tujuan, buku_masukan(dinas, tanggal_data(dinas, tahun), kosong_saja=kosong_saja)
        )
    except OSError as exc:
        raise GalatPemakaian(
            _("tidak dapat menulis ke '{out}': {pesan}").format(
                out=tujuan, pesan=exc.strerror or exc
            )
        ) from None
    return tujuan


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

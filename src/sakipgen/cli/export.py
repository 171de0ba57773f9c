"""``sakipgen export``: the computed tables of one year as an Excel workbook or CSV."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sakipgen.cli.aplikasi import EXIT_OK, FolderDinas, TahunRealisasi, app, bundel_tahun
from sakipgen.i18n import _


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"


@app.command(
    help=_(
        "Ekspor tabel angka yang dihitung untuk satu tahun ke Excel atau CSV: "
        "capaian per\n    indikator dan sasaran, IKU, PK, rencana aksi, "
        "anggaran (program, kegiatan, sub\n    kegiatan; per sasaran; serapan "
        "dan efisiensi). Tabel yang datanya tidak ada dilewati.\n\n    Angka di "
        "xlsx adalah sel angka sungguhan (Excel menampilkannya dengan pemisah "
        "sesuai\n    bahasa komputer). CSV memakai kebiasaan Excel berbahasa "
        "Indonesia: UTF-8 dengan BOM,\n    pemisah ';' dan koma desimal.\n\n    "
        "Dengan --for-input: buku kerja masukan (target, realisasi, anggaran, "
        "indikator program\n    dan rencana aksi semua tahun dan tahun berikutnya) "
        "untuk diisi di Excel lalu dibaca\n    kembali dengan 'sakipgen import'.\n\n    "
        "Contoh: sakipgen export examples/blora --year 2021\n\n    Contoh: "
        "sakipgen export examples/blora --format csv --out tabel/\n\n    Contoh: "
        "sakipgen export examples/blora --for-input --out masukan.xlsx"
    )
)
def export(
    dir: FolderDinas,
    year: TahunRealisasi = None,
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format", help=_("xlsx (satu buku kerja Excel) atau csv (satu berkas per tabel).")
        ),
    ] = ExportFormat.xlsx,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help=_(
                "xlsx: berkas .xlsx atau folder; csv: folder. Bawaan: "
                "FOLDER/build/tabel-<tahun>.xlsx atau FOLDER/build/export-<tahun>/."
            ),
        ),
    ] = None,
    for_input: Annotated[
        bool,
        typer.Option(
            "--for-input",
            help=_(
                "Tulis buku kerja masukan untuk 'sakipgen import' (bawaan: "
                "FOLDER/build/masukan.xlsx)."
            ),
        ),
    ] = False,
    blank: Annotated[
        bool,
        typer.Option(
            "--blank",
            help=_(
                "Dengan --for-input: lembar dan judul kolomnya saja, tanpa baris dan tanpa "
                "kunci, untuk mengetik rencana dinas baru (sakipgen init --from)."
            ),
        ),
    ] = False,
) -> None:
    from sakipgen import ekspor
    from sakipgen.teks import teks_layar

    if for_input:
        if format != ExportFormat.xlsx:
            from sakipgen.errors import GalatPemakaian

            raise GalatPemakaian(_("--for-input menulis buku kerja xlsx; lepaskan --format csv."))
        bundel, year = bundel_tahun(dir, year)
        typer.echo(ekspor.tulis_masukan(dir, bundel, out, kosong_saja=blank))
        raise typer.Exit(EXIT_OK)

    bundel, year = bundel_tahun(dir, year, dokumen=True)
    tables, warnings = ekspor.semua_tabel(bundel, year)
    for w in warnings:
        # A warning may quote dokumen.yaml (revisi_pk) or git: user text on the terminal.
        pesan = _("{folder}: peringatan: {pesan}").format(folder=dir, pesan=w)
        typer.echo(teks_layar(pesan), err=True)
    hasil = ekspor.tulis_ekspor(dir, bundel, year, tables, format.value, out)
    for path in hasil.ditulis:
        typer.echo(path)
    for note in hasil.catatan:
        typer.echo(teks_layar(note), err=True)
    raise typer.Exit(EXIT_OK)

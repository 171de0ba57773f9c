"""``sakipgen import``: values from an input workbook back into the dinas's YAML."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sakipgen.cli.aplikasi import EXIT_OK, FolderDinas, app
from sakipgen.i18n import _


class Sumber(StrEnum):
    workbook = "workbook"
    sipd = "sipd"


@app.command(
    "import",
    help=_(
        "Baca buku kerja masukan (sakipgen export --for-input) dan tulis nilai "
        "yang berubah\n    ke berkas YAML dinas. Hanya nilai yang berbeda yang "
        "diganti; komentar, urutan dan\n    tata letak YAML tetap. Perubahannya "
        "dicetak seperti 'sakipgen diff'. Bila ada\n    kesalahan (di buku kerja "
        "atau data yang dihasilkannya), tidak ada berkas yang ditulis.\n\n    "
        "Kode keluar: 0 (ditulis, atau tidak ada yang berubah), 1 bila ada "
        "kesalahan.\n\n    Dengan --from sipd: pagu, realisasi, sumber dana dan "
        "indikator program, kegiatan\n    dan sub kegiatan dari ekspor SIPD ke "
        "<tahun>/anggaran.yaml.\n\n    Contoh: sakipgen import examples/blora "
        "masukan.xlsx --dry-run\n\n    Contoh: sakipgen import examples/blora "
        "dpa-2021.xlsx --from sipd --year 2021"
    ),
)
def impor(
    dir: FolderDinas,
    file: Annotated[
        Path, typer.Argument(metavar=_("BERKAS"), help=_("Buku kerja .xlsx yang sudah diisi."))
    ],
    dari: Annotated[
        Sumber,
        typer.Option(
            "--from",
            help=_(
                "workbook: buku kerja masukan sakipgen (bawaan); sipd: anggaran dari "
                "ekspor SIPD (.xlsx atau .csv) ke <tahun>/anggaran.yaml."
            ),
        ),
    ] = Sumber.workbook,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", help=_("--from sipd: tahun anggarannya; bawaan: tahun terakhir di folder.")
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help=_("Tampilkan perubahannya tanpa menulis berkas apa pun.")),
    ] = False,
) -> None:
    from sakipgen import beda, impor, laporan
    from sakipgen.diagnostics import sebagai_teks
    from sakipgen.errors import AdaTemuan, GalatPemakaian
    from sakipgen.pipeline import siapkan

    if not file.is_file():
        raise GalatPemakaian(_("Buku kerja {file} tidak ada.").format(file=file))
    sebelum = siapkan(dir)
    if sebelum.dinas is None or sebelum.galat:
        typer.echo(sebagai_teks(list(sebelum.diagnostics)), err=True)
        typer.echo(_("Perbaiki kesalahan di atas dulu (sakipgen check)."), err=True)
        raise AdaTemuan()
    if dari == Sumber.sipd:
        from sakipgen.impor.anggaran import rencanakan_sipd

        tahun = year if year is not None else max(sebelum.dinas.tahun, default=None)
        if tahun is None:
            raise GalatPemakaian(_("Folder belum punya folder tahun; sebutkan --year."))
        rencana = rencanakan_sipd(dir, sebelum, file, tahun)
    else:
        rencana = impor.rencanakan(dir, sebelum, file)
    if rencana.diagnostics:
        typer.echo(sebagai_teks(rencana.diagnostics), err=True)
    if rencana.gagal:
        typer.echo(_("Tidak ada berkas yang ditulis."), err=True)
        raise AdaTemuan()
    if not rencana.berkas:
        typer.echo(_("Tidak ada nilai yang berubah; tidak ada berkas yang ditulis."), err=True)
        raise typer.Exit(EXIT_OK)
    assert rencana.sesudah is not None
    laporan.Teks().impor(str(file), beda.bandingkan(sebelum, rencana.sesudah), rencana)
    if dry_run:
        typer.echo(_("--dry-run: tidak ada berkas yang ditulis."), err=True)
        raise typer.Exit(EXIT_OK)
    try:
        written = impor.tulis_rencana(dir, rencana)
    except OSError as exc:  # no permission, a full disk: every file kept its old text
        raise GalatPemakaian(
            _("tidak dapat menulis ke {folder}: {pesan}; tidak ada berkas yang berubah").format(
                folder=dir, pesan=exc.strerror or exc
            )
        ) from None
    for path in written:
        typer.echo(path)
    raise typer.Exit(EXIT_OK)

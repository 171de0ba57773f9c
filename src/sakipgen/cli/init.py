"""``sakipgen init``: a new dinas folder, commented, that passes ``check``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sakipgen.cli.aplikasi import EXIT_OK, app
from sakipgen.i18n import _


def _tanya(pertanyaan: str, bawaan: object) -> object:
    """Ask on the terminal; a year that is not a number is asked again, said in the
    planner's words (typer's own conversion would answer in pydantic's English)."""
    while True:
        jawab = typer.prompt(pertanyaan, default=str(bawaan))
        if not isinstance(bawaan, int):
            return jawab
        try:
            return int(jawab.strip())
        except ValueError:
            typer.echo(
                _("Kesalahan: {pesan}").format(
                    pesan=_("ketik tahunnya dengan angka, misalnya {contoh}").format(contoh=bawaan)
                ),
                err=True,
            )


def _lama(name: str) -> object:
    """An earlier Indonesian spelling of a flag, still accepted but not shown in --help
    (flags are English; scripts written before keep working)."""
    return typer.Option(name, hidden=True)


@app.command(
    help=_(
        "Buat folder dinas baru berisi contoh yang lolos 'sakipgen check': "
        "sakip.yaml,\n    renstra.yaml, <tahun>/ (target, realisasi, anggaran, "
        "dokumen), satu narasi contoh dan\n    schema/ untuk editor. Setiap "
        "berkas diberi komentar: arti setiap isian dan contohnya.\n\n    Isian "
        "yang tidak diberikan lewat opsi ditanyakan bila dijalankan di "
        "terminal; bila\n    tidak (skrip, CI), nilai bawaan dipakai dan "
        "disebutkan. Folder yang sudah berisi tidak\n    ditimpa tanpa --force "
        "(kode keluar 2).\n\n    Contoh: sakipgen init dinas-saya\n\n    Contoh: "
        'sakipgen init dinas-saya --pemda "Kota Bandung" --start 2025\n\n    '
        'Contoh: sakipgen init disdag --dinas "Dinas Perdagangan" --year 2026'
    )
)
def init(
    dir: Annotated[
        Path,
        typer.Argument(metavar=_("FOLDER"), help=_("Folder dinas baru (belum ada, atau kosong).")),
    ],
    pemda: Annotated[
        str | None,
        typer.Option("--pemda", help=_('Pemerintah daerah, misalnya "Kabupaten Blora".')),
    ] = None,
    dinas: Annotated[
        str | None, typer.Option("--dinas", help=_('Nama dinas, misalnya "Dinas Perdagangan".'))
    ] = None,
    start: Annotated[int | None, typer.Option("--start", help=_("Tahun mulai Renstra."))] = None,
    end: Annotated[
        int | None, typer.Option("--end", help=_("Tahun akhir Renstra; bawaan: mulai + 4."))
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", help=_("Tahun data pertama (folder <tahun>/); bawaan: tahun ini.")),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help=_("Tulis juga ke folder yang sudah berisi (menimpa berkas contoh).")
        ),
    ] = False,
    dari: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help=_(
                "Buat folder dari buku kerja masukan yang sudah diisi (lembar Target, "
                "Realisasi, Anggaran, Indikator Program, Rencana Aksi; lihat sakipgen "
                "export --for-input --blank)."
            ),
        ),
    ] = None,
    mulai: Annotated[int | None, _lama("--mulai")] = None,
    akhir: Annotated[int | None, _lama("--akhir")] = None,
    tahun: Annotated[int | None, _lama("--tahun")] = None,
) -> None:
    from sakipgen.inisialisasi import inisialisasi

    if dari is not None:
        _dari_buku(dir, dari, pemda=pemda, dinas=dinas, force=force)
    # An InitError or OSError is for the user: the application reports it (exit 2).
    written = inisialisasi(
        dir,
        pemda=pemda,
        dinas=dinas,
        mulai=start if start is not None else mulai,
        akhir=end if end is not None else akhir,
        tahun=year if year is not None else tahun,
        force=force,
        tanya=_tanya if sys.stdin.isatty() else None,
        lapor=lambda teks: typer.echo(teks, err=True),
    )
    for path in written:
        typer.echo(path)
    typer.echo(
        _(
            "Folder dinas dibuat. Ganti isian contohnya, lalu periksa: sakipgen check {folder} "
            "(peringatan K024 menunjuk setiap isian contoh yang belum diganti)"
        ).format(folder=dir),
        err=True,
    )
    raise typer.Exit(EXIT_OK)


def _dari_buku(dir: Path, buku: Path, *, pemda: str | None, dinas: str | None, force: bool) -> None:
    from sakipgen.diagnostics import sebagai_teks
    from sakipgen.errors import AdaTemuan, GalatPemakaian
    from sakipgen.inisialisasi import dari_buku

    if not buku.is_file():
        raise GalatPemakaian(_("Buku kerja {file} tidak ada.").format(file=buku))
    hasil = dari_buku(
        dir,
        buku,
        pemda=pemda,
        dinas=dinas,
        force=force,
        tanya=_tanya if sys.stdin.isatty() else None,
        lapor=lambda teks: typer.echo(teks, err=True),
    )
    if hasil.diagnostics:
        typer.echo(sebagai_teks(hasil.diagnostics), err=True)
    if not hasil.ditulis:
        typer.echo(_("Tidak ada berkas yang ditulis."), err=True)
        raise AdaTemuan()
    for path in hasil.ditulis:
        typer.echo(path)
    typer.echo(
        _(
            "Folder dinas dibuat dari {buku}. Lengkapi sakip.yaml (kop, penanda tangan) dan "
            "renstra.yaml (visi, misi, tujuan), lalu periksa: sakipgen check {folder}"
        ).format(buku=buku, folder=dir),
        err=True,
    )
    raise typer.Exit(EXIT_OK)

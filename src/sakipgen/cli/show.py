"""``sakipgen show``: the computed figures of one year."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from sakipgen.cli.aplikasi import EXIT_OK, FolderDinas, TahunRealisasi, app, bundel_tahun
from sakipgen.i18n import _


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


@app.command(
    help=_(
        "Tampilkan angka yang dihitung untuk satu tahun: target, realisasi, "
        "capaian dan\n    kategori per indikator dan sasaran, rata-rata, serta "
        "anggaran (pagu, realisasi,\n    serapan, efisiensi).\n\n    Contoh: "
        "sakipgen show examples/blora --year 2021 --format json"
    )
)
def show(
    dir: FolderDinas,
    year: TahunRealisasi = None,
    format: Annotated[ShowFormat, typer.Option("--format", help=_("text atau json."))] = (
        ShowFormat.text
    ),
) -> None:
    from sakipgen import laporan

    bundel, year = bundel_tahun(dir, year)
    laporan.untuk(format.value).angka(bundel, year)
    raise typer.Exit(EXIT_OK)

"""``sakipgen show``: the computed figures of one year."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from sakipgen.cli.aplikasi import (
    EXIT_OK,
    FolderDinas,
    TahunRealisasi,
    app,
    bundel_tahun,
    opsi_bulan,
    opsi_triwulan,
    periode_diminta,
)
from sakipgen.i18n import _


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


@app.command(
    help=_(
        "Tampilkan angka yang dihitung untuk satu tahun: target, realisasi, "
        "capaian dan\n    kategori per indikator dan sasaran, rata-rata, serta "
        "anggaran (pagu, realisasi,\n    serapan, efisiensi). Dengan --triwulan N "
        "(atau --bulan M): realisasi s.d. periode\n    itu menurut sifat indikatornya, "
        "capaiannya terhadap target setahun, dan\n    realisasi serta serapan anggaran "
        "s.d. periode itu.\n\n    Contoh: "
        "sakipgen show examples/blora --year 2021 --format json\n\n    Contoh: "
        "sakipgen show dinas-saya --year 2025 --triwulan 3"
    )
)
def show(
    dir: FolderDinas,
    year: TahunRealisasi = None,
    format: Annotated[ShowFormat, typer.Option("--format", help=_("text atau json."))] = (
        ShowFormat.text
    ),
    triwulan: Annotated[
        int | None,
        opsi_triwulan(
            _(
                "Angka s.d. akhir triwulan ini (1-4): realisasi, capaian dan serapan, dan "
                "evaluasi E.81 (baris yang dinilai, rata-rata dan predikat)."
            )
        ),
    ] = None,
    bulan: Annotated[int | None, opsi_bulan(_("Angka s.d. akhir bulan ini (1-12)."))] = None,
) -> None:
    from sakipgen import laporan

    periode = periode_diminta(triwulan, bulan)
    bundel, year = bundel_tahun(dir, year, periode=periode)
    if bundel.periode is not None:
        laporan.untuk(format.value).periode(bundel)
    else:
        laporan.untuk(format.value).angka(bundel, year)
    raise typer.Exit(EXIT_OK)

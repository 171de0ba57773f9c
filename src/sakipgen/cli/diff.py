"""``sakipgen diff``: what changed in the plan data between two git revisions."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sakipgen.cli.aplikasi import EXIT_OK, app
from sakipgen.i18n import _


class DiffFormat(StrEnum):
    text = "text"
    json = "json"


@app.command(
    help=_(
        "Bandingkan data rencana kinerja antara dua revisi git: target (RKT, "
        "PK, PK\n    Perubahan, Renstra), sasaran dan indikator (ditambah, "
        "dihapus, uraian diubah),\n    realisasi, serta pagu dan realisasi "
        "program. Yang dibandingkan adalah datanya, bukan\n    teks YAML-nya.\n\n "
        "   Kode keluar: 0 (ada atau tidak ada perubahan), 1 bila data salah "
        "satu revisi berisi\n    kesalahan, 2 bila revisi tidak dikenal atau "
        "folder tidak berada di repositori git.\n\n    Contoh: sakipgen diff "
        "examples/blora HEAD~1\n\n    Contoh: sakipgen diff examples/blora v2021 "
        "main --format json"
    )
)
def diff(
    dir: Annotated[
        Path,
        typer.Argument(
            metavar=_("FOLDER"), help=_("Folder dinas (berisi sakip.yaml) di repositori git.")
        ),
    ],
    rev1: Annotated[
        str,
        typer.Argument(metavar="REV1", help=_("Revisi lama: id commit, tag, cabang, HEAD~1 …")),
    ],
    rev2: Annotated[
        str | None,
        typer.Argument(
            metavar="REV2",
            help=_("Revisi baru; bawaan: isi folder saat ini, termasuk yang belum di-commit."),
        ),
    ] = None,
    format: Annotated[DiffFormat, typer.Option("--format", help=_("text atau json."))] = (
        DiffFormat.text
    ),
) -> None:
    from sakipgen import beda, laporan
    from sakipgen.diagnostics import sebagai_teks
    from sakipgen.errors import AdaTemuan
    from sakipgen.pipeline import siapkan, siapkan_revisi

    # A revision that cannot be read is a RevisiError: the application reports it (2).
    lama = siapkan_revisi(dir, rev1)
    baru = siapkan_revisi(dir, rev2) if rev2 is not None else siapkan(dir)
    errors = beda.kesalahan([lama, baru])
    if errors or lama.dinas is None or baru.dinas is None:
        typer.echo(sebagai_teks(errors), err=True)
        typer.echo(
            _("Data salah satu revisi berisi kesalahan; perbaiki dulu (sakipgen check)."),
            err=True,
        )
        raise AdaTemuan()
    laporan.untuk(format.value).perubahan(str(dir), lama, baru, beda.bandingkan(lama, baru))
    raise typer.Exit(EXIT_OK)

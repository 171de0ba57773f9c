"""``sakipgen check``: validate one or more dinas folders."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sakipgen.cli.aplikasi import EXIT_FINDINGS, EXIT_OK, app
from sakipgen.i18n import _


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@app.command(
    help=_(
        "Periksa data dinas: sintaks YAML, isian, referensi antar-berkas dan "
        "perhitungan.\n\n    Setiap temuan ditulis sebagai berkas:baris:kolom: "
        "KODE pesan. Kode keluar: 0 bersih\n    (boleh ada peringatan; dengan "
        "--strict tidak), 1 ada temuan, 2 salah pemakaian atau\n    kesalahan "
        "internal.\n\n    Contoh: sakipgen check examples/blora examples/sinjai"
    )
)
def check(
    dirs: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar=_("FOLDER"),
            help=_(
                "Folder dinas (berisi sakip.yaml), atau folder yang memuat beberapa folder "
                "dinas. Tanpa argumen: folder kerja saat ini."
            ),
        ),
    ] = None,
    format: Annotated[
        CheckFormat | None,
        typer.Option(
            "--format",
            help=_(
                "text (untuk dibaca), json (untuk alat lain), github (anotasi GitHub "
                "Actions; otomatis bila GITHUB_ACTIONS=true)."
            ),
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help=_("Peringatan juga dianggap gagal (kode keluar 1)."))
    ] = False,
) -> None:
    from sakipgen import laporan
    from sakipgen.diagnostics import Diagnostic, Location, Severity, sorted_unique
    from sakipgen.load import temukan_dinas
    from sakipgen.pipeline import siapkan

    folders, empty = temukan_dinas(dirs or [Path.cwd()])
    diags: list[Diagnostic] = [
        Diagnostic.make(
            Location(str(p)),
            "F005",
            _("bukan folder dinas dan tidak memuat folder dinas (tidak ada sakip.yaml)"),
        )
        for p in empty
    ]
    for folder in folders:
        diags.extend(siapkan(folder).diagnostics)
    diags = sorted_unique(diags)
    errors = sum(d.severity is Severity.ERROR for d in diags)
    warnings = len(diags) - errors
    summary = _(
        "{folder} folder dinas diperiksa: {kesalahan} kesalahan, {peringatan} peringatan"
    ).format(folder=len(folders), kesalahan=errors, peringatan=warnings)
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    chosen = format or (CheckFormat.github if github else CheckFormat.text)
    laporan.untuk(chosen.value).diagnostik(diags, summary)
    raise typer.Exit(EXIT_FINDINGS if errors or (strict and warnings) else EXIT_OK)

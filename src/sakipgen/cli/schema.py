"""``sakipgen schema``: the JSON Schema of every YAML file kind, for editors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sakipgen.cli.aplikasi import EXIT_OK, app
from sakipgen.errors import GalatPemakaian
from sakipgen.i18n import _


@app.command(
    help=_(
        "Tulis JSON Schema setiap jenis berkas YAML (sakip, renstra, target, "
        "realisasi,\n    anggaran, rencana-aksi, dokumen, tabel) sebagai "
        "<jenis>.schema.json, agar editor\n    memeriksa dan menjelaskan isian "
        "saat mengetik (VS Code dengan ekstensi YAML dari\n    Red Hat). Berkas "
        "YAML menunjuk skemanya dengan baris pertama, misalnya\n    '# "
        "yaml-language-server: $schema=../schema/target.schema.json'. Isinya "
        "sama persis\n    setiap kali dijalankan; setiap jalur dicetak.\n\n    "
        "Contoh: sakipgen schema --out dinas-saya/schema"
    )
)
def schema(
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help=_("Folder tujuan; bawaan: ./schema.")),
    ] = Path("schema"),
) -> None:
    from sakipgen.skema import tulis_skema

    try:
        written = tulis_skema(out)
    except OSError as exc:
        raise GalatPemakaian(
            _("tidak dapat menulis ke '{out}': {pesan}").format(out=out, pesan=exc)
        ) from None
    for path in written:
        typer.echo(path)
    raise typer.Exit(EXIT_OK)

"""Progress of a batch build on stderr: a bar on a terminal, one line per dinas when
piped (a CI log), nothing for a single dinas."""

from __future__ import annotations

import os
import sys
from typing import Any

import typer

from sakipgen.batch import Ringkasan
from sakipgen.i18n import _


class Kemajuan:
    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0
        self.bar: Any = None
        if total > 1 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            console = Console(stderr=True, no_color="NO_COLOR" in os.environ)
            self.bar = Progress(console=console, transient=True)
            self.task = self.bar.add_task(_("menyusun dokumen"), total=total)

    def __enter__(self) -> Kemajuan:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def tulis(self, text: str) -> None:
        if self.bar is not None:
            self.bar.console.print(text, markup=False, highlight=False)
        else:
            typer.echo(text, err=True)

    def maju(self, r: Ringkasan) -> None:
        self.count += 1
        if self.bar is not None:
            self.bar.advance(self.task)
        elif self.total > 1:
            state = (
                _("gagal")
                if r.gagal
                else (
                    _("{n} ditulis").format(n=len(r.ditulis))
                    if r.ditulis
                    else _("{n} tidak berubah").format(n=len(r.tetap))
                )
            )
            typer.echo(f"[{self.count}/{self.total}] {r.folder}: {state}", err=True)

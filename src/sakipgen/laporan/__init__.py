"""Reporters: how ``check``, ``show`` and ``diff`` print what they found, behind one
interface (in the manner of check-jsonschema's reporters).

A command hands its result to the reporter of the chosen ``--format``: ``text`` (for
people: rich tables and coloured codes on a terminal, plain when piped), ``json``
(for tools: a stable shape, exact decimals as strings), ``github`` (workflow
annotations; diagnostics only).  Reporters print; they never compute.  What ``show``
prints is shaped in :mod:`~sakipgen.laporan.angka`, what ``diff`` prints in
:mod:`~sakipgen.laporan.perubahan`.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

import typer

from sakipgen.diagnostics import Diagnostic, sebagai_github, sebagai_json, sebagai_teks
from sakipgen.i18n import _

if TYPE_CHECKING:
    from sakipgen.beda import Perubahan
    from sakipgen.impor import Rencana
    from sakipgen.pipeline import Bundel


class Pelapor(Protocol):
    def diagnostik(self, diags: Sequence[Diagnostic], ringkasan: str) -> None:
        """``check``: every finding, then the summary line."""

    def angka(self, bundel: Bundel, tahun: int) -> None:
        """``show``: the computed figures of one year."""

    def periode(self, bundel: Bundel) -> None:
        """``show --triwulan``: the year up to a month."""

    def perubahan(
        self, folder: str, lama: Bundel, baru: Bundel, changes: Sequence[Perubahan]
    ) -> None:
        """``diff``: the changes between two revisions."""


def konsol() -> Any:
    """A rich console that interprets nothing from the data (no markup, emoji codes or
    highlighting: user text arrives as rich Text); piped or redirected, wide enough
    that indikator names are not folded word by word, and without colour."""
    from rich.console import Console

    def buat(no_color: bool, width: int | None = None) -> Console:
        return Console(no_color=no_color, width=width, markup=False, emoji=False, highlight=False)

    console = buat("NO_COLOR" in os.environ)
    return console if console.is_terminal else buat(True, 160)


class Teks:
    """For people."""

    def diagnostik(self, diags: Sequence[Diagnostic], ringkasan: str) -> None:
        if diags:
            color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
            typer.echo(sebagai_teks(list(diags), color=color))
        typer.echo(ringkasan, err=bool(diags))

    def angka(self, bundel: Bundel, tahun: int) -> None:
        from sakipgen.laporan import angka

        assert bundel.dinas is not None
        konsol().print(angka.sebagai_teks(bundel.dinas, bundel.hasil[tahun]))

    def periode(self, bundel: Bundel) -> None:
        from sakipgen.laporan import angka

        assert bundel.dinas is not None and bundel.periode is not None
        e81 = bundel.e81.get(bundel.periode.tahun)
        for tabel in angka.periode_teks(bundel.dinas, bundel.periode, e81):
            konsol().print(tabel)

    def perubahan(
        self, folder: str, lama: Bundel, baru: Bundel, changes: Sequence[Perubahan]
    ) -> None:
        from sakipgen.laporan import perubahan

        judul = _("antara {lama} dan {baru}").format(
            lama=perubahan.label_revisi(lama), baru=perubahan.label_revisi(baru)
        )
        konsol().print(perubahan.sebagai_teks(changes, judul))

    def impor(self, buku: str, changes: Sequence[Perubahan], rencana: Rencana) -> None:
        """``import``: the changes a workbook brings as ``diff`` shows them, then every
        changed cell with the YAML value it sets, then the files."""
        from sakipgen.format import angka
        from sakipgen.laporan import perubahan
        from sakipgen.teks import teks_layar

        def tampil(v: object) -> str:
            if v is None:
                return _("(tidak ada)")
            return angka(v) if isinstance(v, Decimal) else str(v)

        judul = _("antara isi folder saat ini dan {buku}").format(buku=teks_layar(buku))
        if changes:
            konsol().print(perubahan.sebagai_teks(changes, judul))
        typer.echo(_("Sel yang berubah ({n}):").format(n=len(rencana.sel)))
        for sel in rencana.sel:
            typer.echo(
                teks_layar(
                    f"  {sel.tempat}: {tampil(sel.lama)} → {tampil(sel.baru)}"
                    f"  ({sel.berkas} {sel.jalur})"
                )
            )
        typer.echo(
            _("Berkas yang berubah: {berkas}").format(berkas=", ".join(sorted(rencana.berkas)))
        )


class Json:
    """For tools: one JSON document on stdout."""

    def diagnostik(self, diags: Sequence[Diagnostic], ringkasan: str) -> None:
        typer.echo(sebagai_json(list(diags)))

    def angka(self, bundel: Bundel, tahun: int) -> None:
        from sakipgen.laporan import angka

        assert bundel.dinas is not None
        _cetak(angka.sebagai_data(bundel.dinas, bundel.hasil[tahun]))

    def periode(self, bundel: Bundel) -> None:
        from sakipgen.laporan import angka

        assert bundel.dinas is not None and bundel.periode is not None
        e81 = bundel.e81.get(bundel.periode.tahun)
        _cetak(angka.periode_data(bundel.dinas, bundel.periode, e81))

    def perubahan(
        self, folder: str, lama: Bundel, baru: Bundel, changes: Sequence[Perubahan]
    ) -> None:
        from sakipgen.laporan import perubahan

        _cetak(perubahan.sebagai_data(folder, lama, baru, changes))


class Github:
    """GitHub Actions workflow annotations, one per diagnostic (``check`` only)."""

    def diagnostik(self, diags: Sequence[Diagnostic], ringkasan: str) -> None:
        if diags:
            typer.echo(sebagai_github(list(diags)))

    def angka(self, bundel: Bundel, tahun: int) -> None:
        raise NotImplementedError  # the command offers only text and json

    def periode(self, bundel: Bundel) -> None:
        raise NotImplementedError  # the command offers only text and json

    def perubahan(
        self, folder: str, lama: Bundel, baru: Bundel, changes: Sequence[Perubahan]
    ) -> None:
        raise NotImplementedError  # the command offers only text and json


def _cetak(data: object) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


PELAPOR: dict[str, type[Teks] | type[Json] | type[Github]] = {
    "text": Teks,
    "json": Json,
    "github": Github,
}


def untuk(format: str) -> Pelapor:
    """The reporter of a ``--format`` value."""
    return PELAPOR[format]()

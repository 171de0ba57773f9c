"""The ``sakipgen`` application: language, the command group, what commands share, and
the one place where an error becomes an exit code (0 clean, 1 findings, 2 usage or
internal error)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand
from typer.models import CommandFunctionType

from sakipgen import __version__
from sakipgen.errors import AdaTemuan, GalatPemakaian, SakipgenError
from sakipgen.i18n import _, atur_bahasa, pilih_bahasa

if TYPE_CHECKING:
    from sakipgen.pipeline import Bundel

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def lang_argv(argv: list[str]) -> tuple[str | None, list[str]]:
    """``--lang en`` / ``--lang=en`` anywhere on the command line, and argv without it.
    Read before the commands are defined, so their help is in that language too."""
    rest: list[str] = []
    lang: str | None = None
    skip = False
    for i, arg in enumerate(argv):
        if skip:
            skip = False
            continue
        if arg == "--lang" and i + 1 < len(argv):
            lang, skip = argv[i + 1], True
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return lang, rest


atur_bahasa(pilih_bahasa(lang_argv(sys.argv)[0]))

from sakipgen.cli.pemakaian import Grup, Perintah  # noqa: E402  (after the language)


class _Grup(Grup):
    """The command group.  An error for the user raised by any command is printed as
    ``sakipgen COMMAND: message`` and ends in its exit code — the one mapping from
    errors to exit codes (in the manner of copier's ``_handle_exceptions``)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except SakipgenError as exc:
            if str(exc):
                typer.echo(f"sakipgen {ctx.invoked_subcommand}: {exc}", err=True)
            raise typer.Exit(exc.kode_keluar) from None


class _Aplikasi(typer.Typer):
    """The application: every command is a :class:`Perintah` (help and usage errors in
    the planner's words, :mod:`sakipgen.cli.pemakaian`)."""

    def command(
        self, name: str | None = None, *, cls: type[TyperCommand] | None = None, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        return super().command(name, cls=cls or Perintah, **kwargs)


app = _Aplikasi(
    name="sakipgen",
    cls=_Grup,
    help=(
        _(
            "Susun dokumen SAKIP (RKT, IKU, PK, Rencana Aksi, LKjIP) dari data YAML dinas.\n\n"
            "Contoh:\n\n"
            "  sakipgen build examples/blora --doc lkjip\n\n"
            "  sakipgen check examples/blora\n\n"
            "  sakipgen show examples/blora --year 2021"
        )
    ),
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# Parameters several commands share.
FolderDinas = Annotated[
    Path, typer.Argument(metavar=_("FOLDER"), help=_("Folder dinas (berisi sakip.yaml)."))
]
TahunRealisasi = Annotated[
    int | None,
    typer.Option("--year", "-y", help=_("Tahun; bawaan: tahun terakhir yang punya realisasi.")),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sakipgen {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_("Tampilkan versi.")),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help=_(
                "Bahasa pesan: id (Bahasa Indonesia, bawaan) atau en (English); bawaan dari "
                "SAKIPGEN_LANG atau LANG."
            ),
        ),
    ] = None,
) -> None:
    if lang is not None:
        atur_bahasa(pilih_bahasa(lang))


def opsi_triwulan(bantuan: str) -> Any:
    """``--triwulan N`` (1-4), as show and build take it."""
    return typer.Option("--triwulan", min=1, max=4, help=bantuan)


def opsi_bulan(bantuan: str) -> Any:
    """``--bulan M`` (1-12), as show and build take it."""
    return typer.Option("--bulan", min=1, max=12, help=bantuan)


def periode_diminta(triwulan: int | None, bulan: int | None) -> tuple[int, int | None] | None:
    """``--triwulan N`` / ``--bulan M`` as (last month, triwulan); None when neither."""
    if triwulan is not None and bulan is not None:
        raise GalatPemakaian(_("Pilih salah satu: --triwulan atau --bulan."))
    if triwulan is not None:
        return 3 * triwulan, triwulan
    return (bulan, None) if bulan is not None else None


def bundel_tahun(
    folder: Path,
    year: int | None,
    *,
    dokumen: bool = False,
    periode: tuple[int, int | None] | None = None,
) -> tuple[Bundel, int]:
    """The checked dinas and the year a command works on (default: the latest year with
    realisasi, else the latest with data).  Errors in the data are printed and end the
    command (1); an unknown year is a usage error naming the years that exist (2).
    ``periode`` (last month, triwulan): the year up to that month as well."""
    from sakipgen.diagnostics import sebagai_teks
    from sakipgen.pipeline import Pilihan, siapkan

    sampai = (year, *periode) if periode is not None else None
    bundel = siapkan(folder, pilihan=Pilihan(dokumen=dokumen, periode=sampai))
    if bundel.dinas is None or bundel.galat:
        typer.echo(sebagai_teks(list(bundel.diagnostics)), err=True)
        typer.echo(_("Perbaiki kesalahan di atas dulu (sakipgen check)."), err=True)
        raise AdaTemuan()
    years = bundel.tahun
    chosen = year if year is not None else bundel.tahun_terakhir()
    if chosen is None or chosen not in years:
        shown = ", ".join(map(str, years)) or _("tidak ada")
        raise GalatPemakaian(
            _("Tahun {tahun} tidak ada datanya. Tahun yang tersedia: {tersedia}").format(
                tahun=chosen, tersedia=shown
            )
        )
    return bundel, chosen


def nama_perintah(info: Any) -> str:
    """A registered command's name as typer derives it (``impor`` is named ``import``)."""
    return str(info.name or info.callback.__name__.lower().replace("_", "-"))


def perintah_dipakai(args: list[str], daftar: list[Any]) -> list[Any]:
    """Only the command the arguments name, else all of them.  Typer inspects every
    command's signature to build its parameters before it runs one (about 15 ms of a
    250 ms ``check``); all are needed only for the group's own help, an unknown
    command's message and shell completion."""
    nama = next((a for a in args if not a.startswith("-")), None)
    if nama is None or any(k.startswith("_SAKIPGEN_COMPLETE") for k in os.environ):
        return daftar
    return [c for c in daftar if nama_perintah(c) == nama] or daftar


def mode_debug() -> bool:
    """``SAKIPGEN_DEBUG=1``: an internal error prints its traceback, for a bug report."""
    return os.environ.get("SAKIPGEN_DEBUG", "") not in ("", "0")


def main() -> None:
    """Entry point: anything unexpected becomes exit code 2, without a traceback unless
    ``SAKIPGEN_DEBUG`` is set."""
    try:
        # --lang was applied when this module was imported; it may stand anywhere.
        args = lang_argv(sys.argv)[1][1:]
        app.registered_commands = perintah_dipakai(args, app.registered_commands)
        app(args=args, standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write(_("dibatalkan") + "\n")
        sys.exit(130)
    except Exception as exc:  # the one place an internal error becomes an exit code
        if mode_debug():
            import traceback

            traceback.print_exception(exc, file=sys.stderr)
        sys.stderr.write(
            _(
                "sakipgen: kesalahan internal ({jenis}: {pesan}). Ini bukan kesalahan data "
                "Anda; laporkan ke pengembang beserta perintah yang dijalankan."
            ).format(jenis=type(exc).__name__, pesan=exc)
            + "\n"
        )
        sys.exit(EXIT_USAGE)

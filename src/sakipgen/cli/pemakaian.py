"""The command line's own words in the planner's language: ``--help`` and usage errors.

typer writes these itself, in English only: since 0.26 it carries its own copy of
click (``typer._click``), whose texts no longer pass through gettext ("Usage:",
"Options", "[required]", "Show this message and exit.", "Missing argument …",
"No such option …", "Invalid value for …", "Got unexpected extra argument(s)"), and
its coercion of option values is pydantic's ("Input should be a valid integer",
"Value error, 'x' is not one of …").  So sakipgen formats them: :class:`Perintah` (each
command) and :class:`Grup` (the ``sakipgen`` group) write the usage line and the help
sections from the parameters themselves, and turn every usage error typer raises into a
:class:`SalahPakai` whose message is built from what the error carries (the parameter,
the option name, the value refused, pydantic's error type through
:mod:`sakipgen.model.galat`) — never by reading typer's English back.  Texts go
through the catalogue like every other message (``--lang en`` gives English).

Only typer's structures are used here (parameters, contexts, its exception classes);
``pyproject.toml`` pins the typer series they were written against, and
``tests/cli/test_bahasa.py`` fails when a text of typer's shows through.
"""

from __future__ import annotations

import difflib
from enum import Enum
from pathlib import Path
from typing import IO, Any, get_args, get_origin

import typer
from typer._click import Context, HelpFormatter
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer.core import TyperCommand, TyperGroup

from sakipgen.i18n import _


class SalahPakai(UsageError):
    """A usage error in the planner's words; typer prints it (:meth:`show`) and exits 2."""

    def show(self, file: IO[Any] | None = None) -> None:
        ctx = self.ctx
        if ctx is not None:
            typer.echo(ctx.get_usage(), file=file, err=file is None)
            if ctx.command.get_help_option(ctx) is not None:
                petunjuk = _("Coba '{perintah} {opsi}' untuk bantuan.").format(
                    perintah=ctx.command_path, opsi=ctx.help_option_names[0]
                )
                typer.echo(petunjuk + "\n", file=file, err=file is None)
        typer.echo(_("Kesalahan: {pesan}").format(pesan=self.message), file=file, err=file is None)


# --- help ---------------------------------------------------------------------------------


def nama_opsi(param: Any) -> str:
    """``-d, --doc`` (short first, as typer lists them); ``--x / --no-x`` for a pair."""
    opts = sorted(param.opts, key=lambda o: len(o) - len(o.lstrip("-")))
    teks = ", ".join(opts)
    if param.secondary_opts:
        teks += " / " + ", ".join(param.secondary_opts)
    return teks


def nama_argumen(param: Any) -> str:
    """An argument as usage and messages name it: its metavar (``FOLDER``)."""
    return str(param.metavar or (param.name or "").upper())


def _sebutan(param: Any) -> str:
    """A parameter named in a message: ``--doc / -d``, or the argument ``FOLDER``."""
    if param.param_type_name == "argument":
        return nama_argumen(param)
    return " / ".join(param.opts)


def _pilihan(param: Any) -> list[str]:
    desc = getattr(param, "type_descriptor", None)
    choices = getattr(desc, "choices", None) or ()
    return [str(c.value if isinstance(c, Enum) else c) for c in choices]


def _jenis_nilai(param: Any) -> str:
    """What an option's value is, for its help line: ``text|json``, ``bilangan``, ``jalur``."""
    if pilihan := _pilihan(param):
        return "|".join(pilihan)
    desc = getattr(param, "type_descriptor", None)
    annotation = getattr(desc, "annotation", None)
    banyak = get_origin(annotation) is list
    if banyak:
        annotation = get_args(annotation)[0]
    if annotation is int:
        label = _("bilangan")
    elif annotation is float:
        label = _("angka")
    elif isinstance(annotation, type) and issubclass(annotation, Path):
        label = _("jalur")
    elif annotation is str:
        label = _("teks")
    else:
        label = getattr(annotation, "__name__", "")
    return label + ("..." if banyak else "")


def _bawaan(param: Any, ctx: Context) -> str | None:
    if param.is_flag or not param.show_default:
        return None
    resilient, ctx.resilient_parsing = ctx.resilient_parsing, True
    try:
        nilai = param.get_default(ctx, call=False)
    finally:
        ctx.resilient_parsing = resilient
    if nilai is None or callable(nilai) or nilai in ((), []):
        return None
    return str(nilai.value if isinstance(nilai, Enum) else nilai)


def _rentang(param: Any) -> str | None:
    lo, hi = getattr(param, "min", None), getattr(param, "max", None)
    if lo is not None and hi is not None:
        return f"{lo}–{hi}"
    if lo is not None:
        return _("paling kecil {min}").format(min=lo)
    if hi is not None:
        return _("paling besar {max}").format(max=hi)
    return None


_BANTUAN_TYPER = {
    "install_completion": lambda: _("Pasang pelengkapan perintah untuk shell yang dipakai."),
    "show_completion": lambda: _(
        "Tampilkan skrip pelengkapan perintah untuk shell yang dipakai, untuk disalin atau "
        "dipasang sendiri."
    ),
}
"""The help of the options typer adds itself (shell completion)."""


def catatan(param: Any, ctx: Context) -> tuple[str, str] | None:
    """One line of a help section: the parameter and what it does, with its default,
    range and whether it is required in brackets."""
    if getattr(param, "hidden", False):
        return None
    if param.param_type_name == "argument":
        nama = nama_argumen(param) + ("..." if param.nargs != 1 else "")
    else:
        nama = nama_opsi(param)
        if not param.is_flag and (jenis := _jenis_nilai(param)):
            nama += f" <{jenis}>"
    if param is ctx.command.get_help_option(ctx):
        bantuan = _("Tampilkan bantuan ini lalu keluar.")
    elif param.name in _BANTUAN_TYPER:
        bantuan = _BANTUAN_TYPER[param.name]()
    else:
        bantuan = param.help or ""
    lain = []
    if param.param_type_name == "option" and (bawaan := _bawaan(param, ctx)) is not None:
        lain.append(_("bawaan: {nilai}").format(nilai=bawaan))
    if rentang := _rentang(param):
        lain.append(rentang)
    if param.required:
        lain.append(_("wajib"))
    if lain:
        bantuan = f"{bantuan}  [{'; '.join(lain)}]" if bantuan else f"[{'; '.join(lain)}]"
    return nama, bantuan


def _tulis_pemakaian(cmd: Any, ctx: Context, formatter: HelpFormatter, ekor: list[str]) -> None:
    pieces = [_("[OPSI]")] if cmd.options_metavar else []
    for param in cmd.get_params(ctx):
        if param.param_type_name != "argument" or getattr(param, "hidden", False):
            continue
        nama = nama_argumen(param) + ("..." if param.nargs != 1 else "")
        pieces.append(nama if param.required else f"[{nama}]")
    formatter.write_usage(ctx.command_path, " ".join([*pieces, *ekor]), prefix=_("Pemakaian: "))


def _tulis_opsi(cmd: Any, ctx: Context, formatter: HelpFormatter) -> None:
    rows: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
    for param in cmd.get_params(ctx):
        row = catatan(param, ctx)
        if row is not None and param.param_type_name in rows:
            rows[param.param_type_name].append(row)
    for kind, judul in (("argument", _("Argumen")), ("option", _("Opsi"))):
        if rows[kind]:
            with formatter.section(judul):
                formatter.write_dl(rows[kind])


# --- usage errors -------------------------------------------------------------------------


def _opsi_bernama(ctx: Context | None, nama: str) -> Any:
    if ctx is None:
        return None
    params = ctx.command.get_params(ctx)
    return next((p for p in params if nama in (*p.opts, *p.secondary_opts)), None)


def _alasan(exc: BadParameter, param: Any) -> str:
    """Why a value was refused, from what typer validated it with (pydantic)."""
    from pydantic import ValidationError

    from sakipgen.model.galat import pesan_galat
    from sakipgen.teks import teks_layar

    cause = exc.__cause__
    if isinstance(cause, ValidationError) and (errors := cause.errors()):
        err = errors[0]
        if pilihan := _pilihan(param):
            return _("'{nilai}' bukan salah satu dari: {pilihan}").format(
                nilai=teks_layar(str(err.get("input", ""))), pilihan=", ".join(pilihan)
            )
        return pesan_galat(err)[1]
    return exc.message  # no structure to read: as typer wrote it


def terjemahkan(exc: UsageError, ctx: Context | None = None) -> UsageError:
    """A usage error of typer's in the planner's words (:class:`SalahPakai`)."""
    if isinstance(exc, (SalahPakai, NoArgsIsHelpError)):
        return exc
    ctx = exc.ctx or ctx
    if isinstance(exc, MissingParameter) and exc.param is not None:
        jenis = exc.param_type or exc.param.param_type_name
        pesan = (
            _("Argumen {nama} belum diisi.")
            if jenis == "argument"
            else _("Opsi {nama} belum diisi.")
        ).format(nama=_sebutan(exc.param))
        if pilihan := _pilihan(exc.param):
            pesan += " " + _("Pilih salah satu: {pilihan}.").format(pilihan=", ".join(pilihan))
    elif isinstance(exc, NoSuchOption):
        from sakipgen.teks import teks_layar

        pesan = _("Opsi {opsi} tidak dikenal.").format(opsi=teks_layar(exc.option_name))
        if exc.possibilities:
            pesan += " " + _("Mungkin maksudnya: {saran}?").format(
                saran=", ".join(sorted(exc.possibilities))
            )
    elif isinstance(exc, BadOptionUsage):
        opsi = _opsi_bernama(ctx, exc.option_name)
        if opsi is not None and opsi.is_flag:
            pesan = _("Opsi {opsi} tidak menerima nilai.").format(opsi=exc.option_name)
        else:
            pesan = _("Opsi {opsi} perlu diberi nilai.").format(opsi=exc.option_name)
    elif isinstance(exc, BadParameter) and exc.param is not None:
        pesan = _("Nilai {nama} tidak dapat diterima: {alasan}.").format(
            nama=_sebutan(exc.param), alasan=_alasan(exc, exc.param).rstrip(".")
        )
    else:
        pesan = exc.message
    return SalahPakai(pesan, ctx)


class Perintah(TyperCommand):
    """A ``sakipgen`` command whose help and usage errors are in the planner's words."""

    allow_extra_args = True  # collected, then refused below in the planner's words

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        _tulis_pemakaian(self, ctx, formatter, [])

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        _tulis_opsi(self, ctx, formatter)

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        try:
            rest = super().parse_args(ctx, args)
        except UsageError as exc:
            raise terjemahkan(exc, ctx) from None
        if rest and not ctx.resilient_parsing:
            from sakipgen.teks import teks_layar

            raise SalahPakai(
                _("Argumen berlebih: {argumen}").format(argumen=teks_layar(" ".join(rest))),
                ctx,
            )
        return rest


class Grup(TyperGroup):
    """The ``sakipgen`` group: as :class:`Perintah`, and the commands' list, an unknown
    command and a missing one in the planner's words."""

    def get_params(self, ctx: Context) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:  # typer adds it once the group is made
            if param.name == "install_completion":
                param.callback = _pasang_pelengkapan
        return params

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return []  # format_usage writes the pieces

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        _tulis_pemakaian(self, ctx, formatter, [_("PERINTAH [ARGUMEN]...")])

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        _tulis_opsi(self, ctx, formatter)
        rows = []
        for nama in self.list_commands(ctx):
            cmd = self.get_command(ctx, nama)
            if cmd is not None and not cmd.hidden:
                rows.append((nama, cmd))
        if rows:
            batas = formatter.width - 6 - max(len(n) for n, _c in rows)
            with formatter.section(_("Perintah")):
                formatter.write_dl([(n, c.get_short_help_str(batas)) for n, c in rows])

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except UsageError as exc:
            raise terjemahkan(exc, ctx) from None

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, typer._click.Command | None, list[str]]:
        nama = args[0]
        if self.get_command(ctx, nama) is None and not nama.startswith("-"):
            if ctx.resilient_parsing:
                return None, None, args[1:]
            from sakipgen.teks import teks_layar

            pesan = _("Perintah '{nama}' tidak ada.").format(nama=teks_layar(nama))
            if saran := difflib.get_close_matches(nama, list(self.commands)):
                pesan += " " + _("Mungkin maksudnya: {saran}?").format(
                    saran=", ".join(f"'{s}'" for s in saran)
                )
            raise SalahPakai(pesan, ctx)
        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:
            raise terjemahkan(exc, ctx) from None

    def invoke(self, ctx: Context) -> Any:
        if not getattr(ctx, "_protected_args", None) and not self.invoke_without_command:
            raise SalahPakai(_("Sebutkan perintahnya, misalnya: sakipgen check FOLDER."), ctx)
        try:
            return super().invoke(ctx)
        except typer.Abort:  # Ctrl-C or end of input at a question (init)
            typer.echo(_("dibatalkan"), err=True)
            raise typer.Exit(1) from None


def _pasang_pelengkapan(ctx: Context, _param: Any, value: Any) -> Any:
    """``--install-completion``: typer's installer, its report in the planner's words."""
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import install

    shell, path = install(shell=value) if isinstance(value, str) else install()
    typer.echo(
        _("Pelengkapan perintah {shell} dipasang di {jalur}.").format(shell=shell, jalur=path)
    )
    typer.echo(_("Berlaku setelah terminal dibuka kembali."))
    raise typer.Exit(0)

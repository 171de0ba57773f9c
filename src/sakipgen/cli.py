"""Command line: one small function per command.  This is the only place where
diagnostics become exit codes: 0 clean, 1 findings, 2 usage or internal error."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sakipgen import __version__
from sakipgen.i18n import _, atur_bahasa, pilih_bahasa

if TYPE_CHECKING:
    from sakipgen.pipeline import Bundel


def _lang_argv(argv: list[str]) -> tuple[str | None, list[str]]:
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


atur_bahasa(pilih_bahasa(_lang_argv(sys.argv)[0]))

app = typer.Typer(
    name="sakipgen",
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

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

# Parameters several commands share.
FolderDinas = Annotated[Path, typer.Argument(help=_("Folder dinas (berisi sakip.yaml)."))]
TahunRealisasi = Annotated[
    int | None,
    typer.Option("--year", "-y", help=_("Tahun; bawaan: tahun terakhir yang punya realisasi.")),
]


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


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


def _find_dinas(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Dinas folders named or found below the given paths; and paths with none."""
    from sakipgen.load import is_dinas_folder

    found: list[Path] = []
    empty: list[Path] = []
    for p in paths:
        if is_dinas_folder(p):
            found.append(p)
            continue
        below = (
            sorted(
                q.parent
                for q in p.rglob("sakip.yaml")
                if not any(part.startswith(".") or part == "build" for part in q.parts)
            )
            if p.is_dir()
            else []
        )
        if below:
            found.extend(below)
        else:
            empty.append(p)
    # The same dinas named twice (``build a a/``) is built once.
    unique: dict[Path, Path] = {}
    for f in found:
        unique.setdefault(f.resolve(), f)
    return list(unique.values()), empty


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
            help=_(
                "Folder dinas (berisi sakip.yaml), atau folder yang memuat beberapa folder "
                "dinas. Tanpa argumen: folder kerja saat ini."
            )
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
    from sakipgen.diagnostics import (
        Diagnostic,
        Location,
        Severity,
        render_github,
        render_json,
        render_text,
        sorted_unique,
    )
    from sakipgen.pipeline import siapkan

    chosen = format or (
        CheckFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else CheckFormat.text
    )
    targets = dirs or [Path.cwd()]
    folders, empty = _find_dinas(targets)
    diags: list[Diagnostic] = []
    for p in empty:
        diags.append(
            Diagnostic.make(
                Location(str(p)),
                "F005",
                _("bukan folder dinas dan tidak memuat folder dinas (tidak ada sakip.yaml)"),
            )
        )
    for folder in folders:
        diags.extend(siapkan(folder).diagnostics)
    diags = sorted_unique(diags)
    errors = sum(d.severity is Severity.ERROR for d in diags)
    warnings = len(diags) - errors
    if chosen is CheckFormat.json:
        typer.echo(render_json(diags))
    elif chosen is CheckFormat.github:
        if diags:
            typer.echo(render_github(diags))
    else:
        if diags:
            color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
            typer.echo(render_text(diags, color=color))
        summary = _(
            "{folder} folder dinas diperiksa: {kesalahan} kesalahan, {peringatan} peringatan"
        ).format(folder=len(folders), kesalahan=errors, peringatan=warnings)
        typer.echo(summary, err=bool(diags))
    failed = errors or (strict and warnings)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


def _bundel_tahun(folder: Path, year: int | None, *, dokumen: bool = False) -> tuple[Bundel, int]:
    """The checked dinas and the year a command works on (default: the latest year with
    realisasi, else the latest with data); exits on errors (1) or an unknown year (2),
    saying which years exist."""
    from sakipgen.diagnostics import render_text
    from sakipgen.pipeline import Pilihan, siapkan

    bundel = siapkan(folder, pilihan=Pilihan(dokumen=dokumen))
    if bundel.dinas is None or bundel.galat:
        typer.echo(render_text(list(bundel.diagnostics)), err=True)
        typer.echo(_("Perbaiki kesalahan di atas dulu (sakipgen check)."), err=True)
        raise typer.Exit(EXIT_FINDINGS)
    years = bundel.tahun
    chosen = year if year is not None else bundel.tahun_terakhir()
    if chosen is None or chosen not in years:
        shown = ", ".join(map(str, years)) or _("tidak ada")
        typer.echo(
            _("Tahun {tahun} tidak ada datanya. Tahun yang tersedia: {tersedia}").format(
                tahun=chosen, tersedia=shown
            ),
            err=True,
        )
        raise typer.Exit(EXIT_USAGE)
    return bundel, chosen


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
    from sakipgen import show as tampil

    bundel, year = _bundel_tahun(dir, year)
    dinas, hasil = bundel.dinas, bundel.hasil[year]
    assert dinas is not None

    if format is ShowFormat.json:
        typer.echo(json.dumps(tampil.to_json(dinas, hasil), ensure_ascii=False, indent=2))
    else:
        from rich.console import Console

        # User text arrives as rich Text (never markup); no markup, emoji codes or
        # highlighting on top either, so nothing from the YAML is interpreted.
        def konsol(no_color: bool, width: int | None = None) -> Console:
            return Console(
                no_color=no_color, width=width, markup=False, emoji=False, highlight=False
            )

        console = konsol("NO_COLOR" in os.environ)
        if not console.is_terminal:
            # Piped or redirected: wide enough that indikator names are not folded word by word.
            console = konsol(True, 160)
        console.print(tampil.render_text(dinas, hasil))
    raise typer.Exit(EXIT_OK)


class DocKind(StrEnum):
    rkt = "rkt"
    iku = "iku"
    pk = "pk"
    rencana_aksi = "rencana-aksi"
    lkjip = "lkjip"
    all = "all"


@app.command(
    help=_(
        "Susun dokumen Word (.docx) dari data dinas.\n\n    Data diperiksa dulu "
        "seperti 'sakipgen check'; bila ada kesalahan, tidak ada berkas yang\n  "
        "  ditulis. Setiap berkas yang ditulis dicetak jalurnya. Dengan --doc "
        "all, semua dokumen\n    yang datanya tersedia disusun. Banyak folder "
        "disusun paralel (--jobs); dokumen yang\n    masukannya tidak berubah "
        "dilewati (--force untuk menyusun ulang).\n\n    Contoh: sakipgen build "
        "examples/blora --doc lkjip\n\n    Contoh: sakipgen build kabupaten/* "
        "--doc all --jobs 2"
    )
)
def build(
    dirs: Annotated[
        list[Path],
        typer.Argument(
            help=_("Folder dinas (berisi sakip.yaml), atau folder berisi folder dinas.")
        ),
    ],
    doc: Annotated[
        DocKind,
        typer.Option(
            "--doc", "-d", help=_("Dokumen: rkt, iku, pk, rencana-aksi, lkjip, atau all.")
        ),
    ] = DocKind.all,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            "-y",
            help=_("Tahun dokumen; bawaan: tahun terakhir yang datanya ada untuk dokumen itu."),
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help=_(
                "Berkas keluaran (satu dokumen) atau folder; bawaan: DIR/build/<dok>-<tahun>.docx."
            ),
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help=_("Proses paralel; bawaan: jumlah CPU.")),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help=_("Susun ulang walau data, narasi dan templat tidak berubah.")
        ),
    ] = False,
    pdf: Annotated[
        bool,
        typer.Option(
            "--pdf",
            help=_(
                "Tulis juga PDF di samping setiap .docx (LibreOffice; daftar isi dan nomor "
                "halaman terisi)."
            ),
        ),
    ] = False,
) -> None:
    import time

    from sakipgen.batch import JENIS, Permintaan, Ringkasan, jalankan

    kinds = tuple(JENIS) if doc is DocKind.all else (doc.value,)
    if out is not None and out.suffix == ".docx" and (len(kinds) > 1 or len(dirs) > 1):
        typer.echo(_("--out berakhiran .docx hanya untuk satu dokumen dari satu folder."), err=True)
        raise typer.Exit(EXIT_USAGE)
    folders, empty = _find_dinas(dirs)
    for p in empty:
        typer.echo(
            _("{folder}: F005 bukan folder dinas (tidak ada sakip.yaml)").format(folder=p), err=True
        )
    outs = _keluaran_per_dinas(folders, out)
    requests = [
        Permintaan(f, kinds, year, o, force, explicit=doc is not DocKind.all)
        for f, o in zip(folders, outs, strict=True)
    ]
    started = time.perf_counter()
    progress = _Kemajuan(len(requests))

    def done(r: Ringkasan) -> None:
        for path in r.written:
            typer.echo(path)
        if r.errors:
            progress.write(r.errors)
        progress.advance(r)

    with progress:
        results = jalankan(requests, jobs or os.cpu_count() or 1, done)
    pdf_failed = False
    if pdf:
        from sakipgen.pdf import susun_pdf

        pdf_failed = not susun_pdf(
            [f for r in results for f in r.written],
            [f for r in results for f in r.unchanged],
            typer.echo,
            lambda message: typer.echo(message, err=True),
        )
    written = sum(len(r.written) for r in results)
    unchanged = sum(len(r.unchanged) for r in results)
    failed = [r for r in results if r.failed]
    if len(requests) > 1 or unchanged or failed:
        typer.echo(
            _(
                "{ditulis} dokumen ditulis, {tetap} tidak berubah (dilewati), "
                "{gagal} folder gagal, dari {jumlah} folder dinas dalam {detik} detik"
            ).format(
                ditulis=written,
                tetap=unchanged,
                gagal=len(failed),
                jumlah=len(requests),
                detik=f"{time.perf_counter() - started:.1f}",
            ),
            err=True,
        )
    raise typer.Exit(EXIT_FINDINGS if failed or empty or pdf_failed else EXIT_OK)


def _keluaran_per_dinas(folders: list[Path], out: Path | None) -> list[Path | None]:
    """Where each dinas's documents go.  Several dinas into one ``--out`` folder each get
    a subfolder named after their folder, so none overwrites another's ``pk-2021.docx``;
    two dinas folders with the same name are refused before anything is written."""
    if out is None:
        return [None] * len(folders)
    if out.suffix == ".docx":
        if out.is_dir():
            typer.echo(
                _("--out {out} adalah folder; tulis nama berkas .docx atau folder lain.").format(
                    out=out
                ),
                err=True,
            )
            raise typer.Exit(EXIT_USAGE)
        return [out] * len(folders)
    if out.exists() and not out.is_dir():
        typer.echo(
            _("--out {out} sudah ada dan bukan folder.").format(out=out),
            err=True,
        )
        raise typer.Exit(EXIT_USAGE)
    if len(folders) <= 1:
        return [out] * len(folders)
    by_name: dict[str, list[Path]] = {}
    for f in folders:
        by_name.setdefault(f.resolve().name, []).append(f)
    clash = {n: fs for n, fs in by_name.items() if len(fs) > 1}
    if clash:
        for name, fs in sorted(clash.items()):
            typer.echo(
                _(
                    "--out {out}: folder dinas {folder} bernama sama ('{nama}'); dokumennya "
                    "akan saling menimpa. Susun terpisah dengan --out masing-masing."
                ).format(out=out, folder=", ".join(map(str, fs)), nama=name),
                err=True,
            )
        raise typer.Exit(EXIT_USAGE)
    return [out / f.resolve().name for f in folders]


class _Kemajuan:
    """A progress bar on stderr for long runs on a terminal; plain lines otherwise."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0
        self.bar: object | None = None
        if total > 1 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            console = Console(stderr=True, no_color="NO_COLOR" in os.environ)
            bar = Progress(console=console, transient=True)
            self.task = bar.add_task(_("menyusun dokumen"), total=total)
            self.bar = bar

    def __enter__(self) -> _Kemajuan:
        if self.bar is not None:
            self.bar.start()  # type: ignore[attr-defined]
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()  # type: ignore[attr-defined]

    def write(self, text: str) -> None:
        if self.bar is not None:
            self.bar.console.print(text, markup=False, highlight=False)  # type: ignore[attr-defined]
        else:
            typer.echo(text, err=True)

    def advance(self, r: object) -> None:
        self.count += 1
        if self.bar is not None:
            self.bar.advance(self.task)  # type: ignore[attr-defined]
        elif self.total > 1:
            from sakipgen.batch import Ringkasan

            assert isinstance(r, Ringkasan)
            state = (
                _("gagal")
                if r.failed
                else (
                    _("{n} ditulis").format(n=len(r.written))
                    if r.written
                    else _("{n} tidak berubah").format(n=len(r.unchanged))
                )
            )
            typer.echo(f"[{self.count}/{self.total}] {r.folder}: {state}", err=True)


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"


@app.command(
    help=_(
        "Ekspor tabel angka yang dihitung untuk satu tahun ke Excel atau CSV: "
        "capaian per\n    indikator dan sasaran, IKU, PK, rencana aksi, "
        "anggaran (program, kegiatan, sub\n    kegiatan; per sasaran; serapan "
        "dan efisiensi). Tabel yang datanya tidak ada dilewati.\n\n    Angka di "
        "xlsx adalah sel angka sungguhan (Excel menampilkannya dengan pemisah "
        "sesuai\n    bahasa komputer). CSV memakai kebiasaan Excel berbahasa "
        "Indonesia: UTF-8 dengan BOM,\n    pemisah ';' dan koma desimal.\n\n    "
        "Contoh: sakipgen export examples/blora --year 2021\n\n    Contoh: "
        "sakipgen export examples/blora --format csv --out tabel/"
    )
)
def export(
    dir: FolderDinas,
    year: TahunRealisasi = None,
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format", help=_("xlsx (satu buku kerja Excel) atau csv (satu berkas per tabel).")
        ),
    ] = ExportFormat.xlsx,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help=_(
                "xlsx: berkas .xlsx atau folder; csv: folder. Bawaan: "
                "DIR/build/tabel-<tahun>.xlsx atau DIR/build/export-<tahun>/."
            ),
        ),
    ] = None,
) -> None:
    import importlib.util

    from sakipgen import ekspor
    from sakipgen.teks import teks_layar

    bundel, year = _bundel_tahun(dir, year, dokumen=True)
    dinas = bundel.dinas
    assert dinas is not None
    tables, warnings = ekspor.semua_tabel(bundel, year)
    for w in warnings:
        # A warning may quote dokumen.yaml (revisi_pk) or git: user text on the terminal.
        pesan = _("{folder}: peringatan: {pesan}").format(folder=dir, pesan=w)
        typer.echo(teks_layar(pesan), err=True)
    if format is ExportFormat.xlsx and importlib.util.find_spec("xlsxwriter") is None:
        typer.echo(
            _(
                "Paket XlsxWriter belum terpasang: pip install XlsxWriter "
                "(atau pakai --format csv)."
            ),
            err=True,
        )
        raise typer.Exit(EXIT_USAGE)
    tujuan = out or dir / "build" / f"export-{year}"
    if format is ExportFormat.xlsx:
        tujuan = out or dir / "build" / f"tabel-{year}.xlsx"
    if out is None:
        from sakipgen.write import tautan_di_jalur

        alasan = tautan_di_jalur(dir, tujuan / "x" if format is ExportFormat.csv else tujuan)
        if alasan is not None:
            typer.echo(f"sakipgen export: {alasan}", err=True)
            raise typer.Exit(EXIT_USAGE)
    catatan: list[str] = []
    try:
        if format is ExportFormat.csv:
            if tujuan.exists() and not tujuan.is_dir():
                typer.echo(
                    _("--out {out}: untuk csv, --out adalah folder.").format(out=tujuan), err=True
                )
                raise typer.Exit(EXIT_USAGE)
            hasil = ekspor.tulis_csv(dinas, tables, tujuan)
            written, catatan = hasil.ditulis, hasil.catatan
        else:
            if tujuan.suffix.lower() != ".xlsx" or tujuan.is_dir():
                tujuan = tujuan / f"tabel-{year}.xlsx"  # --out FOLDER
            written = [ekspor.tulis_xlsx(dinas, year, tables, tujuan)]
    except OSError as exc:
        # A folder that cannot be created or written (a file in the way, no permission,
        # a full disk) is for the user to fix, not an internal error.
        typer.echo(
            _("sakipgen export: tidak dapat menulis ke '{out}': {pesan}").format(
                out=tujuan, pesan=exc.strerror or exc
            ),
            err=True,
        )
        raise typer.Exit(EXIT_USAGE) from None
    for path in written:
        typer.echo(path)
    for note in catatan:
        typer.echo(teks_layar(note), err=True)
    raise typer.Exit(EXIT_OK)


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
        Path, typer.Argument(help=_("Folder dinas (berisi sakip.yaml) di repositori git."))
    ],
    rev1: Annotated[str, typer.Argument(help=_("Revisi lama: id commit, tag, cabang, HEAD~1 …"))],
    rev2: Annotated[
        str | None,
        typer.Argument(help=_("Revisi baru; bawaan: isi folder saat ini (working tree).")),
    ] = None,
    format: Annotated[DiffFormat, typer.Option("--format", help=_("text atau json."))] = (
        DiffFormat.text
    ),
) -> None:
    from sakipgen import beda
    from sakipgen.diagnostics import render_text
    from sakipgen.errors import RevisiError
    from sakipgen.pipeline import siapkan, siapkan_revisi

    try:
        lama = siapkan_revisi(dir, rev1)
        baru = siapkan_revisi(dir, rev2) if rev2 is not None else siapkan(dir)
    except RevisiError as exc:
        typer.echo(_("sakipgen diff: {pesan}").format(pesan=exc), err=True)
        raise typer.Exit(EXIT_USAGE) from None
    errors = beda.kesalahan([lama, baru])
    if errors or lama.dinas is None or baru.dinas is None:
        typer.echo(render_text(errors), err=True)
        typer.echo(
            _("Data salah satu revisi berisi kesalahan; perbaiki dulu (sakipgen check)."),
            err=True,
        )
        raise typer.Exit(EXIT_FINDINGS)
    changes = beda.bandingkan(lama, baru)
    if format is DiffFormat.json:
        data = beda.to_json(str(dir), lama, baru, changes)
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from rich.console import Console

        console = Console(no_color="NO_COLOR" in os.environ)
        if not console.is_terminal:
            console = Console(no_color=True, width=160)
        judul = _("antara {lama} dan {baru}").format(
            lama=beda.label_revisi(lama), baru=beda.label_revisi(baru)
        )
        console.print(beda.render_text(changes, judul))
    raise typer.Exit(EXIT_OK)


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
        typer.echo(
            _("sakipgen schema: tidak dapat menulis ke '{out}': {pesan}").format(
                out=out, pesan=exc
            ),
            err=True,
        )
        raise typer.Exit(EXIT_USAGE) from None
    for path in written:
        typer.echo(path)
    raise typer.Exit(EXIT_OK)


def _tanya(pertanyaan: str, bawaan: object) -> object:
    return typer.prompt(pertanyaan, default=bawaan, type=type(bawaan))


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
        'sakipgen init dinas-saya --pemda "Kota Bandung" --mulai 2025\n\n    '
        'Contoh: sakipgen init disdag --dinas "Dinas Perdagangan" --tahun 2026'
    )
)
def init(
    dir: Annotated[Path, typer.Argument(help=_("Folder dinas baru (belum ada, atau kosong)."))],
    pemda: Annotated[
        str | None,
        typer.Option("--pemda", help=_('Pemerintah daerah, misalnya "Kabupaten Blora".')),
    ] = None,
    dinas: Annotated[
        str | None, typer.Option("--dinas", help=_('Nama dinas, misalnya "Dinas Perdagangan".'))
    ] = None,
    mulai: Annotated[int | None, typer.Option("--mulai", help=_("Tahun mulai Renstra."))] = None,
    akhir: Annotated[
        int | None, typer.Option("--akhir", help=_("Tahun akhir Renstra; bawaan: mulai + 4."))
    ] = None,
    tahun: Annotated[
        int | None,
        typer.Option("--tahun", help=_("Tahun data pertama (folder <tahun>/); bawaan: tahun ini.")),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help=_("Tulis juga ke folder yang sudah berisi (menimpa berkas contoh).")
        ),
    ] = False,
) -> None:
    from sakipgen.inisialisasi import InitError, inisialisasi

    try:
        written = inisialisasi(
            dir,
            pemda=pemda,
            dinas=dinas,
            mulai=mulai,
            akhir=akhir,
            tahun=tahun,
            force=force,
            tanya=_tanya if sys.stdin.isatty() else None,
            lapor=lambda teks: typer.echo(teks, err=True),
        )
    except (InitError, OSError) as exc:
        typer.echo(_("sakipgen init: {pesan}").format(pesan=exc), err=True)
        raise typer.Exit(EXIT_USAGE) from None
    for path in written:
        typer.echo(path)
    typer.echo(
        _(
            "Folder dinas dibuat. Ganti isian contohnya, lalu periksa: sakipgen check {folder}"
        ).format(folder=dir),
        err=True,
    )
    raise typer.Exit(EXIT_OK)


def main() -> None:
    """Entry point: map anything unexpected to exit code 2 without a traceback."""
    try:
        # --lang was applied when this module was imported; it may stand anywhere.
        app(args=_lang_argv(sys.argv)[1][1:], standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write(_("dibatalkan") + "\n")
        sys.exit(130)
    except Exception as exc:  # the one place an internal error becomes an exit code
        sys.stderr.write(
            _(
                "sakipgen: kesalahan internal ({jenis}: {pesan}). Ini bukan kesalahan data "
                "Anda; laporkan ke pengembang beserta perintah yang dijalankan."
            ).format(jenis=type(exc).__name__, pesan=exc)
            + "\n"
        )
        if os.environ.get("SAKIPGEN_DEBUG"):
            raise
        sys.exit(EXIT_USAGE)

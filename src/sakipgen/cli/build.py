"""``sakipgen build``: write the Word documents of one or many dinas folders."""

from __future__ import annotations

import os
import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sakipgen.cli.aplikasi import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    app,
    mode_debug,
    opsi_bulan,
    opsi_triwulan,
    periode_diminta,
)
from sakipgen.errors import GalatPemakaian
from sakipgen.i18n import _
from sakipgen.jenis import BERPERIODE, JENIS

if TYPE_CHECKING:
    from sakipgen.batch import Permintaan, Ringkasan

DocKind = StrEnum(  # type: ignore[misc]
    "DocKind", {**{j.replace("-", "_"): j for j in JENIS}, "all": "all"}
)
"""``--doc``: every kind of :data:`sakipgen.jenis.JENIS`, or ``all``."""


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
            metavar=_("FOLDER"),
            help=_("Folder dinas (berisi sakip.yaml), atau folder berisi folder dinas."),
        ),
    ],
    doc: Annotated[
        DocKind,
        typer.Option(
            "--doc",
            "-d",
            help=_(
                "Dokumen: rkt, iku, pk, rencana-aksi, lkjip, monitoring (laporan monitoring "
                "rencana aksi), e81 (evaluasi Renja), atau all."
            ),
        ),
    ] = DocKind.all,  # type: ignore[attr-defined]
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
                "Berkas keluaran (satu dokumen) atau folder; bawaan: "
                "FOLDER/build/<dok>-<tahun>.docx."
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
    strict: Annotated[
        bool,
        typer.Option("--strict", help=_("Peringatan juga dianggap gagal (kode keluar 1).")),
    ] = False,
    triwulan: Annotated[
        int | None,
        opsi_triwulan(
            _(
                "Laporan monitoring atau E.81 sampai triwulan ini; bawaan: periode terakhir "
                "yang dilaporkan."
            )
        ),
    ] = None,
    bulan: Annotated[
        int | None, opsi_bulan(_("Laporan monitoring sampai bulan ini (rencana aksi bulanan)."))
    ] = None,
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
    from sakipgen.batch import Permintaan, jalankan, keluaran_per_dinas
    from sakipgen.cli.kemajuan import Kemajuan
    from sakipgen.load import temukan_dinas
    from sakipgen.teks import bersih_nama

    semua = doc.value == "all"
    periode = periode_diminta(triwulan, bulan)
    if periode is not None and doc.value not in ("all", *BERPERIODE):
        raise GalatPemakaian(
            _("--triwulan dan --bulan hanya untuk --doc {jenis}.").format(
                jenis=" atau ".join(BERPERIODE)
            )
        )
    kinds = tuple(JENIS) if semua else (doc.value,)
    if out is not None and out.suffix == ".docx" and (len(kinds) > 1 or len(dirs) > 1):
        raise GalatPemakaian(_("--out berakhiran .docx hanya untuk satu dokumen dari satu folder."))
    folders, empty = temukan_dinas(dirs)
    for p in empty:
        typer.echo(
            _("{folder}: F005 bukan folder dinas (tidak ada sakip.yaml)").format(folder=p), err=True
        )
    requests = [
        Permintaan(f, kinds, year, o, force, eksplisit=not semua, ketat=strict, periode=periode)
        for f, o in zip(folders, keluaran_per_dinas(folders, out), strict=True)
    ]
    started = time.perf_counter()
    with Kemajuan(len(requests)) as progress:

        def done(r: Ringkasan) -> None:
            for path in r.ditulis:
                typer.echo(bersih_nama(path))
            for line in [*r.dilewati, *r.peringatan]:
                progress.tulis(line if line.startswith(r.folder) else f"{r.folder}: {line}")
            if r.runut and mode_debug():
                progress.tulis(r.runut.rstrip("\n"))
            if r.pesan:
                progress.tulis(r.pesan)
            progress.maju(r)

        results = jalankan(requests, jobs or os.cpu_count() or 1, done)
    pdf_failed = pdf and not _pdf(results, requests)
    if not pdf and any(r.ditulis for r in results):
        typer.echo(
            _(
                "Catatan: nomor halaman daftar isi, daftar tabel dan daftar gambar diisi Word "
                "saat berkas dibuka; --pdf menuliskannya ke .docx (untuk LibreOffice dan WPS)."
            ),
            err=True,
        )
    failed = [r for r in results if r.gagal]
    unchanged = sum(len(r.tetap) for r in results)
    if len(requests) > 1 or unchanged or failed:
        typer.echo(
            _(
                "{ditulis} dokumen ditulis, {tetap} tidak berubah (tidak ditulis ulang), "
                "{gagal} folder gagal, dari {jumlah} folder dinas dalam {detik} detik"
            ).format(
                ditulis=sum(len(r.ditulis) for r in results),
                tetap=unchanged,
                gagal=len(failed),
                jumlah=len(requests),
                detik=f"{time.perf_counter() - started:.1f}",
            ),
            err=True,
        )
    if any(r.galat_internal for r in results):
        raise typer.Exit(EXIT_USAGE)  # sakipgen's bug, as main() ends one
    raise typer.Exit(EXIT_FINDINGS if failed or empty or pdf_failed else EXIT_OK)


def _pdf(results: list[Ringkasan], requests: list[Permintaan]) -> bool:
    """A PDF beside every document written or up to date, and the page numbers it has
    written into their lists; False when any failed."""
    from sakipgen.batch import catat_ulang
    from sakipgen.pdf import susun_pdf

    bernomor: set[str] = set()
    ok = susun_pdf(
        [f for r in results for f in r.ditulis],
        [f for r in results for f in r.tetap],
        typer.echo,
        lambda message: typer.echo(message, err=True),
        lambda docx: bernomor.add(str(docx)),
    )
    catat_ulang(requests, bernomor)
    return ok

"""Perjanjian Kinerja (and PK Perubahan): the agreement page with both signatures,
and its lampiran — sasaran, indikator, target; program, anggaran, sumber dana."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from sakipgen.i18n import _
from sakipgen.pipeline import Bundel
from sakipgen.render.dokumen import DataKurang, Dokumen
from sakipgen.render.umum import (
    atasan,
    meta,
    penandatangan,
    periksa_penandatangan,
    tabel_program,
    tabel_target,
    tempat_tanggal,
)


def konteks(bundel: Bundel, tahun: int, doc: Dokumen) -> dict[str, Any]:
    dinas = bundel.dinas
    assert dinas is not None
    t = dinas.tahun.get(tahun)
    hasil_pk = bundel.pk.get(tahun)
    if hasil_pk is None:
        raise DataKurang(
            _("{tahun}/target.yaml tidak memuat 'pk' atau 'pk_perubahan'").format(tahun=tahun)
        )
    if hasil_pk.galat_revisi is not None:
        rev = dinas.revisi_pk(tahun)
        raise DataKurang(
            _(
                "target semula dari revisi_pk '{rev}' (dokumen.yaml) tidak dapat dibaca: {exc}"
            ).format(rev=rev, exc=hasil_pk.galat_revisi)
        )
    found = hasil_pk.target
    pk, perubahan, ada_semula = found.dokumen, found.perubahan, found.ada_semula
    jenis = "pk_perubahan" if perubahan else "pk"
    m = meta(dinas, tahun, jenis)
    programs = t.program() if t else []
    for sas in dinas.renstra.model.sasaran:
        entries = [pk.indikator[i.id] for i in sas.indikator if i.id in pk.indikator]
        if entries and all(e.target is None or e.target.jenis == "kosong" for e in entries):
            assert t is not None and t.target is not None
            doc.peringatan(
                "H003",
                _("{jenis} {tahun}: semua target sasaran {sasaran} '-'").format(
                    jenis=jenis, tahun=tahun, sasaran=sas.id
                ),
                t.target.source.locate((jenis, "indikator"), key=True),
            )

    tabel_kinerja: Callable[[], Markup] = tabel_target(
        dinas, doc, pk, semula=ada_semula, kecil=True
    )
    anggaran = bundel.hasil[tahun].anggaran
    judul = (
        "Perjanjian Kinerja Perubahan" if perubahan else "Perjanjian Kinerja"
    ) + f" Tahun {tahun}"
    periksa_penandatangan(doc, dinas, m, tahun, jenis, pihak_kedua=True)
    return {
        "judul": judul,
        "jenis_dokumen": jenis,
        "perubahan": perubahan,
        "ada_semula": ada_semula,
        "pihak_pertama": penandatangan(dinas, m),
        "pihak_kedua": atasan(dinas, m),
        "tempat_tanggal": tempat_tanggal(dinas, m, tahun),
        "tabel_kinerja": tabel_kinerja,
        "tabel_program": tabel_program(doc, programs, hasil_pk.anggaran, anggaran, kecil=True),
        "ada_program": bool(programs),
    }

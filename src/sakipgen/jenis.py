"""The document kinds sakipgen builds: one table, used by the command line (``--doc``),
batch builds and the renderers (``sakipgen.render.PENYUSUN`` maps each to its module).

Each kind says which year it is built for when ``--year`` is not given: the latest year
whose data the document is made of.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sakipgen.model.folder import Dinas


def _terakhir(years: list[int]) -> int | None:
    return max(years) if years else None


def _rkt(dinas: Dinas) -> int | None:
    """The latest year whose ``target.yaml`` has ``rkt``."""
    return _terakhir(
        [y for y, t in dinas.tahun.items() if t.target and t.target.model.rkt is not None]
    )


def _iku(dinas: Dinas) -> int | None:
    """The year whose ``dokumen.yaml`` has ``iku`` (the latest), else the Renstra start."""
    found = _terakhir(
        [y for y, t in dinas.tahun.items() if t.dokumen and t.dokumen.model.iku is not None]
    )
    return found if found is not None else dinas.renstra.model.periode.mulai


def _pk(dinas: Dinas) -> int | None:
    """The latest year with ``pk`` or ``pk_perubahan`` targets."""
    return _terakhir(
        [
            y
            for y, t in dinas.tahun.items()
            if t.target and (t.target.model.pk or t.target.model.pk_perubahan)
        ]
    )


def _rencana_aksi(dinas: Dinas) -> int | None:
    """The latest year with ``rencana-aksi.yaml``."""
    return _terakhir([y for y, t in dinas.tahun.items() if t.rencana_aksi])


def _monitoring(dinas: Dinas) -> int | None:
    """The latest year with ``rencana-aksi.yaml`` that reports a month or a quarter."""
    return _terakhir(
        [y for y, t in dinas.tahun.items() if t.rencana_aksi and dinas.bulan_terakhir(y)]
    )


def _e81(dinas: Dinas) -> int | None:
    """The latest year with programs in ``anggaran.yaml`` that reports a whole quarter."""
    return _terakhir(
        [y for y, t in dinas.tahun.items() if t.program() and dinas.bulan_terakhir(y) >= 3]
    )


def _lkjip(dinas: Dinas) -> int | None:
    """The latest year with realisasi values."""
    return _terakhir(
        [
            y
            for y, t in dinas.tahun.items()
            if t.realisasi
            and any(r.nilai is not None for r in t.realisasi.model.indikator.values())
        ]
    )


@dataclass(frozen=True)
class JenisDokumen:
    nama: str
    """As on the command line and in file names: ``rencana-aksi``."""
    judul: str
    tahun_bawaan: Callable[[Dinas], int | None]


JENIS: dict[str, JenisDokumen] = {
    j.nama: j
    for j in (
        JenisDokumen("rkt", "Rencana Kinerja Tahunan", _rkt),
        JenisDokumen("iku", "Indikator Kinerja Utama", _iku),
        JenisDokumen("pk", "Perjanjian Kinerja", _pk),
        JenisDokumen("rencana-aksi", "Rencana Aksi atas Perjanjian Kinerja", _rencana_aksi),
        JenisDokumen("lkjip", "Laporan Kinerja Instansi Pemerintah", _lkjip),
        JenisDokumen("monitoring", "Laporan Monitoring Rencana Aksi", _monitoring),
        JenisDokumen("e81", "Evaluasi terhadap Hasil Renja Perangkat Daerah (E.81)", _e81),
    )
}
"""In the order ``--doc all`` builds them."""
BERPERIODE = ("monitoring", "e81")
"""The kinds reporting a part of the year (``build --triwulan`` / ``--bulan``)."""


def tahun_bawaan(dinas: Dinas, jenis: str) -> int | None:
    """The year a document of kind ``jenis`` is built for when ``--year`` is not given."""
    return JENIS[jenis].tahun_bawaan(dinas)

"""The regulations the standard wording cites, each with the year it was enacted and
the year it was replaced, so that a document cites only what was in force in its year
(an IKU of 2013 cites UU 32/2004 on Pemerintahan Daerah, not UU 23/2014).

Topics (``pokok``) group the regulations that replaced one another; for a document
year the one in force is the latest enacted in or before that year and not yet
replaced.  A topic with no regulation in force that year is left out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Regulasi:
    judul: str
    tahun: int
    """Enacted in."""
    diganti: int | None = None
    """Replaced in (from that year on, its successor is cited)."""

    def berlaku(self, tahun: int) -> bool:
        return self.tahun <= tahun and (self.diganti is None or tahun < self.diganti)


_PAN = "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"

POKOK: dict[str, tuple[Regulasi, ...]] = {
    "kkn": (
        Regulasi(
            "Undang-Undang Nomor 28 Tahun 1999 tentang Penyelenggaraan Negara yang Bersih "
            "dan Bebas dari Korupsi, Kolusi, dan Nepotisme",
            1999,
        ),
    ),
    "keuangan": (Regulasi("Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara", 2003),),
    "sppn": (
        Regulasi(
            "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional",
            2004,
        ),
    ),
    "pemda": (
        Regulasi("Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah", 2004, 2014),
        Regulasi("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah", 2014),
    ),
    "pelaporan": (
        Regulasi(
            "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja "
            "Instansi Pemerintah",
            2006,
        ),
    ),
    "sakip": (
        Regulasi(
            "Instruksi Presiden Nomor 7 Tahun 1999 tentang Akuntabilitas Kinerja Instansi "
            "Pemerintah",
            1999,
            2014,
        ),
        Regulasi(
            "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja "
            "Instansi Pemerintah",
            2014,
        ),
    ),
    "iku": (
        Regulasi(
            "Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/09/M.PAN/5/2007 "
            "tentang Pedoman Umum Penetapan Indikator Kinerja Utama di Lingkungan Instansi "
            "Pemerintah",
            2007,
        ),
    ),
    "pk": (
        Regulasi(
            f"{_PAN} Nomor 29 Tahun 2010 tentang Pedoman Penyusunan Penetapan Kinerja dan "
            "Pelaporan Akuntabilitas Kinerja Instansi Pemerintah",
            2010,
            2014,
        ),
        Regulasi(
            f"{_PAN} Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, "
            "Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah",
            2014,
        ),
    ),
    "evaluasi": (
        Regulasi(
            f"{_PAN} Nomor 12 Tahun 2015 tentang Pedoman Evaluasi atas Implementasi Sistem "
            "Akuntabilitas Kinerja Instansi Pemerintah",
            2015,
            2022,
        ),
        Regulasi(
            f"{_PAN} Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi "
            "Pemerintah",
            2022,
        ),
    ),
    "perencanaan_daerah": (
        Regulasi(
            "Peraturan Menteri Dalam Negeri Nomor 54 Tahun 2010 tentang Pelaksanaan Peraturan "
            "Pemerintah Nomor 8 Tahun 2008 tentang Tahapan, Tata Cara Penyusunan, "
            "Pengendalian, dan Evaluasi Pelaksanaan Rencana Pembangunan Daerah",
            2010,
            2017,
        ),
        Regulasi(
            "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, "
            "Pengendalian dan Evaluasi Pembangunan Daerah",
            2017,
        ),
    ),
}
"""Topic → its regulations, oldest first."""


def regulasi(pokok: str, tahun: int) -> Regulasi | None:
    """The regulation of ``pokok`` in force in ``tahun``."""
    found = [r for r in POKOK[pokok] if r.berlaku(tahun)]
    return found[-1] if found else None


def landasan(pokok: list[str], tahun: int) -> list[str]:
    """The titles in force in ``tahun`` for the topics, in the order given."""
    out = []
    for p in pokok:
        r = regulasi(p, tahun)
        if r is not None:
            out.append(r.judul)
    return out

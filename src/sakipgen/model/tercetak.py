"""Figures a source document prints, recorded next to the data (``tercetak:``) so that
``check`` compares each with what sakipgen computes, at the printed precision (K013).

One form wherever a figure is printed: ``tercetak:`` beside the data it was printed
from, with the names sakipgen's own results use (``capaian``, ``serapan``,
``efisiensi_persen`` …).  Printed figures never feed a calculation; they are what a
planner copied from a report, to see where that report's arithmetic was wrong.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from sakipgen.model.base import KunciPeta, Model, empty_dict, skema
from sakipgen.model.nilai import PESAN_ID, POLA_ID, Angka, Id, Rupiah, Teks

_KATEGORI = (
    "Kategori tercetak: nama pita skala atau singkatannya (huruf awal setiap kata: ST untuk "
    "Sangat Tinggi), diperiksa terhadap pita tempat {apa} hasil hitung jatuh (K013); contoh: "
    "{contoh}"
)


class TercetakIndikator(Model):
    model_config = skema(
        "Angka satu indikator seperti tercetak di dokumen sumber: capaian dan kategorinya, "
        "terhadap target tahun ini dan terhadap target akhir Renstra; diperiksa terhadap hasil "
        "hitung (K013)"
    )

    capaian: Angka | None = Field(
        None, description="Capaian (%) tercetak, R / T × 100 menurut polaritas; contoh: 135.31"
    )
    kategori: Teks | None = Field(
        None, description=_KATEGORI.format(apa="capaian", contoh="Sangat Baik")
    )
    capaian_target_akhir: Angka | None = Field(
        None,
        description="Capaian (%) terhadap target akhir Renstra tercetak, R / target_akhir × "
        "100 menurut polaritas; contoh: 89.88",
    )
    kategori_target_akhir: Teks | None = Field(
        None,
        description=_KATEGORI.format(apa="capaian terhadap target akhir", contoh="ST"),
    )


class TercetakSasaran(Model):
    model_config = skema("Angka capaian satu sasaran seperti tercetak di dokumen sumber")

    capaian: Angka | None = Field(
        None, description="Capaian sasaran (rata-rata capaian indikatornya); contoh: 164.68"
    )
    kategori: Teks | None = Field(
        None, description=_KATEGORI.format(apa="capaian sasaran", contoh="Sangat Baik")
    )
    jumlah_capaian: Angka | None = Field(
        None, description="Jumlah capaian indikatornya, bila dicetak; contoh: 329.36"
    )


class TercetakRealisasi(Model):
    model_config = skema(
        "Angka capaian seperti tercetak di dokumen sumber (LKjIP): keseluruhan, rata-rata "
        "indikator, dan per sasaran; diperiksa terhadap hasil hitung (K013)"
    )

    capaian: Angka | None = Field(
        None, description="Capaian keseluruhan (rata-rata capaian sasaran); contoh: 135.78"
    )
    kategori: Teks | None = Field(
        None, description=_KATEGORI.format(apa="capaian keseluruhan", contoh="Sangat Baik")
    )
    rata_rata_indikator: Angka | None = Field(
        None, description="Rata-rata capaian semua indikator; contoh: 135.78"
    )
    sasaran: Annotated[dict[Id, TercetakSasaran], KunciPeta(POLA_ID, PESAN_ID)] = Field(
        default_factory=empty_dict,
        description="Per id sasaran; contoh: {S1: {capaian: 164.68}}",
    )
    sumber: Teks | None = Field(None, description="Dokumen sumber; contoh: LKjIP 2021 Tabel 4.1")


class TercetakAnggaran(Model):
    model_config = skema(
        "Angka anggaran satu baris seperti tercetak di dokumen sumber; diperiksa terhadap "
        "hasil hitung (K013)"
    )

    pagu: Rupiah | None = Field(None, description="Pagu tercetak; contoh: 100000000")
    realisasi: Rupiah | None = Field(None, description="Realisasi tercetak; contoh: 99880780")
    serapan: Angka | None = Field(None, description="Serapan (%) tercetak; contoh: 85.60")
    efisiensi: Rupiah | None = Field(None, description="Efisiensi (Rp) tercetak; contoh: 3800000")
    efisiensi_persen: Angka | None = Field(None, description="Efisiensi (%) tercetak; contoh: 8.72")


class TercetakAnggaranTahun(TercetakAnggaran):
    model_config = skema(
        "Angka anggaran seperti tercetak di dokumen sumber: jumlah seluruhnya dan per "
        "sasaran; diperiksa terhadap hasil hitung (K013)"
    )

    sasaran: Annotated[dict[Id, TercetakAnggaran], KunciPeta(POLA_ID, PESAN_ID)] = Field(
        default_factory=empty_dict,
        description="Per id sasaran; contoh: {S1: {serapan: 85.60}}",
    )
    sumber: Teks | None = Field(None, description="Dokumen sumber; contoh: LKjIP 2021 Tabel 3.9")

"""``<tahun>/rencana-aksi.yaml``: monthly or quarterly targets per level."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from sakipgen.i18n import _
from sakipgen.model.base import KunciPeta, Model, empty_dict, empty_list, skema
from sakipgen.model.nilai import (
    POLA_BULAN,
    Bulan,
    Id,
    NilaiField,
    Rupiah,
    Teks,
)

Tingkat = Literal["eselon_ii", "eselon_iii", "eselon_iv", "staf"]
Periode = Literal["bulanan", "triwulan"]
JUMLAH_PERIODE: dict[str, int] = {"bulanan": 12, "triwulan": 4}
CaraTahunan = Literal["akhir", "jumlah", "rata_rata"]
"""How a row's periods make its annual target: the last period's (running totals), the
sum, or the mean."""


class BarisRencanaAksi(Model):
    """One row: what is measured (a Renstra indikator or its own uraian) and its
    target per period.  Refs point at renstra.yaml and anggaran.yaml ids."""

    model_config = skema(
        "Satu baris rencana aksi: yang diukur (indikator Renstra atau uraian sendiri) dan "
        "targetnya per periode; isi indikator atau uraian",
        anyOf=[{"required": ["indikator"]}, {"required": ["uraian"]}],
    )

    no: Teks | None = Field(None, description='Nomor yang dicetak; contoh: "1.1"')
    sasaran: Id | None = Field(None, description="Id sasaran di renstra.yaml; contoh: S1")
    indikator: Id | None = Field(None, description="Id indikator di renstra.yaml; contoh: IK1.1")
    program: Id | None = Field(None, description="Id program di anggaran.yaml; contoh: P01")
    kegiatan: Id | None = Field(None, description="Id kegiatan di anggaran.yaml; contoh: K01.1")
    sub_kegiatan: Id | None = Field(
        None, description="Id sub kegiatan di anggaran.yaml; contoh: SK01.1.1"
    )
    uraian_sasaran: Teks | None = Field(
        None, description="Uraian sasaran bila tidak merujuk renstra.yaml"
    )
    uraian: Teks | None = Field(
        None,
        description="Indikator sendiri (tanpa id Renstra); contoh: Jumlah koperasi yang dinilai",
    )
    satuan: Teks = Field("", description="Satuan; contoh: koperasi")
    kumulatif: bool | None = Field(
        None,
        description="true: target berupa jumlah berjalan (1, 2, … 12 laporan); false: per "
        "periode; bawaan: seperti tabelnya",
    )
    """Whether the targets are running totals (1, 2, … 12 laporan); default: the table's."""
    target: list[NilaiField] = Field(
        description='Target per periode: tepat 12 (bulanan) atau 4 (triwulan) nilai; "-" '
        'untuk kosong. Contoh: ["-", "-", 10, "-", "-", 10, "-", "-", 10, "-", "-", "-"]'
    )
    target_tahunan: NilaiField | None = Field(
        None, description="Target setahun untuk baris dengan uraian sendiri; contoh: 30"
    )
    anggaran: Rupiah | None = Field(
        None, description="Anggaran dalam rupiah utuh; contoh: 67804324"
    )
    penanggung_jawab: Teks | None = Field(
        None, description="Penanggung jawab; contoh: Seksi Pemeriksaan dan Pengawasan"
    )
    realisasi: list[NilaiField] = Field(
        default_factory=empty_list,
        description="Realisasi per periode, sejajar dengan target, sampai periode terakhir yang "
        'dilaporkan; "-" bila periode itu memang tanpa nilai. Baris dengan indikator Renstra '
        "tanpa daftar ini mengambil realisasinya dari realisasi.yaml (bulanan/triwulan). "
        'Contoh: ["-", "-", 185 UMKM, "-", "-", 402 UMKM]',
    )
    """Realisasi per period as the row's target is written (a running total in a
    cumulative row); a shorter list than ``target``: the later periods are not reported
    yet.  Without it, a row of a Renstra indikator takes that indikator's periods."""
    realisasi_anggaran: Annotated[
        dict[Bulan, Rupiah], KunciPeta(POLA_BULAN, "periode 1 sampai 12")
    ] = Field(
        default_factory=empty_dict,
        description="Realisasi anggaran baris ini per periode (bukan kumulatif), rupiah utuh; "
        "tanpa ini dipakai realisasi sub kegiatan/kegiatan yang dirujuk. Contoh: "
        "{1: 5000000, 2: 7250000}",
    )
    """Money spent on the row in each period (the table's months or quarters); without
    it, the realisasi of the kegiatan or sub kegiatan the row refers to."""

    @model_validator(mode="after")
    def _apa(self) -> BarisRencanaAksi:
        if self.indikator is None and self.uraian is None:
            raise ValueError(_("isi 'indikator' (id Renstra) atau 'uraian' (indikator sendiri)"))
        return self


class TabelRencanaAksi(Model):
    model_config = skema("Satu tabel rencana aksi untuk satu tingkat jabatan")

    tingkat: Tingkat = Field(description="Tingkat: eselon_ii, eselon_iii, eselon_iv atau staf")
    judul: Teks | None = Field(None, description="Judul tabel bila berbeda dari bawaan")
    periode: Periode = Field(
        "bulanan", description="bulanan (12 nilai per baris, bawaan) atau triwulan (4 nilai)"
    )
    kumulatif: bool = Field(
        True,
        description="true (bawaan): nilai berupa jumlah berjalan; false: nilai per periode",
    )
    baris: list[BarisRencanaAksi] = Field(
        min_length=1, description="Baris-baris tabel (minimal satu)"
    )

    @model_validator(mode="after")
    def _periode_realisasi(self) -> TabelRencanaAksi:
        n = JUMLAH_PERIODE[self.periode]
        for i, row in enumerate(self.baris, 1):
            if len(row.realisasi) > n or any(k > n for k in row.realisasi_anggaran):
                raise ValueError(
                    _("baris {baris}: realisasi tabel {periode} paling banyak {n} periode").format(
                        baris=i, periode=self.periode, n=n
                    )
                )
        return self


class RencanaAksiTahun(Model):
    model_config = skema(
        "<tahun>/rencana-aksi.yaml: target bulanan atau triwulanan per tingkat jabatan "
        "(eselon II, III, IV, staf)"
    )

    tabel: list[TabelRencanaAksi] = Field(
        min_length=1, description="Tabel rencana aksi (minimal satu), satu per tingkat"
    )

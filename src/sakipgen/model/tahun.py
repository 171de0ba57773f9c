"""``<tahun>/target.yaml`` and ``<tahun>/realisasi.yaml``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from sakipgen.i18n import _
from sakipgen.model.base import BentukSingkat, KunciPeta, Model, empty_dict, skema
from sakipgen.model.nilai import (
    PESAN_BULAN,
    PESAN_ID,
    PESAN_TRIWULAN,
    POLA_BULAN,
    POLA_ID,
    POLA_TRIWULAN,
    SKEMA_NILAI,
    Angka,
    Bulan,
    Id,
    NilaiField,
    Rupiah,
    Teks,
    Triwulan,
)
from sakipgen.model.tercetak import TercetakIndikator, TercetakRealisasi


def _shortcut(key: str) -> Any:
    """``IK1: 32`` is short for ``IK1: {target: 32}``."""

    def wrap(value: Any) -> Any:
        return value if isinstance(value, dict) else {key: value}

    return wrap


class TargetIndikator(Model):
    model_config = skema(
        "Target satu indikator: angka atau teks (IK1.1: 32), atau {target, semula, alasan}"
    )

    target: NilaiField = Field(
        description='Target tahun ini; contoh: 32, "84,03", "80-90", WTP, atau "-" (tidak diukur)'
    )
    semula: NilaiField | None = Field(
        None, description="Di PK Perubahan: target PK awal yang diganti; contoh: 32"
    )
    """In a PK Perubahan: the target of the original PK that this one replaces."""
    alasan: Teks | None = Field(
        None, description="Alasan perubahan target; contoh: penyesuaian APBD Perubahan"
    )
    catatan: Teks | None = Field(None, description="Catatan bebas")

    @model_validator(mode="before")
    @classmethod
    def _short(cls, value: Any) -> Any:
        return _shortcut("target")(value)


class TargetDokumen(Model):
    """The targets of one planning document of the year (RKT, PK or PK Perubahan)."""

    model_config = skema("Target satu dokumen perencanaan tahun ini (RKT, PK atau PK Perubahan)")

    indikator: Annotated[
        dict[Id, Annotated[TargetIndikator, BentukSingkat(SKEMA_NILAI)]],
        KunciPeta(POLA_ID, PESAN_ID),
    ] = Field(
        default_factory=empty_dict,
        description="Target per id indikator Renstra; contoh: {IK1.1: 32, IK1.2: 6825}",
    )
    program: Annotated[dict[Id, Rupiah], KunciPeta(POLA_ID, PESAN_ID)] = Field(
        default_factory=empty_dict,
        description="Pagu per id program seperti tertulis di dokumen, hanya bila berbeda dari "
        "anggaran.yaml; contoh: {P01: 30000000}",
    )
    """Pagu per program as signed in this document, when it differs from anggaran.yaml."""


class TargetTahun(Model):
    model_config = skema(
        "<tahun>/target.yaml: target indikator tahun ini menurut RKT, Perjanjian Kinerja (PK) "
        "dan PK Perubahan. Yang diukur: PK Perubahan; bila tidak ada, PK; bila tidak ada "
        "juga, RKT"
    )

    rkt: TargetDokumen | None = Field(None, description="Target di Rencana Kinerja Tahunan")
    pk: TargetDokumen | None = Field(None, description="Target di Perjanjian Kinerja")
    pk_perubahan: TargetDokumen | None = Field(
        None, description="Target di PK Perubahan; tulis 'semula' untuk target yang diganti"
    )

    @property
    def ada_pk_perubahan(self) -> bool:
        """Whether the year's PK has been amended: a PK Perubahan with targets."""
        return self.pk_perubahan is not None and bool(self.pk_perubahan.indikator)

    def berlaku(self) -> tuple[str, TargetDokumen] | None:
        """The document whose targets are measured: PK Perubahan, else PK, else RKT."""
        for name in ("pk_perubahan", "pk", "rkt"):
            doc = getattr(self, name)
            if doc is not None and doc.indikator:
                return name, doc
        return None


class Syarat(Model):
    model_config = skema("Baris yang dihitung: yang isi kolomnya sama dengan nilai ini")

    kolom: Teks = Field(description="Id atau judul kolom; contoh: PREDIKAT")
    sama: Teks = Field(
        description="Isi yang dicari (huruf besar/kecil tidak dibedakan); contoh: SEHAT"
    )


class DariTabel(Model):
    """A realisasi defined from a supporting table of the year (``tabel/<nama>.yaml``):
    a count of its rows (those meeting ``syarat``), or the sum of a column, optionally
    divided by a number and made a percentage."""

    model_config = skema(
        "Realisasi yang dihitung dari tabel pendukung tahun ini: banyaknya baris (yang "
        "memenuhi syarat) atau jumlah satu kolom, dibagi dan dijadikan persen bila diminta"
    )

    tabel: Teks = Field(description="Nama tabel, tanpa .yaml; contoh: koperasi-sehat")
    hitung: Literal["baris", "jumlah"] = Field(
        "baris", description="baris: banyaknya baris (bawaan); jumlah: jumlah isi 'kolom'"
    )
    kolom: Teks | None = Field(
        None, description="Id atau judul kolom yang dijumlahkan (untuk hitung: jumlah)"
    )
    syarat: Syarat | None = Field(
        None, description="Hanya baris yang memenuhi; contoh: {kolom: PREDIKAT, sama: SEHAT}"
    )
    bagi: Angka | None = Field(None, description="Dibagi angka ini; contoh: 260")
    persen: bool = Field(False, description="true: dikali 100 (persen)")

    @model_validator(mode="after")
    def _kolom_untuk_jumlah(self) -> DariTabel:
        if self.hitung == "jumlah" and not self.kolom:
            raise ValueError(_("hitung: jumlah memerlukan 'kolom' yang dijumlahkan"))
        if self.bagi is not None and self.bagi == 0:
            raise ValueError(_("'bagi' tidak boleh 0"))
        return self


class RealisasiIndikator(Model):
    model_config = skema(
        "Realisasi satu indikator: angka atau teks (IK1.1: 43.30), atau {nilai, capaian, "
        "alasan, sumber, bulanan, triwulan, dari_tabel, catatan, tercetak}; isi minimal nilai, "
        "capaian, catatan, realisasi per periode atau dari_tabel",
        anyOf=[
            {"required": ["nilai"]},
            {"required": ["capaian"]},
            {"required": ["catatan"]},
            {"required": ["bulanan"]},
            {"required": ["triwulan"]},
            {"required": ["dari_tabel"]},
        ],
    )

    nilai: NilaiField | None = Field(
        None, description='Realisasi tahun ini; contoh: 43.30, "84,03", WTP'
    )
    capaian: Angka | None = Field(
        None,
        description="Capaian (%) yang diisi tangan: untuk target berupa teks, atau capaian "
        "tercetak yang realisasinya tidak diketahui; contoh: 100",
    )
    """Capaian entered by hand: for a qualitative target, or a figure printed in an
    earlier report whose realisasi is not known."""
    alasan: Teks | None = Field(
        None, description="Dasar capaian yang diisi tangan; contoh: opini BPK sesuai target"
    )
    sumber: Teks | None = Field(None, description="Sumber angka; contoh: LKjIP 2021 Tabel 3.5")
    bulanan: Annotated[
        dict[Bulan, NilaiField],
        KunciPeta(POLA_BULAN, PESAN_BULAN),
    ] = Field(default_factory=empty_dict, description="Realisasi per bulan; contoh: {1: 10, 2: 12}")
    triwulan: Annotated[dict[Triwulan, NilaiField], KunciPeta(POLA_TRIWULAN, PESAN_TRIWULAN)] = (
        Field(
            default_factory=empty_dict,
            description="Realisasi per triwulan; contoh: {1: 12000, 2: 12800}",
        )
    )
    dari_tabel: DariTabel | None = Field(
        None,
        description="Realisasi menurut tabel pendukung, dibandingkan dengan 'nilai' (K020) "
        "atau menjadi realisasi bila 'nilai' kosong; contoh: {tabel: koperasi-sehat, "
        "hitung: baris, bagi: 260, persen: true}",
    )
    catatan: Teks | None = Field(
        None,
        description="Catatan; tanpa nilai dan capaian: mengapa realisasi tidak tersedia",
    )
    tercetak: TercetakIndikator | None = Field(
        None,
        description="Angka indikator ini seperti tercetak di dokumen sumber (capaian, "
        "kategori, capaian dan kategori terhadap target akhir Renstra), diperiksa terhadap "
        "hasil hitung (K013); contoh: {capaian: 135.31, kategori: Sangat Baik}",
    )

    @model_validator(mode="before")
    @classmethod
    def _short(cls, value: Any) -> Any:
        return _shortcut("nilai")(value)

    @property
    def ada_nilai(self) -> bool:
        """Whether an annual ``nilai`` is written (not absent, not "-")."""
        return self.nilai is not None and self.nilai.jenis != "kosong"

    @model_validator(mode="after")
    def _ada_isi(self) -> RealisasiIndikator:
        # Realisasi per month or quarter makes the year when the indikator has a sifat
        # (calc.periode); without one, check says so (K019).
        if (
            self.nilai is None
            and self.capaian is None
            and self.catatan is None
            and not self.bulanan
            and not self.triwulan
            and self.dari_tabel is None
        ):
            raise ValueError(
                _(
                    "isi 'nilai' (realisasi), 'capaian', atau 'catatan' yang menjelaskan mengapa "
                    "realisasi tidak tersedia"
                )
            )
        return self


class RealisasiTahun(Model):
    model_config = skema("<tahun>/realisasi.yaml: realisasi indikator kinerja tahun ini")

    indikator: Annotated[
        dict[
            Id,
            Annotated[RealisasiIndikator, BentukSingkat({"type": ["number", "string"]})],
        ],
        KunciPeta(POLA_ID, PESAN_ID),
    ] = Field(
        default_factory=empty_dict,
        description="Realisasi per id indikator Renstra; contoh: {IK1.1: 43.30, IK1.2: 13244}",
    )
    tercetak: TercetakRealisasi | None = Field(
        None,
        description="Capaian seperti tercetak di dokumen sumber (keseluruhan, rata-rata "
        "indikator, per sasaran), diperiksa terhadap hasil hitung (K013); contoh: "
        "{capaian: 135.78, sasaran: {S1: {capaian: 164.68}}}",
    )


def pasangan_target(
    lama: TargetDokumen | None, baru: TargetDokumen | None, urutan: Sequence[str] = ()
) -> list[tuple[str, TargetIndikator | None, TargetIndikator | None]]:
    """Every indikator of either document with its entry on each side: the Renstra
    order first (``urutan``), then other ids in order of appearance.  ``diff`` reports
    the pairs that differ; the PK Perubahan takes its "target semula" from them."""
    a = lama.indikator if lama else {}
    b = baru.indikator if baru else {}
    ids = [i for i in urutan if i in a or i in b]
    ids += [i for i in [*b, *a] if i not in ids]
    return [(i, a.get(i), b.get(i)) for i in dict.fromkeys(ids)]

"""``renstra.yaml``: the five-year plan — visi, misi, tujuan, sasaran and indikator."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from sakipgen.i18n import _
from sakipgen.model.base import (
    KunciPeta,
    Model,
    SatuAtauDaftar,
    as_list,
    empty_dict,
    empty_list,
    skema,
)
from sakipgen.model.nilai import (
    PESAN_ID,
    PESAN_TAHUN,
    POLA_ID,
    POLA_TAHUN,
    Id,
    MetodeNegatif,
    NilaiField,
    Rupiah,
    Sifat,
    Tahun,
    Teks,
)

TargetPerTahun = Annotated[dict[Tahun, NilaiField], KunciPeta(POLA_TAHUN, PESAN_TAHUN)]
TargetPembanding = Annotated[dict[Id, TargetPerTahun], KunciPeta(POLA_ID, PESAN_ID)]
DaftarId = Annotated[list[Id], BeforeValidator(as_list), SatuAtauDaftar()]
DaftarTeks = Annotated[list[Teks], BeforeValidator(as_list), SatuAtauDaftar()]

_TARGET = (
    'Target per tahun, misalnya {2021: 32, 2022: "84,03"}; "-" bila tahun itu sengaja tidak diukur'
)
_TARGET_AKHIR = "Target pada akhir periode Renstra; contoh: 32"
_METODE_NEGATIF = (
    "Hanya untuk polaritas negatif: cara menghitung capaian indikator ini bila berbeda dari "
    "profil.metode_negatif di sakip.yaml; selisih = (2T − R) / T × 100, rasio = T / R × 100"
)


def _metode_hanya_negatif(polaritas: str, metode: str | None) -> None:
    """``metode_negatif`` on an indikator that is not negative is a slip (S004)."""
    if metode is not None and polaritas != "negatif":
        raise ValueError(
            _(
                "metode_negatif hanya berlaku untuk indikator berpolaritas negatif; tulis "
                "'polaritas: negatif' atau hapus metode_negatif (polaritas indikator ini: "
                "{polaritas})"
            ).format(polaritas=polaritas)
        )


class Periode(Model):
    model_config = skema(
        "Periode: tahun mulai dan tahun akhir, misalnya {mulai: 2021, akhir: 2026}"
    )

    mulai: Tahun = Field(description="Tahun pertama; contoh: 2021")
    akhir: Tahun = Field(description="Tahun terakhir (tidak lebih awal dari mulai); contoh: 2026")

    @model_validator(mode="after")
    def _urut(self) -> Periode:
        if self.akhir < self.mulai:
            raise ValueError(_("tahun akhir lebih awal dari tahun mulai"))
        return self

    @property
    def tahun(self) -> range:
        return range(self.mulai, self.akhir + 1)


class Misi(Model):
    model_config = skema("Satu misi: id dan uraian")

    id: Id = Field(description="Id misi, dirujuk oleh tujuan dan sasaran; contoh: M1")
    uraian: Teks = Field(description="Bunyi misi")


class Rpjmd(Model):
    """The kabupaten's plan that the Renstra supports (its visi and misi)."""

    model_config = skema("RPJMD kabupaten/kota yang didukung Renstra ini: periode, visi dan misi")

    periode: Periode | None = Field(
        None, description="Periode RPJMD; contoh: {mulai: 2021, akhir: 2026}"
    )
    visi: Teks | None = Field(None, description="Visi kepala daerah dalam RPJMD")
    misi: list[Misi] = Field(
        default_factory=empty_list, description="Misi RPJMD; contoh: [{id: M2, uraian: …}]"
    )


class Baseline(Model):
    model_config = skema("Kondisi awal indikator: tahun dan nilainya")

    tahun: Tahun = Field(description="Tahun kondisi awal; contoh: 2020")
    nilai: NilaiField = Field(description="Nilai pada tahun itu; contoh: 25")


class IndikatorTujuan(Model):
    model_config = skema("Indikator tujuan: ukuran keberhasilan satu tujuan")

    id: Id | None = Field(None, description="Id indikator tujuan (boleh kosong); contoh: IT1")
    uraian: Teks = Field(description="Nama indikator; contoh: Pertumbuhan PDRB sektor Perdagangan")
    satuan: Teks = Field("", description='Satuan; contoh: "%", unit, orang')
    target: TargetPerTahun = Field(default_factory=empty_dict, description=_TARGET)
    target_akhir: NilaiField | None = Field(None, description=_TARGET_AKHIR)


class Tujuan(Model):
    model_config = skema("Tujuan Renstra, dengan misi yang didukungnya dan indikator tujuan")

    id: Id = Field(description="Id tujuan, dirujuk oleh sasaran; contoh: T1")
    uraian: Teks = Field(description="Bunyi tujuan")
    misi: DaftarId = Field(
        default_factory=empty_list,
        description="Id misi yang didukung: satu id atau daftar; contoh: M1",
    )
    indikator: list[IndikatorTujuan] = Field(
        default_factory=empty_list,
        description="Indikator tujuan, masing-masing {uraian, satuan, target}",
    )


class Indikator(Model):
    model_config = skema(
        "Indikator kinerja sasaran: yang diukur, satuannya, dan targetnya per tahun"
    )

    id: Id = Field(
        description="Id indikator, unik dalam dinas; dipakai di target.yaml dan realisasi.yaml. "
        "Contoh: IK1.1"
    )
    uraian: Teks = Field(description="Nama indikator; contoh: Persentase koperasi sehat")
    satuan: Teks = Field("", description='Satuan; contoh: "%", unit, koperasi, orang')
    polaritas: Literal["positif", "negatif", "stabil"] = Field(
        "positif",
        description="positif: makin tinggi makin baik (bawaan); negatif: makin rendah makin "
        "baik; stabil: tepat pada target",
    )
    metode_negatif: MetodeNegatif | None = Field(None, description=_METODE_NEGATIF)
    """A negative indikator's own formula, where it differs from the dinas's (``profil``)."""
    sifat: Sifat | None = Field(
        None,
        description="Cara realisasi per bulan/triwulan menjadi realisasi setahun: kumulatif "
        "(angka berjalan; setahun = periode terakhir), akhir_periode (keadaan pada akhir "
        "periode; setahun = periode terakhir), jumlah (setahun = jumlah periode), rata_rata "
        "(setahun = rata-rata periode). Tanpa sifat, realisasi setahun harus ditulis.",
    )
    """How the periods make the year (``bulanan``/``triwulan`` realisasi): kumulatif and
    akhir_periode take the last period, jumlah the sum, rata_rata the mean."""
    iku: bool = Field(
        True, description="true bila Indikator Kinerja Utama (dicetak di tabel IKU); bawaan true"
    )
    """Whether this indikator is an Indikator Kinerja Utama (printed in the IKU table)."""
    definisi: Teks | None = Field(None, description="Definisi operasional indikator")
    formula: Teks | None = Field(
        None, description="Cara menghitung; contoh: jumlah koperasi sehat / jumlah koperasi × 100%"
    )
    sumber_data: Teks | None = Field(None, description="Asal data; contoh: Bidang Koperasi")
    penanggung_jawab: Teks | None = Field(
        None, description="Unit atau pejabat penanggung jawab; contoh: Kepala Bidang Koperasi"
    )
    keterangan: Teks | None = Field(None, description="Keterangan tambahan")
    baseline: Baseline | None = Field(
        None, description="Kondisi awal; contoh: {tahun: 2020, nilai: 25}"
    )
    target: TargetPerTahun = Field(default_factory=empty_dict, description=_TARGET)
    target_akhir: NilaiField | None = Field(None, description=_TARGET_AKHIR)
    target_pembanding: TargetPembanding = Field(
        default_factory=empty_dict,
        description="Target rencana lain per tahun (RPJMD, provinsi, nasional …), per id "
        "pembanding; dicetak sebagai pembanding, tidak ikut rata-rata. Contoh: "
        "{rpjmd: {2021: 35}, nasional: {2021: 40}}",
    )
    """Other plans' targets for this indikator, per ``Renstra.pembanding`` id and year:
    printed beside the measured target with the capaian against each, never measured
    and never in a mean."""

    @model_validator(mode="after")
    def _metode(self) -> Indikator:
        _metode_hanya_negatif(self.polaritas, self.metode_negatif)
        return self


class Pembanding(Model):
    """A plan whose targets an indikator is compared with (RPJMD, the province's or the
    nation's): its id, referred to by ``target_pembanding``, and its printed name."""

    model_config = skema(
        "Rencana lain yang targetnya menjadi pembanding (RPJMD, provinsi, nasional …): id "
        "dan nama yang dicetak"
    )

    id: Id = Field(description="Id pembanding, dipakai di target_pembanding; contoh: rpjmd")
    nama: Teks = Field(
        description='Nama yang dicetak di judul kolom ("Target RPJMD"); contoh: RPJMD'
    )


class Sasaran(Model):
    model_config = skema("Sasaran strategis Renstra dengan indikatornya")

    id: Id = Field(description="Id sasaran, unik dalam dinas; contoh: S1")
    uraian: Teks = Field(description="Bunyi sasaran; contoh: Meningkatnya kualitas koperasi")
    tujuan: Id | None = Field(None, description="Id tujuan yang didukung; contoh: T1")
    misi: Id | None = Field(None, description="Id misi yang didukung; contoh: M1")
    indikator: list[Indikator] = Field(
        default_factory=empty_list, description="Indikator kinerja sasaran ini"
    )


PaguPerTahun = Annotated[dict[Tahun, Rupiah], KunciPeta(POLA_TAHUN, PESAN_TAHUN)]


class IndikatorProgram(Model):
    model_config = skema(
        "Indikator program (outcome) atau kegiatan (output) dalam Renstra dengan targetnya"
    )

    uraian: Teks = Field(description="Nama indikator; contoh: Persentase koperasi aktif")
    satuan: Teks = Field("", description='Satuan; contoh: "%", koperasi')
    polaritas: Literal["positif", "negatif", "stabil"] = Field(
        "positif", description="positif (bawaan), negatif atau stabil, seperti indikator sasaran"
    )
    metode_negatif: MetodeNegatif | None = Field(None, description=_METODE_NEGATIF)
    sifat: Sifat | None = Field(
        None,
        description="Cara realisasi beberapa tahun menjadi realisasi Renstra s.d. tahun ini: "
        "kumulatif/akhir_periode (tahun terakhir, bawaan), jumlah, rata_rata",
    )
    target: TargetPerTahun = Field(default_factory=empty_dict, description=_TARGET)
    target_akhir: NilaiField | None = Field(None, description=_TARGET_AKHIR)

    @model_validator(mode="after")
    def _metode(self) -> IndikatorProgram:
        _metode_hanya_negatif(self.polaritas, self.metode_negatif)
        return self


class KegiatanRenstra(Model):
    model_config = skema(
        "Kegiatan dalam Renstra: kode, uraian, indikator keluaran dan pagu indikatif per tahun"
    )

    kode: Teks | None = Field(
        None,
        description='Kode, dalam tanda kutip, seperti di anggaran.yaml; contoh: "2.17.02.2.01"',
    )
    uraian: Teks = Field(description="Nama; contoh: Pemeriksaan dan Pengawasan Koperasi")
    indikator: list[IndikatorProgram] = Field(
        default_factory=empty_list, description="Indikator dengan target per tahun"
    )
    pagu: PaguPerTahun = Field(
        default_factory=empty_dict,
        description="Pagu indikatif per tahun, rupiah utuh; contoh: {2021: 250000000, 2022: "
        "275000000}",
    )
    penanggung_jawab: Teks | None = Field(
        None, description="Unit penanggung jawab; contoh: Bidang Koperasi"
    )


class ProgramRenstra(KegiatanRenstra):
    model_config = skema(
        "Program dalam Renstra: kode, uraian, sasaran, indikator hasil, pagu indikatif per "
        "tahun dan kegiatannya (formulir E.81 Permendagri 86/2017)"
    )

    sasaran: DaftarId = Field(
        default_factory=empty_list, description="Id sasaran yang didukung; contoh: S1"
    )
    kegiatan: list[KegiatanRenstra] = Field(
        default_factory=empty_list, description="Kegiatan program ini"
    )


class Renstra(Model):
    model_config = skema(
        "renstra.yaml: Rencana Strategis dinas untuk lima tahun: periode, visi, misi, tujuan, "
        "sasaran, indikator dan target per tahun"
    )

    periode: Periode = Field(description="Periode Renstra; contoh: {mulai: 2021, akhir: 2026}")
    visi: Teks | None = Field(None, description="Visi dinas (boleh kosong)")
    penjelasan_visi: DaftarTeks = Field(
        default_factory=empty_list, description="Paragraf penjelasan visi: satu teks atau daftar"
    )
    misi: list[Misi] = Field(
        default_factory=empty_list, description="Misi dinas: daftar {id, uraian}"
    )
    rpjmd: Rpjmd | None = Field(
        None, description="RPJMD yang didukung Renstra: periode, visi dan misi (boleh kosong)"
    )
    pembanding: list[Pembanding] = Field(
        default_factory=empty_list,
        description="Rencana lain yang targetnya dicetak sebagai pembanding (indikator "
        "target_pembanding); contoh: [{id: rpjmd, nama: RPJMD}, {id: nasional, nama: Nasional}]",
    )
    tujuan: list[Tujuan] = Field(
        default_factory=empty_list,
        description="Tujuan Renstra: daftar {id, uraian, misi, indikator}",
    )
    strategi: DaftarTeks = Field(
        default_factory=empty_list, description="Strategi: satu teks atau daftar"
    )
    kebijakan: DaftarTeks = Field(
        default_factory=empty_list, description="Arah kebijakan: satu teks atau daftar"
    )
    sasaran: list[Sasaran] = Field(
        min_length=1, description="Sasaran strategis (minimal satu), masing-masing dengan indikator"
    )
    program: list[ProgramRenstra] = Field(
        default_factory=empty_list,
        description="Program dan kegiatan Renstra dengan indikator, target dan pagu indikatif "
        "per tahun; dipakai formulir evaluasi Renja (E.81)",
    )

    def indikator(self) -> list[tuple[Sasaran, Indikator]]:
        return [(s, i) for s in self.sasaran for i in s.indikator]

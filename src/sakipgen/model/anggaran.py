"""``<tahun>/anggaran.yaml``: program → kegiatan → sub kegiatan with pagu and realisasi."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from sakipgen.i18n import _
from sakipgen.model.base import (
    BentukSingkat,
    KunciPeta,
    Model,
    SatuAtauDaftar,
    as_list,
    empty_dict,
    empty_list,
    skema,
)
from sakipgen.model.nilai import (
    PESAN_BULAN,
    PESAN_TRIWULAN,
    POLA_BULAN,
    POLA_TRIWULAN,
    SKEMA_TEKS,
    Angka,
    Bulan,
    Id,
    NilaiField,
    Rupiah,
    Sifat,
    Teks,
    Triwulan,
)
from sakipgen.model.sumber import YamlPath
from sakipgen.model.tercetak import TercetakAnggaran, TercetakAnggaranTahun


class SumberDana(Model):
    """A source of funds: ``APBD`` or ``DAK Non Fisik``, as an amount or a share."""

    model_config = skema(
        "Sumber dana: nama sumber dengan jumlah rupiah atau persen (tidak keduanya)",
        **{"not": {"required": ["jumlah", "persen"]}},
    )

    sumber: Teks = Field(description="Nama sumber dana; contoh: APBD, DAK Non Fisik")
    jumlah: Rupiah | None = Field(None, description="Jumlah dalam rupiah utuh; contoh: 1321000000")
    persen: Angka | None = Field(None, description="Bagian dalam persen; contoh: 73")

    @model_validator(mode="after")
    def _satu(self) -> SumberDana:
        if self.jumlah is not None and self.persen is not None:
            raise ValueError(_("isi 'jumlah' atau 'persen', tidak keduanya"))
        return self


class IndikatorKegiatan(Model):
    model_config = skema(
        "Indikator program/kegiatan: teks uraiannya saja, atau {uraian, satuan, target}"
    )

    uraian: Teks = Field(description="Nama indikator; contoh: Cakupan pelayanan")
    satuan: Teks = Field("", description='Satuan; contoh: "%", dokumen')
    target: NilaiField | None = Field(None, description="Target; contoh: 100%")
    realisasi: NilaiField | None = Field(
        None, description="Realisasi tahun ini; tanpa ini dihitung dari triwulan menurut sifat"
    )
    triwulan: Annotated[dict[Triwulan, NilaiField], KunciPeta(POLA_TRIWULAN, PESAN_TRIWULAN)] = (
        Field(
            default_factory=empty_dict,
            description="Realisasi per triwulan (formulir E.81); contoh: {1: 25%, 2: 50%}",
        )
    )
    sifat: Sifat | None = Field(
        None,
        description="Cara triwulan menjadi setahun, seperti sifat indikator Renstra; bawaan: "
        "akhir_periode",
    )

    @model_validator(mode="before")
    @classmethod
    def _short(cls, value: Any) -> Any:
        return {"uraian": value} if isinstance(value, str) else value


IndikatorList = Annotated[
    list[Annotated[IndikatorKegiatan, BentukSingkat(SKEMA_TEKS)]],
    BeforeValidator(as_list),
    SatuAtauDaftar(),
]
SumberList = Annotated[list[SumberDana], BeforeValidator(as_list), SatuAtauDaftar()]


class _Unit(Model):
    model_config = skema("Program, kegiatan atau sub kegiatan")

    id: Id | None = Field(
        None, description="Id, perlu bila dirujuk rencana-aksi.yaml; contoh: K01.1"
    )
    kode: Teks | None = Field(
        None, description='Kode rekening, dalam tanda kutip; contoh: "2.17.02"'
    )
    uraian: Teks = Field(description="Nama; contoh: Program Penilaian Kesehatan KSP/USP Koperasi")
    indikator: IndikatorList = Field(
        default_factory=empty_list,
        description="Indikator: satu teks, atau daftar {uraian, satuan, target}",
    )
    pagu: Rupiah | None = Field(
        None,
        description="Pagu dalam rupiah utuh; bila kosong dijumlahkan dari rinciannya. "
        "Contoh: 30000000",
    )
    realisasi: Rupiah | None = Field(
        None, description="Realisasi anggaran dalam rupiah utuh; contoh: 26200000"
    )
    realisasi_triwulan: Annotated[
        dict[Triwulan, Rupiah], KunciPeta(POLA_TRIWULAN, PESAN_TRIWULAN)
    ] = Field(
        default_factory=empty_dict,
        description="Realisasi anggaran tiap triwulan (bukan kumulatif), rupiah utuh; tanpa "
        "'realisasi', jumlahnya menjadi realisasi. Contoh: {1: 5000000, 2: 7500000}",
    )
    realisasi_bulanan: Annotated[dict[Bulan, Rupiah], KunciPeta(POLA_BULAN, PESAN_BULAN)] = Field(
        default_factory=empty_dict,
        description="Realisasi anggaran tiap bulan (bukan kumulatif), rupiah utuh; tanpa "
        "'realisasi', jumlahnya menjadi realisasi. Contoh: {1: 1500000, 2: 2000000}",
    )
    """Budget realisasi per period, each the money spent in that period (what SIPD's
    monthly realisasi reports): their sum is the realisasi to date, and the year's when
    every period is given."""
    sumber_dana: SumberList = Field(
        default_factory=empty_list,
        description="Sumber dana; contoh: [{sumber: DAK, persen: 73}, {sumber: APBD, persen: 27}]",
    )
    sasaran: Annotated[list[Id], BeforeValidator(as_list), SatuAtauDaftar()] = Field(
        default_factory=empty_list,
        description="Id sasaran yang didukung: satu id atau daftar; anggaran dihitung pada "
        "sasaran pertama. Boleh ditulis pada program, kegiatan atau sub kegiatan: yang "
        "ditulis pada tingkat paling bawah berlaku untuk anggarannya. Contoh: S1",
    )
    """The sasaran served; the lowest level that names one decides where its money is
    counted (a program whose kegiatan serve different sasaran is split by kegiatan)."""
    penanggung_jawab: Teks | None = Field(
        None, description="Unit penanggung jawab; contoh: Bidang Koperasi"
    )
    catatan: Teks | None = Field(None, description="Catatan bebas")
    tercetak: TercetakAnggaran | None = Field(
        None,
        description="Angka baris ini seperti tercetak di dokumen sumber, diperiksa terhadap "
        "hasil hitung (K013); contoh: {serapan: 87.33}",
    )


class SubKegiatan(_Unit):
    model_config = skema("Sub kegiatan: uraian, indikator, pagu dan realisasi")


class Kegiatan(_Unit):
    model_config = skema("Kegiatan: uraian, indikator, pagu, realisasi dan sub kegiatannya")

    sub_kegiatan: list[SubKegiatan] = Field(
        default_factory=empty_list, description="Sub kegiatan di bawah kegiatan ini"
    )


class Program(_Unit):
    model_config = skema(
        "Program: sasaran yang didukung, pagu, realisasi, sumber dana dan kegiatannya; "
        "tanpa id dan uraian: kegiatan yang programnya tidak disebut sumber (tiap "
        "kegiatannya menulis sasarannya sendiri)",
        required=[],
        anyOf=[
            {"required": ["id", "uraian"]},
            {
                "required": ["kegiatan"],
                "not": {"anyOf": [{"required": ["id"]}, {"required": ["uraian"]}]},
            },
        ],
    )

    id: Id = Field(description="Id program, unik dalam tahun; dirujuk target.yaml. Contoh: P01")
    nomor: Teks | None = Field(
        None, description='Nomor yang dicetak, bila sumber melompati nomor; contoh: "4"'
    )
    """The number printed before the program, when the source skips numbers (Sinjai 1, 2, 4 …)."""
    penunjang: bool = Field(
        False,
        description="true untuk program penunjang (administrasi perkantoran …) yang tidak "
        "melayani sasaran",
    )
    """A support program (administrasi perkantoran, sarana aparatur …) that serves no sasaran."""
    kegiatan: list[Kegiatan] = Field(
        default_factory=empty_list, description="Kegiatan di bawah program ini"
    )

    @property
    def melayani(self) -> list[str]:
        """Every sasaran the program serves: its own, then those its kegiatan and sub
        kegiatan name, in the order written."""
        ids = [*self.sasaran]
        for k in self.kegiatan:
            ids += k.sasaran
            for sk in k.sub_kegiatan:
                ids += sk.sasaran
        return list(dict.fromkeys(ids))

    def sasaran_untuk(self, unit: Kegiatan | SubKegiatan) -> list[str]:
        """The sasaran ``unit`` (one of this program's) serves: its own when it names
        any, else its kegiatan's, else the program's."""
        for k in self.kegiatan:
            if unit is k:
                return k.sasaran or self.sasaran
            for sk in k.sub_kegiatan:
                if unit is sk:
                    return sk.sasaran or k.sasaran or self.sasaran
        return []

    def kegiatan_untuk(self, sasaran_id: str) -> list[tuple[Kegiatan, list[SubKegiatan]]]:
        """The kegiatan serving ``sasaran_id``, each with its sub kegiatan serving it (a
        kegiatan whose every sub kegiatan serves another sasaran is left out)."""
        out = []
        for k in self.kegiatan:
            subs = [sk for sk in k.sub_kegiatan if sasaran_id in self.sasaran_untuk(sk)]
            if subs or (not k.sub_kegiatan and sasaran_id in self.sasaran_untuk(k)):
                out.append((k, subs))
        return out


class Total(Model):
    model_config = skema("Jumlah pagu dan realisasi seluruh program")

    pagu: Rupiah = Field(description="Jumlah pagu; contoh: 8314411000")
    realisasi: Rupiah | None = Field(None, description="Jumlah realisasi; contoh: 8249768837")


class Belanja(Model):
    model_config = skema("Satu jenis belanja dengan jumlahnya")

    jenis: Teks = Field(description="Jenis belanja; contoh: Belanja Operasional")
    jumlah: Rupiah = Field(description="Jumlah dalam rupiah utuh; contoh: 1345112400")


TANPA_PROGRAM = "TANPA-PROGRAM-"
"""The id prefix of a program entry written without id and uraian: kegiatan whose
program the source does not name (they name their sasaran themselves)."""


class AnggaranTahun(Model):
    model_config = skema(
        "<tahun>/anggaran.yaml: program → kegiatan → sub kegiatan dengan pagu, realisasi dan "
        "sumber dana"
    )

    @model_validator(mode="before")
    @classmethod
    def _program_tanpa_nama(cls, value: Any) -> Any:
        """A program entry without ``id`` and ``uraian`` holds kegiatan whose program the
        source does not name: it gets the id ``TANPA-PROGRAM-<n>`` and prints as "-",
        so a planner records them under their sasaran without inventing a program."""
        if not isinstance(value, dict) or not isinstance(value.get("program"), list):
            return value
        programs, n = [], 0
        for p in value["program"]:
            if isinstance(p, dict) and "id" not in p and "uraian" not in p and "kegiatan" in p:
                n += 1
                p = {"id": f"{TANPA_PROGRAM}{n}", "uraian": "-", **p}
            programs.append(p)
        return {**value, "program": programs} if n else value

    program: list[Program] = Field(
        default_factory=empty_list, description="Program tahun ini dengan kegiatannya"
    )
    total: Total | None = Field(
        None,
        description="Hanya jumlahnya, untuk tahun yang programnya tidak dicatat; contoh: "
        "{pagu: 8314411000, realisasi: 8249768837}",
    )
    """Only the totals, for a year whose programs are not recorded (an earlier year)."""
    sumber_dana: SumberList = Field(
        default_factory=empty_list,
        description="Sumber dana seluruh anggaran; contoh: [{sumber: APBD, jumlah: 1321000000}]",
    )
    belanja: list[Belanja] = Field(
        default_factory=empty_list,
        description="Jenis belanja; contoh: [{jenis: Belanja Operasional, jumlah: 1345112400}]",
    )
    tercetak: TercetakAnggaranTahun | None = Field(
        None,
        description="Jumlah anggaran seperti tercetak di dokumen sumber, seluruhnya dan per "
        "sasaran, diperiksa terhadap hasil hitung (K013); contoh: {serapan: 91.27, "
        "sasaran: {S1: {serapan: 85.60}}}",
    )

    def semua_unit(self) -> Iterator[tuple[YamlPath, Program | Kegiatan | SubKegiatan]]:
        """Every program, kegiatan and sub kegiatan with its path in the file, in the
        order written: a program, then each of its kegiatan followed by its sub
        kegiatan."""
        for i, p in enumerate(self.program):
            yield ("program", i), p
            for j, k in enumerate(p.kegiatan):
                yield ("program", i, "kegiatan", j), k
                for n, sk in enumerate(k.sub_kegiatan):
                    yield ("program", i, "kegiatan", j, "sub_kegiatan", n), sk

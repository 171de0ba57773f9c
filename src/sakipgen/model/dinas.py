"""``sakip.yaml``: who the dinas is, who signs, and how capaian is calculated."""

from __future__ import annotations

import re
from datetime import date
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
    PESAN_BULAN,
    PESAN_TRIWULAN,
    POLA_BULAN,
    POLA_TRIWULAN,
    Angka,
    Bulan,
    MetodeNegatif,
    Nip,
    Teks,
    Triwulan,
)

_NIP = 'NIP 18 digit, dalam tanda kutip; spasi boleh. Contoh: "19760817 199511 1 003"'
_PANGKAT = "Pangkat; contoh: Pembina Tk. I"
_GOLONGAN = "Golongan ruang; contoh: IV/b"


class Pejabat(Model):
    """A signatory: printed as jabatan, nama, pangkat/golongan and NIP."""

    model_config = skema("Pejabat penanda tangan: jabatan, nama, pangkat/golongan dan NIP")

    nama: Teks = Field(
        description="Nama lengkap dengan gelar, seperti dicetak; contoh: Ir. MASKUR, M.M"
    )
    jabatan: Teks = Field(description="Jabatan; contoh: Kepala Dinas Perdagangan Kabupaten Blora")
    pangkat: Teks | None = Field(None, description=_PANGKAT)
    golongan: Teks | None = Field(None, description=_GOLONGAN)
    nip: Nip | None = Field(None, description=_NIP)


class Atasan(Model):
    """Pihak kedua of the Perjanjian Kinerja (usually the bupati); nama may come later."""

    model_config = skema(
        "Pihak kedua Perjanjian Kinerja (biasanya bupati/wali kota); nama boleh menyusul"
    )

    jabatan: Teks = Field(description="Jabatan; contoh: Bupati Blora")
    nama: Teks | None = Field(None, description="Nama lengkap (boleh kosong bila belum diketahui)")
    pangkat: Teks | None = Field(None, description=_PANGKAT)
    golongan: Teks | None = Field(None, description=_GOLONGAN)
    nip: Nip | None = Field(None, description=_NIP)


class KopSurat(Model):
    model_config = skema("Kop surat dinas; semua isian boleh kosong kecuali alamat")

    alamat: Teks = Field(description="Alamat kantor; contoh: Jalan Rembang Km. 4")
    kota: Teks | None = Field(None, description="Kota; contoh: Blora")
    kode_pos: Teks | None = Field(None, description='Kode pos, dalam tanda kutip; contoh: "58219"')
    telepon: Teks | None = Field(None, description="Telepon; contoh: (0296) 531112")
    faks: Teks | None = Field(None, description="Faksimile; contoh: (0296) 531306")
    email: Annotated[list[Teks], BeforeValidator(as_list), SatuAtauDaftar()] = Field(
        default_factory=empty_list,
        description="Alamat email: satu atau daftar; contoh: dindagkop.blora@gmail.com",
    )
    laman: Teks | None = Field(None, description="Situs web; contoh: https://dinas.blorakab.go.id")
    logo: Teks | None = Field(
        None, description="Berkas gambar logo, relatif terhadap folder dinas; contoh: logo.png"
    )
    """Path of a logo image, relative to the dinas folder."""


class NamaDinas(Model):
    model_config = skema("Nama dinas dan singkatannya")

    nama: Teks = Field(
        description="Nama lengkap; contoh: Dinas Perdagangan, Koperasi, Usaha Kecil dan Menengah"
    )
    singkatan: Teks | None = Field(None, description="Singkatan; contoh: Dindagkop UKM")


class Pita(Model):
    """One band of a scale.  Its lower bound (``batas_bawah``, ``inklusif``) and, when
    given, its upper bound (``batas_atas``, ``inklusif_atas``); without ``batas_atas`` the
    band runs up to the next band's lower bound (the value at that bound belongs to
    whichever band includes it).  A capaian in no band gets no kategori (K015)."""

    model_config = skema(
        "Satu pita skala: batas_bawah ≤ capaian (< bila inklusif false), dan bila diisi "
        "capaian ≤ batas_atas (< bila inklusif_atas false), mendapat kategori ini"
    )

    kategori: Teks = Field(description="Nama kategori; contoh: Sangat Baik")
    batas_bawah: Angka | None = Field(
        None,
        description="Batas bawah capaian (%); kosong: tanpa batas bawah (pita terendah). "
        "Contoh: 75",
    )
    inklusif: bool = Field(
        True, description="true (bawaan): batas_bawah termasuk pita ini (≥); false: harus lebih (>)"
    )
    batas_atas: Angka | None = Field(
        None,
        description="Batas atas capaian (%); kosong: sampai batas_bawah pita di atasnya "
        "(pita tertinggi: tanpa batas). Contoh: 100",
    )
    inklusif_atas: bool = Field(
        True,
        description="true (bawaan): batas_atas termasuk pita ini (≤); false: harus kurang (<)",
    )


SkalaBawaan = Literal["empat-tingkat", "permendagri-86", "lima-tingkat-tertutup", "ketercapaian"]
Skala = SkalaBawaan | list[Pita]
"""A scale: a preset's name, or its own bands."""

_SKALA = (
    "permendagri-86, empat-tingkat, lima-tingkat-tertutup, ketercapaian (< 100 Tidak "
    "Tercapai, = 100 Tercapai, > 100 Melebihi), atau daftar pita "
    "{kategori, batas_bawah, inklusif, batas_atas, inklusif_atas}"
)


class SkalaTambahan(Model):
    """A second (third …) scale judging every capaian beside ``skala``: its kategori is
    printed in a column of its own, headed by ``nama``; ``skala`` stays the one that
    judges in the narrative's ``kategori()``, the monitoring report and the E.81."""

    model_config = skema(
        "Skala lain yang juga menilai setiap capaian, dicetak di kolom kategorinya sendiri "
        "di samping skala utama"
    )

    nama: Teks = Field(
        description="Nama skala, judul kolom kategorinya; contoh: Ketercapaian Target"
    )
    skala: Skala = Field(description="Pitanya: " + _SKALA)


class Profil(Model):
    """How capaian is calculated and judged (README "Rumus dan pembulatan")."""

    model_config = skema('Cara menghitung dan menilai capaian (README "Rumus dan pembulatan")')

    metode_negatif: MetodeNegatif = Field(
        "selisih",
        description="Capaian indikator berpolaritas negatif: selisih = (2T − R) / T × 100 "
        "(bawaan; pedoman LAN, PermenPAN-RB 6/2022), rasio = T / R × 100 (SIPD); satu "
        "indikator dapat memakai caranya sendiri (metode_negatif di renstra.yaml)",
    )
    """Negative polarity: ``selisih`` = (2T − R) / T × 100, ``rasio`` = T / R × 100; the
    dinas's default, which an indikator's own ``metode_negatif`` overrides."""

    def metode_untuk(self, sendiri: MetodeNegatif | None) -> MetodeNegatif:
        """The negative-polarity formula of an indikator: its own (``sendiri``), else the
        dinas's."""
        return sendiri or self.metode_negatif

    skala: Skala = Field(
        "permendagri-86",
        description="Skala kategori: permendagri-86 (bawaan), empat-tingkat, "
        "lima-tingkat-tertutup, ketercapaian, atau daftar pita "
        "{kategori, batas_bawah, inklusif, batas_atas, inklusif_atas}",
    )
    skala_tambahan: list[SkalaTambahan] = Field(
        default_factory=empty_list,
        description="Skala lain yang dicetak di samping 'skala', masing-masing dengan "
        "kolom kategorinya sendiri; contoh: [{nama: Ketercapaian Target, skala: ketercapaian}]",
    )
    """Further scales judging every indikator, sasaran and overall capaian beside
    ``skala``, each printed in its own kategori column (none by default)."""
    skala_serapan: Skala | None = Field(
        None,
        description="Skala kategori serapan anggaran (%), ditulis seperti 'skala'; bila "
        "diisi, kategorinya dicetak di samping serapan. Contoh: permendagri-86",
    )
    """The scale judging serapan (budget realisasi / pagu, %); none by default, so no
    kategori is printed beside serapan."""
    kategori_tanpa_target: Teks = Field(
        "Tanpa Target",
        description="Kategori indikator yang realisasinya dilaporkan tetapi targetnya tahun "
        'itu "-": kelasnya sendiri, bukan pita terendah; bawaan: Tanpa Target',
    )
    """The class an indikator gets when its realisasi is reported but the year has no
    target for it ("-"): shown in its own class, never as the lowest band."""
    batas_atas: Angka | None = Field(
        None, description="Batas atas capaian indikator, misalnya 120; bawaan: tanpa batas"
    )
    """Optional cap on every indikator capaian (e.g. 120); none by default."""
    desimal: Annotated[int, Field(ge=0, le=4)] = Field(
        2, description="Angka di belakang koma untuk pembulatan capaian (0 sampai 4; bawaan 2)"
    )

    @model_validator(mode="after")
    def _skala_lengkap(self) -> Profil:
        seen: set[str] = set()
        for t in self.skala_tambahan:
            if t.nama in seen:
                raise ValueError(
                    _(
                        "nama skala_tambahan '{nama}' dipakai dua kali; beri setiap skala "
                        "nama sendiri (judul kolom kategorinya)"
                    ).format(nama=t.nama)
                )
            seen.add(t.nama)
        for skala in (self.skala, self.skala_serapan, *(t.skala for t in self.skala_tambahan)):
            if not isinstance(skala, list):
                continue
            bottom = [p for p in skala if p.batas_bawah is None]
            if len(bottom) > 1:
                raise ValueError(
                    _(
                        "skala hanya boleh punya satu pita tanpa batas_bawah (pita terendah); "
                        "{n} pita tidak menulisnya"
                    ).format(n=len(bottom))
                )
        return self


class Dokumen(Model):
    """Per-document details in ``<tahun>/dokumen.yaml``: place, date and signatory."""

    model_config = skema("Rincian satu dokumen: tanggal, tempat, nomor, judul dan penanda tangan")

    tanggal: date | None = Field(
        None, description="Tanggal penandatanganan, TTTT-BB-HH; contoh: 2021-01-31"
    )
    tempat: Teks | None = Field(
        None, description="Tempat penandatanganan; bawaan: ibukota di sakip.yaml. Contoh: Blora"
    )
    nomor: Teks | None = Field(None, description="Nomor dokumen")
    judul: Teks | None = Field(None, description="Judul dokumen, bila berbeda dari judul baku")
    penandatangan: Pejabat | None = Field(
        None, description="Penanda tangan, bila bukan kepala di sakip.yaml"
    )
    atasan: Atasan | None = Field(None, description="Pihak kedua, bila bukan atasan di sakip.yaml")


class DokumenPkPerubahan(Dokumen):
    """The PK Perubahan's entry: a document like the others, and where its original
    targets come from."""

    model_config = skema(
        "Rincian PK Perubahan: seperti dokumen lain, ditambah revisi git yang memuat PK awal"
    )

    revisi_pk: Teks | None = Field(
        None,
        description="Revisi git (commit, tag, cabang, HEAD~1) yang memuat PK awal; target "
        "semula dibaca dari sana. Contoh: v2021-pk",
    )
    """The git revision holding the original PK, whose targets are the ``semula`` of this
    PK Perubahan (see :func:`sakipgen.load.revisi.semula`).  Only here: under another
    document it would be ignored, so it is an unknown key there (S001 says where)."""


class DokumenBerkala(Dokumen):
    """A report made during the year (the monitoring report, the E.81): each quarter or
    month has its own report, signed on its own day."""

    model_config = skema(
        "Rincian laporan berkala (monitoring, E.81): seperti dokumen lain, ditambah tanggal "
        "laporan tiap triwulan atau bulan"
    )

    triwulan: Annotated[dict[Triwulan, date], KunciPeta(POLA_TRIWULAN, PESAN_TRIWULAN)] = Field(
        default_factory=empty_dict,
        description="Tanggal laporan tiap triwulan; menggantikan 'tanggal' untuk laporan "
        "triwulan itu. Contoh: {1: 2021-04-12, 3: 2021-10-11}",
    )
    bulan: Annotated[dict[Bulan, date], KunciPeta(POLA_BULAN, PESAN_BULAN)] = Field(
        default_factory=empty_dict,
        description="Tanggal laporan sampai bulan tertentu (build --bulan); menggantikan "
        "'tanggal' untuk laporan itu. Contoh: {8: 2021-09-06}",
    )

    def tanggal_laporan(self, triwulan: int | None, bulan: int) -> date | None:
        """The date of the report up to ``bulan`` (the end of ``triwulan`` when the
        report is a quarter's): its own date, else the year's ``tanggal``."""
        own = self.triwulan.get(triwulan) if triwulan is not None else self.bulan.get(bulan)
        return own or self.tanggal


class DokumenTahun(Model):
    model_config = skema(
        "<tahun>/dokumen.yaml: tanggal, tempat dan penanda tangan tiap dokumen tahun ini"
    )

    rkt: Dokumen | None = Field(None, description="Rencana Kinerja Tahunan")
    iku: Dokumen | None = Field(None, description="Indikator Kinerja Utama")
    pk: Dokumen | None = Field(None, description="Perjanjian Kinerja")
    pk_perubahan: DokumenPkPerubahan | None = Field(
        None, description="Perjanjian Kinerja Perubahan"
    )
    rencana_aksi: Dokumen | None = Field(None, description="Rencana Aksi atas PK")
    lkjip: Dokumen | None = Field(None, description="Laporan Kinerja Instansi Pemerintah")
    monitoring: DokumenBerkala | None = Field(
        None,
        description="Laporan Monitoring Rencana Aksi (penanda tangan, tempat, tanggal tiap "
        "triwulan atau bulan)",
    )
    e81: DokumenBerkala | None = Field(
        None,
        description="Evaluasi Hasil Renja (formulir E.81; penanda tangan, tempat, tanggal "
        "tiap triwulan)",
    )


class Abaikan(Model):
    """A check rule switched off for this dinas, with the reason (kept for reviewers)."""

    model_config = skema("Aturan pemeriksaan yang dimatikan untuk dinas ini, dengan alasannya")

    kode: Teks = Field(description="Kode aturan: huruf besar dan tiga angka; contoh: K007")
    alasan: Teks = Field(
        min_length=5, description="Mengapa aturan ini diabaikan (minimal 5 karakter)"
    )

    @model_validator(mode="after")
    def _kode(self) -> Abaikan:
        if not re.fullmatch(r"[A-Z]\d{3}", self.kode):
            raise ValueError(
                _("kode '{kode}' harus seperti K007 (huruf besar dan tiga angka)").format(
                    kode=self.kode
                )
            )
        return self


class Periksa(Model):
    model_config = skema("Pengaturan pemeriksaan (sakipgen check) untuk dinas ini")

    abaikan: list[Abaikan] = Field(
        default_factory=empty_list,
        description="Aturan yang diabaikan; contoh: [{kode: K007, alasan: program lama}]",
    )


class Identitas(Model):
    model_config = skema(
        "sakip.yaml: identitas dinas, kop surat, penanda tangan dan cara menghitung capaian"
    )

    pemda: Teks = Field(description="Pemerintah daerah; contoh: Kabupaten Blora")
    """E.g. Kabupaten Blora."""
    ibukota: Teks | None = Field(
        None,
        description='Tempat yang dicetak sebelum tanggal tanda tangan ("Blora, 31 Januari '
        '2021"); contoh: Blora',
    )
    """Place printed before signature dates."""
    dinas: NamaDinas = Field(
        description="Nama dinas; contoh: {nama: Dinas Perdagangan, singkatan: Disdag}"
    )
    kop: KopSurat | None = Field(None, description="Kop surat (alamat wajib bila kop diisi)")
    kepala: Pejabat = Field(
        description="Kepala dinas: pihak pertama, menandatangani setiap dokumen"
    )
    atasan: Atasan = Field(
        description="Pihak kedua Perjanjian Kinerja; contoh: {jabatan: Bupati Blora}"
    )
    profil: Profil = Field(
        default_factory=Profil,
        description="Cara menghitung capaian: metode_negatif, skala, batas_atas, desimal",
    )
    periksa: Periksa = Field(
        default_factory=Periksa, description="Aturan pemeriksaan yang diabaikan, dengan alasannya"
    )

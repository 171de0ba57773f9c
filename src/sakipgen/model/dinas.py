"""``sakip.yaml``: who the dinas is, who signs, and how capaian is calculated."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from sakipgen.model.base import Model, as_list
from sakipgen.model.nilai import Angka, Nip, Teks


class Pejabat(Model):
    """A signatory: printed as jabatan, nama, pangkat/golongan and NIP."""

    nama: Teks
    jabatan: Teks
    pangkat: Teks | None = None
    golongan: Teks | None = None
    nip: Nip | None = None


class Atasan(Model):
    """Pihak kedua of the Perjanjian Kinerja (usually the bupati); nama may come later."""

    jabatan: Teks
    nama: Teks | None = None
    pangkat: Teks | None = None
    golongan: Teks | None = None
    nip: Nip | None = None


class KopSurat(Model):
    alamat: Teks
    kota: Teks | None = None
    kode_pos: Teks | None = None
    telepon: Teks | None = None
    faks: Teks | None = None
    email: Annotated[list[Teks], BeforeValidator(as_list)] = Field(default_factory=list)
    laman: Teks | None = None
    logo: Teks | None = Field(
        None, description="path of a logo image, relative to the dinas folder"
    )


class NamaDinas(Model):
    nama: Teks
    singkatan: Teks | None = None


class Pita(Model):
    """One band of a scale: capaian >= batas_bawah (or > when not inklusif) gets kategori."""

    kategori: Teks
    batas_bawah: Angka | None = None
    inklusif: bool = True


SkalaBawaan = Literal["empat-tingkat", "permendagri-86"]


class Profil(Model):
    """How capaian is calculated and judged (README "Rumus dan pembulatan")."""

    metode_negatif: Literal["selisih", "rasio"] = "selisih"
    """Negative polarity: ``selisih`` = (2T − R) / T × 100, ``rasio`` = T / R × 100."""
    skala: SkalaBawaan | list[Pita] = "permendagri-86"
    batas_atas: Angka | None = None
    """Optional cap on every indikator capaian (e.g. 120); none by default."""
    desimal: Annotated[int, Field(ge=0, le=4)] = 2

    @model_validator(mode="after")
    def _skala_lengkap(self) -> Profil:
        if isinstance(self.skala, list):
            bottom = [p for p in self.skala if p.batas_bawah is None]
            if len(bottom) != 1:
                raise ValueError(
                    "skala harus punya tepat satu pita tanpa batas_bawah (pita terendah), "
                    "supaya setiap capaian mendapat kategori"
                )
        return self


class Dokumen(Model):
    """Per-document details in ``<tahun>/dokumen.yaml``: place, date and signatory."""

    tanggal: date | None = None
    tempat: Teks | None = None
    nomor: Teks | None = None
    judul: Teks | None = None
    penandatangan: Pejabat | None = None
    atasan: Atasan | None = None


class DokumenTahun(Model):
    rkt: Dokumen | None = None
    iku: Dokumen | None = None
    pk: Dokumen | None = None
    pk_perubahan: Dokumen | None = None
    rencana_aksi: Dokumen | None = None
    lkjip: Dokumen | None = None


class Abaikan(Model):
    """A check rule switched off for this dinas, with the reason (kept for reviewers)."""

    kode: Teks
    alasan: Teks = Field(min_length=5)

    @model_validator(mode="after")
    def _kode(self) -> Abaikan:
        if not re.fullmatch(r"[A-Z]\d{3}", self.kode):
            raise ValueError(f"kode '{self.kode}' harus seperti K007 (huruf besar dan tiga angka)")
        return self


class Periksa(Model):
    abaikan: list[Abaikan] = Field(default_factory=list)


class Identitas(Model):
    pemda: Teks = Field(description="e.g. Kabupaten Blora")
    ibukota: Teks | None = Field(None, description="place printed before signature dates")
    dinas: NamaDinas
    kop: KopSurat | None = None
    kepala: Pejabat
    atasan: Atasan
    profil: Profil = Field(default_factory=Profil)
    periksa: Periksa = Field(default_factory=Periksa)

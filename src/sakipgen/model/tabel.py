"""``tabel/*.yaml``: supporting tables with arbitrary columns (personalia, koperasi, pasar …).

Totals and sum columns are computed, never typed: a column with ``jumlah_dari`` is
the sum of other columns in each row, and ``total`` adds up columns at the foot.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from sakipgen.i18n import _
from sakipgen.model.base import BentukSingkat, KunciPeta, Model, empty_dict, empty_list, skema
from sakipgen.model.nilai import PESAN_ID, POLA_ID, SKEMA_TEKS, Angka, Id, Num, Teks, parse_angka

JenisKolom = Literal["teks", "angka", "rupiah", "persen"]


class Kolom(Model):
    model_config = skema(
        "Satu kolom: judulnya saja (kolom teks), atau {judul, id, jenis, sub, jumlah_dari}"
    )

    judul: Teks = Field(description="Judul kolom yang dicetak; contoh: JML")
    id: Id | None = Field(None, description="Id kolom, untuk jumlah_dari dan total; contoh: jml")
    jenis: JenisKolom = Field(
        "teks", description="Jenis isi: teks (bawaan), angka, rupiah atau persen"
    )
    sub: list[Annotated[Kolom, BentukSingkat(SKEMA_TEKS)]] = Field(
        default_factory=empty_list,
        description="Sub kolom di bawah judul bersama; contoh: GOL IV → a, b, c, d, e",
    )
    """Sub-columns under a grouped header (e.g. GOL IV → a b c d e)."""
    jumlah_dari: list[Id] = Field(
        default_factory=empty_list,
        description="Kolom hitungan: jumlah kolom-kolom ini di tiap baris (baris tidak "
        "mengisinya); contoh: [l, p]",
    )
    """Computed: the row sum of these columns.  Rows do not give a value for it."""

    @model_validator(mode="before")
    @classmethod
    def _short(cls, value: Any) -> Any:
        return {"judul": value} if isinstance(value, str) else value


class Total(Model):
    model_config = skema("Baris jumlah di kaki tabel, dihitung")

    label: Teks = Field("Jumlah", description="Teks di awal baris jumlah; bawaan: Jumlah")
    kolom: list[Id] = Field(
        min_length=1, description="Id kolom yang dijumlahkan; contoh: [l, p, jml]"
    )
    tercetak: Annotated[dict[Id, Angka], KunciPeta(POLA_ID, PESAN_ID)] = Field(
        default_factory=empty_dict,
        description="Jumlah per kolom seperti tercetak di dokumen sumber, diperiksa terhadap "
        "hasil hitung (K013); contoh: {l: 114, p: 21}",
    )


def _sel(value: Any) -> Decimal | str | None:
    if value is None or (isinstance(value, str) and value.strip() in ("", "-")):
        return None
    if isinstance(value, Num):
        return parse_angka(value)
    if isinstance(value, (bool, list, dict)):
        raise PydanticCustomError("S003", _("sel tabel harus teks atau angka"))
    return str(value).strip()


SelIsian = Annotated[
    Decimal | str | None,
    BeforeValidator(_sel),
    WithJsonSchema({"type": ["number", "string", "null"]}),
]


class Tabel(Model):
    model_config = skema(
        "<tahun>/tabel/<nama>.yaml: tabel pendukung (personalia, koperasi, pasar …); "
        "kolom jumlah dan baris total dihitung, tidak diketik"
    )

    judul: Teks = Field(
        description="Judul tabel; contoh: Jumlah Personalia Menurut Golongan Kepangkatan"
    )
    kolom: list[Annotated[Kolom, BentukSingkat(SKEMA_TEKS)]] = Field(
        min_length=1,
        description="Kolom dari kiri ke kanan: judul saja (teks), atau {judul, id, jenis, sub, "
        "jumlah_dari}",
    )
    baris: list[list[SelIsian]] = Field(
        default_factory=empty_list,
        description='Baris: daftar isi sel untuk kolom yang diisi; "-" atau kosong untuk sel '
        "kosong. Contoh: [PNS / CPNS, 114, 21]",
    )
    """Cells of the columns that rows fill in; a number in a text column stays a number.
    Column kinds, row lengths and column ids are checked by the loader (with positions)."""
    total: Total | None = Field(
        None, description="Baris jumlah; contoh: {label: Jumlah, kolom: [l, p, jml]}"
    )
    catatan: Teks | None = Field(None, description="Catatan di bawah tabel")
    sumber: Teks | None = Field(
        None, description="Sumber data, dicetak di bawah tabel; contoh: Bidang Koperasi"
    )
    """Where the figures come from, printed under the table ("Sumber: Bidang Koperasi")."""
    letak: Teks | None = Field(
        None,
        description="Narasi tempat tabel dicetak (sesudahnya, atau di baris <!-- tabel -->); "
        "contoh: indikator/IK1.1 atau lkjip/bab1/sumber-daya-manusia",
    )
    """The narrative the table belongs to (``indikator/IK1.1``, ``lkjip/bab1/sumber-daya-manusia``):
    documents print it after that narrative, or at its ``<!-- tabel -->`` marker."""

    def daun(self) -> list[Kolom]:
        """Leaf columns, left to right."""
        out: list[Kolom] = []
        for k in self.kolom:
            out.extend(k.sub or [k])
        return out

    def kolom_isian(self) -> list[Kolom]:
        """Leaf columns that rows fill in (computed ones excluded)."""
        return [k for k in self.daun() if not k.jumlah_dari]

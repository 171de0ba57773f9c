"""``tabel/*.yaml``: supporting tables with arbitrary columns (personalia, koperasi, pasar …).

Totals and sum columns are computed, never typed: a column with ``jumlah_dari`` is
the sum of other columns in each row, and ``total`` adds up columns at the foot.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from sakipgen.model.base import Model
from sakipgen.model.nilai import Id, Num, Teks, parse_angka

JenisKolom = Literal["teks", "angka", "rupiah", "persen"]


class Kolom(Model):
    judul: Teks
    id: Id | None = None
    jenis: JenisKolom = "teks"
    sub: list[Kolom] = Field(default_factory=list)
    """Sub-columns under a grouped header (e.g. GOL IV → a b c d e)."""
    jumlah_dari: list[Id] = Field(default_factory=list)
    """Computed: the row sum of these columns.  Rows do not give a value for it."""

    @model_validator(mode="before")
    @classmethod
    def _short(cls, value: Any) -> Any:
        return {"judul": value} if isinstance(value, str) else value


class Total(Model):
    label: Teks = "Jumlah"
    kolom: list[Id] = Field(min_length=1)


def _sel(value: Any) -> Decimal | str | None:
    if value is None or (isinstance(value, str) and value.strip() in ("", "-")):
        return None
    if isinstance(value, Num):
        return parse_angka(value)
    if isinstance(value, (bool, list, dict)):
        raise PydanticCustomError("S003", "sel tabel harus teks atau angka")
    return str(value).strip()


Sel = Annotated[Decimal | str | None, BeforeValidator(_sel)]


class Tabel(Model):
    judul: Teks
    kolom: list[Kolom] = Field(min_length=1)
    baris: list[list[Sel]] = Field(default_factory=list)
    """Cells of the columns that rows fill in; a number in a text column stays a number.
    Column kinds, row lengths and column ids are checked by the loader (with positions)."""
    total: Total | None = None
    catatan: Teks | None = None
    sumber: Teks | None = None
    """Where the figures come from, printed under the table ("Sumber: Bidang Koperasi")."""
    letak: Teks | None = None
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

"""Values as planners write them: exact numbers, rupiah, NIP, and target values.

Rules (documented in the README, "Menulis angka"):

* A YAML number is read from its source text into ``Decimal``; a dot is the
  decimal point (``43.30``).
* A quoted string may use the Indonesian format: ``"43,30"``, ``"1.727.182.400"``,
  ``"Rp 1.727.182.400,00"``.
* ``6.825`` and ``"6,825"`` (one to three digits, one separator, exactly three
  digits) are **ambiguous**: a planner may mean 6825 or 6.825.  They are
  rejected with a message saying what to write instead (``6825`` or ``6.8250``).
* ``1,250,000,000`` (English grouping: commas between thousands, perhaps a decimal
  dot) is rejected with a message giving both ways to write it (N007).
* Rupiah amounts are whole numbers.
* Codes (kode), ids and NIP keep the exact source text, so ``kode: 010`` stays
  ``"010"`` and an 18-digit NIP written as a number loses no digit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from sakipgen.i18n import _


class Num(str):
    """A scalar that YAML resolved as a number, kept as its source text."""

    __slots__ = ()


MAX_DIGITS = 24
"""More digits than any rupiah total of a kabupaten; longer numbers are typos."""

_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_AMBIGUOUS_DOT = re.compile(r"^[+-]?[1-9]\d{0,2}\.\d{3}$")
_AMBIGUOUS_COMMA = re.compile(r"^[+-]?[1-9]\d{0,2},\d{3}$")
_ID_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_ID_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_EN_GROUPED = re.compile(r"^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$")
"""English grouping: ``1,250,000,000``, ``1,250.50`` (a comma never groups in
Indonesian, and two commas or a comma before a dot cannot be a decimal comma)."""
_CURRENCY = re.compile(r"^(rp\.?|idr|us\$|usd)\s*", re.IGNORECASE)


def _err(code: str, message: str) -> PydanticCustomError:
    """A coded error carrying ``message`` as it is: translated and formatted already.

    Pydantic fills ``{name}`` placeholders of a message template from the error's
    context; with no context it leaves the text untouched, so braces in a planner's
    value (``'{x}' tidak dapat dibaca``) cannot break it.
    """
    return PydanticCustomError(code, message)


def parse_angka(value: Any, *, allow_currency: bool = True) -> Decimal:
    """Parse a number written by a planner; raise a coded error when it cannot be read."""
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        raise _err("S003", _("harus berupa angka"))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if not isinstance(value, str):
        raise _err("S003", _("harus berupa angka"))
    text = value.strip()
    is_yaml_number = isinstance(value, Num)
    low = text.lower().lstrip("+-")
    if low in (".nan", "nan", ".inf", "inf", "infinity"):
        raise _err("N003", _("{text} bukan angka; tulis angka yang sebenarnya").format(text=text))
    if not is_yaml_number and allow_currency:
        text = _CURRENCY.sub("", text).removesuffix(",-").strip()
    digits = sum(c.isdigit() for c in text)
    if digits > MAX_DIGITS:
        raise _err(
            "N004",
            _("angka dengan {digits} digit terlalu besar; periksa kembali nilainya").format(
                digits=digits
            ),
        )
    if _AMBIGUOUS_DOT.match(text) or _AMBIGUOUS_COMMA.match(text):
        sep = text[-4]
        whole = text.replace(sep, "")
        frac = text.replace(",", ".") + "0"
        raise _err(
            "N001",
            _(
                "{text} ambigu: tulis {whole} jika maksudnya {whole} (tanpa pemisah ribuan), "
                "atau {frac} jika maksudnya angka desimal"
            ).format(text=text, whole=whole, frac=frac),
        )
    if _EN_GROUPED.match(text):
        bulat_, _titik, pecahan = text.partition(".")
        polos = bulat_.replace(",", "") + (f".{pecahan}" if pecahan else "")
        indonesia = bulat_.replace(",", ".") + (f",{pecahan}" if pecahan else "")
        raise _err(
            "N007",
            _(
                "{text} memakai koma sebagai pemisah ribuan (cara Inggris); tulis {polos} "
                "tanpa pemisah ribuan, atau {indonesia} dengan titik sebagai pemisah ribuan "
                '(di YAML dalam tanda kutip: "{indonesia}")'
            ).format(text=text, polos=polos, indonesia=indonesia),
        )
    if "_" in text or text.lower().startswith(("0x", "0o", "0b")):
        raise _err(
            "N002",
            _("{text} bukan angka desimal biasa; tulis angka tanpa '_' atau awalan").format(
                text=text
            ),
        )
    value_d: Decimal | None = None
    try:
        if _PLAIN.match(text):
            value_d = Decimal(text)
        elif _ID_GROUPED.match(text):
            value_d = Decimal(text.replace(".", "").replace(",", "."))
        elif _ID_COMMA.match(text):
            value_d = Decimal(text.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the patterns admit only valid text
        value_d = None
    if value_d is not None:
        exponent = value_d.as_tuple().exponent
        # An exponent ("1e999") can hide a number far beyond any real figure.
        if value_d != 0 and (
            value_d.adjusted() >= MAX_DIGITS or (isinstance(exponent, int) and exponent < -12)
        ):
            raise _err(
                "N004",
                _("angka {text} di luar batas wajar; tulis angka biasa tanpa eksponen").format(
                    text=text
                ),
            )
        return value_d
    raise _err(
        "N002",
        _(
            "'{text}' tidak dapat dibaca sebagai angka; contoh penulisan: 6825, 43.30, "
            '"43,30" atau "1.727.182.400"'
        ).format(text=text),
    )


def _angka(value: Any) -> Decimal:
    return parse_angka(value)


def rupiah_utuh(value: Any) -> int:
    """A rupiah amount as written (a number or text such as ``1.727.182.400``): whole
    and not negative, else a coded error (N005, S004)."""
    amount = parse_angka(value)
    if amount != amount.to_integral_value():
        raise _err(
            "N005",
            _("{value} bukan rupiah utuh; tulis tanpa sen, misalnya 1727182400").format(
                value=value
            ),
        )
    if amount < 0:
        raise _err("S004", _("jumlah rupiah tidak boleh negatif"))
    return int(amount)


def _teks(value: Any) -> str:
    if isinstance(value, (bool, list, dict)) or value is None:
        raise _err("S003", _("harus berupa teks"))
    if isinstance(value, (int, Decimal)):
        return str(value)
    if not isinstance(value, str):
        raise _err("S003", _("harus berupa teks"))
    return str(value).strip()


_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def _id(value: Any) -> str:
    text = _teks(value)
    if not _ID.match(text):
        raise _err(
            "S004",
            _(
                "id '{text}' tidak valid: gunakan huruf, angka, titik, '-' atau '_' "
                "(misalnya S1 atau IK1.2), tanpa spasi"
            ).format(text=text),
        )
    return text


def _nip(value: Any) -> str:
    text = _teks(value)
    digits = re.sub(r"[\s.]", "", text)
    if not (digits.isdigit() and len(digits) == 18):
        raise _err(
            "N006",
            _(
                "NIP '{text}' harus 18 digit, misalnya \"19741014 199311 1 001\" (ditulis dalam "
                "tanda kutip)"
            ).format(text=text),
        )
    return digits


def format_nip(nip: str) -> str:
    """``197410141993111001`` → ``19741014 199311 1 001`` (the printed form)."""
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def _tahun(value: Any) -> int:
    number = parse_angka(value, allow_currency=False)
    if number != number.to_integral_value() or not 1945 <= number <= 2100:
        if isinstance(value, int | str) and str(value).isdigit() and len(str(value)) < 4:
            # {2019: 72,5, 2020: 80,25}: in a {…} mapping the comma separates entries,
            # so "5" and "25" became keys of their own.
            raise _err(
                "S004",
                _(
                    "'{value}' bukan tahun; bila ini bagian desimal sebuah angka (…,{value}), "
                    "koma di dalam {{…}} memisahkan isian: tulis angka desimal dengan titik "
                    '(72.5) atau dalam tanda kutip ("72,5")'
                ).format(value=value),
            )
        raise _err("S004", _("'{value}' bukan tahun (misalnya 2021)").format(value=value))
    return int(number)


# --- JSON Schema of these values (``sakipgen schema``) -----------------------------
# What an editor accepts: a superset of what the validators above accept, so that the
# schema never flags a value ``sakipgen check`` reads (``check`` stays the judge of
# ambiguous numbers and the like).  Patterns are written for both Python and
# ECMAScript (editors): ASCII classes, no inline flags.

_MATA_UANG = r"(?:[Rr][Pp]\.?|[Ii][Dd][Rr]|[Uu][Ss]\$|[Uu][Ss][Dd])?\s*"
_BILANGAN = r"(?:[0-9][0-9.,]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?(?:,-)?\s*$"
POLA_ANGKA = rf"^\s*{_MATA_UANG}[+-]?{_BILANGAN}"
"""A number written as text: ``"43,30"``, ``"1.727.182.400"``, ``"Rp 1.727.182.400,00"``."""
POLA_RUPIAH = rf"^\s*{_MATA_UANG}\+?{_BILANGAN}"
POLA_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
POLA_NIP = r"^[\s.]*(?:[0-9][\s.]*){18}$"
POLA_TAHUN = r"^(?:194[5-9]|19[5-9][0-9]|20[0-9][0-9]|2100)$"

_PESAN_ANGKA = 'tulis angka, misalnya 6825, 43.30, "43,30" atau "1.727.182.400"'
PESAN_ID = "id: huruf, angka, titik, '-' atau '_' tanpa spasi, misalnya S1 atau IK1.2"
PESAN_TAHUN = "tahun empat angka, misalnya 2021"
POLA_TRIWULAN = r"^0*[1-4]$"
"""A key naming a triwulan (``3``, ``03``)."""
PESAN_TRIWULAN = "triwulan 1 sampai 4"
POLA_BULAN = r"^0*(?:[1-9]|1[0-2])$"
"""A key naming a month (``8``, ``08``, ``12``)."""
PESAN_BULAN = "bulan 1 sampai 12"

SKEMA_ANGKA: dict[str, Any] = {
    "anyOf": [
        {"type": "number"},
        {"type": "string", "pattern": POLA_ANGKA, "patternErrorMessage": _PESAN_ANGKA},
    ]
}
SKEMA_RUPIAH: dict[str, Any] = {
    "anyOf": [
        {"type": "integer", "minimum": 0},
        {
            "type": "string",
            "pattern": POLA_RUPIAH,
            "patternErrorMessage": 'rupiah utuh, misalnya 1727182400 atau "1.727.182.400"',
        },
    ]
}
SKEMA_TEKS: dict[str, Any] = {"type": ["string", "number"]}
SKEMA_ID: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": POLA_ID, "patternErrorMessage": PESAN_ID},
        {"type": "number", "minimum": 0},
    ]
}
SKEMA_NIP: dict[str, Any] = {
    "anyOf": [
        {
            "type": "string",
            "pattern": POLA_NIP,
            "patternErrorMessage": 'NIP 18 digit, misalnya "19741014 199311 1 001"',
        },
        {"type": "integer"},
    ]
}
SKEMA_TAHUN: dict[str, Any] = {
    "anyOf": [
        {"type": "integer", "minimum": 1945, "maximum": 2100},
        {"type": "string", "pattern": POLA_TAHUN, "patternErrorMessage": PESAN_TAHUN},
    ]
}
SKEMA_NILAI: dict[str, Any] = {"anyOf": [{"type": "number"}, {"type": "string"}, {"type": "null"}]}
"""A target or realisasi: ``32``, ``"84,03"``, ``"80-90"``, ``"7% dan 17%"``, ``WTP``, ``"-"``."""

Angka = Annotated[Decimal, BeforeValidator(_angka), WithJsonSchema(SKEMA_ANGKA)]
Rupiah = Annotated[int, BeforeValidator(rupiah_utuh), WithJsonSchema(SKEMA_RUPIAH)]
Teks = Annotated[str, BeforeValidator(_teks), WithJsonSchema(SKEMA_TEKS)]
Id = Annotated[str, BeforeValidator(_id), WithJsonSchema(SKEMA_ID)]
Bulan = Annotated[int, Field(ge=1, le=12)]
Triwulan = Annotated[int, Field(ge=1, le=4)]
MetodeNegatif = Literal["selisih", "rasio"]
"""The capaian of a negative-polarity indikator: selisih (2T − R) / T × 100, rasio T / R × 100."""
Sifat = Literal["kumulatif", "akhir_periode", "jumlah", "rata_rata"]
"""How an indikator's periods (or years) make a longer span: kumulatif and akhir_periode
the last value, jumlah the sum, rata_rata the mean."""
Nip = Annotated[str, BeforeValidator(_nip), WithJsonSchema(SKEMA_NIP)]
Tahun = Annotated[int, BeforeValidator(_tahun), WithJsonSchema(SKEMA_TAHUN)]


# --- target and realisasi values -------------------------------------------------

JenisNilai = Literal["kosong", "angka", "rentang", "majemuk", "teks"]


@dataclass(frozen=True)
class Nilai:
    """A target or realisasi as written: a number (with an optional unit word), a
    range ``80-90``, a compound ``7% dan 17%``, free text (``WTP``), or nothing (``-``)."""

    jenis: JenisNilai
    teks: str
    angka: Decimal | None = None
    bawah: Decimal | None = None
    atas: Decimal | None = None
    bagian: tuple[Nilai, ...] = ()
    satuan: str = ""

    @property
    def numerik(self) -> bool:
        return self.jenis == "angka"

    def __str__(self) -> str:
        return self.teks


KOSONG = Nilai("kosong", "-")

_NUM = r"[+-]?\d[\d.,]*"
_WITH_UNIT = re.compile(
    rf"^(?P<pre>rp\.?|us\$|usd)?\s*(?P<num>{_NUM})\s*(?P<unit>%|[^\d\s].*)?$", re.I
)
_RANGE = re.compile(
    rf"^(?P<a>{_NUM})\s*(?:%\s*)?(?:-|–|—|s\.?\s?d\.?|s/d|sampai)\s*(?P<b>{_NUM})\s*(?P<unit>%|[^\d\s].*)?$",
    re.I,
)
_COMPOUND = re.compile(r"\s+dan\s+|\s*;\s*", re.I)
_UNIT_WORD = re.compile(r"^(%|[A-Za-z][A-Za-z/ .²³-]*)$")


def _number_with_unit(text: str) -> Nilai | None:
    m = _WITH_UNIT.match(text)
    if not m:
        return None
    unit = (m.group("unit") or "").strip()
    if unit and not _UNIT_WORD.match(unit):
        return None
    # A trailing "M"/"T" after a rupiah amount means miliar/triliun: not a plain number.
    if m.group("pre") and unit:
        return None
    value = parse_angka(m.group("num"), allow_currency=False)
    return Nilai("angka", text, angka=value, satuan=unit)


def parse_nilai(value: Any) -> Nilai:
    if isinstance(value, Nilai):
        return value
    if value is None:
        return KOSONG
    if isinstance(value, (bool, list, dict)):
        raise _err("S003", _('harus berupa angka atau teks (misalnya 32, "80-90" atau "WTP")'))
    if isinstance(value, (Num, int, Decimal)):
        return Nilai("angka", str(value), angka=parse_angka(value))
    if not isinstance(value, str):
        raise _err("S003", _("harus berupa angka atau teks"))
    text = " ".join(value.split())
    if text in ("", "-", "–", "—"):
        return KOSONG
    single = _number_with_unit(text)
    if single is not None:
        return single
    r = _RANGE.match(text)
    if r and (not r.group("unit") or _UNIT_WORD.match(r.group("unit").strip())):
        lo = parse_angka(r.group("a"), allow_currency=False)
        hi = parse_angka(r.group("b"), allow_currency=False)
        if lo > hi:
            raise _err(
                "S004",
                _("rentang '{text}': batas bawah lebih besar dari batas atas").format(text=text),
            )
        return Nilai("rentang", text, bawah=lo, atas=hi, satuan=(r.group("unit") or "").strip())
    parts = _COMPOUND.split(text)
    if len(parts) > 1:
        parsed = [_number_with_unit(p.strip()) for p in parts]
        if all(p is not None for p in parsed):
            return Nilai("majemuk", text, bagian=tuple(p for p in parsed if p is not None))
    return Nilai("teks", text)


def _serialize_nilai(v: Nilai) -> str | None:
    return None if v.jenis == "kosong" else v.teks


NilaiField = Annotated[
    Nilai,
    PlainValidator(parse_nilai),
    PlainSerializer(_serialize_nilai),
    WithJsonSchema(SKEMA_NILAI),
]

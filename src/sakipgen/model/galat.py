"""What pydantic refuses, in the planner's words.

pydantic names each validation error with a ``type`` (``int_parsing``,
``literal_error``, ``greater_than_equal`` …) and a context of the values its message
needs (``{"ge": 1}``); its own message is English (``Input should be a valid
integer``).  Here every type a sakipgen model — or an option of the command line,
which typer validates with pydantic too — can raise has its own message, written in
Indonesian through the catalogue and filled from that context.  The errors the models
raise themselves carry a sakipgen code (``N002``, ``S004`` …) and a message already
translated; a ``ValueError`` of a validator arrives as ``value_error`` with the
message as its context.

:data:`JENIS` lists the types translated here; ``tests/load/test_galat_pydantic.py``
finds, from the models' schemas, the types they can raise and fails on one without a
message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sakipgen.diagnostics import RULES
from sakipgen.i18n import _

Konteks = Mapping[str, Any]


def _pemetaan(_k: Konteks) -> str:
    return _("harus berupa pemetaan (baris-baris 'kunci: nilai')")


def _daftar(_k: Konteks) -> str:
    return _("harus berupa daftar (baris-baris yang diawali '- ')")


def _teks(_k: Konteks) -> str:
    return _("harus berupa teks")


def _benar_salah(_k: Konteks) -> str:
    return _("harus true atau false")


def _bulat(_k: Konteks) -> str:
    return _("harus bilangan bulat")


def _angka(_k: Konteks) -> str:
    return _("harus berupa angka")


def _tanggal(_k: Konteks) -> str:
    return _("harus tanggal dengan bentuk TTTT-BB-HH, misalnya 2021-01-31")


def _salah_satu(k: Konteks) -> str:
    # pydantic joins the choices with an English "or": "'selisih' or 'rasio'".
    atau = " " + _("atau") + " "
    expected = str(k.get("expected", "")).replace(" or ", atau)
    return _("harus salah satu dari: {expected}").format(expected=expected)


def _terlalu_pendek(k: Konteks) -> str:
    if k.get("min_length") == 1:
        return _("tidak boleh kosong")
    return _("minimal {min_length} butir").format(min_length=k.get("min_length"))


def _batas(tanda: str, kunci: str) -> Callable[[Konteks], str]:
    def pesan(k: Konteks) -> str:
        return _("harus {word} {bound}").format(word=tanda, bound=k.get(kunci))

    return pesan


def _galat_validator(k: Konteks) -> str:
    """A validator's own message (``ValueError`` / ``AssertionError``), translated
    where it was raised."""
    return str(k.get("error", ""))


JENIS: dict[str, tuple[str, Callable[[Konteks], str]]] = {
    # a value of the wrong kind: S003
    "dict_type": ("S003", _pemetaan),
    "mapping_type": ("S003", _pemetaan),
    "model_type": ("S003", _pemetaan),
    "model_attributes_type": ("S003", _pemetaan),
    "dataclass_type": ("S003", _pemetaan),
    "list_type": ("S003", _daftar),
    "tuple_type": ("S003", _daftar),
    "set_type": ("S003", _daftar),
    "frozen_set_type": ("S003", _daftar),
    "iterable_type": ("S003", _daftar),
    "string_type": ("S003", _teks),
    "string_sub_type": ("S003", _teks),
    "string_unicode": ("S003", lambda _k: _("harus berupa teks (UTF-8)")),
    "bool_type": ("S003", _benar_salah),
    "bool_parsing": ("S003", _benar_salah),
    "int_type": ("S003", _bulat),
    "int_parsing": ("S003", _bulat),
    "int_from_float": ("S003", _bulat),
    "int_parsing_size": ("S003", lambda _k: _("bilangan bulat ini terlalu besar")),
    "float_type": ("S003", _angka),
    "float_parsing": ("S003", _angka),
    "decimal_type": ("S003", _angka),
    "decimal_parsing": ("S003", _angka),
    "date_type": ("S003", _tanggal),
    "date_parsing": ("S003", _tanggal),
    "date_from_datetime_parsing": ("S003", _tanggal),
    "date_from_datetime_inexact": (
        "S003",
        lambda _k: _("harus tanggal tanpa jam, misalnya 2021-01-31"),
    ),
    "none_required": ("S003", lambda _k: _("harus dikosongkan")),
    # a value that is not allowed: S004
    "literal_error": ("S004", _salah_satu),
    "enum": ("S004", _salah_satu),
    "string_too_short": (
        "S004",
        lambda k: _("terlalu pendek: minimal {min_length} karakter").format(
            min_length=k.get("min_length")
        ),
    ),
    "string_too_long": (
        "S004",
        lambda k: _("terlalu panjang: maksimal {max_length} karakter").format(
            max_length=k.get("max_length")
        ),
    ),
    "string_pattern_mismatch": (
        "S004",
        lambda _k: _("bentuknya tidak sesuai aturan penulisan (lihat README)"),
    ),
    "too_short": ("S004", _terlalu_pendek),
    "too_long": (
        "S004",
        lambda k: _("paling banyak {max_length} butir").format(max_length=k.get("max_length")),
    ),
    "greater_than": ("S004", _batas(">", "gt")),
    "greater_than_equal": ("S004", _batas(">=", "ge")),
    "less_than": ("S004", _batas("<", "lt")),
    "less_than_equal": ("S004", _batas("<=", "le")),
    "multiple_of": (
        "S004",
        lambda k: _("harus kelipatan {kelipatan}").format(kelipatan=k.get("multiple_of")),
    ),
    "finite_number": ("S004", lambda _k: _("harus angka yang sebenarnya, bukan inf atau nan")),
    "decimal_max_digits": (
        "S004",
        lambda k: _("paling banyak {digit} digit").format(digit=k.get("max_digits")),
    ),
    "decimal_max_places": (
        "S004",
        lambda k: _("paling banyak {digit} angka di belakang koma").format(
            digit=k.get("decimal_places")
        ),
    ),
    "decimal_whole_digits": (
        "S004",
        lambda k: _("paling banyak {digit} digit di depan koma").format(
            digit=k.get("whole_digits")
        ),
    ),
    "date_past": ("S004", lambda _k: _("harus tanggal yang sudah lewat")),
    "date_future": ("S004", lambda _k: _("harus tanggal yang akan datang")),
    "value_error": ("S004", _galat_validator),
    "assertion_error": ("S004", _galat_validator),
    "union_tag_invalid": (
        "S004",
        lambda k: _("'{tag}' bukan salah satu dari: {expected}").format(
            tag=k.get("tag"), expected=k.get("expected_tags")
        ),
    ),
    "union_tag_not_found": (
        "S002",
        lambda k: _("isian '{key}' wajib diisi").format(key=k.get("discriminator")),
    ),
    "recursion_loop": (
        "S004",
        lambda _k: _("nilai ini merujuk ke dirinya sendiri (alias YAML yang berputar)"),
    ),
    "missing": ("S002", lambda _k: _("wajib diisi")),
    "extra_forbidden": ("S001", lambda _k: _("tidak dikenal")),
}
"""pydantic's error type → the code and message of its diagnostic."""


def pesan_galat(galat: Mapping[str, Any]) -> tuple[str, str]:
    """The code and message of one pydantic error (an item of ``errors()``): sakipgen's
    own coded errors as they are, pydantic's types from :data:`JENIS`, and any other
    type as "nilai tidak dapat diterima" naming it (never pydantic's English)."""
    jenis = str(galat.get("type", ""))
    konteks: Konteks = galat.get("ctx") or {}
    if jenis in JENIS:
        kode, pesan = JENIS[jenis]
        return kode, pesan(konteks)
    if jenis in RULES:
        return jenis, str(galat.get("msg", ""))  # a sakipgen code: translated already
    return "S004", _("nilai tidak dapat diterima (jenis galat '{jenis}')").format(jenis=jenis)

"""Every pydantic error a planner can meet is said in Indonesian (and in English with
``--lang en``), never in pydantic's own words ("Input should be …", "Value error, …",
"Field required", "Extra inputs are not permitted").

The error types that can reach a user are found from the models themselves: each
model's core schema is walked, and each kind of schema node names the error types it
raises (pydantic's "Validation Errors" reference); a new kind of node fails the test
until its errors are listed here and translated in ``sakipgen.model.galat``."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path
from typing import Any, get_args

import pytest
from pydantic_core import ValidationError
from pydantic_core.core_schema import CoreSchemaType

from sakipgen.i18n import atur_bahasa
from sakipgen.model.galat import JENIS, pesan_galat
from tests.conftest import periksa

# Schema node → the error types it raises itself (its children raise their own).
GALAT_SKEMA: dict[str, set[str]] = {
    "bool": {"bool_type", "bool_parsing"},
    "int": {"int_type", "int_parsing", "int_parsing_size", "int_from_float"},
    "float": {"float_type", "float_parsing", "finite_number"},
    "decimal": {"decimal_type", "decimal_parsing", "finite_number"},
    "str": {"string_type", "string_unicode"},
    "date": {
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "date_from_datetime_inexact",
    },
    "literal": {"literal_error"},
    "enum": {"enum"},
    "list": {"list_type"},
    "tuple": {"tuple_type"},
    "set": {"set_type"},
    "dict": {"dict_type"},
    "model": {"model_type", "model_attributes_type"},
    "model-fields": {"missing", "extra_forbidden", "model_attributes_type"},
    "model-field": set(),
    "tagged-union": {"union_tag_invalid", "union_tag_not_found"},
    "union": set(),  # the errors of its members
    "nullable": set(),
    "default": set(),
    "definitions": set(),
    "definition-ref": {"recursion_loop"},
    "function-before": {"value_error", "assertion_error"},
    "function-after": {"value_error", "assertion_error"},
    "function-plain": {"value_error", "assertion_error"},
    "function-wrap": {"value_error", "assertion_error"},
    "any": set(),
}
# A constraint of a node → the error type it adds.
GALAT_BATAS: dict[tuple[str, str], str] = {
    ("int", "ge"): "greater_than_equal",
    ("int", "gt"): "greater_than",
    ("int", "le"): "less_than_equal",
    ("int", "lt"): "less_than",
    ("int", "multiple_of"): "multiple_of",
    ("decimal", "ge"): "greater_than_equal",
    ("decimal", "le"): "less_than_equal",
    ("decimal", "max_digits"): "decimal_max_digits",
    ("decimal", "decimal_places"): "decimal_max_places",
    ("str", "min_length"): "string_too_short",
    ("str", "max_length"): "string_too_long",
    ("str", "pattern"): "string_pattern_mismatch",
    ("list", "min_length"): "too_short",
    ("list", "max_length"): "too_long",
    ("dict", "min_length"): "too_short",
    ("dict", "max_length"): "too_long",
}
_TIDAK_DIJALANI = ("metadata", "serialization", "cls", "function", "ref", "config")


_NODE = frozenset(get_args(CoreSchemaType))
"""Every kind of core schema node pydantic-core has."""


def _jenis_skema(schema: Any, found: set[str], batas: set[tuple[str, str]]) -> None:
    if isinstance(schema, dict):
        kind = schema.get("type")
        if kind in _NODE:
            found.add(kind)
            batas.update((kind, k) for k in schema if (kind, k) in GALAT_BATAS)
        for key, value in schema.items():
            if key not in _TIDAK_DIJALANI:
                _jenis_skema(value, found, batas)
    elif isinstance(schema, (list, tuple)):
        for item in schema:
            _jenis_skema(item, found, batas)


def galat_terjangkau() -> tuple[set[str], set[str]]:
    """The schema node kinds of every model a dinas folder is validated with, and the
    pydantic error types they can raise."""
    from sakipgen.model import susunan, validator
    from sakipgen.model.templat import HalamanTemplat

    validator.siapkan()
    kinds: set[str] = set()
    batas: set[tuple[str, str]] = set()
    for model in [*(b.model for b in susunan.BERKAS), HalamanTemplat]:
        _jenis_skema(model.__pydantic_core_schema__, kinds, batas)
    types = {t for k in kinds for t in GALAT_SKEMA.get(k, set())}
    return kinds, types | {GALAT_BATAS[b] for b in batas}


def test_every_schema_node_of_the_models_is_known() -> None:
    kinds, types = galat_terjangkau()
    # The walk sees what the models are made of, or it proves nothing.
    assert {"model", "int", "str", "literal", "list", "dict", "date", "bool"} <= kinds
    assert {"greater_than_equal", "less_than_equal", "too_short", "string_too_short"} <= types
    assert kinds - set(GALAT_SKEMA) == set()


# An example context for the types whose message needs one (pydantic requires it).
KONTEKS: dict[str, dict[str, Any]] = {
    "literal_error": {"expected": "'selisih' or 'rasio'"},
    "enum": {"expected": "'a' or 'b'"},
    "greater_than": {"gt": 0},
    "greater_than_equal": {"ge": 1},
    "less_than": {"lt": 5},
    "less_than_equal": {"le": 4},
    "multiple_of": {"multiple_of": 5},
    "string_too_short": {"min_length": 5},
    "string_too_long": {"max_length": 80},
    "string_pattern_mismatch": {"pattern": "^[A-Z]$"},
    "too_short": {"field_type": "List", "min_length": 2, "actual_length": 1},
    "too_long": {"field_type": "List", "max_length": 3, "actual_length": 4},
    "decimal_max_digits": {"max_digits": 24},
    "decimal_max_places": {"decimal_places": 2},
    "decimal_whole_digits": {"whole_digits": 20},
    "value_error": {"error": ValueError("tahun akhir lebih awal dari tahun mulai")},
    "assertion_error": {"error": AssertionError("x")},
    "union_tag_invalid": {"discriminator": "'jenis'", "tag": "z", "expected_tags": "'a', 'b'"},
    "union_tag_not_found": {"discriminator": "'jenis'"},
    "date_from_datetime_parsing": {"error": "invalid character"},
    "date_parsing": {"error": "invalid character"},
    "model_type": {"class_name": "Profil"},
    "model_attributes_type": {},
    "dataclass_type": {"class_name": "X"},
}
BERMAKNA = {
    "ge", "gt", "le", "lt", "multiple_of", "min_length", "max_length", "max_digits",
    "decimal_places", "whole_digits", "tag",
}  # fmt: skip
"""Context fields whose value a message must show (the bound, the validator's message)."""
INGGRIS = re.compile(
    r"\b(Input|should|valid|Value error|Field required|Extra inputs|permitted|must|"
    r"greater|less|than|equal|characters|items|after|before|parsing)\b"
)
"""Words of pydantic's English messages that no Indonesian message holds."""


def galat(jenis: str) -> dict[str, Any]:
    """One real pydantic error of that type, as ``errors()`` gives it."""
    line: dict[str, Any] = {"type": jenis, "loc": ("x",), "input": "abc"}
    if jenis in KONTEKS:
        line["ctx"] = KONTEKS[jenis]
    exc = ValidationError.from_exception_data("Contoh", [line])  # type: ignore[list-item]
    return dict(exc.errors()[0])


def test_each_reachable_error_type_has_its_own_message() -> None:
    _kinds, types = galat_terjangkau()
    assert types - set(JENIS) == set()
    for jenis in sorted(types):
        err = galat(jenis)
        code, text = pesan_galat(err)
        assert code in ("S001", "S002", "S003", "S004"), jenis
        assert text and text != err["msg"], jenis
        assert INGGRIS.search(text) is None, (jenis, text)
        for key, value in (err.get("ctx") or {}).items():
            if key in BERMAKNA:  # the figure the planner needs is in the message
                assert str(value) in text, (jenis, text)
    # A validator's own message is the message (it was translated where it was raised).
    assert pesan_galat(galat("value_error")) == ("S004", "tahun akhir lebih awal dari tahun mulai")


def test_messages_are_english_with_lang_en() -> None:
    try:
        atur_bahasa("en")
        assert pesan_galat(galat("int_parsing")) == ("S003", "must be a whole number")
        assert pesan_galat(galat("literal_error")) == (
            "S004",
            "must be one of: 'selisih' or 'rasio'",
        )
        assert pesan_galat(galat("less_than_equal")) == ("S004", "must be <= 4")
    finally:
        atur_bahasa("id")
    assert pesan_galat(galat("literal_error")) == (
        "S004",
        "harus salah satu dari: 'selisih' atau 'rasio'",
    )


def test_an_unknown_type_is_named_not_shown_in_english() -> None:
    code, text = pesan_galat({"type": "url_parsing", "msg": "Input should be a valid URL"})
    assert code == "S004" and "url_parsing" in text and INGGRIS.search(text) is None
    # sakipgen's own coded errors pass as they are (translated where raised)
    assert pesan_galat({"type": "N002", "msg": "'x' tidak dapat dibaca"}) == (
        "N002",
        "'x' tidak dapat dibaca",
    )


# --- the same through a dinas folder: a wrong value of every kind of field ------------

SAKIP = """\
pemda: Kabupaten Contoh
dinas: {nama: Dinas Contoh}
kepala: {nama: Budi, jabatan: Kepala Dinas, nip: "19760817 199511 1 003"}
atasan: {jabatan: Bupati Contoh}
profil: {desimal: 2}
periksa:
  abaikan:
    - {kode: K007, alasan: program lama}
"""
RENSTRA = """\
periode: {mulai: 2020, akhir: 2024}
sasaran:
  - id: S1
    uraian: Sasaran satu
    indikator:
      - id: IK1
        uraian: Indikator satu
        satuan: unit
        polaritas: positif
        iku: true
        target: {2021: 10}
"""
SALAH = [
    # (file, text replaced, wrong text, code, message) — the messages written by hand
    ("sakip.yaml", "desimal: 2", "desimal: dua", "S003", "harus bilangan bulat"),
    ("sakip.yaml", "desimal: 2", "desimal: 2.5", "S003", "harus bilangan bulat"),
    ("sakip.yaml", "desimal: 2", "desimal: 7", "S004", "harus <= 4"),
    ("sakip.yaml", "desimal: 2", "desimal: -1", "S004", "harus >= 0"),
    ("sakip.yaml", "desimal: 2", "desimal: [2]", "S003", "harus bilangan bulat"),
    ("sakip.yaml", "pemda: Kabupaten Contoh", "pemda: [a]", "S003", "harus berupa teks"),
    (
        "sakip.yaml",
        "alasan: program lama",
        "alasan: lama",
        "S004",
        "terlalu pendek: minimal 5 karakter",
    ),
    (
        "sakip.yaml",
        "profil: {desimal: 2}",
        "profil: [2]",
        "S003",
        "harus berupa pemetaan (baris-baris 'kunci: nilai')",
    ),
    (
        "renstra.yaml",
        "polaritas: positif",
        "polaritas: naik",
        "S004",
        "harus salah satu dari: 'positif', 'negatif' atau 'stabil'",
    ),
    ("renstra.yaml", "iku: true", "iku: ya", "S003", "harus true atau false"),
    ("renstra.yaml", "sasaran:\n", "sasaran: []\nx:\n", "S004", "tidak boleh kosong"),
    (
        "renstra.yaml",
        "target: {2021: 10}",
        "target: [10]",
        "S003",
        "harus berupa pemetaan (baris-baris 'kunci: nilai')",
    ),
    (
        "renstra.yaml",
        "periode: {mulai: 2020, akhir: 2024}",
        "periode: {mulai: 2024, akhir: 2020}",
        "S004",
        "tahun akhir lebih awal dari tahun mulai",
    ),
    (
        "2021/dokumen.yaml",
        "",
        "pk: {tanggal: 2021-02-30}",
        "S003",
        "harus tanggal dengan bentuk TTTT-BB-HH, misalnya 2021-01-31",
    ),
    (
        "2021/dokumen.yaml",
        "",
        "pk:\n  tanggal: 2021-01-31 10:00:00",
        "S003",
        "harus tanggal tanpa jam, misalnya 2021-01-31",
    ),
    (
        "2021/dokumen.yaml",
        "",
        "pk: {tanggal: [2021-01-31]}",
        "S003",
        "harus tanggal dengan bentuk TTTT-BB-HH, misalnya 2021-01-31",
    ),
    (
        "2021/dokumen.yaml",
        "",
        "pk: {penandatangan: {jabatan: Kepala}}",
        "S002",
        "isian 'nama' wajib diisi",
    ),
    ("2021/realisasi.yaml", "", "indikator: {IK1: {triwulan: {5: 1}}}", "S004", "harus <= 4"),
    (
        "2021/realisasi.yaml",
        "",
        "indikator: {IK1: {triwulan: [1]}}",
        "S003",
        "harus berupa pemetaan (baris-baris 'kunci: nilai')",
    ),
    (
        "2021/realisasi.yaml",
        "",
        "indikator: [IK1]",
        "S003",
        "harus berupa pemetaan (baris-baris 'kunci: nilai')",
    ),
    (
        "2021/anggaran.yaml",
        "",
        "program: {P01: 1}",
        "S003",
        "harus berupa daftar (baris-baris yang diawali '- ')",
    ),
    (
        "2021/anggaran.yaml",
        "",
        "program: [{id: P01, uraian: x, penunjang: 2}]",
        "S003",
        "harus true atau false",
    ),
]


@pytest.mark.parametrize(("berkas", "lama", "baru", "kode", "pesan"), SALAH)
def test_a_wrong_value_of_each_kind_is_said_in_indonesian(
    tmp_path: Path, berkas: str, lama: str, baru: str, kode: str, pesan: str
) -> None:
    folder = tmp_path / "dinas"
    files = {"sakip.yaml": SAKIP, "renstra.yaml": RENSTRA}
    files.setdefault(berkas, "")
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name == berkas:
            assert lama in text, (berkas, lama)
            text = text.replace(lama, baru, 1) if lama else baru + "\n"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    _dinas, diags = periksa(folder, base=folder)
    found = [(d.code, d.message) for d in diags if d.code.startswith("S")]
    assert (kode, pesan) in found, [d.text() for d in diags]
    for d in diags:
        assert INGGRIS.search(d.message) is None, d.text()
    shutil.rmtree(folder)

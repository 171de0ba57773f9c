"""JSON Schemas for editors (``sakipgen schema``): the committed ones are current, every
example validates against them, and they describe what ``check`` reads — no more
(a value ``check`` accepts is never flagged), in Indonesian."""

from __future__ import annotations

import datetime
import inspect
import re
from pathlib import Path, PurePath
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel
from ruamel.yaml import YAML

from sakipgen.load import TAHUN_FILES
from sakipgen.model import nilai
from sakipgen.skema import JENIS, baris_skema, buat_skema, jenis_berkas, nama_berkas, teks_skema
from tests.conftest import EXAMPLES

SCHEMA_DIR = EXAMPLES / "schema"


def example_files() -> list[tuple[Path, str]]:
    """Every YAML file of every example with its kind, decided as the loader does."""
    out: list[tuple[Path, str]] = []
    for sakip in sorted(EXAMPLES.glob("*/sakip.yaml")):
        dinas = sakip.parent
        for path in sorted(dinas.rglob("*.y*ml")):
            rel = path.relative_to(dinas)
            if "build" in rel.parts:
                continue
            jenis = jenis_berkas(rel)
            assert jenis is not None, f"{path}: berkas YAML yang tidak dibaca sakipgen"
            out.append((path, jenis))
    return out


EXAMPLE_FILES = example_files()


def as_json(value: Any) -> Any:
    """YAML data as an editor sees it: keys are text, dates are text."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def load_yaml(path: Path) -> Any:
    return as_json(YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8")))


def validator(jenis: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(buat_skema(jenis))


def errors(jenis: str, data: Any) -> list[str]:
    return [e.message for e in validator(jenis).iter_errors(data)]


# --- the committed schemas ----------------------------------------------------------------


def test_committed_schemas_are_current() -> None:
    """examples/schema is what `sakipgen schema` writes now: regenerate with
    `sakipgen schema --out examples/schema` after changing a model."""
    committed = sorted(p.name for p in SCHEMA_DIR.iterdir())
    assert committed == sorted(nama_berkas(j) for j in JENIS)
    for jenis in JENIS:
        on_disk = (SCHEMA_DIR / nama_berkas(jenis)).read_bytes()
        assert on_disk == teks_skema(jenis).encode("utf-8"), (
            f"examples/schema/{nama_berkas(jenis)} usang: jalankan "
            "'sakipgen schema --out examples/schema'"
        )


def test_schema_command_is_deterministic(tmp_path: Path) -> None:
    from tests.cli.test_cli import sakipgen

    for out in (tmp_path / "a", tmp_path / "b"):
        proc = sakipgen("schema", "--out", str(out))
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.split() == [str(out / nama_berkas(j)) for j in sorted(JENIS)]
    for jenis in JENIS:
        a = (tmp_path / "a" / nama_berkas(jenis)).read_bytes()
        assert a == (tmp_path / "b" / nama_berkas(jenis)).read_bytes()
        assert a == (SCHEMA_DIR / nama_berkas(jenis)).read_bytes()
    default = sakipgen("schema", cwd=tmp_path)
    assert default.returncode == 0
    assert sorted(p.name for p in (tmp_path / "schema").iterdir()) == sorted(
        nama_berkas(j) for j in JENIS
    )


@pytest.mark.parametrize("jenis", sorted(JENIS))
def test_schema_is_valid_draft_07(jenis: str) -> None:
    schema = buat_skema(jenis)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    text = teks_skema(jenis)
    assert "$defs" not in text  # draft-07 keeps definitions under "definitions"


# --- the examples -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "jenis"), EXAMPLE_FILES, ids=[str(p.relative_to(EXAMPLES)) for p, _ in EXAMPLE_FILES]
)
def test_example_validates_against_its_schema(path: Path, jenis: str) -> None:
    found = [
        f"{list(e.absolute_path)}: {e.message}"
        for e in validator(jenis).iter_errors(load_yaml(path))
    ]
    assert found == []


@pytest.mark.parametrize(
    ("path", "jenis"), EXAMPLE_FILES, ids=[str(p.relative_to(EXAMPLES)) for p, _ in EXAMPLE_FILES]
)
def test_example_names_its_schema(path: Path, jenis: str) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == baris_skema(path, SCHEMA_DIR, jenis)
    target = first.split("$schema=", 1)[1]
    assert (path.parent / target).resolve() == (SCHEMA_DIR / nama_berkas(jenis)).resolve()


def test_every_kind_has_examples_but_rencana_aksi_and_tabel_too() -> None:
    assert {j for _, j in EXAMPLE_FILES} == set(JENIS)


def test_kinds_follow_the_loader() -> None:
    for name, model in TAHUN_FILES.items():
        jenis = name.removesuffix(".yaml")
        assert JENIS[jenis][0] is model
        assert jenis_berkas(PurePath("2021", name)) == jenis
    assert jenis_berkas(PurePath("sakip.yaml")) == "sakip"
    assert jenis_berkas(PurePath("renstra.yaml")) == "renstra"
    assert jenis_berkas(PurePath("sipd.yaml")) == "sipd"
    assert jenis_berkas(PurePath("2021/sipd.yaml")) is None
    assert jenis_berkas(PurePath("2021/tabel/umkm.yml")) == "tabel"
    assert jenis_berkas(PurePath("2021/lain.yaml")) is None
    assert jenis_berkas(PurePath("narasi/a.yaml")) is None
    assert jenis_berkas(PurePath("2021/sakip.yaml")) is None


# --- what the schemas say ---------------------------------------------------------------


def _models(root: type[BaseModel]) -> set[type[BaseModel]]:
    """The model and every model its fields use."""
    import typing

    seen: set[type[BaseModel]] = set()
    todo: list[Any] = [root]
    while todo:
        tp = todo.pop()
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp in seen:
                continue
            seen.add(tp)
            todo.extend(f.annotation for f in tp.model_fields.values())
        else:
            todo.extend(typing.get_args(tp))
    return seen


@pytest.mark.parametrize("jenis", sorted(JENIS))
def test_every_field_and_model_is_described_in_indonesian(jenis: str) -> None:
    schema = buat_skema(jenis)
    defs = [schema, *schema.get("definitions", {}).values()]
    for d in defs:
        assert d.get("description"), d.get("title")
        for name, prop in d.get("properties", {}).items():
            assert prop.get("description"), f"{d.get('title')}.{name} tanpa description"
    for model in _models(JENIS[jenis][0]):
        extra = model.model_config.get("json_schema_extra")
        assert isinstance(extra, dict), f"{model.__name__}: tanpa deskripsi skema"
        described = extra["description"]
        doc = inspect.cleandoc(model.__doc__ or "")
        assert described != doc, f"{model.__name__}: deskripsi skema masih docstring Inggris"


def test_unknown_keys_are_flagged() -> None:
    assert errors("target", {"pk": {"indikator": {"IK1.1": 32}}}) == []
    assert errors("target", {"pk": {"indikatr": {"IK1.1": 32}}})
    assert errors("sakip", {"pemda": "X", "dinas": {"nama": "D"}, "kepala": {}, "atasn": {}})


def test_year_keyed_targets() -> None:
    def indikator(target: dict[str, Any]) -> dict[str, Any]:
        sasaran = {"id": "S1", "uraian": "u", "indikator": [{"id": "I", "uraian": "u"}]}
        sasaran["indikator"][0]["target"] = target
        return {"periode": {"mulai": 2021, "akhir": 2025}, "sasaran": [sasaran]}

    assert errors("renstra", indikator({"2021": 32, "2022": "84,03", "2023": None})) == []
    assert errors("renstra", indikator({"2021": "80-90", "2024": "-", "2025": "WTP"})) == []
    assert errors("renstra", indikator({"20211": 32}))
    assert errors("renstra", indikator({"tahun": 32}))
    assert errors("renstra", indikator({"2021": [32]}))


def test_values_as_planners_write_them() -> None:
    base = {"program": [{"id": "P01", "uraian": "u"}]}

    def program(**kv: Any) -> dict[str, Any]:
        return {"program": [{**base["program"][0], **kv}]}

    assert errors("anggaran", program(pagu=1727182400, realisasi="1.576.408.211")) == []
    assert errors("anggaran", program(pagu="Rp 1.727.182.400,00")) == []
    assert errors("anggaran", program(pagu="sejuta"))
    assert errors("anggaran", program(pagu=-5))
    assert errors("anggaran", program(pagu=1500.5))
    assert errors("anggaran", program(id=1, sasaran="S1")) == []  # id as a number; one sasaran
    assert errors("anggaran", program(sasaran=["S1", "S2"])) == []
    assert errors("anggaran", program(id="P 01"))
    assert errors("anggaran", program(indikator="Cakupan pelayanan")) == []
    assert errors("anggaran", program(indikator=[{"uraian": "u", "target": "100%"}])) == []
    assert errors("anggaran", program(kode="2.17.02", nomor=4)) == []
    assert errors("anggaran", program(penunjang="ya"))

    def kepala(nip: Any) -> dict[str, Any]:
        return {
            "pemda": "Kabupaten X",
            "dinas": {"nama": "D"},
            "kepala": {"nama": "N", "jabatan": "J", "nip": nip},
            "atasan": {"jabatan": "Bupati X"},
        }

    assert errors("sakip", kepala("19760817 199511 1 003")) == []
    assert errors("sakip", kepala(197608171995111003)) == []
    assert errors("sakip", kepala("19760817 199511 1 03"))

    assert errors("realisasi", {"indikator": {"IK1.1": 43.3, "IK1.2": "13244 unit"}}) == []
    assert errors("realisasi", {"indikator": {"IK1.1": {"capaian": "90,01", "sumber": "s"}}}) == []
    assert errors("realisasi", {"indikator": {"IK1.1": {"alasan": "tanpa nilai"}}})
    assert errors("realisasi", {"indikator": {"IK1.1": {"nilai": 1, "bulanan": {"13": 1}}}})
    assert errors("dokumen", {"lkjip": {"tanggal": "2021-01-31", "tempat": "Blora"}}) == []
    kolom = ["STATUS", {"judul": "L", "id": "l", "jenis": "angka"}]
    tabel = {"judul": "T", "kolom": kolom, "baris": [["PNS", 1, None, "-"]]}
    assert errors("tabel", tabel) == []


# --- the patterns accept everything the validators accept ---------------------------------

_NUMERIC_TEXT = st.text(alphabet="0123456789.,+- eERrPpIiDdUuSs$", max_size=16)


@given(_NUMERIC_TEXT)
def test_number_pattern_admits_every_number_check_reads(text: str) -> None:
    try:
        nilai.parse_angka(text)
    except Exception:
        return
    assert re.search(nilai.POLA_ANGKA, text), text


@given(_NUMERIC_TEXT)
def test_rupiah_pattern_admits_every_amount_check_reads(text: str) -> None:
    try:
        amount = nilai.rupiah_utuh(text)
    except Exception:
        return
    if amount == 0 and "-" in text:
        return  # "-0": accepted by check, not worth a pattern
    assert re.search(nilai.POLA_RUPIAH, text), text


@pytest.mark.parametrize(
    "text", ["43,30", "1.727.182.400", "Rp 1.727.182.400,00", "Rp. 1.500.000,-", "US$ 12,5", "6825"]
)
def test_number_pattern_examples(text: str) -> None:
    nilai.parse_angka(text)
    assert re.search(nilai.POLA_ANGKA, text)


@given(st.text(alphabet="0123456789 .", min_size=1, max_size=30))
def test_nip_pattern_is_exact(text: str) -> None:
    try:
        nilai._nip(text)
        accepted = True
    except Exception:
        accepted = False
    assert accepted == bool(re.search(nilai.POLA_NIP, text)), text


@given(st.text(alphabet="AZaz09._- /", min_size=1, max_size=70))
def test_id_pattern_is_exact(text: str) -> None:
    try:
        accepted = nilai._id(text) == text
    except Exception:
        accepted = False
    assert accepted == bool(re.search(nilai.POLA_ID, text)), text


@given(st.integers(1900, 2200))
def test_year_pattern_is_exact(year: int) -> None:
    try:
        nilai._tahun(str(year))
        accepted = True
    except Exception:
        accepted = False
    assert accepted == bool(re.search(nilai.POLA_TAHUN, str(year)))


def test_a_program_without_id_and_uraian_holds_unnamed_kegiatan() -> None:
    """Issue 13: kegiatan whose program the source does not name are written under a
    program entry without id and uraian; a program with only one of the two is wrong."""
    v = validator("anggaran")
    tanpa = {"program": [{"kegiatan": [{"uraian": "Pembinaan Pasar", "sasaran": "S2"}]}]}
    assert list(v.iter_errors(tanpa)) == []
    assert list(v.iter_errors({"program": [{"id": "P1", "uraian": "Program satu"}]})) == []
    assert list(v.iter_errors({"program": [{"id": "P1", "kegiatan": []}]}))
    assert list(v.iter_errors({"program": [{"uraian": "Program satu"}]}))

"""A dinas's own templates are code from a stranger: they get plain data, run in a
sandbox with limits, and come from nowhere but the folder and sakipgen itself
(issue 10, "Code execution and escape", "Hangs and memory")."""

from __future__ import annotations

import os
import pickle
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import FunctionType, MethodType
from typing import Any

import pytest
from markupsafe import Markup

from sakipgen.jenis import tahun_bawaan
from sakipgen.model.nilai import Nilai
from sakipgen.pipeline import Pilihan, siapkan
from sakipgen.render import sandbox, susun
from sakipgen.render.data import Data
from sakipgen.render.dokumen import Dokumen
from sakipgen.render.paket import Seksi
from sakipgen.render.sandbox import jangkauan
from tests.conftest import EXAMPLES
from tests.security.alat import sakipgen, salin, teks_docx, tulis

CONTOH = ["blora", "sinjai", "buleleng", "tanjabbar"]


def _dengan_templat(tmp_path: Path, isi: str, nama: str = "pk.xml.j2") -> Path:
    root = salin(tmp_path)
    tulis(root / "templates" / "docx" / nama, isi)
    return root


def _bangun_pk(root: Path) -> Any:
    b = siapkan(root, pilihan=Pilihan(dokumen=True))
    assert b.dinas is not None, b.diagnostics
    return susun(b, "pk", 2021)


# --- plain data only ---------------------------------------------------------------------

_BOLEH = (
    type(None),
    bool,
    int,
    float,
    Decimal,
    str,
    Markup,
    date,
    list,
    tuple,
    dict,
    Data,
    Nilai,
    Seksi,
    Dokumen,
    FunctionType,
    MethodType,
)


@contextmanager
def _tangkap_konteks() -> Iterator[list[dict[str, Any]]]:
    """Every context handed to a template while the block runs."""
    seen: list[dict[str, Any]] = []
    asli = sandbox.render

    def rekam(template: Any, konteks: Any) -> str:
        seen.append(dict(konteks))
        return asli(template, konteks)

    sandbox.render = rekam  # type: ignore[assignment]
    try:
        yield seen
    finally:
        sandbox.render = asli  # type: ignore[assignment]


@pytest.mark.parametrize("contoh", CONTOH)
def test_everything_a_template_can_reach_is_plain_data(contoh: str) -> None:
    b = siapkan(EXAMPLES / contoh, pilihan=Pilihan(dokumen=True))
    assert b.dinas is not None
    with _tangkap_konteks() as seen:
        for jenis in ("rkt", "iku", "pk", "rencana-aksi", "lkjip"):
            tahun = tahun_bawaan(b.dinas, jenis)
            if tahun is not None:
                assert susun(b, jenis, tahun).data is not None
    assert seen
    count = 0
    for konteks in seen:
        for obj in jangkauan(konteks):
            count += 1
            assert isinstance(obj, _BOLEH), f"{type(obj).__name__}: {obj!r:.200}"
            if isinstance(obj, MethodType):
                assert isinstance(obj.__self__, Dokumen) and obj.__name__ in Dokumen.API
            assert not isinstance(obj, Path | os.PathLike | socket.socket)
    assert count > 300  # the walk really went through the data (tanjabbar: ~700)


def test_the_walk_would_catch_a_path() -> None:
    """The check above can fail: a Path hidden in a record is reached."""
    found = list(jangkauan({"x": [Data({"folder": Path("/etc")})]}))
    assert any(isinstance(o, Path) for o in found)


HOSTILE_REACH = [
    "{{ dinas.folder.resolve().joinpath('/etc/hostname').read_text() }}",
    "{{ doc.dinas.folder }}",
    "{{ ident.parse_file('/etc/hostname') }}",
    "{{ ident.model_dump_json() }}",
    "{{ hasil.sasaran[0].sasaran.model_validate_json('{}') }}",
    "{{ doc.narasi.__self__.dinas }}",
    "{{ ().__class__.__base__.__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ doc.paket }}",
    "{{ doc.isi_narasi }}",
    "{{ ''.format }}",
    "{{ doc.tabel_pendukung }}",
]


@pytest.mark.parametrize("ekspresi", HOSTILE_REACH)
def test_template_reaches_nothing_beyond_data(tmp_path: Path, ekspresi: str) -> None:
    root = _dengan_templat(tmp_path, ekspresi)
    hasil = _bangun_pk(root)
    assert hasil.data is None
    assert [d.code for d in hasil.diagnostics] == ["D002"]
    assert "pk.xml.j2:1:1" in str(hasil.diagnostics[0].location)


def test_template_cannot_write_outside(tmp_path: Path) -> None:
    target = tmp_path / "luar.pth"
    root = _dengan_templat(
        tmp_path, "{{ dinas.folder.joinpath('" + str(target) + "').write_text('import os') }}"
    )
    out = sakipgen("build", root, "--doc", "pk")
    assert out.code == 1 and "D002" in out.stderr
    assert not target.exists()


def test_template_reads_no_host_file_into_the_document(tmp_path: Path) -> None:
    host = tmp_path / "rahasia.txt"
    host.write_text("RAHASIA-HOST", encoding="utf-8")
    root = _dengan_templat(
        tmp_path,
        '{{ doc.p("awal") }}{{ dinas.folder.joinpath("' + str(host) + '").read_text() }}',
    )
    out = sakipgen("build", root, "--doc", "pk")
    assert out.code == 1 and "RAHASIA-HOST" not in out.semua
    assert not (root / "build" / "pk-2021.docx").exists()


# --- no pickle from the folder ---------------------------------------------------------------


class _Bom:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, (f"touch {self.marker}",))


@pytest.mark.parametrize("tempat", ["build/.cache/jinja", "build/.cache", "templates/docx"])
def test_planted_bytecode_cache_is_never_unpickled(tmp_path: Path, tempat: str) -> None:
    root = salin(tmp_path)
    marker = tmp_path / "dijalankan"
    folder = root / tempat
    folder.mkdir(parents=True, exist_ok=True)
    payload = pickle.dumps(_Bom(marker))
    # Names Jinja's FileSystemBytecodeCache would look for, and a few others.
    for name in ("__jinja2_x.cache", "pk.xml.j2.cache", "manifest.json", "grafik-0.png"):
        (folder / name).write_bytes(payload)
    assert sakipgen("build", root, "--doc", "all").code == 0
    assert not marker.exists()


def test_a_batch_never_shares_one_dinas_templates_with_another(tmp_path: Path) -> None:
    a = salin(tmp_path, "blora", "a")
    b = salin(tmp_path, "blora", "b")
    tulis(a / "templates" / "docx" / "pk.xml.j2", '{{ doc.p("TEMPLAT MILIK A") }}')
    out = sakipgen("build", a, b, "--doc", "pk", "--jobs", "1")
    assert out.code == 0, out.semua
    assert "TEMPLAT MILIK A" in teks_docx(a / "build" / "pk-2021.docx")
    assert "TEMPLAT MILIK A" not in teks_docx(b / "build" / "pk-2021.docx")
    assert "PERJANJIAN KINERJA" in teks_docx(b / "build" / "pk-2021.docx").upper()


# --- limits ----------------------------------------------------------------------------------

UNBOUNDED = {
    "repeat": '{{ ("x" * 3000000000)|length }}',
    "repeat-list": "{{ ([1] * 3000000000)|length }}",
    "power": "{{ 9 ** 999999 }}",
    "square": (
        "{% set ns = namespace(n=3) %}{% for i in range(40) %}"
        "{% set ns.n = ns.n * ns.n %}{% endfor %}"
    ),
    "nested-range": (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    ),
    "doubling": (
        '{% set ns = namespace(s="x") %}{% for i in range(64) %}'
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}"
    ),
    "append": (
        "{% set l = [] %}{% for i in range(100000) %}{% for j in range(100000) %}"
        '{{ l.append("x") }}{% endfor %}{% endfor %}'
    ),
    "macro-tree": "{% macro f(n) %}{{ f(n) }}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "replace": '{{ ("a" * 1000000).replace("a", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") }}',
    "center": '{{ "x"|center(3000000000) }}',
    "batch": "{{ [1]|batch(3000000000, 0)|list|length }}",
    "printf": '{{ "%0999999999d" % 1 }}',
    "format": '{{ "{:>999999999}".format(1) }}',
    "output": "{% for i in range(100000) %}{{ doc.p('x' * 1000) }}{% endfor %}",
    "recursive-loop": "{% for x in [[1]] recursive %}{{ loop([[1]]) }}{% endfor %}",
    "extends-self": '{% extends "pk.xml.j2" %}',
    "include-self": '{% include "pk.xml.j2" %}',
    "lipsum": "{{ lipsum(100000, False, 100000, 100000) }}",
}


@pytest.mark.parametrize("isi", list(UNBOUNDED.values()), ids=list(UNBOUNDED))
def test_unbounded_template_work_is_a_located_error(tmp_path: Path, isi: str) -> None:
    root = _dengan_templat(tmp_path, isi)
    # No clock: the point is that it returns at all, with a located D002.
    out = sakipgen("build", root, "--doc", "pk")
    assert out.code == 1, out.semua
    assert "D002" in out.stderr, out.semua
    assert "pk.xml.j2" in out.stderr


def test_extends_cycle_is_found_by_check(tmp_path: Path) -> None:
    root = salin(tmp_path)
    tulis(root / "templates" / "docx" / "pk.xml.j2", '{% extends "dasar.xml.j2" %}')
    tulis(root / "templates" / "docx" / "dasar.xml.j2", '{% include "pk.xml.j2" %}')
    out = sakipgen("check", root)
    assert out.code == 1
    assert "pk.xml.j2:1:1: D002" in out.stdout
    assert "pk.xml.j2 → dasar.xml.j2 → pk.xml.j2" in out.stdout


def test_template_syntax_error_is_found_by_check(tmp_path: Path) -> None:
    root = _dengan_templat(tmp_path, '{{ doc.p("a") }}\n{% if %}\n')
    out = sakipgen("check", root)
    assert out.code == 1 and "templates/docx/pk.xml.j2:2:1: D002" in out.stdout


def test_budget_is_generous_for_real_documents() -> None:
    """The limits leave real documents far inside them (steps counted on Blora's LKjIP)."""
    b = siapkan(EXAMPLES / "blora", pilihan=Pilihan(dokumen=True))
    assert b.dinas is not None
    spent: list[int] = []
    anggaran_asli = sandbox.Anggaran

    class Catat(anggaran_asli):  # type: ignore[misc, valid-type]
        def bayar_langkah(self, n: int = 1) -> None:
            super().bayar_langkah(n)
            spent.append(n)

    sandbox.Anggaran = Catat  # type: ignore[misc]
    try:
        assert susun(b, "lkjip", 2021).data is not None
    finally:
        sandbox.Anggaran = anggaran_asli  # type: ignore[misc]
    assert 50 < sum(spent) < sandbox.MAX_LANGKAH // 1000


def test_ordinary_own_template_still_works(tmp_path: Path) -> None:
    """The sandbox takes nothing a real template needs: loops, macros, filters, records."""
    isi = (
        "{% macro baris(t) %}{{ doc.p(t|upper) }}{% endmacro %}"
        "{% for s in hasil.sasaran %}{{ baris(s.sasaran.id ~ ': ' ~ s.sasaran.uraian) }}"
        "{% for h in s.indikator %}{{ doc.p(h.indikator.id ~ ' ' ~ h.target.teks) }}{% endfor %}"
        "{% endfor %}{{ doc.p(ident.dinas.nama|replace('Dinas', 'DINAS')) }}"
        "{{ doc.p(range(3)|join(',')) }}{{ doc.blok_kanan(doc.tanda_tangan(pihak_pertama)) }}"
    )
    root = _dengan_templat(tmp_path, isi)
    hasil = _bangun_pk(root)
    assert hasil.data is not None, hasil.diagnostics
    out = tmp_path / "pk.docx"
    out.write_bytes(hasil.data)
    text = teks_docx(out)
    # Blora's 2021 PK: sasaran S1 and its first indikator with target 32 (2021/target.yaml).
    assert "S1: " in text and "IK1.1 32" in text
    assert "DINAS Perdagangan" in text and "0,1,2" in text


def test_a_sasaran_with_many_indikator_gets_one_chart_each(tmp_path: Path) -> None:
    """One native chart per indikator (its own unit), two to a row under one caption:
    a sasaran with 16 indikator makes 16 small charts, not one unreadable figure, and
    the work grows linearly (nothing is drawn: the office suite draws)."""
    import zipfile

    root = salin(tmp_path)
    extra = 14  # S1 then has 16 indikator
    lines, targets, reals = [], [], []
    for i in range(3, 3 + extra):
        lines.append(
            f"      - id: IK1.{i}\n        uraian: Indikator tambahan {i}\n"
            f"        satuan: unit\n        target: {{2021: {10 * i}}}\n"
        )
        targets.append(f"    IK1.{i}: {10 * i}\n")
        reals.append(f"  IK1.{i}: {9 * i}\n")
    renstra = root / "renstra.yaml"
    text = renstra.read_text(encoding="utf-8")
    anchor = "        target_akhir: 6825\n"
    renstra.write_text(text.replace(anchor, anchor + "".join(lines), 1), encoding="utf-8")
    target = root / "2021" / "target.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("    IK2.2: 70\n", "    IK2.2: 70\n" + "".join(targets)))
    real = root / "2021" / "realisasi.yaml"
    text = real.read_text(encoding="utf-8")
    last = '  IK2.2: 86.70        # tercetak "86,70"\n'
    real.write_text(text.replace(last, last + "".join(reals), 1), encoding="utf-8")

    b = siapkan(root, pilihan=Pilihan(dokumen=True))
    assert b.dinas is not None, b.diagnostics
    hasil = susun(b, "lkjip", 2021)
    assert hasil.data is not None, hasil.diagnostics
    out = tmp_path / "lkjip.docx"
    out.write_bytes(hasil.data)
    with zipfile.ZipFile(out) as zf:
        charts = [zf.read(n).decode() for n in zf.namelist() if n.startswith("word/charts/chart")]
    # S1: 16 column charts and its trend (2020 and 2021 have capaian); S2: 2 and a trend.
    assert sum("<c:barChart>" in c for c in charts) == 16 + 2
    assert sum("<c:lineChart>" in c for c in charts) == 2
    assert any("Indikator tambahan 16 (unit)" in c for c in charts)
    text = teks_docx(out)
    assert text.count("Target dan Realisasi Indikator Sasaran S1 Tahun 2021") == 2  # list + caption

"""User text is always literal text in a valid document; templates are sandboxed; a
failed write never destroys the previous document."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sakipgen.render import susun
from sakipgen.write import tulis_atomik
from tests.baca_docx import buka, teks_dokumen
from tests.conftest import EXAMPLES, perlu
from tests.render.conftest import load, part

HOSTILE = 'Dinas A & B <w:p/> {{ 7*7 }} {% if %} ]]> \\a\\x01 \\"kutip\\"'


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = tmp_path / "blora"
    shutil.copytree(EXAMPLES / "blora", root, ignore=shutil.ignore_patterns("build"))
    sakip = root / "sakip.yaml"
    text = sakip.read_text(encoding="utf-8")
    text = text.replace(
        "  nama: Dinas Perdagangan, Koperasi, Usaha Kecil dan Menengah\n",
        f'  nama: "{HOSTILE}"\n',
    )
    sakip.write_text(text, encoding="utf-8")
    renstra = root / "renstra.yaml"
    r = renstra.read_text(encoding="utf-8").replace(
        "uraian: Persentase koperasi sehat", 'uraian: "Persentase <b>koperasi</b> & {{ sehat }}"'
    )
    renstra.write_text(r, encoding="utf-8")
    return root


@pytest.mark.parametrize("jenis", ["pk", "lkjip"])
def test_hostile_text_is_literal(hostile: Path, jenis: str) -> None:
    hasil = susun(load(hostile), jenis, 2021)
    assert hasil.data is not None, hasil.diagnostics
    xml = part(hasil.data)
    text = teks_dokumen(buka(hasil.data))  # the document still opens: well-formed XML
    literal = 'Dinas A & B <w:p/> {{ 7*7 }} {% if %} ]]>  "kutip"'  # control chars dropped
    assert literal.upper() in text.upper()
    assert "Persentase <b>koperasi</b> & {{ sehat }}" in text
    assert "\x07" not in xml and "\x01" not in xml


def test_template_sandbox_and_errors_are_diagnostics(tmp_path: Path) -> None:
    root = tmp_path / "blora"
    shutil.copytree(EXAMPLES / "blora", root, ignore=shutil.ignore_patterns("build"))
    own = root / "templates" / "docx"
    own.mkdir(parents=True)
    (own / "pk.xml.j2").write_text(
        "{{ ''.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8"
    )
    hasil = susun(load(root), "pk", 2021)
    assert hasil.data is None
    assert [d.code for d in hasil.diagnostics] == ["D002"]
    (own / "pk.xml.j2").write_text("{{ doc.p(undefined_name) }}", encoding="utf-8")
    hasil = susun(load(root), "pk", 2021)
    assert hasil.data is None and hasil.diagnostics[0].code == "D002"
    assert "undefined_name" in hasil.diagnostics[0].message


def test_dinas_template_overrides_builtin(tmp_path: Path) -> None:
    root = tmp_path / "blora"
    shutil.copytree(EXAMPLES / "blora", root, ignore=shutil.ignore_patterns("build"))
    own = root / "templates" / "docx"
    own.mkdir(parents=True)
    (own / "pk.xml.j2").write_text('{{ doc.p("Templat sendiri " ~ tahun) }}', encoding="utf-8")
    hasil = susun(load(root), "pk", 2021)
    assert hasil.data is not None
    assert "Templat sendiri 2021" in part(hasil.data)
    assert "PERJANJIAN KINERJA" not in part(hasil.data)


def test_missing_data_is_a_diagnostic() -> None:
    hasil = susun(load("blora"), "lkjip", 2020)  # 2020 has only printed capaian, no realisasi
    assert hasil.data is None
    assert [d.code for d in hasil.diagnostics] == ["D001"]
    assert "2020" in hasil.diagnostics[0].message


def test_written_files_have_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "doc.docx"
    old = os.umask(0o022)
    try:
        tulis_atomik(target, b"x")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644
    target.chmod(0o640)
    tulis_atomik(target, b"y")
    assert target.stat().st_mode & 0o777 == 0o640


def test_atomic_write_keeps_the_last_good_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "build" / "pk-2021.docx"
    tulis_atomik(target, b"first good")

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        tulis_atomik(target, b"half written")
    assert target.read_bytes() == b"first good"
    assert sorted(p.name for p in target.parent.iterdir()) == ["pk-2021.docx"]


def test_libreoffice_converts_to_pdf(tmp_path: Path) -> None:
    soffice = perlu("writer")["soffice"]
    for jenis in ("pk", "lkjip"):
        hasil = susun(load("blora"), jenis, 2021)
        assert hasil.data is not None
        src = tmp_path / f"{jenis}.docx"
        src.write_bytes(hasil.data)
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
            check=True,
            capture_output=True,
            timeout=180,
            env={**os.environ, "HOME": str(tmp_path)},
        )
        pdf = (tmp_path / f"{jenis}.pdf").read_bytes()
        assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF") and len(pdf) > 20_000


def _png(width: int, height: int) -> bytes:
    """A tiny valid grey PNG, written by hand so the test needs no image library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_logo_on_kop_and_cover(tmp_path: Path) -> None:
    root = tmp_path / "blora"
    shutil.copytree(EXAMPLES / "blora", root, ignore=shutil.ignore_patterns("build"))
    logo = _png(8, 8)
    (root / "logo.png").write_bytes(logo)
    sakip = root / "sakip.yaml"
    sakip.write_text(
        sakip.read_text(encoding="utf-8").replace("  kode_pos:", "  logo: logo.png\n  kode_pos:"),
        encoding="utf-8",
    )
    import zipfile
    from io import BytesIO

    for jenis in ("pk", "lkjip"):
        hasil = susun(load(root), jenis, 2021)
        assert hasil.data is not None
        with zipfile.ZipFile(BytesIO(hasil.data)) as zf:
            media = [zf.read(n) for n in zf.namelist() if n.startswith("word/media/")]
        assert logo in media

"""Every document and workbook the examples build passes a third-party OOXML validator
for Microsoft 365 (openxml-audit): parts in schema order, the parts Word expects
(fontTable, theme), so Word opens them without offering a repair."""

from __future__ import annotations

from pathlib import Path

import pytest
from openxml_audit import FileFormat, OpenXmlValidator

from sakipgen.render import susun
from tests.conftest import CONTOH, bundel, dokumen_contoh


def _galat(path: Path) -> list[str]:
    result = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365).validate(str(path))
    return [f"{e.part_uri or ''} {e.path or ''}: {e.description}" for e in result.errors]


@pytest.mark.parametrize("contoh", CONTOH)
def test_every_example_document_validates(contoh: str, tmp_path: Path) -> None:
    checked = 0
    for jenis, tahun, hasil in dokumen_contoh(contoh):
        assert hasil.data is not None
        path = tmp_path / f"{jenis}-{tahun}.docx"
        path.write_bytes(hasil.data)
        assert _galat(path) == [], path.name
        checked += 1
    assert checked >= 1


def test_the_validator_does_find_a_misordered_settings_part(tmp_path: Path) -> None:
    """The check can fail: the settings order sakipgen wrote before is an error."""
    import io
    import zipfile

    b = bundel("blora")
    hasil = susun(b, "pk", 2021)
    assert hasil.data is not None
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(hasil.data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/settings.xml":
                text = data.decode()
                moved = '<w:updateFields w:val="true"/>'
                text = text.replace(moved, "").replace(
                    "<w:defaultTabStop", moved + "<w:defaultTabStop"
                )
                data = text.encode()
            dst.writestr(info, data)
    path = tmp_path / "salah.docx"
    path.write_bytes(out.getvalue())
    assert any("defaultTabStop" in g for g in _galat(path))


def test_export_workbook_validates(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sakipgen.cli.aplikasi import app
    from tests.conftest import EXAMPLES

    out = tmp_path / "tabel.xlsx"
    result = CliRunner().invoke(
        app, ["export", str(EXAMPLES / "blora"), "--year", "2021", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert _galat(out) == []


def test_chart_workbooks_validate(tmp_path: Path) -> None:
    """The workbook behind each chart (Word's "Edit Data") is written by hand
    (render/diagram.py); it must be a spreadsheet Excel opens as it is."""
    import io
    import zipfile

    hasil = susun(bundel("blora"), "lkjip", 2021)
    assert hasil.data is not None
    with zipfile.ZipFile(io.BytesIO(hasil.data)) as zf:
        books = [n for n in zf.namelist() if n.startswith("word/embeddings/")]
        assert len(books) == 6  # four column charts, two trend lines
        for i, name in enumerate(books):
            path = tmp_path / f"buku{i}.xlsx"
            path.write_bytes(zf.read(name))
            assert _galat(path) == [], name

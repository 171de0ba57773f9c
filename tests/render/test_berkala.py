"""The monitoring report and the E.81 are made each quarter (or month), each report
signed on its own day: ``dokumen.yaml`` ``monitoring``/``e81`` ``triwulan: {N: date}``
and ``bulan: {M: date}``, else the year's ``tanggal``, else dots to write by hand."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from sakipgen.pipeline import Pilihan, siapkan
from sakipgen.render import susun
from tests.conftest import ganti, periksa, salin


def _tanggal(folder: Path, jenis: str, bulan: int, triwulan: int | None) -> tuple[list[str], str]:
    """The place-and-date lines over the signatures, and the package's creation date."""
    b = siapkan(folder, pilihan=Pilihan(dokumen=True, periode=(2021, bulan, triwulan)))
    hasil = susun(b, jenis, 2021)
    assert hasil.data is not None, [d.text() for d in hasil.diagnostics]
    paket = zipfile.ZipFile(io.BytesIO(hasil.data))
    body = paket.read("word/document.xml").decode()
    created = re.search(r"<dcterms:created[^>]*>([^<]*)<", paket.read("docProps/core.xml").decode())
    assert created is not None
    return re.findall(r"Singaraja, [^<]*", body), created.group(1)[:10]


def test_each_quarter_its_own_date(tmp_path: Path) -> None:
    folder = salin(tmp_path, "buleleng")  # monitoring triwulan {3: 2021-10-11}, e81 {3: …15}
    assert _tanggal(folder, "monitoring", 9, 3) == (["Singaraja, 11 Oktober 2021"], "2021-10-11")
    # The E.81's kepala dinas signs on the quarter's day; the Bappeda dates its own.
    assert _tanggal(folder, "e81", 9, 3) == (
        ["Singaraja, 15 Oktober 2021", "Singaraja, " + "." * 20 + " 2021"],
        "2021-10-15",
    )
    # Triwulan II has no date of its own and the year none either: dots.
    assert _tanggal(folder, "monitoring", 6, 2)[0] == ["Singaraja, " + "." * 20 + " 2021"]


def test_a_month_and_the_years_date(tmp_path: Path) -> None:
    folder = salin(tmp_path, "buleleng")
    dokumen = folder / "2021" / "dokumen.yaml"
    ganti(dokumen, "  triwulan: {3: 2021-10-11}", "  tanggal: 2021-12-20\n  bulan: {8: 2021-09-06}")
    assert _tanggal(folder, "monitoring", 8, None)[0] == ["Singaraja, 6 September 2021"]
    # A report with no date of its own takes the year's.
    assert _tanggal(folder, "monitoring", 6, 2)[0] == ["Singaraja, 20 Desember 2021"]


def test_a_report_dated_before_its_period_ends(tmp_path: Path) -> None:
    folder = salin(tmp_path, "buleleng")
    dokumen = folder / "2021" / "dokumen.yaml"
    ganti(dokumen, "triwulan: {3: 2021-10-15}", "triwulan: {3: 2021-09-30, 4: 2022-01-10}")
    ganti(dokumen, "triwulan: {3: 2021-10-11}", "bulan: {8: 2021-08-31}")
    found = [d for d in periksa(folder)[1] if d.code == "K014"]
    assert [(d.location.line, d.message) for d in found] == [
        (
            18,
            "monitoring 2021 bulan 8 bertanggal 2021-08-31, sebelum bulan itu berakhir; "
            "laporan ditandatangani setelah periode yang dilaporkannya",
        ),
        (
            21,
            "e81 2021 triwulan 3 bertanggal 2021-09-30, sebelum triwulan itu berakhir; "
            "laporan ditandatangani setelah periode yang dilaporkannya",
        ),
    ]


def test_the_list_of_unreported_rows_keeps_its_sentence(tmp_path: Path) -> None:
    """Section C of the monitoring report: its sentence "… berikut belum dilaporkan …:"
    goes over to the next page with the list, never ending a page alone."""
    folder = salin(tmp_path, "buleleng")
    b = siapkan(folder, pilihan=Pilihan(dokumen=True, periode=(2021, 9, 3)))
    hasil = susun(b, "monitoring", 2021)
    assert hasil.data is not None
    body = zipfile.ZipFile(io.BytesIO(hasil.data)).read("word/document.xml").decode()
    paragraf = re.findall(r"<w:p>(?:(?!</w:p>).)*</w:p>", body)
    kalimat = [p for p in paragraf if "berikut belum dilaporkan" in p]
    assert len(kalimat) == 1 and "<w:keepNext/>" in kalimat[0]
    daftar = paragraf[paragraf.index(kalimat[0]) + 1]
    assert "Bulan 7, 8, 9" in daftar  # the row the example leaves unreported

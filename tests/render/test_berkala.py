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


def _teks(folder: Path, jenis: str, bulan: int, triwulan: int) -> str:
    b = siapkan(folder, pilihan=Pilihan(dokumen=True, periode=(2021, bulan, triwulan)))
    hasil = susun(b, jenis, 2021)
    assert hasil.data is not None, [d.text() for d in hasil.diagnostics]
    body = zipfile.ZipFile(io.BytesIO(hasil.data)).read("word/document.xml").decode()
    return re.sub(r"<[^>]+>", "", body)


def test_a_quarter_before_the_pk_perubahan_is_on_the_pk(tmp_path: Path) -> None:
    """Issue 24: Buleleng's PK Perubahan is dated 29 Oktober 2021, after triwulan III
    ended: the triwulan III reports are on the Perjanjian Kinerja, and say so; the
    triwulan IV ones on the PK Perubahan."""
    folder = salin(tmp_path, "buleleng")
    tw3 = _teks(folder, "monitoring", 9, 3)
    assert "atas Perjanjian Kinerja Tahun 2021".upper() in tw3
    assert "PERUBAHAN TAHUN 2021" not in tw3
    catatan = (
        "PK Perubahan Tahun 2021 ditandatangani 29 Oktober 2021, sesudah akhir Triwulan III; "
        "yang diukur adalah target Renstra Tahun 2021, yang berlaku saat itu."
    )
    assert catatan in tw3 and catatan in _teks(folder, "e81", 9, 3)
    tw4 = _teks(folder, "monitoring", 12, 4)
    assert "atas Perjanjian Kinerja Perubahan Tahun 2021".upper() in tw4
    assert "ditandatangani 29 Oktober" not in tw4


def test_the_e81_says_what_it_does_not_grade(tmp_path: Path) -> None:
    teks = _teks(salin(tmp_path, "buleleng"), "e81", 9, 3)
    assert "kinerja 4 dari 36 baris, anggaran 0 dari 26 program dan kegiatan" in teks
    assert (
        "Anggaran (Rp) tidak dinilai — realisasi anggaran 2017-2020 belum diketahui (kolom 6): "
        "semua baris"
    ) in teks
    assert "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota (dihitung di 6.1)" in teks
    assert "7.1 (= 6.1)" in teks

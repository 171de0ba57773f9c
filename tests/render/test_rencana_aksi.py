"""Rencana Aksi atas PK Perubahan 2021, Buleleng (seed 003).

Expected values are read by hand from ``examples/buleleng/2021/rencana-aksi.yaml``:
the eselon II table has 7 rows (S1 … S7); eselon III 4 + 5 + 2 + 1 + 2 + 1 + 1 = 16
(sasaran 1 … 7); eselon IV 9 + 6 + 5 + 1 + 4 + 2 + 1 = 28; staf 64 (rows 1-11 with
row 4 twice, rows 16-64 with 28, 55 and 64 twice: 12 + 49 + 3).  The P03/K03.1 row of
eselon III and the SK03.1.1 row of eselon IV carry 67804324, printed 67.804.324;
staf row 10 runs 1 Laporan … 12 Laporan, and its penanggung jawab (Pengelola Data) is
printed once, at row 6, for rows 6-10.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx.enum.section import WD_ORIENT

from sakipgen.jenis import tahun_bawaan
from sakipgen.pipeline import Bundel
from sakipgen.render import susun
from sakipgen.render.rencana_aksi import _gabung, _kata
from tests.baca_docx import (
    Baris,
    Document,
    Paragraph,
    Table,
    buka,
    gabung,
    gaya,
    nomor_halaman,
    paragraf,
    properti_tabel,
    sel,
    sel_grid,
    teks_tabel,
    ukuran_huruf,
)
from tests.baca_docx import baris_isi as body_rows
from tests.baca_docx import baris_kepala as header_rows
from tests.baca_docx import teks_baris as cells
from tests.conftest import EXAMPLES, bundel
from tests.render.conftest import part

BULELENG = EXAMPLES / "buleleng"
NAMA = "Dinas Perdagangan, Perindustrian dan Koperasi, Usaha Kecil dan Menengah"
DINAS = f"{NAMA} Kabupaten Buleleng".upper()
IK11 = "Persentase koperasi yang memiliki dan menerapkan pengetahuan dan kemampuan berkoperasi"
PKP = "Perjanjian Kinerja Perubahan"
LANSKAP_LEBAR = 16838 - 1418 - 1134


def load(folder: Path, *tahun: int) -> Bundel:
    return bundel(folder, *tahun)


def docx(folder: Path = BULELENG, tahun: int = 2021) -> bytes:
    hasil = susun(load(folder), "rencana-aksi", tahun)
    assert hasil.data is not None, [d.text() for d in hasil.diagnostics]
    return hasil.data


def lampiran(dok: Document) -> list[tuple[list[str], Table]]:
    """The rencana aksi lampiran tables (those with repeating header rows), each with
    the title lines printed just before it: its LAMPIRAN heading (two lines), then the
    subtitle."""
    out = []
    titles: list[str] = []
    for block in dok.iter_inner_content():
        if isinstance(block, Paragraph):
            if gaya(block) in ("Heading1", "JudulTabel"):
                titles += block.text.split("\n")
        else:
            if header_rows(block) and len(titles) > 1 and titles[1].startswith("RENCANA AKSI"):
                out.append((titles, block))
            titles = []
    return out


def merge(tr: Baris, index: int) -> str | None:
    """``restart``, ``continue`` or None for the cell at ``index`` (cells, not grid)."""
    return gabung(sel(tr)[index])


def column(tbl: Table, judul: str) -> int:
    """Index of a column by its header text (first header row; the month group spans)."""
    grid = [c.text for c in sel_grid(header_rows(tbl)[0])]
    if judul not in grid:
        raise AssertionError(f"no column {judul!r}")
    return grid.index(judul)


@pytest.fixture(scope="module")
def data() -> bytes:
    return docx()


@pytest.fixture(scope="module")
def root(data: bytes) -> Document:
    return buka(data)


@pytest.fixture(scope="module")
def tables(root: Document) -> list[tuple[list[str], Table]]:
    return lampiran(root)


def test_default_year() -> None:
    assert tahun_bawaan(load(BULELENG).dinas, "rencana-aksi") == 2021
    assert tahun_bawaan(load(EXAMPLES / "blora").dinas, "rencana-aksi") is None


def test_cover_and_front_matter(root: Document, data: bytes) -> None:
    paras = paragraf(root)
    sampul = [t for s, t in paras if s == "Sampul" and t]
    assert sampul[0].upper() == "RENCANA AKSI ATAS PERJANJIAN KINERJA (PK) PERUBAHAN 2021"
    assert sampul[1:] == [
        "Dinas Perdagangan, Perindustrian dan Koperasi, Usaha Kecil dan Menengah",
        "Kabupaten Buleleng",
    ]
    h1 = [t for s, t in paras if s == "Heading1"]
    assert h1 == [
        "KATA PENGANTAR",
        "DAFTAR ISI",
        "BAB I\nPENDAHULUAN",
        "BAB II\nRENCANA AKSI ATAS PERJANJIAN KINERJA",
        "BAB III\nPENUTUP",
        # Every lampiran is in the table of contents; the narrative cites the first.
        "LAMPIRAN I\nINDIKATOR KINERJA UTAMA",
        *(
            f"LAMPIRAN {n}\nRENCANA AKSI ATAS PERJANJIAN KINERJA {e} TAHUN 2021"
            for n, e in (
                ("II", "ESELON II"),
                ("III", "ESELON III"),
                ("IV", "ESELON IV"),
                ("V", "STAF"),
            )
        ),
    ]
    h2 = [t for s, t in paras if s == "Heading2"]
    assert h2 == [
        "1.1 Latar Belakang",
        "1.2 Maksud dan Tujuan",
        "1.3 Dasar Hukum",
        "1.4 Tugas, Fungsi dan Struktur Organisasi",
        "2.1 Tujuan dan Sasaran",
        "2.2 Indikator Kinerja Utama",
    ]
    h3 = [t for s, t in paras if s == "Heading3"]
    assert h3 == [
        "1.4.1 Tugas Pokok dan Fungsi",
        "1.4.2 Struktur Organisasi Dinas Perdagangan, Perindustrian dan Koperasi, "
        "Usaha Kecil dan Menengah Kabupaten Buleleng",
    ]
    # python-docx does not model field codes: the XML part
    assert "TOC \\o &quot;1-3&quot;" in part(data)
    # The TOC's visible result lists the headings.
    toc = [t for s, t in paras if s.startswith("TOC") and t]
    assert toc[:3] == ["KATA PENGANTAR", "DAFTAR ISI", "BAB I PENDAHULUAN"]


def test_narrative_and_signature(root: Document) -> None:
    paras = [t for _, t in paragraf(root)]
    joined = "\n".join(paras)
    assert "Puji syukur ke hadapan Tuhan Yang Maha Esa" in joined  # kata-pengantar.md
    assert "Instruksi Presiden Nomor 5 Tahun 2004" in joined  # bab3/penutup.md
    # The signature block of BAB III (a borderless table).
    ttd = [teks_tabel(t) for t in root.tables if "NIP." in teks_tabel(t)]
    assert len(ttd) == 1
    assert "Singaraja, 29 Oktober 2021" in ttd[0]
    assert "Drs. Dewa Made Sudiarta,\u00a0M.Si" in ttd[0]
    assert "NIP. 19741014 199311 1 001" in ttd[0]


def test_sections(root: Document) -> None:
    sects = list(root.sections)
    # cover, front matter (i, ii), BAB I-III (1 …), then one landscape section per table
    assert len(sects) == 7
    num = [nomor_halaman(s) for s in sects]
    assert num[0] is None
    assert num[1] == ("lowerRoman", "1")
    assert num[2] == ("decimal", "1")
    orient = [s.orientation for s in sects]
    assert orient == [WD_ORIENT.PORTRAIT] * 3 + [WD_ORIENT.LANDSCAPE] * 4


def test_lampiran_tables(tables: list[tuple[list[str], Table]]) -> None:
    assert [t for t, _ in tables] == [
        [f"LAMPIRAN {n}", f"RENCANA AKSI ATAS PERJANJIAN KINERJA {e} TAHUN 2021", DINAS]
        for n, e in (("II", "ESELON II"), ("III", "ESELON III"), ("IV", "ESELON IV"), ("V", "STAF"))
    ]
    assert [len(body_rows(tbl)) for _, tbl in tables] == [7, 16, 28, 64]
    for _, tbl in tables:
        assert len(header_rows(tbl)) == 3
        grid = [c.width.twips if c.width is not None else 0 for c in tbl.columns]
        assert sum(grid) == LANSKAP_LEBAR
        assert min(grid) >= 250
        months = cells(header_rows(tbl)[1])
        assert [m for m in months if m] == [str(i) for i in range(1, 13)]
        assert cells(header_rows(tbl)[2])[:3] == ["(1)", "(2)", "(3)"]


def test_lampiran_columns(tables: list[tuple[list[str], Table]]) -> None:
    heads = [[c for c in cells(header_rows(tbl)[0]) if c] for _, tbl in tables]
    assert heads[0] == [
        "No",
        "Sasaran Strategis",
        "Indikator Kinerja",
        "TARGET BULANAN",
        "Target Tahunan",
        "Penanggung Jawab",
    ]
    assert heads[1] == [
        "No",
        "Sasaran Strategis",
        "Indikator Kinerja",
        "Program/Kegiatan",
        "TARGET BULANAN",
        "Target Tahunan",
        "Anggaran (Rp)",
        "Penanggung Jawab",
    ]
    # The kegiatan and its sub kegiatan in separate columns, as the seed prints them.
    assert heads[2][3:5] == ["Program/Kegiatan", "Sub Kegiatan"]
    assert heads[3] == [
        "No",
        "Sasaran",
        "Indikator Kinerja",
        "TARGET BULANAN",
        "Target Tahunan",
        "Penanggung Jawab",
    ]


def test_the_annual_rule_is_stated_under_each_table(root: Document) -> None:
    """rencana-aksi.yaml: eselon II is cumulative throughout; eselon III, IV and staf
    mix cumulative rows with rows read per period (kumulatif: false)."""
    notes = [t for s, t in paragraf(root) if s == "Catatan"]
    assert notes == [
        "Target Tahunan: target bulan terakhir (target bulanan bersifat kumulatif).",
        *[
            "Target Tahunan: jumlah target bulanan; yang bertanda *: target bulan terakhir "
            "(target bulanan bersifat kumulatif)."
        ]
        * 3,
    ]


def test_eselon_ii(tables: list[tuple[list[str], Table]]) -> None:
    _, tbl = tables[0]
    rows = body_rows(tbl)
    first = cells(rows[0])
    assert first[:3] == [
        "1",
        "Meningkatnya Koperasi Aktif dan Inovatif",
        IK11,
    ]
    months = "- - 19,37% 25,83% 32,29% 38,74% 45,21% 51,67% 58,11% 64,58% 71,04% 77,5%"
    assert first[3:15] == months.split()
    assert first[15:] == ["77,5%", "Kepala Dinas"]
    # IK6.1: one value, in April; the year's figure is that value.
    assert cells(rows[5])[3:16] == ["-"] * 3 + ["86"] + ["-"] * 8 + ["86"]
    assert cells(rows[6])[14:16] == ["12 Dokumen", "12 Dokumen"]
    # "Kepala Dinas" printed once, merged over the seven rows.
    pj = column(tbl, "Penanggung Jawab")
    assert [merge(r, pj) for r in rows] == ["restart"] + ["continue"] * 6


def test_eselon_iii(tables: list[tuple[list[str], Table]]) -> None:
    _, tbl = tables[1]
    rows = body_rows(tbl)
    ang = column(tbl, "Anggaran (Rp)")
    # Sasaran 1 (No and Sasaran merged over its four rows).
    assert [merge(r, 0) for r in rows[:5]] == ["restart"] + ["continue"] * 3 + ["restart"]
    row = cells(rows[2])
    assert row[3] == (
        "Penilaian Kesehatan Koperasi Simpan Pinjam/Unit Simpan Pinjam Koperasi yang "
        "Wilayah Keanggotaannya dalam Daerah Kabupaten/Kota"
    )
    assert row[4:16] == ["-", "-", "18%", "-", "-", "36%", "-", "-", "54%", "-", "-", "72%"]
    # A cumulative row's annual figure is its last month; marked, as this table mixes
    # cumulative rows with summed ones (the note under the table says so).
    assert row[16] == "72% *"
    assert row[ang] == "67.804.324"
    # The kegiatan K06.1 is printed once over its three rows; each row its own amount.
    assert [merge(r, 3) for r in rows[4:8]] == ["restart", "continue", "continue", None]
    assert [cells(r)[ang] for r in rows[4:7]] == ["206.724.200", "88.476.946", "57.221.960"]
    # "Jumlah produk UMKM": per-period values, annual figure as written.
    assert cells(rows[8])[16] == "20 Produk"
    assert cells(rows[-1])[ang] == "5.746.648.761"


def test_eselon_iv(tables: list[tuple[list[str], Table]]) -> None:
    _, tbl = tables[2]
    rows = body_rows(tbl)
    ang = column(tbl, "Anggaran (Rp)")
    tahunan = column(tbl, "Target Tahunan")
    row = cells(rows[4])
    assert row[2] == "Jumlah koperasi yang dinilai tingkat kesehatannya"
    # Its kegiatan (K03.1) and sub kegiatan (SK03.1.1) in two columns.
    assert row[3:5] == [
        "Penilaian Kesehatan Koperasi Simpan Pinjam/Unit Simpan Pinjam Koperasi yang "
        "Wilayah Keanggotaannya dalam Daerah Kabupaten/Kota",
        "Pelaksanaan Penilaian Kesehatan KSP/USP Koperasi Kewenangan Kabupaten/Kota",
    ]
    koperasi = {4: "10 Koperasi", 9: "20 Koperasi", 12: "30 Koperasi"}
    assert row[5:17] == [koperasi.get(m, "-") for m in range(1, 13)]
    assert row[ang] == "67.804.324"
    # Three rows of SK04.1.1: the sub kegiatan and its pagu printed once.
    assert [merge(r, ang) for r in rows[5:8]] == ["restart", "continue", "continue"]
    assert cells(rows[5])[ang] == "310.900.622"
    assert sum("310.900.622" in cells(r) for r in rows) == 1
    # Per-period row: 1 Koperasi in months 7-10 adds up to 4 Koperasi.
    assert cells(rows[1])[tahunan] == "4 Koperasi"


def test_staf(tables: list[tuple[list[str], Table]]) -> None:
    _, tbl = tables[3]
    rows = body_rows(tbl)
    pj = column(tbl, "Penanggung Jawab")
    numbers = [cells(r)[0] for r in rows if merge(r, 0) != "continue"]
    assert numbers[:12] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "16"]
    assert numbers[-1] == "64"
    by_no = {cells(r)[0]: (i, r) for i, r in enumerate(rows) if cells(r)[0]}
    i10, row10 = by_no["10"]
    assert cells(row10)[1:3] == [
        "Tersedianya laporan pengaduan masyarakat umum",
        "Jumlah laporan pengaduan masyarakat umum",
    ]
    assert cells(row10)[3:15] == [f"{m} Laporan" for m in range(1, 13)]
    assert cells(row10)[15] == "12 Laporan *"  # cumulative, in a table that mixes
    # Pengelola Data: printed at row 6, merged down to row 10.
    i6, row6 = by_no["6"]
    assert cells(row6)[pj] == "Pengelola Data"
    assert [merge(r, pj) for r in rows[i6 : i10 + 1]] == ["restart"] + ["continue"] * 4
    # Row 4 has two indikator under one sasaran: No and Sasaran merged.
    i4, row4 = by_no["4"]
    assert merge(row4, 0) == "restart" and merge(rows[i4 + 1], 0) == "continue"
    # target_tahunan as written (row 41), the months all "-".
    assert cells(by_no["41"][1])[3:16] == ["-"] * 12 + ["250 Dokumen"]


def test_small_font_and_margins(tables: list[tuple[list[str], Table]]) -> None:
    for _, tbl in tables:
        sizes = ukuran_huruf(tbl)
        assert sizes and max(sizes) <= 8  # 8 pt at most with twelve month columns
        assert "tblCellMar" in properti_tabel(tbl)


def test_one_font_size_for_every_tingkat_table(
    tables: list[tuple[list[str], Table]],
) -> None:
    """Issue 12: the tingkat tables are one kind of table, printed in one size: the one
    the widest of them needs (the staf table's 20 columns need the smallest, 6 pt),
    though the eselon II table alone has room for a larger one."""
    assert len(tables) == 4
    per_table = [ukuran_huruf(tbl) for _, tbl in tables]
    assert all(s == {6.0} for s in per_table), per_table


def test_deterministic() -> None:
    assert docx() == docx()


def copy(tmp_path: Path) -> Path:
    folder = tmp_path / "buleleng"
    shutil.copytree(BULELENG, folder, ignore=shutil.ignore_patterns("build"))
    return folder


def test_without_narrative(tmp_path: Path) -> None:
    folder = copy(tmp_path)
    shutil.rmtree(folder / "2021" / "narasi")
    root = buka(docx(folder))
    paras = paragraf(root)
    h2 = [t for s, t in paras if s == "Heading2"]
    assert h2[0] == "1.1 Latar Belakang" and h2[-1] == "2.2 Indikator Kinerja Utama"
    joined = "\n".join(t for _, t in paras)
    assert "Rencana Aksi atas Perjanjian Kinerja Perubahan Tahun 2021" in joined
    assert "Peraturan Presiden Nomor 29 Tahun 2014" in joined
    assert "7.\tTerwujudnya Penataan dan Pengelolaan SKPD yang Akuntabel" in joined
    # The PK Perubahan targets are Lampiran I (the standard BAB II points to it).
    i = next(i for i, (s, t) in enumerate(paras) if t == "LAMPIRAN I\nINDIKATOR KINERJA UTAMA")
    assert paras[i + 1] == ("JudulTabel", f"Indikator Kinerja Utama dan Target {PKP} Tahun 2021")
    assert [len(body_rows(tbl)) for _, tbl in lampiran(root)] == [7, 16, 28, 64]


def test_not_perubahan(tmp_path: Path) -> None:
    folder = copy(tmp_path)
    target = folder / "2021" / "target.yaml"
    target.write_text(target.read_text().replace("pk_perubahan:", "pk:"), encoding="utf-8")
    paras = paragraf(buka(docx(folder)))
    sampul = [t for s, t in paras if s == "Sampul" and t]
    assert sampul[0] == "Rencana Aksi atas Perjanjian Kinerja (PK) 2021"


def test_triwulan_and_escaping(tmp_path: Path) -> None:
    folder = copy(tmp_path)
    ra = folder / "2021" / "rencana-aksi.yaml"
    ra.write_text(
        ra.read_text(encoding="utf-8")
        + """
  - tingkat: eselon_ii
    periode: triwulan
    kumulatif: false
    baris:
      - uraian: Jumlah <b>laporan</b> & "rapat"
        target: [1 Laporan, 1 Laporan, "-", 2 Laporan]
        penanggung_jawab: Sekretaris
""",
        encoding="utf-8",
    )
    data = docx(folder)
    tables = lampiran(buka(data))
    assert len(tables) == 5
    titles, tbl = tables[1]  # the second eselon II table comes before eselon III
    assert titles[:2] == [
        "LAMPIRAN III",
        "RENCANA AKSI ATAS PERJANJIAN KINERJA ESELON II TAHUN 2021",
    ]
    assert [c for c in cells(header_rows(tbl)[0]) if c] == [
        "No",
        "Indikator Kinerja",
        "TARGET TRIWULAN",
        "Target Tahunan",
        "Penanggung Jawab",
    ]
    assert cells(header_rows(tbl)[1])[2:6] == ["Tw I", "Tw II", "Tw III", "Tw IV"]
    assert cells(body_rows(tbl)[0]) == [
        "1",
        'Jumlah <b>laporan</b> & "rapat"',
        "1 Laporan",
        "1 Laporan",
        "-",
        "2 Laporan",
        "4 Laporan",
        "Sekretaris",
    ]
    # the escaping itself is in the XML part
    assert "Jumlah &lt;b&gt;laporan&lt;/b&gt; &amp; &quot;rapat&quot;" in part(data)


def test_missing_rencana_aksi(tmp_path: Path) -> None:
    folder = copy(tmp_path)
    (folder / "2021" / "rencana-aksi.yaml").unlink()
    hasil = susun(load(folder), "rencana-aksi", 2021)
    assert hasil.data is None
    assert [d.code for d in hasil.diagnostics] == ["D001"]
    assert "rencana-aksi.yaml" in hasil.diagnostics[0].text()


def test_helpers() -> None:
    assert _kata("Simpan Pinjam/Unit  e-purchasing") == [
        "Simpan",
        "Pinjam/",
        "Unit",
        "e-",
        "purchasing",
    ]
    assert _gabung(["a", "a", None, None, "b", "b", "b", "c"]) == [2, 0, 1, 1, 3, 0, 0, 1]


def test_a_table_with_three_kinds_of_rows_says_which_is_which(tmp_path: Path) -> None:
    """Issue 13: Buleleng's eselon II table is cumulative; IK1.1 given sifat rata_rata
    takes the mean of its ten months, (19,37 + 25,83 + 32,29 + 38,74 + 45,21 + 51,67 +
    58,11 + 64,58 + 71,04 + 77,5) / 10 = 48,434 → 48,43; IK4.1 given sifat jumlah sums
    them, 505,1. The note names all three rules and the marks."""
    from tests.conftest import atur_sifat, salin

    root = salin(tmp_path, "buleleng")
    for ident, sifat in (("IK1.1", "rata_rata"), ("IK4.1", "jumlah")):
        atur_sifat(root / "renstra.yaml", ident, sifat)
    dok = buka(docx(root))
    notes = [t for s, t in paragraf(dok) if s == "Catatan"]
    assert notes[0] == (
        "Target Tahunan: jumlah target bulanan; yang bertanda *: target bulan terakhir "
        "(target bulanan bersifat kumulatif); yang bertanda **: rata-rata target bulanan."
    )
    _judul, eselon_ii = lampiran(dok)[0]
    annual = [cells(r)[column(eselon_ii, "Target Tahunan")] for r in body_rows(eselon_ii)]
    assert "48,43% **" in annual and "505,1%" in annual

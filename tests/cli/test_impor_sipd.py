"""`sakipgen import DIR FILE --from sipd`: the budget from a SIPD export into
`<tahun>/anggaran.yaml`, in both layouts (tests/fixtures/sipd/README.md).

Expected lines are written from the fixture by hand: sub kegiatan 7.01.02.2.01.01 has
pagu 265.000.000 (pagumurni 250.000.000 is the original), realisasi 245.422.100, one
sumber dana and two indikator; 7.01.02.2.01.0002 has two sumber dana rows (DAK Non
Fisik 40.000.000, APBD 15.000.000) and one indikator, its name written after its code.
"""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_impor import isi, jalankan, tulis_buku
from tests.conftest import ROOT, salin

DATAR = ROOT / "tests" / "fixtures" / "sipd" / "sub-kegiatan-datar.csv"


def test_flat_export_into_an_existing_anggaran(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    before = isi(folder)
    code, out, err = jalankan("import", str(folder), str(DATAR), "--from", "sipd", "--year", "2021")
    assert code == 0, err
    after = isi(folder)
    assert [f for f in before if before[f] != after[f]] == ["2021/anggaran.yaml"]
    text = after["2021/anggaran.yaml"].decode()
    # P03 "Program Pemberdayaan Usaha Menengah, …" matched by its name: it keeps its
    # id, sasaran and figures and gains its kode right after its id.
    assert '  - id: P03\n    kode: "7.01.02"\n    uraian: Program Pemberdayaan Usaha' in text
    assert (
        "          - uraian: Pemberdayaan Kelembagaan Potensi dan Pengembangan Usaha Mikro\n"
        '            kode: "7.01.02.2.01.01"\n'
        "            indikator:\n"
        "              - {uraian: Jumlah UMKM yang dibina, satuan: Unit Usaha, target: 250}\n"
        "              - {uraian: Jumlah dokumen pendataan UMKM, satuan: Dokumen, target: 1}\n"
        "            pagu: 265000000\n"
        "            realisasi: 245422100\n"
        "            sumber_dana:\n"
        "              - {sumber: APBD, jumlah: 265000000}\n"
    ) in text
    assert (
        "            sumber_dana:\n"
        "              - {sumber: DAK Non Fisik, jumlah: 40000000}\n"
        "              - {sumber: APBD, jumlah: 15000000}\n"
    ) in text
    # The program SIPD has and the file has not: appended as P10, marked penunjang.
    assert text.endswith(
        "  - id: P10\n"
        '    kode: "7.01.01"\n'
        "    uraian: PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA\n"
        "    penunjang: true\n"
        "    kegiatan:\n"
        '      - kode: "7.01.01.1.02"\n'
        "        uraian: Administrasi Keuangan Perangkat Daerah\n"
        "        sub_kegiatan:\n"
        '          - kode: "7.01.01.1.02.0001"\n'
        "            uraian: Penyediaan Gaji dan Tunjangan ASN\n"
        "            pagu: 1250000000\n"
        "            realisasi: 1180500000\n"
        "            sumber_dana:\n"
        "              - {sumber: DAU, jumlah: 1250000000}\n"
        "            indikator:\n"
        # one line would be wider than 100 characters: a block
        "              - uraian: Jumlah orang yang menerima gaji dan tunjangan ASN\n"
        "                satuan: Orang/bulan\n"
        "                target: 42\n"
    )
    assert "program ditambah" in out and "1.250.000.000" in out
    assert "X005" in err and "program P01 tidak ada di berkas SIPD" in err
    code, _out, err = jalankan("check", str(folder))
    assert code == 0, err
    # Imported again: everything matches by kode now, nothing changes.
    code, _out, err = jalankan(
        "import", str(folder), str(DATAR), "--from", "sipd", "--year", "2021"
    )
    assert code == 0 and "Tidak ada nilai yang berubah" in err
    assert isi(folder) == after


def test_a_changed_pagu_changes_that_line_only(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    assert jalankan("import", str(folder), str(DATAR), "--from", "sipd", "--year", "2021")[0] == 0
    before = isi(folder)
    changed = tmp_path / "perubahan.csv"
    changed.write_text(
        DATAR.read_text().replace(";55.000.000;54.100.000;", ";57.500.000;54.100.000;")
    )
    code, out, err = jalankan(
        "import", str(folder), str(changed), "--from", "sipd", "--year", "2021"
    )
    assert code == 0, err
    after = isi(folder)
    a = before["2021/anggaran.yaml"].decode().splitlines()
    b = after["2021/anggaran.yaml"].decode().splitlines()
    assert [(x, y) for x, y in zip(a, b, strict=True) if x != y] == [
        ("            pagu: 55000000", "            pagu: 57500000")
    ]
    assert "55.000.000 → 57.500.000" in out


def _berjenjang(path: Path, kode_kolom: str = "Kode", pagu_kolom: str = "Anggaran") -> Path:
    """A SIPD report as Excel: titles, a header row, then urusan, bidang, program,
    kegiatan, sub kegiatan and account rows in one Kode column."""
    rows: list[list[object]] = [
        ["PEMERINTAH KABUPATEN BLORA"],
        ["REKAPITULASI ANGGARAN DAN REALISASI PER SUB KEGIATAN TAHUN 2019"],
        [],
        [kode_kolom, "Uraian", pagu_kolom, "Realisasi", "%"],
        ["7", "URUSAN PEMERINTAHAN BIDANG KOPERASI", 400000000, 380000000, 95],
        ["7.01", "BIDANG KOPERASI, USAHA KECIL DAN MENENGAH", 400000000, 380000000, 95],
        ["7.01.02", "PROGRAM PEMBERDAYAAN UMKM", 400000000, 380000000, 95],
        ["7.01.02.2.01", "Pemberdayaan Usaha Mikro", 400000000, 380000000, 95],
        ["7.01.02.2.01.01", "7.01.02.2.01.01 Pendataan Usaha Mikro", 150000000, 140000000, 93.33],
        [
            "5.1.02.01.01.0024",
            "Belanja Alat/Bahan untuk Kegiatan Kantor",
            150000000,
            140000000,
            93.33,
        ],
        ["7.01.02.2.01.0002", "Pelatihan Usaha Mikro", None, None, None],
        ["5.1.02.01.01.0026", "Belanja Alat Tulis Kantor", 100000000, 95000000, 95],
        ["5.1.02.02.01.0003", "Honorarium Narasumber", 150000000, 145000000, 96.67],
        [],
        [None, "JUMLAH", 400000000, 380000000, 95],
    ]
    return tulis_buku(path, {"Laporan": rows})


def test_hierarchical_report_makes_a_new_anggaran(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    book = _berjenjang(tmp_path / "laporan-2019.xlsx")
    code, _out, err = jalankan("import", str(folder), str(book), "--from", "sipd", "--year", "2019")
    assert code == 0, err
    text = (folder / "2019/anggaran.yaml").read_text()
    # Program and kegiatan take the report's own totals; the sub kegiatan without a
    # figure of its own takes the sum of its accounts: 100.000.000 + 150.000.000 and
    # 95.000.000 + 145.000.000; urusan, bidang and JUMLAH rows are not units.
    assert text == (
        "# yaml-language-server: $schema=../schema/anggaran.schema.json\n"
        "# Anggaran 2019 dari SIPD (sakipgen import --from sipd).\n"
        "program:\n"
        "  - id: P01\n"
        '    kode: "7.01.02"\n'
        "    uraian: PROGRAM PEMBERDAYAAN UMKM\n"
        "    pagu: 400000000\n"
        "    realisasi: 380000000\n"
        "    kegiatan:\n"
        '      - kode: "7.01.02.2.01"\n'
        "        uraian: Pemberdayaan Usaha Mikro\n"
        "        pagu: 400000000\n"
        "        realisasi: 380000000\n"
        "        sub_kegiatan:\n"
        '          - kode: "7.01.02.2.01.01"\n'
        "            uraian: Pendataan Usaha Mikro\n"
        "            pagu: 150000000\n"
        "            realisasi: 140000000\n"
        '          - kode: "7.01.02.2.01.0002"\n'
        "            uraian: Pelatihan Usaha Mikro\n"
        "            pagu: 250000000\n"
        "            realisasi: 240000000\n"
    )
    code, _out, err = jalankan("check", str(folder))
    assert code == 0, err


def test_column_names_from_sipd_yaml(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    book = _berjenjang(tmp_path / "lain.xlsx", kode_kolom="No. Kode", pagu_kolom="Pagu DPA")
    code, _out, err = jalankan("import", str(folder), str(book), "--from", "sipd", "--year", "2019")
    assert code == 1 and f"{book}: X001" in err and "sipd.yaml" in err
    assert not (folder / "2019").exists()
    (folder / "sipd.yaml").write_text(
        "# Judul kolom laporan SIPD Kabupaten Blora\nkolom:\n  kode: No. Kode\n  pagu: Pagu DPA\n"
    )
    code, _out, err = jalankan("import", str(folder), str(book), "--from", "sipd", "--year", "2019")
    assert code == 0, err
    assert "    pagu: 400000000\n" in (folder / "2019/anggaran.yaml").read_text()


def test_a_bad_figure_is_located_and_nothing_is_written(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    before = isi(folder)
    bad = tmp_path / "rusak.csv"
    bad.write_text(DATAR.read_text().replace(";245422100;", ";245.422,10;"))
    code, _out, err = jalankan("import", str(folder), str(bad), "--from", "sipd", "--year", "2021")
    assert code == 1
    assert f"{bad}:I2: N005" in err and f"{bad}:I3: N005" in err
    assert isi(folder) == before


def test_realisasi_per_account_is_summed_per_sub_kegiatan(tmp_path: Path) -> None:
    """After the flat DPA import, a realisasi report per account: 15.000.000 +
    250.000.000 = 265.000.000 pagu and 14.250.000 + 231.172.100 = 245.422.100
    realisasi for 7.01.02.2.01.0001, matched by number to the file's 7.01.02.2.01.01
    (nothing changes: the DPA had the same figures); 55.000.000 / 54.100.000 for 0002."""
    folder = salin(tmp_path)
    assert jalankan("import", str(folder), str(DATAR), "--from", "sipd", "--year", "2021")[0] == 0
    before = isi(folder)
    report = ROOT / "tests" / "fixtures" / "sipd" / "realisasi-per-rekening.csv"
    code, _out, err = jalankan("import", str(folder), str(report), "--from", "sipd")
    assert code == 0, err
    assert "Tidak ada nilai yang berubah" in err
    assert isi(folder) == before
    changed = tmp_path / "realisasi.csv"
    changed.write_text(report.read_text().replace(";231.172.100", ";235.000.000"))
    code, out, err = jalankan("import", str(folder), str(changed), "--from", "sipd")
    assert code == 0, err
    assert "245.422.100 → 249.250.000" in out  # 14.250.000 + 235.000.000

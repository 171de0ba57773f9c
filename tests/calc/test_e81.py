"""The E.81 form's computed columns (calc/e81.py), worked out by hand from Buleleng's
illustrative triwulan I-III 2021 and an added 2020 anggaran.yaml."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sakipgen.model.hasil import BarisE81, KRp
from sakipgen.pipeline import Pilihan, siapkan
from tests.conftest import salin

D = Decimal

TAHUN_LALU = """\
program:
  - id: P01
    uraian: Program Pelayanan Izin Usaha Simpan Pinjam
    sasaran: S1
    pagu: 55300000
    realisasi: 50000000
    indikator:
      - {uraian: Persentase koperasi yang memiliki Nomor Induk Koperasi (NIK), satuan: "%",
         target: 55, realisasi: 52}
    kegiatan:
      - uraian: >-
          Penerbitan Izin Pembukaan Kantor Cabang, Cabang Pembantu dan Kantor Kas
          Koperasi Simpan Pinjam untuk Koperasi dengan Wilayah Keanggotaan dalam
          Daerah Kabupaten/Kota
        indikator:
          - uraian: >-
              Jumlah koperasi yang mendapatkan izin pembukaan kantor cabang, cabang
              pembantu dan kantor kas
            satuan: koperasi
            target: 3
            realisasi: 2
"""


def _baris(tmp_path: Path, triwulan: int = 3) -> list[BarisE81]:
    root = salin(tmp_path, "buleleng")
    (root / "2020").mkdir()
    (root / "2020" / "anggaran.yaml").write_text(TAHUN_LALU, encoding="utf-8")
    b = siapkan(root, pilihan=Pilihan(dokumen=True, periode=(2021, 3 * triwulan, triwulan)))
    assert b.dinas is not None and not b.galat, [d.text() for d in b.galat]
    h = b.e81[2021]
    assert h.triwulan == triwulan
    return list(h.baris)


def test_program_columns(tmp_path: Path) -> None:
    rows = _baris(tmp_path)
    p = next(r for r in rows if r.uraian == "Program Pelayanan Izin Usaha Simpan Pinjam")
    assert (p.nomor, p.tingkat, p.satuan) == ("1.1", "program", "%")
    # (5) Renstra target 2022: 80; pagu indikatif 2017-2022:
    # 56.600.000 + 59.900.000 + 62.600.000 + 55.300.000 + 65.864.830 + 69.200.000
    assert p.target_renstra == KRp(D(80), 369464830)
    # (6) 2020: realisasi 52 % and Rp 50.000.000 (the only earlier year with data)
    assert p.realisasi_lalu == KRp(D(52), 50000000)
    assert p.target_tahun == KRp(D(68), 65864830)  # (7)
    # (8)-(11) the eselon III row's running % at months 3, 6, 9; money per quarter
    assert p.triwulan == (
        KRp(D("6.8"), 5322425), KRp(D("9.8"), 11122000), KRp(D("16.2"), 14696175), KRp(),
    )  # fmt: skip
    # (12) a running indikator takes triwulan III; Rp 5.322.425 + 11.122.000 + 14.696.175
    assert p.realisasi_tahun == KRp(D("16.2"), 31140600)
    # (13) still the latest (16,2); Rp 50.000.000 + 31.140.600
    assert p.realisasi_renstra == KRp(D("16.2"), 81140600)
    # (14) 16,2 / 80 = 20,25 %; 81.140.600 / 369.464.830 = 21,96 %
    assert (p.capaian_k, p.capaian_rp) == (D("20.25"), D("21.96"))
    assert p.unit == "Seksi Kelembagaan"


def test_a_kegiatan_whose_periods_add_up(tmp_path: Path) -> None:
    rows = _baris(tmp_path)
    k = next(r for r in rows if r.uraian.startswith("Penerbitan Izin Pembukaan Kantor Cabang"))
    assert (k.nomor, k.tingkat) == ("1.1.2", "kegiatan")
    assert k.target_renstra.k == D(4)  # Renstra 2022
    assert k.realisasi_lalu.k == D(2)  # 2020
    # months 7, 8, 9 one koperasi each (a per-period row): triwulan III = 3
    assert [t.k for t in k.triwulan] == [None, None, D(3), None]
    assert k.realisasi_tahun.k == D(3)
    assert k.realisasi_renstra.k == D(5)  # sifat jumlah: 2 + 3
    assert k.capaian_k == D("125.00")  # 5 / 4


def test_sasaran_rows_sum_their_programs(tmp_path: Path) -> None:
    rows = _baris(tmp_path)
    s = rows[0]
    assert (s.nomor, s.tingkat, s.sasaran_id) == ("1", "sasaran", "S1")
    # IK1.1 (kumulatif) per month in realisasi.yaml: March 18,9, June 37,5, September 56,4
    assert [t.k for t in s.triwulan] == [D("18.9"), D("37.5"), D("56.4"), None]
    assert s.realisasi_tahun.k == D("56.4")
    assert s.target_tahun.k == D("77.5")
    assert s.target_renstra.k is None and s.capaian_k is None  # no 2022 target
    programs = [r for r in rows if r.sasaran_id == "S1" and r.tingkat == "program" and r.pertama]
    assert s.target_tahun.rp == sum(r.target_tahun.rp or 0 for r in programs)
    assert s.realisasi_lalu.rp == 50000000  # only P01 has a 2020


def test_only_the_quarters_up_to_the_one_asked(tmp_path: Path) -> None:
    rows = _baris(tmp_path, triwulan=2)
    p = next(r for r in rows if r.uraian == "Program Pelayanan Izin Usaha Simpan Pinjam")
    assert p.triwulan[2] == KRp() and p.realisasi_tahun == KRp(D("9.8"), 16444425)


def test_the_export_sheet_carries_the_same_figures(tmp_path: Path) -> None:
    from sakipgen.ekspor.tabel import tabel_e81

    root = salin(tmp_path, "buleleng")
    b = siapkan(root, pilihan=Pilihan(dokumen=True, periode=(2021, 9, 3)))
    t = tabel_e81(b, 2021)
    assert t is not None and (t.nama, t.berkas) == ("E.81", "e81")
    judul = [k.judul for k in t.kolom]
    row = next(r for r in t.baris if r[2] == "Program Pelayanan Izin Usaha Simpan Pinjam")
    assert row[0] == "1.1"
    assert row[judul.index("(12) Realisasi Renja yang dievaluasi Rp")] == 31140600
    assert row[judul.index("(12) Realisasi Renja yang dievaluasi K")] == D("16.2")
    assert row[judul.index("(14) Capaian Renstra s.d. tahun ini K (%)")] == D("20.25")
    # without 2020 data: 31.140.600 / 369.464.830 = 8,43 %
    assert row[judul.index("(14) Capaian Renstra s.d. tahun ini Rp (%)")] == D("8.43")
    assert t.baris[-2][1] == "Rata-rata capaian kinerja (%)"


def test_a_whole_year_known_by_its_annual_figures(tmp_path: Path) -> None:
    """Triwulan IV of a year without quarters (2020: realisasi 52 % and Rp 50.000.000
    written for the year): column (12) takes the annual figures."""
    root = salin(tmp_path, "buleleng")
    (root / "2020").mkdir()
    (root / "2020" / "anggaran.yaml").write_text(TAHUN_LALU, encoding="utf-8")
    b = siapkan(root, pilihan=Pilihan(dokumen=True, periode=(2020, 12, 4)))
    assert b.dinas is not None and not b.galat, [d.text() for d in b.galat]
    p = next(r for r in b.e81[2020].baris if r.tingkat == "program")
    assert p.triwulan == (KRp(), KRp(), KRp(), KRp())
    assert p.realisasi_tahun == KRp(D(52), 50000000)
    assert p.realisasi_renstra == KRp(D(52), 50000000)  # nothing before 2020
    # 52 / 80 = 65,00 %; 50.000.000 / 369.464.830 = 13,53 %
    assert (p.capaian_k, p.capaian_rp) == (D("65.00"), D("13.53"))

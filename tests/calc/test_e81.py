"""The E.81 form's computed columns (calc/e81.py), worked out by hand from Buleleng's
illustrative triwulan I-III 2021, alone and with earlier years' anggaran.yaml.

The Renstra runs 2017-2022, so the 2021 form's column (6) is 2017-2020.  A figure of
those years that is not known is never taken as 0: the row is not graded, and says why
(issue 24: the Buleleng TW III form graded 63,97 "Rendah" with 2017-2020 read as 0)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sakipgen.model.hasil import BarisE81, HasilE81, KRp, TidakDinilai
from sakipgen.pipeline import Pilihan, siapkan
from tests.conftest import EXAMPLES, salin

D = Decimal
P01 = "Program Pelayanan Izin Usaha Simpan Pinjam"
CABANG = "Penerbitan Izin Pembukaan Kantor Cabang"
IZIN = "Penerbitan Izin Usaha Simpan Pinjam"


def tahun_lalu(pagu: int, realisasi: int, nik: str, cabang: int) -> str:
    """An earlier year's anggaran.yaml holding P01 only (its NIK percentage and one of
    its two kegiatan, with their realisasi): the other programs and P01's other kegiatan
    had no budget that year."""
    return f"""\
program:
  - id: P01
    uraian: {P01}
    sasaran: S1
    pagu: {pagu}
    realisasi: {realisasi}
    indikator:
      - {{uraian: Persentase koperasi yang memiliki Nomor Induk Koperasi (NIK), satuan: "%",
         realisasi: {nik}}}
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
            realisasi: {cabang}
"""


# 2017-2020: P01 spent 50.000.000 + 55.000.000 + 60.000.000 + 50.000.000 = 215.000.000;
# its NIK share was 24, 33, 44, 52 %; kantor cabang permits 1 + 1 + 2 + 2 = 6.
SEJARAH = {
    2017: tahun_lalu(56600000, 50000000, "24", 1),
    2018: tahun_lalu(59900000, 55000000, "33", 1),
    2019: tahun_lalu(62600000, 60000000, "44", 2),
    2020: tahun_lalu(55300000, 50000000, "52", 2),
}


def _e81(tmp_path: Path, triwulan: int = 3, sejarah: bool = True) -> HasilE81:
    root = salin(tmp_path, "buleleng")
    for tahun, teks in SEJARAH.items() if sejarah else ():
        (root / str(tahun)).mkdir()
        (root / str(tahun) / "anggaran.yaml").write_text(teks, encoding="utf-8")
    b = siapkan(root, pilihan=Pilihan(dokumen=True, periode=(2021, 3 * triwulan, triwulan)))
    assert b.dinas is not None and not b.galat, [d.text() for d in b.galat]
    h = b.e81[2021]
    assert h.triwulan == triwulan
    return h


def _baris(tmp_path: Path, triwulan: int = 3, sejarah: bool = True) -> list[BarisE81]:
    return list(_e81(tmp_path, triwulan, sejarah).baris)


def _cari(rows: list[BarisE81], awal: str) -> BarisE81:
    return next(r for r in rows if r.uraian.startswith(awal) and r.pertama)


def test_program_columns(tmp_path: Path) -> None:
    rows = _baris(tmp_path)
    p = _cari(rows, P01)
    assert (p.nomor, p.tingkat, p.satuan) == ("1.1", "program", "%")
    # (5) Renstra target 2022: 80; pagu indikatif 2017-2022:
    # 56.600.000 + 59.900.000 + 62.600.000 + 55.300.000 + 65.864.830 + 69.200.000
    assert p.target_renstra == KRp(D(80), 369464830)
    # (6) a state indikator's last year (2020: 52 %); Rp 215.000.000 spent 2017-2020
    assert p.realisasi_lalu == KRp(D(52), 215000000)
    assert p.target_tahun == KRp(D(68), 65864830)  # (7)
    # (8)-(11) the eselon III row's running % at months 3, 6, 9; money per quarter
    assert p.triwulan == (
        KRp(D("6.8"), 5322425), KRp(D("9.8"), 11122000), KRp(D("16.2"), 14696175), KRp(),
    )  # fmt: skip
    # (12) a running indikator takes triwulan III; Rp 5.322.425 + 11.122.000 + 14.696.175
    assert p.realisasi_tahun == KRp(D("16.2"), 31140600)
    # (13) still the latest (16,2); Rp 215.000.000 + 31.140.600
    assert p.realisasi_renstra == KRp(D("16.2"), 246140600)
    # (14) 16,2 / 80 = 20,25 %; 246.140.600 / 369.464.830 = 66,6209… → 66,62 %
    assert (p.capaian_k, p.capaian_rp) == (D("20.25"), D("66.62"))
    assert p.tanpa_k == () and p.tanpa_rp == ()
    assert p.unit == "Seksi Kelembagaan"


def test_a_kegiatan_whose_periods_add_up(tmp_path: Path) -> None:
    rows = _baris(tmp_path)
    k = _cari(rows, CABANG)
    assert (k.nomor, k.tingkat) == ("1.1.2", "kegiatan")
    assert k.target_renstra.k == D(4)  # Renstra 2022
    assert k.realisasi_lalu.k == D(6)  # sifat jumlah: 1 + 1 + 2 + 2 (2017-2020)
    # months 7, 8, 9 one koperasi each (a per-period row): triwulan III = 3
    assert [t.k for t in k.triwulan] == [None, None, D(3), None]
    assert k.realisasi_tahun.k == D(3)
    assert k.realisasi_renstra.k == D(9)  # 6 + 3
    assert k.capaian_k == D("225.00")  # 9 / 4


def test_a_kegiatan_without_budget_in_earlier_years_counts_from_this_year(
    tmp_path: Path,
) -> None:
    """2017-2020 list P01 without its izin usaha kegiatan: it had no budget then, so the
    Renstra to date is this year's (2 permits, months 7-9, against 15)."""
    k = _cari(_baris(tmp_path), IZIN)
    assert k.realisasi_lalu.k is None and k.realisasi_renstra.k == D(2)
    assert k.capaian_k == D("13.33") and k.tanpa_k == ()  # 2 / 15 = 13,333…


def test_unknown_earlier_years_are_not_graded(tmp_path: Path) -> None:
    """Without 2017-2020 (Buleleng as it is): an indikator that adds up across years, and
    every rupiah column (14), need those years; they are not graded, with the reason.
    A running or state indikator's Renstra to date is this year's own figure."""
    rows = _baris(tmp_path, sejarah=False)
    p = _cari(rows, P01)
    assert p.realisasi_lalu == KRp() and p.realisasi_renstra == KRp(D("16.2"), None)
    assert p.capaian_k == D("20.25") and p.capaian_rp is None
    tahun = (2017, 2018, 2019, 2020)
    assert p.tanpa_rp == (TidakDinilai("anggaran_lalu", tahun),)
    k = _cari(rows, CABANG)
    # before issue 24: (13) = 0 + 3, graded 3 / 4 = 75,00
    assert k.realisasi_renstra.k is None and k.capaian_k is None
    assert k.tanpa_k == (TidakDinilai("realisasi_lalu", tahun),)
    assert k.tanpa_k[0].teks() == "realisasi 2017-2020 belum diketahui (kolom 6)"


def test_the_means_take_only_the_rows_graded(tmp_path: Path) -> None:
    """Buleleng TW III as it is: four rows have a column (14) K — 1.1 16,2 / 80 = 20,25;
    1.3 51,3 / 75 = 68,40; 1.5 41,5 / 80 = 51,875 → 51,88; 6.1 81,25 / 88 = 92,33 (7.1
    is the same program again, not counted twice) — mean 232,86 / 4 = 58,215 → 58,22,
    Rendah (51 ≤ x < 66).  No rupiah is graded: 2017-2020 are unknown.  Issue 24: it
    printed 63,97 Rendah and 10,79 Sangat Rendah."""
    h = _e81(tmp_path, sejarah=False)
    graded = [(b.label, b.capaian_k) for b in h.baris if b.capaian_k is not None and not b.ulang]
    assert graded == [
        ("1.1", D("20.25")), ("1.3", D("68.40")), ("1.5", D("51.88")), ("6.1", D("92.33")),
    ]  # fmt: skip
    assert (h.rata_k, h.predikat_k) == (D("58.22"), "Rendah")
    assert (h.rata_rp, h.predikat_rp) == (None, None)
    # 38 rows printed, 7.1 and its second indikator repeat 6.1: 36 counted; 26 program
    # and kegiatan (S1 11, S2 4, S3 4, S4 2, S5 2, S6 2, S7 1 — 7.1 again not)
    assert (h.dinilai_k, h.dinilai_rp) == ((4, 36), (0, 26))
    sasaran = [b for b in h.baris if b.tingkat == "sasaran"]
    assert all(TidakDinilai("target_akhir") in b.tanpa_k for b in sasaran)


def test_a_program_serving_two_sasaran_is_counted_once(tmp_path: Path) -> None:
    """Program Penunjang (P12) serves S6 through its perencanaan kegiatan and S7 through
    its administrasi keuangan: listed under both, counted at 6.1; each sasaran's rupiah
    is its own kegiatan's (pagu 101.694.576 and 5.746.648.761: together P12's
    5.848.343.337), not the whole program twice."""
    rows = _baris(tmp_path, sejarah=False)
    s6 = next(b for b in rows if b.nomor == "6")
    s7 = next(b for b in rows if b.nomor == "7")
    assert (s6.target_tahun.rp, s7.target_tahun.rp) == (101694576, 5746648761)
    # pagu indikatif 2017-2022 of each kegiatan in renstra.yaml
    assert s6.target_renstra.rp == 90500000 + 94600000 + 98600000 + 91500000 + 101694576 + (
        105800000
    )
    assert s7.target_renstra.rp == 5057100000 + 5286900000 + 5516800000 + 5631700000 + (
        5746648761 + 5919000000
    )
    # money spent per quarter: SK12.1.1 21.123.150, 24.063.400, 22.400.850
    assert [t.rp for t in s6.triwulan] == [21123150, 24063400, 22400850, None]
    again = [b for b in rows if b.nomor.startswith("7.1") or b.label.startswith("7.1 ")]
    assert [(b.label, b.ulang) for b in again] == [
        ("7.1", "6.1"), ("7.1 (2)", "6.1"), ("7.1.1", ""),
    ]  # fmt: skip


def test_only_the_quarters_up_to_the_one_asked(tmp_path: Path) -> None:
    rows = _baris(tmp_path, triwulan=2)
    p = _cari(rows, P01)
    assert p.triwulan[2] == KRp() and p.realisasi_tahun == KRp(D("9.8"), 16444425)


def test_the_export_sheet_carries_the_same_figures(tmp_path: Path) -> None:
    from sakipgen.ekspor.tabel import tabel_e81

    root = salin(tmp_path, "buleleng")
    b = siapkan(root, pilihan=Pilihan(dokumen=True, periode=(2021, 9, 3)))
    t = tabel_e81(b, 2021)
    assert t is not None and (t.nama, t.berkas) == ("E.81", "e81")
    judul = [k.judul for k in t.kolom]
    row = next(r for r in t.baris if r[2] == P01)
    assert row[0] == "1.1"
    assert row[judul.index("(12) Realisasi Renja yang dievaluasi Rp")] == 31140600
    assert row[judul.index("(12) Realisasi Renja yang dievaluasi K")] == D("16.2")
    assert row[judul.index("(14) Capaian Renstra s.d. tahun ini K (%)")] == D("20.25")
    # without 2017-2020 the rupiah is not graded, and the sheet says why
    assert row[judul.index("(14) Capaian Renstra s.d. tahun ini Rp (%)")] is None
    assert row[judul.index("Keterangan")] == (
        "(14) Rp tidak dinilai: realisasi anggaran 2017-2020 belum diketahui (kolom 6)"
    )
    again = next(r for r in t.baris if r[0] == "7.1")
    assert again[judul.index("Keterangan")].startswith("dihitung sekali, di 6.1")
    assert t.baris[-2][1] == "Rata-rata capaian kinerja (%)"
    assert t.baris[-2][judul.index("(14) Capaian Renstra s.d. tahun ini K (%)")] == D("58.22")


def test_a_whole_year_known_by_its_annual_figures(tmp_path: Path) -> None:
    """Triwulan IV of a year without quarters (2020: realisasi 52 % and Rp 50.000.000
    written for the year): column (12) takes the annual figures.  2017-2019 are not
    known: the rupiah is not graded, the state indikator is (52 / 80 = 65,00 %)."""
    root = salin(tmp_path, "buleleng")
    (root / "2020").mkdir()
    (root / "2020" / "anggaran.yaml").write_text(SEJARAH[2020], encoding="utf-8")
    b = siapkan(root, pilihan=Pilihan(dokumen=True, periode=(2020, 12, 4)))
    assert b.dinas is not None and not b.galat, [d.text() for d in b.galat]
    p = next(r for r in b.e81[2020].baris if r.tingkat == "program")
    assert p.triwulan == (KRp(), KRp(), KRp(), KRp())
    assert p.realisasi_tahun == KRp(D(52), 50000000)
    assert p.realisasi_renstra == KRp(D(52), None)
    assert (p.capaian_k, p.capaian_rp) == (D("65.00"), None)
    assert p.tanpa_rp == (TidakDinilai("anggaran_lalu", (2017, 2018, 2019)),)


def test_a_year_without_realisasi_has_no_e81() -> None:
    """Sinjai 2018 has programs but no realisasi: asked for triwulan II it printed
    "95,97 Sangat Tinggi" from 2017's figures (issue 24)."""
    b = siapkan(EXAMPLES / "sinjai", pilihan=Pilihan(dokumen=True, periode=(2018, 6, 2)))
    assert b.dinas is not None and 2018 not in b.e81

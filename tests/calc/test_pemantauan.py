"""The rencana aksi up to a triwulan (calc/pemantauan.py), figures worked out by hand."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sakipgen.calc.pemantauan import gabung, jumlah_berjalan, selisih_berjalan
from sakipgen.pipeline import Pilihan, siapkan
from tests.conftest import salin

D = Decimal


def test_periods_make_a_span_by_the_rows_rule() -> None:
    assert gabung([None, D(5), D(7), None], "akhir") == D(7)  # running totals: the last
    assert gabung([D(1), None, D(2)], "jumlah") == D(3)
    assert gabung([D(80), D(90), D(85)], "rata_rata") == D(85)
    assert gabung([D(1), D(2)], "rata_rata") == D("1.5")
    assert gabung([D(1), D(2), D(2)], "rata_rata") == D("1.67")  # 5/3 to two places
    assert gabung([None, None], "jumlah") is None


def test_a_series_between_running_totals_and_per_period_amounts() -> None:
    # 1, -, 2, 3 per period run to 1, 3, 6; 2, 5, 9 running are 2, 3, 4 per period
    assert jumlah_berjalan([D(1), None, D(2), D(3)]) == [D(1), None, D(3), D(6)]
    assert selisih_berjalan([None, D(2), D(5), None, D(9)]) == [None, D(2), D(3), None, D(4)]


RENCANA_AKSI = """\
tabel:
  - tingkat: eselon_iv
    periode: bulanan
    baris:
      - sasaran: S1
        uraian: Jumlah koperasi yang dibina
        satuan: koperasi
        target: ["-", "-", 10, "-", "-", 20, "-", "-", 30, "-", "-", 40]
        realisasi: ["-", "-", 9, "-", "-", 21, "-", "-", 27]
        anggaran: 1000000
        realisasi_anggaran: {3: 200000, 6: 300000, 9: 150000}
      - sasaran: S1
        uraian: Laporan bulanan
        satuan: laporan
        kumulatif: false
        target: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]
        realisasi: [2, 2, 2, 1, 2, 3, 2, 2]
  - tingkat: staf
    periode: triwulan
    baris:
      - indikator: IK1.1
        kumulatif: true
        target: ["20%", "35%", "55%", "77,5%"]
  - tingkat: eselon_iii
    periode: triwulan
    baris:
      - program: P01
        uraian: Koperasi berizin
        target: [1, 2, 3, 4]
        anggaran: 65864830
"""

REALISASI = """\
indikator:
  IK1.1: {bulanan: {1: 5, 2: 10, 3: 18, 4: 22, 5: 26, 6: 33, 7: 40, 8: 44, 9: 50}}
"""


def _bundel(tmp_path: Path, periode: tuple[int, int | None]) -> object:
    root = salin(tmp_path, "buleleng")
    (root / "2021" / "rencana-aksi.yaml").write_text(RENCANA_AKSI, encoding="utf-8")
    (root / "2021" / "realisasi.yaml").write_text(REALISASI, encoding="utf-8")
    bundel = siapkan(root, pilihan=Pilihan(dokumen=True, periode=(2021, *periode)))
    assert bundel.dinas is not None and not bundel.galat, [d.text() for d in bundel.galat]
    return bundel


def test_triwulan_iii_of_running_per_period_and_indikator_rows(tmp_path: Path) -> None:
    h = _bundel(tmp_path, (9, 3)).pemantauan[2021]  # type: ignore[attr-defined]
    assert (h.bulan_awal, h.bulan, h.triwulan) == (7, 9, 3)
    a, b = h.tabel[0]
    # Running totals: the quarter's value is September's, as is the value to date.
    assert (a.target_periode, a.realisasi_periode, a.capaian_periode) == (D(30), D(27), D(90))
    assert (a.target_sd, a.realisasi_sd, a.capaian_sd) == (D(30), D(27), D(90))
    assert a.kategori_sd == "Tinggi"  # Permendagri 86: 76-90
    assert (a.target_tahunan, a.sisa) == (D(40), D(13))  # 40 - 27
    # Money: 200.000 + 300.000 + 150.000 of 1.000.000.
    assert (a.anggaran, a.realisasi_anggaran, a.serapan) == (1000000, 650000, D("65.00"))
    assert a.kosong == ()
    # Per period: July-September 2 + 2 + 2 = 6 planned, 2 + 2 reported (September missing).
    assert (b.target_periode, b.realisasi_periode) == (D(6), D(4))
    assert b.capaian_periode == D("66.67")
    assert (b.target_sd, b.realisasi_sd) == (D(18), D(16))  # 9 × 2; 2+2+2+1+2+3+2+2
    assert b.capaian_sd == D("88.89")
    assert (b.target_tahunan, b.sisa) == (D(24), D(8))
    assert b.kosong == (9,)
    # A quarterly row of a Renstra indikator reported monthly: each quarter is its last
    # month (March 18, June 33, September 50) against 55.
    (c,) = h.tabel[1]
    assert (c.target_periode, c.realisasi_periode) == (D(55), D(50))
    assert c.capaian_sd == D("90.91")
    assert (c.target_tahunan, c.sisa) == (D("77.5"), D("27.5"))
    # A program row takes the program's money spent (anggaran.yaml P01 realisasi_triwulan
    # 5.322.425 + 11.122.000 + 14.696.175 = 31.140.600 of 65.864.830 = 47,28%).
    (d,) = h.tabel[2]
    assert (d.anggaran, d.realisasi_anggaran, d.serapan) == (65864830, 31140600, D("47.28"))
    assert d.kosong == (1, 2, 3) and d.realisasi_sd is None  # nothing reported for it


def test_a_month_of_a_quarterly_table_counts_the_quarters_ended(tmp_path: Path) -> None:
    h = _bundel(tmp_path, (8, None)).pemantauan[2021]  # type: ignore[attr-defined]
    a, b = h.tabel[0]
    assert (a.target_periode, a.realisasi_periode) == (None, None)  # nothing due in August
    assert (a.target_sd, a.realisasi_sd) == (D(20), D(21))  # June's, the last given
    assert a.realisasi_anggaran == 500000  # the row's months 3 and 6: 200.000 + 300.000
    assert (b.target_periode, b.realisasi_periode) == (D(2), D(2))
    assert (b.target_sd, b.realisasi_sd, b.kosong) == (D(16), D(16), ())
    (c,) = h.tabel[1]
    assert (c.target_sd, c.realisasi_sd) == (D(35), D(33))  # June: August's quarter not ended
    (d,) = h.tabel[2]
    assert d.realisasi_anggaran == 5322425 + 11122000  # the quarters ended by August


def test_a_row_of_a_renstra_indikator_takes_the_annual_target_in_force(tmp_path: Path) -> None:
    """Issue 24.  The staf row measures IK1.1; its periods make 77,5 (the PK
    Perubahan's target, signed 29 Oktober 2021).  With the PK's 75 written, a triwulan
    III report (30 September: before the PK Perubahan) measures the year against 75:
    sisa 75 − 50 = 25, marked as the PK's; in triwulan IV the PK Perubahan's 77,5 is
    the row's own."""
    root = salin(tmp_path, "buleleng")
    (root / "2021" / "rencana-aksi.yaml").write_text(RENCANA_AKSI, encoding="utf-8")
    (root / "2021" / "realisasi.yaml").write_text(REALISASI, encoding="utf-8")
    target = root / "2021" / "target.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "pk:\n  indikator: {IK1.1: 75}\n")
    b = siapkan(root, pilihan=Pilihan(dokumen=True, periode=(2021, 9, 3)))
    assert b.dinas is not None and not b.galat, [d.text() for d in b.galat]
    h = b.pemantauan[2021]
    assert h.berlaku is not None and h.berlaku.sumber == "pk"
    (c,) = h.tabel[1]
    assert (c.target_tahunan, c.sisa, c.target_tahunan_dari) == (D(75), D(25), "pk")
    # The quarter and to-date targets stay the rencana aksi's (55 at triwulan III).
    assert (c.target_periode, c.realisasi_sd) == (D(55), D(50))
    b4 = siapkan(root, pilihan=Pilihan(dokumen=True, periode=(2021, 12, 4)))
    (c4,) = b4.pemantauan[2021].tabel[1]
    assert (c4.target_tahunan, c4.target_tahunan_dari) == (D("77.5"), None)

from __future__ import annotations

from decimal import Decimal

from sakipgen.calc.rencana_aksi import ringkas
from sakipgen.model.nilai import parse_nilai

D = Decimal


def values(*items: object) -> list:
    return [parse_nilai(i) for i in items]


def test_cumulative_laporan() -> None:
    # Buleleng staf rows: "1 Laporan" … "12 Laporan"
    r = ringkas(values(*[f"{i} Laporan" for i in range(1, 13)]), "akhir")
    assert r.tahunan == D(12)
    assert r.per_periode == [D(1)] * 12
    assert r.turun_di is None


def test_cumulative_with_gaps_and_decrease() -> None:
    r = ringkas(values("-", "-", "10", "-", "-", "20", "-", "-", "15", "-", "-", "30"), "akhir")
    assert r.tahunan == D(30)
    assert r.per_periode[2] == D(10) and r.per_periode[5] == D(10)
    assert r.turun_di == 9  # 15 after 20


def test_per_period_adds_up() -> None:
    # "2 Dokumen" every month is 24 documents in the year
    r = ringkas(values(*["2 Dokumen"] * 12), "jumlah")
    assert r.tahunan == D(24)
    assert r.kumulatif[-1] == D(24)
    assert r.kumulatif[5] == D(12)


def test_no_numbers() -> None:
    assert ringkas(values(*["-"] * 4), "jumlah").tahunan is None
    assert ringkas(values(*["-"] * 4), "akhir").tahunan is None


def test_a_row_takes_its_indikators_sifat_before_the_tables_rule(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: the rencana aksi follows the same rule as the realisasi. Buleleng's
    eselon II table made per-period (kumulatif: false): IK1.1, given sifat
    akhir_periode, still takes its last month, 77,5; IK4.1, without sifat, follows the
    table and sums its months, 20 + 27 + 34 + 40 + 47,3 + 54 + 60 + 67,5 + 74,3 + 81
    = 505,1."""
    from decimal import Decimal

    from sakipgen.pipeline import Pilihan, siapkan
    from tests.conftest import atur_sifat, salin

    root = salin(tmp_path, "buleleng")
    ra = root / "2021" / "rencana-aksi.yaml"
    text = ra.read_text(encoding="utf-8")
    ra.write_text(
        text.replace("    kumulatif: true\n", "    kumulatif: false\n", 1), encoding="utf-8"
    )
    atur_sifat(root / "renstra.yaml", "IK1.1", "akhir_periode")
    atur_sifat(root / "renstra.yaml", "IK4.1", None)
    b = siapkan(root, pilihan=Pilihan(dokumen=True))
    eselon_ii = b.rencana_aksi[2021][0]
    assert eselon_ii[0].tahunan == Decimal("77.5")
    assert eselon_ii[3].tahunan == Decimal("505.1")


def test_a_row_of_a_mean_indikator_takes_the_mean() -> None:
    """sifat rata_rata: (80 + 82 + 85) / 3 = 82,333… → 82,33; 80 and 81 → 80,5 exactly."""
    from decimal import Decimal

    from sakipgen.model.nilai import parse_nilai

    r = ringkas([parse_nilai(v) for v in (80, "-", 82, 85)], "rata_rata")
    assert r.tahunan == Decimal("82.33")
    assert r.kumulatif == [Decimal(80), None, Decimal(81), Decimal("82.33")]
    assert ringkas([parse_nilai(80), parse_nilai(81)], "rata_rata").tahunan == Decimal("80.5")

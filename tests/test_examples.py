"""The examples compute what the seeds' inputs give, figured by hand (the seed's own
printed figure is noted where it differs)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakipgen.calc.tahun import hitung_tahun
from sakipgen.model.hasil import HasilTahun
from sakipgen.pipeline import siapkan
from tests.conftest import EXAMPLES, EXPECTED_WARNINGS, ganti, salin

D = Decimal


def hasil(name: str, year: int) -> HasilTahun:
    b = siapkan(EXAMPLES / name)
    dinas, diags = b.dinas, b.diagnostics
    assert dinas is not None and all(d.severity == "warning" for d in diags), diags
    result, calc_diags = hitung_tahun(dinas, year)
    assert calc_diags == []
    return result


def capaian(h: HasilTahun) -> dict[str, Decimal | None]:
    return {r.indikator.id: r.capaian for s in h.sasaran for r in s.indikator}


@pytest.mark.parametrize("name", ["blora", "sinjai", "buleleng", "tanjabbar"])
def test_example_has_only_the_documented_warnings(name: str) -> None:
    b = siapkan(EXAMPLES / name, base=EXAMPLES / name)
    dinas, diags = b.dinas, b.diagnostics
    assert dinas is not None
    found = {(name, d.location.file, d.code) for d in diags}
    assert all(d.severity == "warning" for d in diags)
    assert found == {w for w in EXPECTED_WARNINGS if w[0] == name}


def test_blora_2021() -> None:
    h = hasil("blora", 2021)
    assert h.sumber_target == "pk"
    assert capaian(h) == {
        "IK1.1": D("135.31"),  # 43,30 / 32
        "IK1.2": D("194.05"),  # 13.244 / 6.825
        "IK2.1": D("89.89"),  # 2.645.059 / 2.942.679 = 89,886…; printed 89,88
        "IK2.2": D("123.86"),  # 86,70 / 70
    }
    s1, s2 = h.sasaran
    assert (s1.capaian, s1.kategori) == (D("164.68"), "Sangat Baik")  # BAB IV table: 165,68
    assert (s2.capaian, s2.kategori) == (D("106.88"), "Sangat Baik")  # printed 106,87
    assert (h.capaian, h.kategori) == (D("135.78"), "Sangat Baik")
    # Previous year: only printed capaian exist; sasaran 1 = (117,31 + 194,47) / 2 = 155,89
    assert (s1.capaian_tahun_lalu, s2.capaian_tahun_lalu) == (D("155.89"), D("111.67"))
    by_id = {r.indikator.id: r for s in h.sasaran for r in s.indikator}
    assert by_id["IK2.1"].kategori == "Baik"  # the narrative's "baik"; BAB IV says Sangat Baik
    assert by_id["IK1.1"].capaian_target_akhir == D("135.31")  # target akhir = 32
    a = h.anggaran
    assert a is not None
    assert (a.total.pagu, a.total.realisasi, a.total.serapan) == (
        1727182400,
        1576408211,
        D("91.27"),
    )
    assert (a.total.efisiensi, a.efisiensi_persen) == (150774189, D("8.73"))


def test_blora_2020_plan_year_with_printed_capaian() -> None:
    h = hasil("blora", 2020)
    assert h.sumber_target == "rkt"
    c = capaian(h)
    assert c["IK1.1"] == D("117.31") and c["IK3.1"] is None
    a = h.anggaran
    assert a is not None and a.total.serapan == D("99.22")  # 8.249.768.837 / 8.314.411.000


def test_sinjai_2017_lampiran_i() -> None:
    h = hasil("sinjai", 2017)
    assert h.sumber_target == "rkt"
    assert capaian(h) == {
        "IK1.1": D("103.74"),  # 86,82 / 83,69
        "IK1.2": D("102.38"),  # 43 / 42 = 102,381; the seed prints 102.39
        "IK2.1": D("101.85"),  # 1,10 / 1,08
        "IK2.2": D("142.86"),  # 50 / 35
        "IK3.1": D("100.00"),  # 32 / 32
        "IK3.2": D("112.54"),  # 8851 / 7865
    }
    # Lampiran I prints "Rata-rata capaian Kinerja 110.56": the mean over indikator
    assert h.rata_rata_indikator == D("110.56")
    assert [s.capaian for s in h.sasaran] == [D("103.06"), D("122.36"), D("106.27")]
    assert h.capaian == D("110.56")  # (103,06 + 122,36 + 106,27) / 3 = 110,563…


def test_sinjai_2018_is_a_plan() -> None:
    h = hasil("sinjai", 2018)
    assert not h.ada_realisasi and h.capaian is None
    targets = {r.indikator.id: r.target for s in h.sasaran for r in s.indikator}
    assert targets["IK1.1"].angka == D("84.03")
    assert targets["IK3.2"].angka == D("9500")
    assert h.anggaran is not None and h.anggaran.total.realisasi is None


def test_tanjabbar_compound_and_text_targets() -> None:
    h = hasil("tanjabbar", 2018)
    targets = {r.indikator.id: r.target for s in h.sasaran for r in s.indikator}
    ekspor = targets["IK3.2"]
    assert ekspor.jenis == "majemuk"
    assert [p.angka for p in ekspor.bagian] == [D(8), D(17)]
    assert targets["IK1.1"].jenis == "teks"
    assert len(targets) == 9  # 3 + 1 + 4 + 1 rows of the BAB IV table


def test_buleleng_one_penunjang_program_for_two_sasaran() -> None:
    """The seed prints the Program Penunjang under sasaran 6 (Perencanaan, evaluasi dan
    pelaporan kinerja, Rp 101.694.576) and sasaran 7 (administrasi keuangan,
    Rp 5.746.648.761): one program whose kegiatan name their own sasaran (issue 13)."""
    h = hasil("buleleng", 2021)
    assert h.anggaran is not None
    programs = [pp.program.id for pp in h.anggaran.program]
    assert len(programs) == 12 and programs.count("P12") == 1
    p12 = h.anggaran.program[-1]
    assert p12.pagu == 101_694_576 + 5_746_648_761 == 5_848_343_337
    by_sasaran = {s.sasaran_id: s for s in h.anggaran.sasaran}
    assert by_sasaran["S6"].pagu == 101_694_576
    assert by_sasaran["S7"].pagu == 5_746_648_761
    assert [pp.program.id for pp in by_sasaran["S7"].program] == ["P12"]


def test_no_target_is_a_class_of_its_own(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: Blora 2021 with IK2.2's PK target "-" and its realisasi 86,70 kept:
    IK2.2 is listed in the class "Tanpa Target" (or the profile's own label), outside
    every mean: S2 = IK2.1 alone = 2.645.059 / 2.942.679 × 100 = 89,886… → 89,89;
    overall (164,68 + 89,89) / 2 = 127,285 → 127,29."""
    root = salin(tmp_path)
    ganti(root / "2021" / "target.yaml", "    IK2.2: 70", '    IK2.2: "-"')
    b = siapkan(root)
    assert b.dinas is not None
    h, _diags = hitung_tahun(b.dinas, 2021)
    s2 = h.sasaran[1]
    ik22 = next(r for r in s2.indikator if r.indikator.id == "IK2.2")
    assert (ik22.capaian, ik22.kategori, ik22.realisasi.angka) == (None, "Tanpa Target", D("86.70"))
    assert s2.capaian == D("89.89")
    assert h.capaian == D("127.29")
    ganti(
        root / "sakip.yaml",
        "  desimal: 2\n",
        "  desimal: 2\n  kategori_tanpa_target: Tidak Dapat Diukur\n",
    )
    b = siapkan(root)
    assert b.dinas is not None
    h, _diags = hitung_tahun(b.dinas, 2021)
    assert h.sasaran[1].indikator[1].kategori == "Tidak Dapat Diukur"


def test_kegiatan_without_a_named_program(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: a kegiatan the source prints under sasaran 2 without its program
    (pagu 20.000.000, realisasi 19.000.000) is recorded under a program entry without
    id and uraian: S2 becomes 721.000.000 + 20.000.000 = 741.000.000 (realisasi
    715.323.691 + 19.000.000 = 734.323.691), the program prints as "-"."""
    root = salin(tmp_path)
    path = root / "2021" / "anggaran.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - kegiatan:\n"
        + "      - {uraian: Pembinaan Pasar Rakyat, sasaran: S2, pagu: 20000000,"
        + " realisasi: 19000000}\n",
        encoding="utf-8",
    )
    b = siapkan(root)
    assert b.dinas is not None and not b.galat
    h, _diags = hitung_tahun(b.dinas, 2021)
    assert h.anggaran is not None
    s2 = h.anggaran.sasaran[1]
    assert (s2.sasaran_id, s2.pagu, s2.realisasi) == ("S2", 741_000_000, 734_323_691)
    last = h.anggaran.program[-1].program
    assert (last.id, last.uraian) == ("TANPA-PROGRAM-1", "-")
    # A program with uraian but no id is still an error (the id is what target.yaml uses).
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  - kegiatan:\n", "  - uraian: Program X\n    kegiatan:\n"
        ),
        encoding="utf-8",
    )
    assert siapkan(root).galat

"""Budget figures of LKjIP Blora 2021 (Tabel 3.8), computed by hand from its inputs."""

from __future__ import annotations

from decimal import Decimal

from sakipgen.calc.anggaran import hitung_anggaran, pagu, realisasi
from sakipgen.model.anggaran import AnggaranTahun, Program

D = Decimal

ROWS = [  # id, sasaran, pagu, realisasi
    ("P01", "S1", 30_000_000, 26_200_000),
    ("P02", "S1", 556_182_400, 435_481_640),
    ("P03", "S1", 320_000_000, 299_522_100),
    ("P04", "S1", 100_000_000, 99_880_780),
    ("P05", "S2", 10_000_000, 10_000_000),  # the seed prints 100.000.000 (typo)
    ("P06", "S2", 596_000_000, 590_819_491),
    ("P07", "S2", 60_000_000, 59_873_700),
    ("P08", "S2", 45_000_000, 44_945_500),
    ("P09", "S2", 10_000_000, 9_685_000),
]


def blora() -> AnggaranTahun:
    return AnggaranTahun(
        program=[Program(id=i, uraian=i, sasaran=[s], pagu=p, realisasi=r) for i, s, p, r in ROWS]
    )


def test_blora_totals() -> None:
    h = hitung_anggaran(blora(), ["S1", "S2"])
    assert h.total.pagu == 1_727_182_400
    assert h.total.realisasi == 1_576_408_211
    assert h.total.serapan == D("91.27")  # 91.2706
    assert h.total.efisiensi == 150_774_189
    assert h.efisiensi_persen == D("8.73")  # 8.7294: the seed prints 8,72


def test_blora_per_sasaran_and_program() -> None:
    h = hitung_anggaran(blora(), ["S1", "S2"])
    s1, s2 = h.sasaran
    assert (s1.sasaran_id, s1.pagu, s1.realisasi) == ("S1", 1_006_182_400, 861_084_520)
    assert s1.serapan == D("85.58")  # 85.5794: the seed prints 85,60
    assert (s2.pagu, s2.realisasi, s2.serapan) == (721_000_000, 715_323_691, D("99.21"))
    serapan = {p.program.id: p.serapan for p in h.program}
    assert serapan == {
        "P01": D("87.33"),
        "P02": D("78.30"),
        "P03": D("93.60"),
        "P04": D("99.88"),
        "P05": D("100.00"),
        "P06": D("99.13"),
        "P07": D("99.79"),
        "P08": D("99.88"),  # 99.8789
        "P09": D("96.85"),
    }


def test_program_without_pagu_sums_its_kegiatan() -> None:
    p = Program.model_validate(
        {
            "id": "P1",
            "uraian": "x",
            "kegiatan": [
                {"uraian": "a", "pagu": 100, "realisasi": 90},
                {
                    "uraian": "b",
                    "sub_kegiatan": [{"uraian": "c", "pagu": 50}, {"uraian": "d", "pagu": 25}],
                },
            ],
        }
    )
    assert pagu(p) == 175
    assert realisasi(p) == 90


def test_totals_only_year_and_unassigned_programs() -> None:
    h = hitung_anggaran(
        AnggaranTahun.model_validate({"total": {"pagu": 8314411000, "realisasi": 8249768837}}), []
    )
    assert h.total.serapan == D("99.22")  # LKjIP Blora 2021 on 2020: 99,22 %
    free = hitung_anggaran(
        AnggaranTahun(program=[Program(id="X", uraian="x", pagu=10, realisasi=5)]), ["S1"]
    )
    assert free.sasaran[0].sasaran_id is None
    assert free.sasaran[0].serapan == D("50.00")


def test_pagu_zero_has_no_serapan() -> None:
    h = hitung_anggaran(
        AnggaranTahun(program=[Program(id="X", uraian="x", pagu=0, realisasi=5)]), []
    )
    assert h.program[0].serapan is None


def test_document_pagu_prefers_what_the_document_signs() -> None:
    """The PK/RKT program table: a pagu written in target.yaml's ``program:`` wins over
    anggaran.yaml's; the JUMLAH adds what is printed.  Blora 2021 with P02 signed at
    500.000.000 (not 556.182.400): 1.727.182.400 − 56.182.400 = 1.671.000.000."""
    from sakipgen.calc.anggaran import pagu_dokumen

    data = blora()
    h = hitung_anggaran(data, ["S1", "S2"])
    signed = pagu_dokumen(data.program, {"P02": 500_000_000}, h)
    assert signed.pagu("P02") == 500_000_000
    assert signed.pagu("P03") == 320_000_000
    assert signed.jumlah == 1_671_000_000
    assert signed.jumlah_kegiatan is None  # no kegiatan in this year's data
    as_budgeted = pagu_dokumen(data.program, {}, h)
    assert as_budgeted.jumlah == 1_727_182_400


def test_document_pagu_kegiatan_total() -> None:
    from sakipgen.calc.anggaran import pagu_dokumen

    data = AnggaranTahun.model_validate(
        {
            "program": [
                {
                    "id": "P1",
                    "uraian": "x",
                    "kegiatan": [{"uraian": "a", "pagu": 100}, {"uraian": "b", "pagu": 40}],
                },
                {"id": "P2", "uraian": "y", "kegiatan": [{"uraian": "c", "pagu": 7}]},
                {"id": "P3", "uraian": "z"},
            ]
        }
    )
    found = pagu_dokumen(data.program, {"P1": 150}, hitung_anggaran(data, []))
    # P1 signed 150; P2 is the sum of its kegiatan (7); P3 has no figure.
    assert dict(found.program) == {"P1": 150, "P2": 7, "P3": None}
    assert (found.jumlah, found.jumlah_kegiatan) == (157, 147)


def test_sasaran_named_on_kegiatan_splits_the_program() -> None:
    """Issue 13: one program whose kegiatan serve different sasaran (Buleleng's
    Program Penunjang: K12.1 for S6, K12.2 for S7) is counted by kegiatan."""
    from sakipgen.model.anggaran import Kegiatan, SubKegiatan

    p = Program(
        id="P12",
        uraian="Program Penunjang",
        kegiatan=[
            Kegiatan(
                uraian="Perencanaan",
                sasaran=["S6"],
                sub_kegiatan=[
                    SubKegiatan(uraian="Dokumen", pagu=101_694_576, realisasi=90_000_000)
                ],
            ),
            Kegiatan(
                uraian="Keuangan", sasaran=["S7"], pagu=5_746_648_761, realisasi=5_700_000_000
            ),
        ],
    )
    h = hitung_anggaran(AnggaranTahun(program=[p]), ["S6", "S7"])
    assert h.total.pagu == 5_848_343_337  # 101.694.576 + 5.746.648.761
    s6, s7 = h.sasaran
    assert (s6.sasaran_id, s6.pagu, s6.realisasi) == ("S6", 101_694_576, 90_000_000)
    assert s6.serapan == D("88.50")  # 90.000.000 / 101.694.576 = 88,5002…
    assert (s7.sasaran_id, s7.pagu, s7.realisasi) == ("S7", 5_746_648_761, 5_700_000_000)
    assert s7.serapan == D("99.19")  # 99,1882…
    # The program is listed under each sasaran with its part there; counted once.
    assert [pp.program.id for pp in s6.program + s7.program] == ["P12", "P12"]
    assert [pp.pagu for pp in h.program] == [5_848_343_337]


def test_the_lowest_sasaran_wins_and_the_rest_stays_with_the_program() -> None:
    """A sub kegiatan's own sasaran wins over its kegiatan's and program's; what the
    program's own pagu holds beyond its kegiatan stays under the program's sasaran."""
    from sakipgen.model.anggaran import Kegiatan, SubKegiatan

    p = Program(
        id="P1",
        uraian="P1",
        sasaran=["S1"],
        pagu=1_000,
        kegiatan=[
            Kegiatan(
                uraian="K1",
                sub_kegiatan=[
                    SubKegiatan(uraian="a", pagu=300),
                    SubKegiatan(uraian="b", sasaran=["S2"], pagu=200),
                ],
            ),
            Kegiatan(uraian="K2", sasaran=["S3"], pagu=400),
        ],
    )
    h = hitung_anggaran(AnggaranTahun(program=[p]), ["S1", "S2", "S3"])
    # S1: sub kegiatan a (300) + the program's 1.000 − (500 + 400) = 100 → 400.
    assert [(s.sasaran_id, s.pagu) for s in h.sasaran] == [("S1", 400), ("S2", 200), ("S3", 400)]
    assert sum(s.pagu or 0 for s in h.sasaran) == h.total.pagu == 1_000
    assert p.melayani == ["S1", "S2", "S3"]
    assert [k.uraian for k, _subs in p.kegiatan_untuk("S2")] == ["K1"]
    assert [sk.uraian for _k, subs in p.kegiatan_untuk("S2") for sk in subs] == ["b"]
    assert [k.uraian for k, _subs in p.kegiatan_untuk("S3")] == ["K2"]


def test_each_kegiatan_is_listed_once_under_the_sasaran_it_serves() -> None:
    """Issue 24: under each sasaran a split program lists only the kegiatan whose money
    counts there, with its part, never every kegiatan with its whole pagu.

    P (sasaran S1): K1 (S1) has sub kegiatan a 60 / 50 and b (S2) 40 / 40, so K1 is 100 /
    90 split 60 / 50 under S1 and 40 / 40 under S2; K2 (S2) 200 / 150."""
    from sakipgen.model.anggaran import Kegiatan, SubKegiatan

    p = Program(
        id="P",
        uraian="P",
        sasaran=["S1"],
        kegiatan=[
            Kegiatan(
                uraian="K1",
                sub_kegiatan=[
                    SubKegiatan(uraian="a", pagu=60, realisasi=50),
                    SubKegiatan(uraian="b", sasaran=["S2"], pagu=40, realisasi=40),
                ],
            ),
            Kegiatan(uraian="K2", sasaran=["S2"], pagu=200, realisasi=150),
        ],
    )
    h = hitung_anggaran(AnggaranTahun(program=[p]), ["S1", "S2"])
    s1, s2 = h.sasaran
    (p1,), (p2,) = s1.program, s2.program

    def rows(pp: object) -> list[tuple[str, int | None, int | None, list[str]]]:
        return [
            (b.unit.uraian, b.pagu, b.realisasi, [a.unit.uraian for a in b.anak])
            for b in pp.kegiatan  # type: ignore[attr-defined]
        ]

    assert (p1.pagu, p1.realisasi) == (60, 50)
    assert rows(p1) == [("K1", 60, 50, ["a"])]
    assert p1.kegiatan[0].serapan == D("83.33")  # 50 / 60 = 83,333…
    # S2: 40 + 200 = 240 and 40 + 150 = 190; 190 / 240 = 79,1666… → 79,17
    assert (p2.pagu, p2.realisasi, p2.serapan) == (240, 190, D("79.17"))
    assert rows(p2) == [("K1", 40, 40, ["b"]), ("K2", 200, 150, [])]
    # The parts under the sasaran add up to the kegiatan's whole figure (60 + 40 = 100).
    assert h.pos(p.kegiatan[0]).pagu == 100
    # The program as a whole lists every kegiatan with all its figures.
    (whole,) = h.program
    assert rows(whole) == [("K1", 100, 90, ["a", "b"]), ("K2", 200, 150, [])]


def test_realisasi_from_its_periods() -> None:
    """Issue 13: a budget realisasi given per month (else per quarter) sums to the
    realisasi; a realisasi written as such wins over its periods."""
    from sakipgen.calc.anggaran import realisasi_periode
    from sakipgen.model.anggaran import Kegiatan

    bulanan = Kegiatan(uraian="a", pagu=100, realisasi_bulanan={1: 10, 2: 15, 3: 20})
    triwulan = Kegiatan(uraian="b", pagu=200, realisasi_triwulan={1: 40, 2: 60})
    keduanya = Kegiatan(
        uraian="c", pagu=50, realisasi_triwulan={1: 9}, realisasi_bulanan={1: 3, 2: 3, 3: 4}
    )
    tertulis = Kegiatan(uraian="d", pagu=80, realisasi=70, realisasi_triwulan={1: 30})
    assert [realisasi(k) for k in (bulanan, triwulan, keduanya, tertulis)] == [45, 100, 10, 70]
    assert realisasi_periode(tertulis) == 30
    p = Program(id="P1", uraian="P1", sasaran=["S1"], kegiatan=[bulanan, triwulan])
    h = hitung_anggaran(AnggaranTahun(program=[p]), ["S1"])
    assert (h.total.pagu, h.total.realisasi) == (300, 145)
    assert h.total.serapan == D("48.33")  # 145 / 300 = 48,333…


def test_serapan_kategori_on_its_own_scale() -> None:
    """Issue 13: with ``skala_serapan: permendagri-86`` (≥ 91 Sangat Tinggi, 76–90
    Tinggi, 66–75 Sedang, 51–65 Rendah, ≤ 50 Sangat Rendah) each Blora serapan gets its
    band; without a scale none does."""
    from sakipgen.calc.kategori import pita_skala, rentang

    h = hitung_anggaran(blora(), ["S1", "S2"], skala_serapan=rentang(pita_skala("permendagri-86")))
    assert h.total.kategori_serapan == "Sangat Tinggi"  # 91,27
    s1, s2 = h.sasaran
    assert (s1.kategori_serapan, s2.kategori_serapan) == ("Tinggi", "Sangat Tinggi")  # 85,58; 99,21
    kat = {p.program.id: p.kategori_serapan for p in h.program}
    assert kat["P02"] == "Tinggi"  # 78,30
    assert kat["P01"] == "Tinggi"  # 87,33
    assert kat["P03"] == "Sangat Tinggi"  # 93,60
    assert hitung_anggaran(blora(), ["S1", "S2"]).total.kategori_serapan is None

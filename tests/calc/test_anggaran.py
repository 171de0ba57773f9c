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

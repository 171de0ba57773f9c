"""A negative indikator's own formula (issue 24): ``metode_negatif`` on the indikator in
renstra.yaml, beside the dinas's default in sakip.yaml (one report uses T / R for one
indikator and (2T − R) / T for another), in every capaian and in what the documents say.

Every expected figure is computed by hand from the YAML written here or in the example
(the arithmetic is in the comments)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from typer.testing import CliRunner

from sakipgen.cli import app
from sakipgen.pipeline import Pilihan, siapkan
from sakipgen.render import susun
from tests.baca_docx import buka, teks_dokumen
from tests.conftest import ganti, periksa, salin

SAKIP = """\
pemda: Kabupaten Contoh
dinas: {nama: Dinas Contoh}
kepala: {nama: Budi, jabatan: Kepala Dinas, nip: "19760817 199511 1 003"}
atasan: {jabatan: Bupati Contoh}
"""
# IK1 negatif by its own rasio (T / R), IK2 negatif by the dinas's selisih ((2T - R) / T).
RENSTRA = """\
periode: {mulai: 2020, akhir: 2024}
sasaran:
  - id: S1
    uraian: Menurunnya pengangguran
    indikator:
      - {id: IK1, uraian: Tingkat pengangguran terbuka, satuan: "%", polaritas: negatif,
         metode_negatif: rasio, target: {2021: 10, 2022: 9}, target_akhir: 5}
      - {id: IK2, uraian: Angka putus sekolah, satuan: "%", polaritas: negatif,
         target: {2021: 10, 2022: 9}, target_akhir: 5}
  - id: S2
    uraian: Meningkatnya layanan
    indikator:
      - {id: IK3, uraian: Jumlah layanan, satuan: layanan, target: {2021: 40, 2022: 45},
         target_akhir: 50}
  - id: S3
    uraian: Meningkatnya tata kelola
    indikator:
      - {id: IK4, uraian: Nilai SAKIP, satuan: nilai, target: {2022: 70}}
"""


def jalankan(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def dinas(tmp_path: Path, files: dict[str, str] | None = None) -> Path:
    root = tmp_path / "dinas"
    base = {
        "sakip.yaml": SAKIP,
        "renstra.yaml": RENSTRA,
        "2021/realisasi.yaml": "indikator: {IK1: 8, IK2: 8, IK3: 36}\n",
    }
    for name, content in {**base, **(files or {})}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def test_each_negative_indikator_by_its_own_formula(tmp_path: Path) -> None:
    root = dinas(tmp_path)
    code, out, err = jalankan("show", str(root), "--year", "2021", "--format", "json")
    assert code == 0, err
    d = json.loads(out)
    ind = {i["id"]: i for s in d["sasaran"] for i in s["indikator"]}
    # IK1 rasio: 10 / 8 = 125,00; against the target akhir 5 / 8 = 62,50
    assert (ind["IK1"]["capaian"], ind["IK1"]["capaian_target_akhir"]) == ("125.00", "62.50")
    # IK2 selisih: (2×10 − 8) / 10 = 120,00; (2×5 − 8) / 5 = 40,00
    assert (ind["IK2"]["capaian"], ind["IK2"]["capaian_target_akhir"]) == ("120.00", "40.00")
    # S1: (125 + 120) / 2 = 122,50; IK3 36 / 40 = 90,00, S2 90,00; overall 106,25
    s1 = d["sasaran"][0]
    assert (s1["capaian"], d["capaian"]) == ("122.50", "106.25")
    # The dinas's default made rasio: IK2 follows it, 10 / 8 = 125,00; S1 125,00.
    ganti(root / "sakip.yaml", "atasan: {jabatan: Bupati Contoh}\n", "atasan: {jabatan: B}\n"
          "profil: {metode_negatif: rasio}\n")  # fmt: skip
    d = json.loads(jalankan("show", str(root), "--year", "2021", "--format", "json")[1])
    assert [i["capaian"] for i in d["sasaran"][0]["indikator"]] == ["125.00", "125.00"]


def test_the_lkjip_and_the_rkt_say_which_formula(tmp_path: Path) -> None:
    root = dinas(tmp_path, {"2022/target.yaml": "rkt: {indikator: {IK1: 9, IK2: 9, IK3: 45}}\n"})
    b = siapkan(root, pilihan=Pilihan(dokumen=True, tahun_lain=(2022,)))
    rumus = (
        "Indikator negatif (makin rendah makin baik): capaian = target / realisasi × 100% "
        "untuk IK1; (2 × target − realisasi) / target × 100% untuk IK2."
    )
    lkjip = susun(b, "lkjip", 2021)
    assert lkjip.data is not None, [x.text() for x in lkjip.diagnostics]
    teks = teks_dokumen(buka(lkjip.data))
    assert teks.count(rumus) == 1  # under S1's table only: S2 has no negative indikator
    rkt = susun(b, "rkt", 2022)  # its lampiran evaluates 2021
    assert rkt.data is not None, [x.text() for x in rkt.diagnostics]
    assert rumus in teks_dokumen(buka(rkt.data))


def test_metode_negatif_on_a_positive_indikator_is_s004(tmp_path: Path) -> None:
    root = dinas(tmp_path)
    ganti(root / "renstra.yaml", "satuan: layanan, target:", "satuan: layanan, metode_negatif: "
          "rasio, target:")  # fmt: skip
    (found,) = [x for x in periksa(root)[1] if x.code == "S004"]
    assert found.location.yaml_path == "sasaran[1].indikator[0]"
    assert "metode_negatif hanya berlaku untuk indikator berpolaritas negatif" in found.message
    assert "(polaritas indikator ini: positif)" in found.message


def test_monitoring_and_e81_by_each_indikators_formula(tmp_path: Path) -> None:
    """Buleleng TW III with IK4.1 negatif by its own rasio and IK5.1 negatif by the
    dinas's selisih.  IK4.1 (kumulatif) to September: target 60, realisasi 58,7: 60 /
    58,7 = 102,2146… → 102,21 (selisih would be 102,17).  IK5.1 (kumulatif) target 55
    (month 9), realisasi 51,2 (triwulan 3): (110 − 51,2) / 55 = 106,909… → 106,91.
    E.81 column (14) of IK4.1, given a target akhir 81: (13) is 58,7 (its latest month),
    81 / 58,7 = 137,989… → 137,99 (selisih 127,53, positif 72,47)."""
    folder = salin(tmp_path, "buleleng")
    renstra = folder / "renstra.yaml"
    ganti(renstra, "polaritas: positif\n        sifat: kumulatif            # 20% ... 81%",
          "polaritas: negatif\n        metode_negatif: rasio\n        sifat: kumulatif"
          "            # 20% ... 81%")  # fmt: skip
    ganti(renstra, "polaritas: positif\n        sifat: kumulatif            # 30%",
          "polaritas: negatif\n        sifat: kumulatif            # 30%")  # fmt: skip
    ganti(renstra, "target: {2021: 81}", "target: {2021: 81}\n        target_akhir: 81")
    b = siapkan(folder, pilihan=Pilihan(dokumen=True, periode=(2021, 9, 3)))
    assert b.dinas is not None
    ra = b.dinas.tahun[2021].rencana_aksi
    assert ra is not None
    capaian = {
        row.indikator: hasil.capaian_sd
        for tb, baris in zip(ra.model.tabel, b.pemantauan[2021].tabel, strict=True)
        for row, hasil in zip(tb.baris, baris, strict=True)
        if row.indikator in ("IK4.1", "IK5.1")
    }
    assert {k: str(v) for k, v in capaian.items()} == {"IK4.1": "102.21", "IK5.1": "106.91"}
    (e81,) = [
        r.capaian_k
        for r in b.e81[2021].baris
        if r.tingkat == "sasaran" and r.sasaran_id == "S4" and r.pertama
    ]
    assert str(e81) == "137.99"
    monitoring = susun(b, "monitoring", 2021)
    assert monitoring.data is not None
    assert (
        "indikator negatif: target / realisasi × 100% untuk IK4.1; (2 × target − realisasi) "
        "/ target × 100% untuk IK5.1)" in teks_dokumen(buka(monitoring.data))
    )
